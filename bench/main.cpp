// portal-bench: benchmark commands that print figures (docs/benchmarks.md).
//   portal-bench write-latency --url URL --user NAME   (password on standard input)
//   portal-bench corpus | mix | search-inproc | floor-server   (bench/scale_commands.h)
//   portal-bench pg-fts --database URL --mix FILE [--threads T] [--seconds S]
//   portal-bench sphinx --database URL --mix FILE [--threads T] [--seconds S] [--port P]
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <pqxx/pqxx>

#include "bench/scale_commands.h"
#include "bench/comparators.h"
#include "bench/pg_fts.h"
#include "bench/sphinx.h"
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

struct CompareConfig {
  std::string database;
  std::string mix;
  int threads = 2;
  double seconds = 10;
  int port = 0;
  bool per_query = false;
  std::string index_dir;
};

void add_compare_options(CLI::App* cmd, CompareConfig& c) {
  cmd->add_option("--database", c.database, "the portal's PostgreSQL (libpq URL), after portal-indexer import")
      ->required();
  cmd->add_option("--mix", c.mix, "query mix: one URL query string a line")->required();
  cmd->add_option("--threads", c.threads, "concurrent clients, one connection each")->check(CLI::Range(1, 64));
  cmd->add_option("--seconds", c.seconds, "duration of the load phase")->check(CLI::Range(0.1, 3600.0));
  cmd->add_option("--index-dir", c.index_dir,
                  "the portal's search index: also compare which mix queries find nothing there");
  cmd->add_flag("--per-query", c.per_query, "also print each mix query's matches and mean time");
}

int pg_fts(const CompareConfig& c) {
  const auto vocabulary = portal::core::Vocabulary::builtin();
  const auto geo = portal::core::Geo::builtin();
  const auto mix = portal::bench::load_mix(c.mix, vocabulary, geo);
  pqxx::connection setup_conn(c.database);
  const auto setup = portal::bench::setup_fts(setup_conn, vocabulary);
  const long bytes = pqxx::nontransaction(setup_conn)
                         .exec1("SELECT pg_total_relation_size('bench_fts.listings')")[0]
                         .as<long>();
  std::printf("PostgreSQL full-text search (bench_fts), %ld listings, %zu queries in the mix\n", setup.rows, mix.size());
  std::printf("setup (table, tsvector, indexes, ANALYZE): %.2f s, %.0f listings/s, table + indexes %.1f MB\n\n",
              setup.seconds, setup.seconds > 0 ? static_cast<double>(setup.rows) / setup.seconds : 0.0,
              static_cast<double>(bytes) / 1e6);
  const auto figures = portal::bench::measure_mix(
      mix,
      [&] {
        auto conn = std::make_shared<pqxx::connection>(c.database);
        return portal::bench::QueryFn([conn](const portal::search::SearchRequest& r) {
          return portal::bench::run_fts(*conn, r).total;
        });
      },
      c.threads, c.seconds);
  std::cout << portal::bench::table_header() << '\n';
  portal::bench::print_figures("pg-fts", figures, mix.size());
  if (c.per_query) portal::bench::print_per_query("pg-fts", figures);
  if (!c.index_dir.empty()) {
    portal::bench::print_zero_comparison("pg-fts", figures.totals,
                                         portal::bench::portal_totals(mix, c.index_dir, vocabulary));
  }
  return 0;
}

int sphinx(const CompareConfig& c) {
  const auto vocabulary = portal::core::Vocabulary::builtin();
  const auto geo = portal::core::Geo::builtin();
  const auto mix = portal::bench::load_mix(c.mix, vocabulary, geo);
  pqxx::connection conn(c.database);
  portal::bench::SphinxServer server(conn, vocabulary, c.port);  // stops searchd when leaving, also on error
  std::printf("Sphinx searchd (127.0.0.1:%d), %ld listings, %zu queries in the mix\n", server.port(), server.rows(),
              mix.size());
  std::printf("export (xmlpipe2): %.2f s; indexer: %.2f s, %.0f listings/s, index %.1f MB\n\n",
              server.export_seconds(), server.index_seconds(),
              server.index_seconds() > 0 ? static_cast<double>(server.rows()) / server.index_seconds() : 0.0,
              static_cast<double>(server.index_bytes()) / 1e6);
  const auto figures = portal::bench::measure_mix(
      mix,
      [&] {
        auto client = std::make_shared<portal::bench::SphinxServer::Client>(server);
        return portal::bench::QueryFn([client](const portal::search::SearchRequest& r) {
          return client->search(r).total;
        });
      },
      c.threads, c.seconds);
  std::cout << portal::bench::table_header() << '\n';
  portal::bench::print_figures("sphinx", figures, mix.size());
  if (c.per_query) portal::bench::print_per_query("sphinx", figures);
  if (!c.index_dir.empty()) {
    portal::bench::print_zero_comparison("sphinx", figures.totals,
                                         portal::bench::portal_totals(mix, c.index_dir, vocabulary));
  }
  return 0;
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
  CompareConfig fts_config;
  auto* fts_cmd = app.add_subcommand("pg-fts", "the query mix answered by PostgreSQL full-text search");
  add_compare_options(fts_cmd, fts_config);
  CompareConfig sphinx_config;
  auto* sphinx_cmd = app.add_subcommand("sphinx", "the query mix answered by Sphinx searchd");
  add_compare_options(sphinx_cmd, sphinx_config);
  sphinx_cmd->add_option("--port", sphinx_config.port, "searchd's SphinxQL port (default: a free one)")
      ->check(CLI::Range(1, 65535));
  CLI11_PARSE(app, argc, argv);
  try {
    if (scale.chosen()) return scale.run();
    if (fts_cmd->parsed()) return pg_fts(fts_config);
    if (sphinx_cmd->parsed()) return sphinx(sphinx_config);
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
