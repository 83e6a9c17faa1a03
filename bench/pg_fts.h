// The PostgreSQL full-text search comparator (portal-bench pg-fts, docs/benchmarks-comparators.md).
//
// Everything lives in the bench-owned schema `bench_fts` on the portal's own database (no
// migration): labels tables for the vocabulary, the view `bench_fts.source` deriving one row per
// public activity from the portal's tables (also the export of the Sphinx comparator), and the
// table `bench_fts.listings` with a weighted `danish` tsvector (title A, interest labels B,
// description and the rest of the portal's body text C), the filter columns and their indexes.
// A SearchRequest becomes ONE parameterised SQL statement returning the page, the total and the
// interest/transport/municipality facet counts over all matches.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "core/vocabulary.h"
#include "search/request.h"

namespace portal::bench {

// Creates (or replaces) the schema bench_fts, its labels tables and the view bench_fts.source.
// Idempotent; commits its own transaction.
void ensure_fts_source(pqxx::connection& conn, const core::Vocabulary& vocabulary);

struct FtsSetup {
  long rows = 0;
  double seconds = 0;  // source view + table + indexes + ANALYZE
};
// ensure_fts_source(), then rebuilds bench_fts.listings and its indexes from the portal's
// current activities in one transaction (re-running replaces the previous build).
FtsSetup setup_fts(pqxx::connection& conn, const core::Vocabulary& vocabulary);

// One statement and its text parameters ($1, $2, ... in order).
struct SqlQuery {
  std::string sql;
  std::vector<std::string> params;
};
// The SQL doing the portal's work for `r` (see the header comment). Result rows are
// (part text, key text, n bigint): part 'r' = a result id in page order, 't' = total in n,
// 'i'/'x'/'m' = interest/transport/municipality facet `key` with count n.
SqlQuery fts_query(const search::SearchRequest& r);

struct FtsAnswer {
  long total = 0;
  std::vector<std::string> ids;                                  // the page, in order
  std::map<std::string, std::map<std::string, long>> facets;     // "interest"/"transport"/"municipality"
};
FtsAnswer run_fts(pqxx::connection& conn, const search::SearchRequest& r);

}  // namespace portal::bench
