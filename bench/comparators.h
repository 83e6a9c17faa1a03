// Shared by the comparator benchmarks (bench/pg_fts.h, bench/sphinx.h): reading the query mix
// and timing a search engine on it with the rows of bench/stats.h.
//
// Query mix file: one query a line, a URL query string with the contract's search parameter
// names, UTF-8 percent-encoded ("q=g%C3%A5tur&postcode=7500&radius_km=10&sort=distance"). Empty
// lines and lines starting with '#' are skipped. Every line is parsed by
// search::parse_search_request, so a comparator sees exactly the request portal-server sees.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bench/mix.h"  // decode_query_string
#include "bench/stats.h"
#include "core/geo.h"
#include "core/vocabulary.h"
#include "search/request.h"

namespace portal::bench {

// Reads and parses a mix file. Throws std::runtime_error naming the line when a line is not a
// valid search request (core::Error's message), or when the file cannot be read or is empty.
std::vector<search::SearchRequest> load_mix(const std::string& path, const core::Vocabulary& vocabulary,
                                            const core::Geo& geo);

// One engine's connection, used by one thread at a time: answers a request and returns the
// number of matches (the total, not the page).
using QueryFn = std::function<long(const search::SearchRequest&)>;
// Makes one connection per client thread.
using ConnectFn = std::function<QueryFn()>;

struct LoadFigures {
  Summary single;          // one client: whole passes over the mix (after a warm-up pass)
  size_t zero_results = 0; // queries of the mix with no match
  std::vector<long> totals; // matches of each query of the mix, in mix order
  std::vector<double> query_ms;  // mean time of each query of the mix on one client
  Summary loaded;          // every query answered under load
  double seconds = 0;      // duration of the load phase
  int threads = 0;
  double throughput() const { return seconds > 0 ? static_cast<double>(loaded.count) / seconds : 0.0; }
};

// Times the mix: a warm-up pass, then whole passes on one connection until 1,000 queries or
// `seconds` (at least one pass), then `threads` clients
// (one connection each, starting at different places in the mix) for `seconds`.
// An exception in any client is rethrown.
LoadFigures measure_mix(const std::vector<search::SearchRequest>& mix, const ConnectFn& connect, int threads,
                        double seconds);

// Prints the rows "<name> single client", "<name> T clients" and the throughput line.
void print_figures(const std::string& name, const LoadFigures& f, size_t mix_size);
// The portal's own totals for the mix: search::Searcher on the index in `index_dir` (as
// portal-indexer rebuild writes it), one call per query, at the current time.
std::vector<long> portal_totals(const std::vector<search::SearchRequest>& mix, const std::string& index_dir,
                                const core::Vocabulary& vocabulary);
// Prints how many mix queries found nothing in the portal and in the comparator, and which
// queries differ in that.
void print_zero_comparison(const std::string& name, const std::vector<long>& comparator,
                           const std::vector<long>& portal);

// Prints one line per query of the mix: its number, matches and mean single-client time.
void print_per_query(const std::string& name, const LoadFigures& f);

}  // namespace portal::bench
