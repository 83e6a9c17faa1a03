#include "core/errors.h"

namespace portal::core {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_parameter: return "invalid_parameter";
    case ErrorCode::invalid_body: return "invalid_body";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::unauthorized: return "unauthorized";
    case ErrorCode::forbidden: return "forbidden";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::payload_too_large: return "payload_too_large";
    case ErrorCode::too_many_requests: return "too_many_requests";
    case ErrorCode::unavailable: return "unavailable";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

Error::Error(ErrorCode code, std::string message, std::string field)
    : std::runtime_error(std::move(message)), code_(code), field_(std::move(field)) {}

}  // namespace portal::core
