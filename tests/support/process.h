// Child processes for the pg/http tests: temporary directories, running a program to completion
// with captured output (portal-indexer), and picking a free TCP port.
//
// Children are started with fork/exec; they get the parent's environment minus every PORTAL_*
// variable except PORTAL_TEST_*, plus the variables the caller gives, an empty signal mask, and
// PR_SET_PDEATHSIG so that a crashing test never leaves them running. Not thread-safe to call
// from a thread that ends before the child (the death signal follows the forking thread).
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace portal::testing {

// A fresh directory under $TMPDIR (or /tmp), removed with its content by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

using Environment = std::map<std::string, std::string>;

struct ProcessResult {
  int exit_code = -1;     // the exit status; -1 when killed by a signal or timed out
  int signal = 0;         // the terminating signal, if any
  bool timed_out = false;
  std::string out;        // standard output
  std::string err;        // standard error

  // For assertion messages.
  std::string describe() const;
};

// Runs `program` with `args` and `env` added to the filtered environment, in `cwd` when not
// empty, with standard input from /dev/null, and waits at most `timeout` (then
// kills it). Throws std::runtime_error when the program cannot be started.
ProcessResult run_program(const std::filesystem::path& program, const std::vector<std::string>& args,
                          const Environment& env, std::chrono::milliseconds timeout = std::chrono::seconds(120),
                          const std::filesystem::path& cwd = {});

// Like run_program(), with `input` as the program's standard input.
ProcessResult run_program_with_input(const std::filesystem::path& program, const std::vector<std::string>& args,
                                     const Environment& env, const std::string& input,
                                     std::chrono::milliseconds timeout = std::chrono::seconds(120));

// ${PORTAL_BIN_DIR}/<name>.
std::filesystem::path portal_binary(const std::string& name);

// Runs portal-indexer with PORTAL_DATABASE_URL / PORTAL_INDEX_DIR set from the arguments (left
// unset when empty).
ProcessResult run_indexer(const std::vector<std::string>& args, const std::string& database_url,
                          const std::filesystem::path& index_dir,
                          std::chrono::milliseconds timeout = std::chrono::seconds(120),
                          const std::filesystem::path& cwd = {});

// run_indexer() with `input` as standard input (e.g. `user add`'s password).
ProcessResult run_indexer_with_input(const std::vector<std::string>& args, const std::string& database_url,
                                     const std::string& input,
                                     std::chrono::milliseconds timeout = std::chrono::seconds(120));

// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, then closed).
uint16_t free_port();

// Reads a whole file; "" when it cannot be read.
std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& content);

namespace detail {

// Starts `program` detached from waiting: stdout and stderr go to `out`/`err` (appended), stdin
// comes from `in`. Returns the
// child's pid. Throws std::runtime_error when fork fails; exec failures make the child exit 127.
int spawn(const std::filesystem::path& program, const std::vector<std::string>& args, const Environment& env,
          const std::filesystem::path& cwd, const std::filesystem::path& out, const std::filesystem::path& err,
          const std::filesystem::path& in = "/dev/null");

}  // namespace detail
}  // namespace portal::testing
