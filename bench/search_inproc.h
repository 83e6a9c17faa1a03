// In-process search benchmark: the mix answered by search::Searcher directly, as portal-server
// does it (parse_search_request, Searcher::search_serialised), without HTTP.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "bench/stats.h"
#include "search/result_cache.h"

namespace portal::bench {

struct InprocConfig {
  std::filesystem::path index_dir;
  std::filesystem::path mix_file;
  int threads = 2;        // for the throughput phase
  double seconds = 10;    // length of the throughput phase
  size_t latency_rounds = 1;  // passes over the mix for the single-threaded latency phase
  size_t slowest = 0;         // report this many slowest lines (for profiling)
  // When set: after the warm-up, write one line per mix line with what the answer says (total,
  // result ids in order, did_you_mean, facets), to compare two builds' answers (diff).
  std::filesystem::path answers_file;
  size_t cache_mb = 0;  // the searcher's answer cache (SearcherOptions::cache_bytes); 0: off
};

struct InprocResult {
  size_t queries = 0;       // lines in the mix
  size_t rejected = 0;      // lines the request parser refused (invalid_parameter)
  size_t documents = 0;     // in the index
  Summary latency;          // single-threaded, after a warm-up pass
  double throughput = 0;    // searches/s with `threads` threads
  double mean_total = 0;    // mean "total" of the answers (how much each query matches)
  std::vector<std::pair<double, std::string>> slowest;  // ms and line, slowest first
  search::ResultCache::Stats cache;  // at the end
};

// Throws core::Error(unavailable) when there is no index, std::runtime_error on a bad mix file.
InprocResult run_search_inproc(const InprocConfig& config);

}  // namespace portal::bench
