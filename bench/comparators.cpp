#include "bench/comparators.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "core/calendar.h"
#include "core/errors.h"
#include "search/searcher.h"

namespace portal::bench {
namespace {

constexpr size_t kMinSingleSamples = 1000;

double elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

std::vector<search::SearchRequest> load_mix(const std::string& path, const core::Vocabulary& vocabulary,
                                            const core::Geo& geo) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read the query mix " + path);
  std::vector<search::SearchRequest> mix;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    try {
      mix.push_back(search::parse_search_request(decode_query_string(line), vocabulary, geo));
    } catch (const std::exception& e) {
      throw std::runtime_error(path + ":" + std::to_string(number) + ": " + e.what());
    }
  }
  if (mix.empty()) throw std::runtime_error("the query mix " + path + " has no queries");
  return mix;
}

LoadFigures measure_mix(const std::vector<search::SearchRequest>& mix, const ConnectFn& connect, int threads,
                        double seconds) {
  LoadFigures f;
  f.threads = threads;
  {
    QueryFn query = connect();
    for (const auto& r : mix) query(r);  // warm-up: caches, plans, connection
    std::vector<double> samples;
    f.query_ms.assign(mix.size(), 0.0);
    size_t passes = 0;
    const auto start = std::chrono::steady_clock::now();
    // Whole passes over the mix until at least kMinSingleSamples queries or `seconds` are done.
    for (size_t pass = 0; pass == 0 || (samples.size() < kMinSingleSamples && elapsed_ms(start) < seconds * 1000.0);
         ++pass) {
      ++passes;
      for (size_t i = 0; i < mix.size(); ++i) {
        const auto begin = std::chrono::steady_clock::now();
        const long total = query(mix[i]);
        samples.push_back(elapsed_ms(begin));
        f.query_ms[i] += samples.back();
        if (pass == 0) {
          f.totals.push_back(total);
          if (total == 0) ++f.zero_results;
        }
      }
    }
    for (auto& ms : f.query_ms) ms /= static_cast<double>(passes);
    f.single = summarize(std::move(samples));
  }

  std::vector<std::vector<double>> per_thread(static_cast<size_t>(threads));
  std::vector<QueryFn> clients;
  for (int t = 0; t < threads; ++t) clients.push_back(connect());
  std::atomic<bool> stop{false};
  std::mutex error_mutex;
  std::exception_ptr error;
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      try {
        size_t i = static_cast<size_t>(t) * mix.size() / static_cast<size_t>(threads);
        while (!stop.load(std::memory_order_relaxed)) {
          const auto begin = std::chrono::steady_clock::now();
          clients[static_cast<size_t>(t)](mix[i % mix.size()]);
          per_thread[static_cast<size_t>(t)].push_back(elapsed_ms(begin));
          ++i;
        }
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
        stop = true;
      }
    });
  }
  while (!stop && elapsed_ms(start) < seconds * 1000.0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  stop = true;
  for (auto& w : workers) w.join();
  f.seconds = elapsed_ms(start) / 1000.0;
  if (error) std::rethrow_exception(error);
  std::vector<double> all;
  for (auto& v : per_thread) all.insert(all.end(), v.begin(), v.end());
  f.loaded = summarize(std::move(all));
  return f;
}

void print_figures(const std::string& name, const LoadFigures& f, size_t mix_size) {
  std::cout << table_row(name + " single client", f.single) << '\n'
            << table_row(name + " " + std::to_string(f.threads) + " clients", f.loaded) << '\n';
  std::printf("%s throughput: %.0f queries/s with %d clients over %.1f s; %zu of %zu mix queries found nothing\n",
              name.c_str(), f.throughput(), f.threads, f.seconds, f.zero_results, mix_size);
  if (f.zero_results > 0) {
    std::string which;
    for (size_t i = 0; i < f.totals.size(); ++i) {
      if (f.totals[i] == 0) which += (which.empty() ? "" : ", ") + std::to_string(i + 1);
    }
    std::printf("%s found nothing for mix queries (1-based, comments and blank lines not counted): %s\n",
                name.c_str(), which.c_str());
  }
}

std::vector<long> portal_totals(const std::vector<search::SearchRequest>& mix, const std::string& index_dir,
                                const core::Vocabulary& vocabulary) {
  search::Searcher searcher(search::IndexDirectory(index_dir), vocabulary, 1);
  const core::LocalTime now = core::copenhagen_time(std::chrono::system_clock::now());
  std::vector<long> totals;
  for (const auto& r : mix) totals.push_back(searcher.search(r, now).at("total").get<long>());
  return totals;
}

void print_zero_comparison(const std::string& name, const std::vector<long>& comparator,
                           const std::vector<long>& portal) {
  size_t portal_zero = 0, comparator_zero = 0;
  std::string only_portal, only_comparator;
  for (size_t i = 0; i < portal.size() && i < comparator.size(); ++i) {
    if (portal[i] == 0) ++portal_zero;
    if (comparator[i] == 0) ++comparator_zero;
    if (portal[i] > 0 && comparator[i] == 0) only_portal += (only_portal.empty() ? "" : ", ") + std::to_string(i + 1);
    if (portal[i] == 0 && comparator[i] > 0) {
      only_comparator += (only_comparator.empty() ? "" : ", ") + std::to_string(i + 1);
    }
  }
  std::printf("found nothing: portal %zu, %s %zu of %zu mix queries\n", portal_zero, name.c_str(), comparator_zero,
              portal.size());
  if (!only_portal.empty()) std::printf("  only the portal found something for: %s\n", only_portal.c_str());
  if (!only_comparator.empty()) std::printf("  only %s found something for: %s\n", name.c_str(), only_comparator.c_str());
}

void print_per_query(const std::string& name, const LoadFigures& f) {
  for (size_t i = 0; i < f.totals.size(); ++i) {
    std::printf("%s query %3zu: %7ld matches %9.2f ms\n", name.c_str(), i + 1, f.totals[i], f.query_ms[i]);
  }
}

}  // namespace portal::bench
