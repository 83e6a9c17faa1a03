// Answers searches and activity look-ups from the index alone (PostgreSQL may be down).
// Thread-safe: keeps a pool of per-thread Xapian readers and analyzers; each call reopens its
// reader to see the latest commit and switches to a new generation after a rebuild.
//
// Errors: core::Error(unavailable) when no index exists yet or Xapian fails.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/geo.h"
#include "core/vocabulary.h"
#include "search/index.h"
#include "search/request.h"

namespace portal::search {

class Searcher {
 public:
  Searcher(IndexDirectory dir, const core::Vocabulary& vocabulary, size_t max_readers);
  ~Searcher();

  // The contract's search answer: {"total","page","per_page","results","facets"}.
  nlohmann::json search(const SearchRequest& request, core::LocalTime now);

  // The stored document data of one activity (see document_data()), or nullopt.
  std::optional<nlohmann::json> document(const std::string& activity_id);

  // Number of documents in the live index.
  size_t size();

 private:
  struct Reader;
  class Lease;
  Lease acquire();
  void release(std::unique_ptr<Reader> reader);

  IndexDirectory dir_;
  const core::Vocabulary& vocabulary_;
  size_t max_readers_;
  size_t created_ = 0;
  std::vector<std::unique_ptr<Reader>> idle_;
  std::mutex mu_;
  std::condition_variable cv_;
};

// One search result in the contract's shape, from stored document data.
nlohmann::json result_json(const nlohmann::json& data, const std::string& snippet,
                           std::optional<double> distance_km, core::LocalTime now);

}  // namespace portal::search
