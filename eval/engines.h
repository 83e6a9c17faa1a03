// The two engines compared by portal-relevance, both over the same database:
//
//   PortalEngine   the portal's own search (search::Searcher) over an index that
//                  indexer::rebuild builds into a private temporary folder.
//   PostgresEngine PostgreSQL full-text search with the `danish` configuration: a weighted
//                  tsvector (title A, interest labels B, description, association, place C) in
//                  a session-local TEMP table with a GIN index, ranked by ts_rank, with the
//                  portal's hard filters in SQL and the portal's fallback (all words, then any
//                  word).
//
// Both take a query's parameters through search::parse_search_request, so an invalid
// parameter throws core::Error(invalid_parameter) from search(). Not thread-safe.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "core/calendar.h"
#include "core/geo.h"
#include "core/vocabulary.h"
#include "eval/relevance.h"
#include "search/request.h"
#include "search/searcher.h"
#include "store/listing_store.h"

namespace portal::eval {

// The fixed "now" of every evaluation (affects only sort=next and searches without text).
core::LocalTime evaluation_time();

// The search request of a query: its params plus q and per_page = k.
search::SearchRequest request_for(const Query& query, size_t k, const core::Vocabulary& vocabulary,
                                  const core::Geo& geo);

class PortalEngine : public Engine {
 public:
  // Builds the index from `store` (a snapshot taken now). Throws what rebuild() throws.
  PortalEngine(store::ListingStore& store, const core::Vocabulary& vocabulary, const core::Geo& geo);
  ~PortalEngine() override;

  std::string name() const override { return "portal"; }
  std::vector<std::string> search(const Query& query, size_t k) override;
  size_t indexed() const { return indexed_; }

 private:
  const core::Vocabulary& vocabulary_;
  const core::Geo& geo_;
  std::filesystem::path dir_;  // removed by the destructor
  size_t indexed_ = 0;
  std::unique_ptr<search::Searcher> searcher_;
};

class PostgresEngine : public Engine {
 public:
  // Connects to `database_url` and builds the TEMP table and its GIN index from the current
  // activities. Throws pqxx exceptions.
  PostgresEngine(const std::string& database_url, const core::Vocabulary& vocabulary, const core::Geo& geo);

  std::string name() const override { return "postgres"; }
  std::vector<std::string> search(const Query& query, size_t k) override;

 private:
  const core::Vocabulary& vocabulary_;
  const core::Geo& geo_;
  pqxx::connection conn_;  // owns the TEMP table
};

}  // namespace portal::eval
