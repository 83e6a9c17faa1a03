#include "api/error_mapping.h"

#include <nlohmann/json.hpp>

#include "core/listing_json.h"

namespace portal::api {

using Pistache::Http::Code;

Code http_status(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::invalid_parameter:
    case core::ErrorCode::invalid_body: return Code::Bad_Request;
    case core::ErrorCode::not_found: return Code::Not_Found;
    case core::ErrorCode::unauthorized: return Code::Unauthorized;
    case core::ErrorCode::forbidden: return Code::Forbidden;
    case core::ErrorCode::conflict: return Code::Conflict;
    case core::ErrorCode::payload_too_large: return Code::Request_Entity_Too_Large;
    case core::ErrorCode::too_many_requests: return Code::Too_Many_Requests;
    case core::ErrorCode::unavailable: return Code::Service_Unavailable;
    case core::ErrorCode::internal: return Code::Internal_Server_Error;
  }
  return Code::Internal_Server_Error;
}

namespace {

nlohmann::json error_object(core::ErrorCode code, const std::string& message, const std::string& field) {
  nlohmann::json error = {{"code", core::to_string(code)}, {"message", message}};
  if (!field.empty()) error["field"] = field;
  return error;
}

ErrorResponse respond(core::ErrorCode code, const nlohmann::json& error) {
  return {http_status(code),
          nlohmann::json{{"error", error}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

}  // namespace

ErrorResponse error_response(core::ErrorCode code, const std::string& message, const std::string& field) {
  return respond(code, error_object(code, message, field));
}

ErrorResponse error_response(const core::Error& e) {
  nlohmann::json error = error_object(e.code(), e.what(), e.field());
  // A listing's validation names every invalid field (docs/api-editing.md).
  if (const auto* invalid = dynamic_cast<const core::InvalidListing*>(&e)) {
    error["fields"] = nlohmann::json::array();
    for (const auto& f : invalid->errors()) error["fields"].push_back({{"field", f.field}, {"message", f.reason}});
  }
  return respond(e.code(), error);
}

}  // namespace portal::api
