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
#include "core/freshness.h"
#include "core/geo.h"
#include "core/vocabulary.h"
#include "search/index.h"
#include "search/places.h"
#include "search/request.h"
#include "search/result_cache.h"
#include "search/synonyms.h"

namespace portal::search {

struct SearcherOptions {
  // Place names understood in free text; nullptr: the compiled-in geography.
  const core::Geo* geo = nullptr;
  // Synonyms applied to queries; nullptr: the compiled-in synonyms.
  std::shared_ptr<Synonyms> synonyms;
  // Stale activities rank lower, hidden ones are not found (schema::kStaleWeightFactor).
  core::FreshnessPolicy freshness;
  // Memory for recent search answers (ResultCache), keyed by the request, the index revision,
  // the synonym table and the minute, so a cached answer is the answer search() would compute.
  // 0: no cache.
  size_t cache_bytes = 0;
};

class Searcher {
 public:
  Searcher(IndexDirectory dir, const core::Vocabulary& vocabulary, size_t max_readers,
           SearcherOptions options = {});
  ~Searcher();

  // The contract's search answer: {"total","page","per_page","results","facets"}, plus
  // each result's "freshness" on now's date (hidden activities are left out), plus
  // "did_you_mean" when misspelt words were corrected to find more, and
  // "matched_some_words" when no activity had all the words.
  nlohmann::json search(const SearchRequest& request, core::LocalTime now);

  // The same answer serialised as the HTTP API sends it (invalid UTF-8 replaced), with its
  // total; from the answer cache without parsing it when the cache has it.
  std::shared_ptr<const SerialisedAnswer> search_serialised(const SearchRequest& request, core::LocalTime now);

  // Completions of what has been typed so far, with the same Danish folding as search:
  // {"q", "suggestions": [{"type": "interest"|"title"|"word", "text", "code"|"id"?}]}.
  nlohmann::json suggest(const std::string& text, size_t limit);

  // The stored document data of one activity (see document_data()), or nullopt.
  std::optional<nlohmann::json> document(const std::string& activity_id);

  // Number of documents in the live index.
  size_t size();

  // Hits and misses of search()'s answer cache, and its memory.
  ResultCache::Stats cache_stats() const { return cache_.stats(); }

 private:
  struct Reader;
  nlohmann::json compute(Reader& reader, const SearchRequest& request, core::LocalTime now,
                         const SynonymTable& synonyms);
  // The cached answer, or computes, caches and returns it; `json` receives the computed answer
  // when the cache had none (saving search() a parse).
  std::shared_ptr<const SerialisedAnswer> cached(const SearchRequest& request, core::LocalTime now,
                                                 nlohmann::json* json);
  class Lease;
  Lease acquire();
  void release(std::unique_ptr<Reader> reader);

  IndexDirectory dir_;
  const core::Vocabulary& vocabulary_;
  std::unique_ptr<core::Geo> owned_geo_;
  const core::Geo* geo_ = nullptr;
  std::shared_ptr<Synonyms> synonyms_;
  core::FreshnessPolicy freshness_;
  Places places_;
  ResultCache cache_;
  size_t max_readers_;
  size_t created_ = 0;
  std::vector<std::unique_ptr<Reader>> idle_;
  std::mutex mu_;
  std::condition_variable cv_;
};

// Fewer results than this count as "few": try any word, then spelling corrections.
inline constexpr Xapian::doccount kFewResults = 3;

// The freshness of an indexed activity on `today` (nullopt when its document data has no
// "last_confirmed"), and the API's JSON of it: {"last_confirmed","state","stale_from",
// "hidden_from"}.
std::optional<core::Freshness> document_freshness(const nlohmann::json& data, core::Date today,
                                                  const core::FreshnessPolicy& policy);
nlohmann::json freshness_json(const core::Freshness& freshness);

// One search result in the contract's shape, from stored document data.
nlohmann::json result_json(const nlohmann::json& data, const std::string& snippet,
                           std::optional<double> distance_km, core::LocalTime now);

}  // namespace portal::search
