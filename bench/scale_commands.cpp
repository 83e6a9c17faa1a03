#include "bench/scale_commands.h"

#include <chrono>
#include <cstdio>
#include <iostream>

#include "bench/corpus.h"
#include "bench/floor_server.h"
#include "bench/mix.h"
#include "bench/search_inproc.h"
#include "core/geo.h"

namespace portal::bench {

struct ScaleCommands::State {
  CLI::App* corpus = nullptr;
  CLI::App* mix = nullptr;
  CLI::App* inproc = nullptr;
  CLI::App* floor = nullptr;
  CorpusConfig corpus_config;
  std::string corpus_out;
  MixConfig mix_config;
  std::string mix_corpus;
  InprocConfig inproc_config;
  std::string inproc_index, inproc_mix;
  int floor_port = 8089;
  int floor_threads = 0;
};

ScaleCommands::ScaleCommands(CLI::App& app) : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.corpus = app.add_subcommand("corpus", "generate a deterministic national corpus of listing files");
  s.corpus->add_option("--size", s.corpus_config.size, "activities")->required()->check(CLI::Range(1, 100000000));
  s.corpus->add_option("--seed", s.corpus_config.seed, "random seed");
  s.corpus->add_option("--out", s.corpus_out, "output folder")->required();
  s.corpus->add_option("--per-file", s.corpus_config.per_file, "activities per file")->check(CLI::Range(8, 1000000));

  s.mix = app.add_subcommand("mix", "print the benchmark query mix (one query string a line)");
  s.mix->add_option("--corpus", s.mix_corpus, "corpus folder")->required();
  s.mix->add_option("--count", s.mix_config.count, "queries")->check(CLI::Range(1, 10000000));
  s.mix->add_option("--seed", s.mix_config.seed, "random seed");

  s.inproc = app.add_subcommand("search-inproc", "latency and throughput of the mix against the index, in-process");
  s.inproc->add_option("--index", s.inproc_index, "index folder (PORTAL_INDEX_DIR)")->required();
  s.inproc->add_option("--mix", s.inproc_mix, "mix file")->required();
  s.inproc->add_option("--threads", s.inproc_config.threads, "threads for throughput")->check(CLI::Range(1, 64));
  s.inproc->add_option("--seconds", s.inproc_config.seconds, "throughput phase length")->check(CLI::Range(0.1, 3600.0));
  s.inproc->add_option("--rounds", s.inproc_config.latency_rounds, "latency passes over the mix")->check(CLI::Range(1, 100));
  s.inproc->add_option("--slowest", s.inproc_config.slowest, "also list this many slowest queries");
  s.inproc->add_option("--answers", s.inproc_config.answers_file,
                       "write each query's total, result ids and facets to this file (to compare builds)");
  s.inproc->add_option("--cache-mb", s.inproc_config.cache_mb, "the searcher's answer cache in MB (default 0: off)");

  s.floor = app.add_subcommand("floor-server", "plain Pistache endpoint that does no work (HTTP floor)");
  s.floor->add_option("--port", s.floor_port, "port on 127.0.0.1")->check(CLI::Range(1, 65535));
  s.floor->add_option("--threads", s.floor_threads, "HTTP threads (0: portal-server's default)")->check(CLI::Range(0, 64));
}

ScaleCommands::~ScaleCommands() = default;

bool ScaleCommands::chosen() const {
  return state_->corpus->parsed() || state_->mix->parsed() || state_->inproc->parsed() || state_->floor->parsed();
}

int ScaleCommands::run() {
  State& s = *state_;
  using Clock = std::chrono::steady_clock;
  if (s.corpus->parsed()) {
    const auto start = Clock::now();
    const auto geo = core::Geo::builtin();
    const auto summary = write_corpus(s.corpus_config, geo, s.corpus_out);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("corpus: %zu activities, %zu associations in %zu files in %s (%.1f s, seed %llu)\n",
                summary.activities, summary.associations, summary.files.size(), s.corpus_out.c_str(), seconds,
                static_cast<unsigned long long>(s.corpus_config.seed));
    return 0;
  }
  if (s.mix->parsed()) {
    for (const auto& line : make_mix(s.mix_corpus, s.mix_config)) std::cout << line << '\n';
    return std::cout ? 0 : 1;
  }
  if (s.inproc->parsed()) {
    s.inproc_config.index_dir = s.inproc_index;
    s.inproc_config.mix_file = s.inproc_mix;
    const auto r = run_search_inproc(s.inproc_config);
    std::printf("In-process search, %zu documents, %zu queries (%zu refused by the parser), mean total %.0f\n\n",
                r.documents, r.queries, r.rejected, r.mean_total);
    std::cout << table_header() << '\n' << table_row("in-process search", r.latency) << '\n';
    std::printf("\nin-process throughput: %.0f searches/s with %d threads\n", r.throughput, s.inproc_config.threads);
    if (s.inproc_config.cache_mb > 0) {
      std::printf("answer cache (%zu MB): %llu hits, %llu misses, %zu answers, about %.1f MB\n", s.inproc_config.cache_mb,
                  static_cast<unsigned long long>(r.cache.hits), static_cast<unsigned long long>(r.cache.misses),
                  r.cache.entries, static_cast<double>(r.cache.bytes) / (1 << 20));
    }
    if (!r.slowest.empty()) std::printf("\nslowest queries (ms):\n");
    for (const auto& [ms, line] : r.slowest) std::printf("%9.2f  %s\n", ms, line.c_str());
    return 0;
  }
  return run_floor_server(s.floor_port, s.floor_threads);
}

}  // namespace portal::bench
