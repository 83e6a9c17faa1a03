#include "tests/support/process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace portal::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string templ = std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/portal-test-XXXXXX";
  if (::mkdtemp(templ.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed: " + std::string(std::strerror(errno)));
  }
  path_ = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string ProcessResult::describe() const {
  std::ostringstream s;
  s << "exit_code=" << exit_code;
  if (signal != 0) s << " signal=" << signal;
  if (timed_out) s << " (timed out)";
  s << "\n--- stdout ---\n" << out << "\n--- stderr ---\n" << err;
  return s.str();
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.flush();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

fs::path portal_binary(const std::string& name) { return fs::path(PORTAL_BIN_DIR) / name; }

namespace detail {

int spawn(const fs::path& program, const std::vector<std::string>& args, const Environment& env,
          const fs::path& cwd, const fs::path& out, const fs::path& err, const fs::path& in) {
  // Everything the child needs is prepared before fork: after it only async-signal-safe calls.
  std::vector<std::string> argv_storage;
  argv_storage.push_back(program.string());
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_storage;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('='));
    if (name.rfind("PORTAL_", 0) == 0 && name.rfind("PORTAL_TEST_", 0) != 0) continue;
    if (env.count(name)) continue;
    env_storage.push_back(entry);
  }
  for (const auto& [name, value] : env) env_storage.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);

  const std::string program_path = program.string();
  const std::string cwd_path = cwd.string();
  const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  const int err_fd = out == err ? out_fd : ::open(err.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  const int null_fd = ::open(in.c_str(), O_RDONLY | O_CLOEXEC);
  if (out_fd < 0 || err_fd < 0 || null_fd < 0) {
    const std::string reason = std::strerror(errno);
    if (out_fd >= 0) ::close(out_fd);
    if (err_fd >= 0 && err_fd != out_fd) ::close(err_fd);
    if (null_fd >= 0) ::close(null_fd);
    throw std::runtime_error("cannot open output files for " + program_path + ": " + reason);
  }
  const pid_t parent = ::getpid();

  const pid_t pid = ::fork();
  if (pid < 0) {
    const std::string reason = std::strerror(errno);
    ::close(out_fd);
    if (err_fd != out_fd) ::close(err_fd);
    ::close(null_fd);
    throw std::runtime_error("fork failed: " + reason);
  }
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(126);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    for (int s : {SIGPIPE, SIGTERM, SIGINT, SIGHUP}) ::sigaction(s, &dfl, nullptr);
    ::dup2(null_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    if (!cwd_path.empty() && ::chdir(cwd_path.c_str()) != 0) ::_exit(127);
    ::execve(program_path.c_str(), argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(out_fd);
  if (err_fd != out_fd) ::close(err_fd);
  ::close(null_fd);
  return pid;
}

}  // namespace detail

namespace {

ProcessResult run(const fs::path& program, const std::vector<std::string>& args, const Environment& env,
                  std::chrono::milliseconds timeout, const fs::path& cwd, const std::string* input) {
  if (!fs::exists(program)) throw std::runtime_error(program.string() + " does not exist (not built?)");
  TempDir tmp;
  const fs::path out = tmp.path() / "stdout";
  const fs::path err = tmp.path() / "stderr";
  fs::path in = "/dev/null";
  if (input != nullptr) {
    in = tmp.path() / "stdin";
    write_file(in, *input);
  }
  const pid_t pid = detail::spawn(program, args, env, cwd, out, err, in);

  ProcessResult result;
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0 && errno != EINTR) throw std::runtime_error("waitpid failed: " + std::string(std::strerror(errno)));
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      result.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (WIFEXITED(status) && !result.timed_out) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  result.out = read_file(out);
  result.err = read_file(err);
  return result;
}

}  // namespace

ProcessResult run_program(const fs::path& program, const std::vector<std::string>& args, const Environment& env,
                          std::chrono::milliseconds timeout, const fs::path& cwd) {
  return run(program, args, env, timeout, cwd, nullptr);
}

ProcessResult run_program_with_input(const fs::path& program, const std::vector<std::string>& args,
                                     const Environment& env, const std::string& input,
                                     std::chrono::milliseconds timeout) {
  return run(program, args, env, timeout, {}, &input);
}

ProcessResult run_indexer_with_input(const std::vector<std::string>& args, const std::string& database_url,
                                     const std::string& input, std::chrono::milliseconds timeout) {
  Environment env;
  if (!database_url.empty()) env["PORTAL_DATABASE_URL"] = database_url;
  return run_program_with_input(portal_binary("portal-indexer"), args, env, input, timeout);
}

ProcessResult run_indexer(const std::vector<std::string>& args, const std::string& database_url,
                          const fs::path& index_dir, std::chrono::milliseconds timeout, const fs::path& cwd) {
  Environment env;
  if (!database_url.empty()) env["PORTAL_DATABASE_URL"] = database_url;
  if (!index_dir.empty()) env["PORTAL_INDEX_DIR"] = index_dir.string();
  return run_program(portal_binary("portal-indexer"), args, env, timeout, cwd);
}

uint16_t free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed: " + std::string(std::strerror(errno)));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    const std::string reason = std::strerror(errno);
    ::close(fd);
    throw std::runtime_error("cannot pick a free port: " + reason);
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

}  // namespace portal::testing
