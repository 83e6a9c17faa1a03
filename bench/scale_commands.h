// The national-scale benchmark subcommands of portal-bench (docs/benchmarks.md):
//   corpus --size N --seed S --out DIR        generate listing files
//   mix --corpus DIR --count K --seed S       print the query mix (one query string a line)
//   search-inproc --index DIR --mix FILE      latency and throughput of search::Searcher
//   floor-server --port P                     the plain Pistache endpoint (HTTP floor)
#pragma once

#include <memory>

#include <CLI/CLI.hpp>

namespace portal::bench {

class ScaleCommands {
 public:
  explicit ScaleCommands(CLI::App& app);  // registers the subcommands on app
  ~ScaleCommands();
  bool chosen() const;  // after parsing: one of these subcommands was given
  int run();            // runs it; returns the exit status (throws on failure)

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace portal::bench
