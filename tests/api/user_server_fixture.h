// A running portal-server on a fresh database with imported listings and user accounts, for
// HTTP tests of the account-based API: start() it in SetUp, then call() with a login() token.
#pragma once

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/http_client.h"
#include "tests/support/process.h"
#include "tests/support/server_process.h"
#include "tests/support/test_database.h"

namespace portal::api::tests {

class UserServerTest : public ::testing::Test {
 protected:
  static constexpr const char* kUserPassword = "korrekt-hest-batteri";

  // Imports `files`, adds each user (the arguments after `user add`, password kUserPassword) and
  // starts the server on that index with `env` added to its environment.
  void start(const std::vector<std::filesystem::path>& files, const std::vector<std::vector<std::string>>& users,
             const portal::testing::Environment& env = {}) {
    db_ = std::make_unique<portal::testing::TestDatabase>();
    tmp_ = std::make_unique<portal::testing::TempDir>();
    std::vector<std::string> import = {"import"};
    for (const auto& f : files) import.push_back(f.string());
    const auto imported = portal::testing::run_indexer(import, db_->url(), tmp_->path() / "index");
    ASSERT_EQ(imported.exit_code, 0) << imported.describe();
    for (const auto& user : users) {
      std::vector<std::string> args = {"user", "add"};
      args.insert(args.end(), user.begin(), user.end());
      const auto r = portal::testing::run_indexer_with_input(args, db_->url(), std::string(kUserPassword) + "\n");
      ASSERT_EQ(r.exit_code, 0) << r.describe();
    }
    portal::testing::ServerProcess::Options options;
    options.index_dir = tmp_->path() / "index";
    options.extra_env = env;
    server_ = std::make_unique<portal::testing::ServerProcess>(db_->url(), options);
  }

  void TearDown() override {
    if (HasFailure() && server_) std::cerr << "--- portal-server log ---\n" << server_->log() << "---\n";
    server_.reset();
    db_.reset();
  }

  portal::testing::HttpResponse call(const std::string& method, const std::string& target,
                                     const std::string& token = {}, const nlohmann::json& body = nullptr) {
    portal::testing::Headers headers = {{"Content-Type", "application/json"}};
    if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
    return portal::testing::http_request(server_->port(), method, target, headers,
                                         body.is_null() ? std::string() : body.dump());
  }

  // A session token of `username`; "invalid" (and a test failure) when the login fails.
  std::string login(const std::string& username, const std::string& password = kUserPassword) {
    const auto r = call("POST", "/api/v1/auth/login", {}, {{"username", username}, {"password", password}});
    EXPECT_EQ(r.status, 200) << username << ": " << r.describe();
    return r.status == 200 ? r.json().at("token").get<std::string>() : "invalid";
  }

  std::unique_ptr<portal::testing::TestDatabase> db_;
  std::unique_ptr<portal::testing::TempDir> tmp_;
  std::unique_ptr<portal::testing::ServerProcess> server_;
};

}  // namespace portal::api::tests
