// portal-bench: benchmark commands that print figures (docs/benchmarks.md).
//   portal-bench write-latency --url URL --user NAME   (password on standard input)
//   portal-bench corpus | mix | search-inproc | floor-server   (bench/scale_commands.h)
#include <cstdio>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "bench/scale_commands.h"
#include "bench/write_latency.h"

namespace {

int write_latency(const portal::bench::WriteLatencyConfig& config) {
  const auto r = portal::bench::measure_write_latency(config);
  std::cout << "Write-to-searchable latency, " << config.base_url << ", " << config.rounds << " writes over "
            << config.activities << " activities, " << config.readers << " reader threads\n\n"
            << portal::bench::table_header() << '\n'
            << portal::bench::table_row("PUT answered", r.put) << '\n'
            << portal::bench::table_row("write to searchable", r.visible) << '\n';
  if (config.readers > 0) {
    std::cout << portal::bench::table_row("searches under write load", r.reads) << '\n';
    std::printf("\nsearch throughput meanwhile: %.0f requests/s\n",
                r.read_seconds > 0 ? static_cast<double>(r.reads.count) / r.read_seconds : 0.0);
  }
  std::printf("not searchable within %d ms: %zu of %zu\n", config.timeout_ms, r.misses, config.rounds);
  return r.misses == 0 ? 0 : 3;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Fællesskabsportal: benchmarks (prints figures)"};
  app.require_subcommand(1);
  portal::bench::WriteLatencyConfig writes;
  auto* cmd = app.add_subcommand("write-latency", "time from an API write until search finds it");
  cmd->add_option("--url", writes.base_url, "portal-server base URL");
  cmd->add_option("--user", writes.username, "coordinator or association account (password on stdin)")->required();
  cmd->add_option("--rounds", writes.rounds, "writes to time")->check(CLI::Range(1, 100000));
  cmd->add_option("--activities", writes.activities, "activities to cycle through")->check(CLI::Range(1, 100));
  cmd->add_option("--readers", writes.readers, "search threads meanwhile")->check(CLI::Range(0, 64));
  cmd->add_option("--wait-seconds", writes.wait_seconds, "wait this long for the server to answer /healthz")
      ->check(CLI::Range(0, 600));
  cmd->add_option("--timeout-ms", writes.timeout_ms, "give up on one write after this")->check(CLI::Range(10, 60000));
  portal::bench::ScaleCommands scale(app);  // corpus, mix, search-inproc, floor-server
  CLI11_PARSE(app, argc, argv);
  try {
    if (scale.chosen()) return scale.run();
    if (!std::getline(std::cin, writes.password)) {
      std::cerr << "portal-bench: give the password on standard input\n";
      return 2;
    }
    return write_latency(writes);
  } catch (const std::exception& e) {
    std::cerr << "portal-bench: " << e.what() << '\n';
    return 1;
  }
}
