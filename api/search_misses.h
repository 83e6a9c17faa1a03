// Counts searches that found nothing, off the request path (docs/api-staff.md, supply and
// demand). record() only updates a small in-memory map under a mutex (bounded: at most
// kMaxKeys distinct day/municipality/query keys wait for a flush; more are dropped and logged
// once per flush); flush() hands the counts to the sink (StatsStore::add_search_misses in the
// server) and is called every few seconds by a Periodic owned by main. A failed flush puts the
// counts back (still bounded). Thread-safe.
//
// The query is normalised (lower case, single spaces, at most 200 bytes); a query with a
// CPR-shaped number is never recorded. A search with neither text nor interests is not counted.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "core/calendar.h"
#include "core/geo.h"
#include "search/request.h"
#include "store/stats_store.h"

namespace portal::api {

class SearchMissCounter {
 public:
  using Sink = std::function<void(const std::vector<store::SearchMiss>&)>;
  static constexpr size_t kMaxKeys = 10000;

  SearchMissCounter(const core::Geo& geo, Sink sink);

  // Call with a search's request and its answer's "total"; counts it when total is 0.
  void record(const search::SearchRequest& request, uint64_t total, core::Date day);

  // Writes what was counted so far through the sink.
  void flush();

  // The normalised query of a search ("" when it is not counted).
  static std::string query_of(const search::SearchRequest& request);

 private:
  using Key = std::tuple<int, std::string, std::string>;  // day, municipality, query
  const core::Geo& geo_;
  Sink sink_;
  std::mutex mu_;
  std::map<Key, int64_t> pending_;
  size_t dropped_ = 0;
};

}  // namespace portal::api
