// Domain errors shared by every module. The API maps ErrorCode to an HTTP status in one place
// (api/error_mapping.cpp); messages are Danish, meant for the person who sent the input.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace portal::core {

enum class ErrorCode {
  invalid_parameter,  // a query or path parameter is malformed
  invalid_body,       // a request body is malformed or fails validation
  not_found,
  unauthorized,
  forbidden,
  conflict,
  payload_too_large,
  too_many_requests,  // e.g. too many failed logins; try again later
  unavailable,        // a dependency (database, index) cannot be reached right now
  internal,
};

std::string_view to_string(ErrorCode code);

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string message, std::string field = {});
  ErrorCode code() const { return code_; }
  const std::string& field() const { return field_; }

 private:
  ErrorCode code_;
  std::string field_;
};

}  // namespace portal::core
