// A real portal-server as a child process, for the http tests.
//
// The constructor starts ${PORTAL_BIN_DIR}/portal-server with PORTAL_DATABASE_URL, PORTAL_INDEX_DIR
// (a fresh temporary folder unless given) and PORTAL_PORT (a free port), writes its stdout and
// stderr to a log file, and waits until GET /healthz answers 200. When the server exits early
// or does not answer within `start_timeout`, it throws std::runtime_error carrying the log (a
// test failure in GoogleTest). stop() sends SIGTERM and waits; the destructor kills a server
// that still runs. Not copyable; one thread uses an instance.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "tests/support/http_client.h"
#include "tests/support/process.h"

namespace portal::testing {

class ServerProcess {
 public:
  struct Options {
    std::filesystem::path index_dir;  // empty: a fresh temporary folder
    std::chrono::milliseconds start_timeout = std::chrono::seconds(20);
    Environment extra_env;
  };

  explicit ServerProcess(std::string database_url) : ServerProcess(std::move(database_url), Options{}) {}
  ServerProcess(std::string database_url, Options options);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& database_url() const { return database_url_; }
  const std::filesystem::path& index_dir() const { return index_dir_; }
  // Everything the server wrote to stdout and stderr so far.
  std::string log() const;

  // True while the process has not exited (reaps it when it has).
  bool running();

  // SIGTERM, then waits up to `timeout`. Returns the exit status, 128+N when killed by signal N,
  // or -1 on timeout (the server is then killed with SIGKILL).
  int stop(std::chrono::milliseconds timeout = std::chrono::seconds(10));

  HttpResponse get(std::string_view target, const Headers& headers = {}) const {
    return http_get(port_, target, headers);
  }

 private:
  void start(std::chrono::milliseconds timeout);

  std::string database_url_;
  Options options_;
  std::unique_ptr<TempDir> tmp_;
  std::filesystem::path index_dir_;
  std::filesystem::path log_path_;
  uint16_t port_ = 0;
  pid_t pid_ = -1;
  int exit_status_ = -1;
  bool exited_ = false;
};

}  // namespace portal::testing
