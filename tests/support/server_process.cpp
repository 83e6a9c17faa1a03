#include "tests/support/server_process.h"

#include <signal.h>
#include <sys/wait.h>

#include <cerrno>
#include <stdexcept>
#include <thread>

namespace portal::testing {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

ServerProcess::ServerProcess(std::string database_url, Options options)
    : database_url_(std::move(database_url)), options_(std::move(options)), tmp_(std::make_unique<TempDir>()) {
  index_dir_ = options_.index_dir.empty() ? tmp_->path() / "index" : options_.index_dir;
  log_path_ = tmp_->path() / "server.log";
  // The port is free when picked but may be taken before the server binds it; try again then.
  for (int attempt = 0;; ++attempt) {
    try {
      start(options_.start_timeout);
      return;
    } catch (const std::runtime_error&) {
      const bool port_taken = log().find("Address already in use") != std::string::npos;
      if (!port_taken || attempt >= 3) throw;
    }
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0 && running()) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

std::string ServerProcess::log() const { return read_file(log_path_); }

void ServerProcess::start(std::chrono::milliseconds timeout) {
  port_ = free_port();
  Environment env = options_.extra_env;
  env["PORTAL_DATABASE_URL"] = database_url_;
  env["PORTAL_INDEX_DIR"] = index_dir_.string();
  env["PORTAL_PORT"] = std::to_string(port_);
  const fs::path program = portal_binary("portal-server");
  if (!fs::exists(program)) throw std::runtime_error(program.string() + " does not exist (not built?)");
  pid_ = detail::spawn(program, {}, env, {}, log_path_, log_path_);
  exit_status_ = -1;
  exited_ = false;

  const auto deadline = Clock::now() + timeout;
  std::string last_error;
  while (true) {
    if (!running()) {
      throw std::runtime_error("portal-server exited during start with status " + std::to_string(exit_status_) +
                               "\n--- server log ---\n" + log());
    }
    try {
      const HttpResponse r = http_get(port_, "/healthz", {}, std::chrono::milliseconds(1000));
      if (r.status == 200) return;
      last_error = r.describe();
    } catch (const HttpError& e) {
      last_error = e.what();
    }
    if (Clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      int status = 0;
      ::waitpid(pid_, &status, 0);
      pid_ = -1;
      throw std::runtime_error("portal-server did not answer GET /healthz with 200 within " +
                               std::to_string(timeout.count()) + " ms (last: " + last_error +
                               ")\n--- server log ---\n" + log());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
}

bool ServerProcess::running() {
  if (pid_ <= 0) return false;
  if (exited_) return false;
  int status = 0;
  pid_t r;
  do {
    r = ::waitpid(pid_, &status, WNOHANG);
  } while (r < 0 && errno == EINTR);
  if (r == 0) return true;
  exited_ = true;
  if (r == pid_) exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return false;
}

int ServerProcess::stop(std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return exit_status_;
  if (!running()) return exit_status_;
  ::kill(pid_, SIGTERM);
  const auto deadline = Clock::now() + timeout;
  while (running()) {
    if (Clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      int status = 0;
      ::waitpid(pid_, &status, 0);
      exited_ = true;
      exit_status_ = -1;
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return exit_status_;
}

}  // namespace portal::testing
