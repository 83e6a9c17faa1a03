// Shared by the HTTP tests: a JSON call with an optional Bearer token, and the check of the
// contract's error shape. Header-only; GoogleTest assertions.
#pragma once

#include <cstdint>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/http_client.h"

namespace portal::api::tests {

// METHOD target with a JSON body (none when null) and `Authorization: Bearer token` when given.
inline testing::HttpResponse json_call(uint16_t port, const std::string& method, const std::string& target,
                                       const std::string& token = {}, const nlohmann::json& body = nullptr) {
  testing::Headers headers = {{"Content-Type", "application/json"}};
  if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
  return testing::http_request(port, method, target, headers, body.is_null() ? std::string() : body.dump());
}

// `r` is the contract's JSON error with this status, code, a message and (when given) field.
inline void expect_json_error(const testing::HttpResponse& r, int status, const std::string& code,
                              const std::string& field = {}) {
  ASSERT_EQ(r.status, status) << r.describe();
  const nlohmann::json error = r.json().at("error");
  EXPECT_EQ(error.value("code", ""), code) << r.body;
  EXPECT_FALSE(error.value("message", "").empty()) << r.body;
  if (!field.empty()) {
    EXPECT_EQ(error.value("field", ""), field) << r.body;
  }
}

}  // namespace portal::api::tests
