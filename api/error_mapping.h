// The one place where domain errors become HTTP answers:
// {"error": {"code", "message", "field"}} with a fitting status; a core::InvalidListing adds
// "fields": [{"field", "message"}, …] naming every invalid field.
#pragma once

#include <string>

#include <pistache/http_defs.h>

#include "core/errors.h"

namespace portal::api {

struct ErrorResponse {
  Pistache::Http::Code status;
  std::string body;  // JSON
};

Pistache::Http::Code http_status(core::ErrorCode code);
ErrorResponse error_response(const core::Error& error);
ErrorResponse error_response(core::ErrorCode code, const std::string& message, const std::string& field = {});

}  // namespace portal::api
