#include "api/error_mapping.h"

#include <nlohmann/json.hpp>

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

ErrorResponse error_response(core::ErrorCode code, const std::string& message, const std::string& field) {
  nlohmann::json error = {{"code", core::to_string(code)}, {"message", message}};
  if (!field.empty()) error["field"] = field;
  return {http_status(code),
          nlohmann::json{{"error", error}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

ErrorResponse error_response(const core::Error& e) { return error_response(e.code(), e.what(), e.field()); }

}  // namespace portal::api
