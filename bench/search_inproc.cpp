#include "bench/search_inproc.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "bench/mix.h"
#include "core/calendar.h"
#include "core/errors.h"
#include "core/geo.h"
#include "core/vocabulary.h"
#include "search/searcher.h"

namespace portal::bench {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// One line per mix line: "total ids… | did_you_mean | facets" (or the parser's refusal).
void write_answers(const std::filesystem::path& file, const std::vector<std::string>& lines,
                   search::Searcher& searcher, const core::Vocabulary& vocabulary, const core::Geo& geo) {
  std::ofstream out(file);
  if (!out) throw std::runtime_error("cannot write " + file.string());
  for (const auto& line : lines) {
    try {
      const auto request = search::parse_search_request(decode_query_string(line), vocabulary, geo);
      const auto answer = searcher.search(request, core::copenhagen_time(std::chrono::system_clock::now()));
      out << answer.value("total", uint64_t{0});
      for (const auto& r : answer["results"]) out << ' ' << r["id"].get<std::string>();
      out << " | " << answer.value("did_you_mean", "") << " | " << answer["facets"].dump() << '\n';
    } catch (const core::Error& e) {
      if (e.code() != core::ErrorCode::invalid_parameter) throw;
      out << "refused: " << e.what() << '\n';
    }
  }
}

}  // namespace

InprocResult run_search_inproc(const InprocConfig& config) {
  const auto lines = read_mix(config.mix_file);
  const auto vocabulary = core::Vocabulary::builtin();
  const auto geo = core::Geo::builtin();
  search::SearcherOptions options;
  options.geo = &geo;
  options.cache_bytes = config.cache_mb << 20;
  search::Searcher searcher(search::IndexDirectory(config.index_dir), vocabulary,
                            static_cast<size_t>(std::max(config.threads, 1)) + 1, options);
  InprocResult result;
  result.queries = lines.size();
  result.documents = searcher.size();

  // Each search does what the HTTP handler does: parse, search, serialise.
  auto one = [&](const std::string& line, uint64_t* total) {
    try {
      const auto request = search::parse_search_request(decode_query_string(line), vocabulary, geo);
      const auto answer = searcher.search_serialised(request, core::copenhagen_time(std::chrono::system_clock::now()));
      if (total) *total += answer->total;
      return !answer->text.empty();
    } catch (const core::Error& e) {
      if (e.code() != core::ErrorCode::invalid_parameter) throw;
      return false;
    }
  };

  for (const auto& line : lines) {  // warm-up: page cache, reader pool, first-use allocations
    if (!one(line, nullptr)) ++result.rejected;
  }
  if (!config.answers_file.empty()) write_answers(config.answers_file, lines, searcher, vocabulary, geo);
  std::vector<double> samples;
  uint64_t total = 0;
  std::vector<double> per_line(lines.size(), 0.0);
  for (size_t round = 0; round < std::max<size_t>(config.latency_rounds, 1); ++round) {
    for (size_t i = 0; i < lines.size(); ++i) {
      const auto start = Clock::now();
      one(lines[i], &total);
      samples.push_back(ms_since(start));
      per_line[i] = std::max(per_line[i], samples.back());
    }
  }
  for (size_t i = 0; i < lines.size(); ++i) result.slowest.emplace_back(per_line[i], lines[i]);
  std::sort(result.slowest.begin(), result.slowest.end(), std::greater<>());
  result.slowest.resize(std::min(result.slowest.size(), config.slowest));
  result.mean_total = samples.empty() ? 0 : static_cast<double>(total) / static_cast<double>(samples.size());
  result.latency = summarize(std::move(samples));

  std::atomic<bool> stop{false};
  std::atomic<uint64_t> done{0};
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  for (int t = 0; t < config.threads; ++t) {
    threads.emplace_back([&, t] {
      uint64_t n = 0;
      for (size_t i = static_cast<size_t>(t) * lines.size() / static_cast<size_t>(config.threads); !stop; ++i) {
        one(lines[i % lines.size()], nullptr);
        ++n;
      }
      done += n;
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(config.seconds));
  stop = true;
  for (auto& t : threads) t.join();
  result.throughput = static_cast<double>(done) / (ms_since(start) / 1000.0);
  result.cache = searcher.cache_stats();
  return result;
}

}  // namespace portal::bench
