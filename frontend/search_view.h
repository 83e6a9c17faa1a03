// View models of the citizen search page: a search result as the citizen reads it (the card of
// templates/result.mustache, also used by the card page), and the whole page (form, facets,
// paging, the no-results help) from a search request and the searcher's answer.
// Pure functions of their arguments; thread-safe. All text is Danish and unescaped: the
// templates escape it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/geo.h"
#include "core/vocabulary.h"

namespace portal::frontend {

// One result of the search answer (search::result_json's shape) → the card's view model:
// {"id","title","url" (/aktivitet/ID),"association","snippet","interests" (Danish labels,
//  joined),"where" [lines],"distance" ("2,3 km væk"),"when" [lines],"schedule_note","next"
//  ("Næste gang: tirsdag 1. december kl. 10.00"),"transport" [plain words],"accessibility"
//  [labels],"has_transport","has_accessibility","price","price_note","welcome" (bool),"lat",
//  "lon" (strings with '.', "" when unknown),"has_map" (bool)}. Every key is always present;
//  a text that is not known is false (not ""), so a template section leaves it out and never
//  falls through to an outer context. Missing or odd fields never throw.
nlohmann::json result_view(const nlohmann::json& result, const core::Vocabulary& vocabulary);

// Danish wording used by the card, exposed for tests and other pages.
std::string schedule_line(const nlohmann::json& entry);    // "Hver tirsdag kl. 10.00–11.30"
std::string price_text(const nlohmann::json& result);      // "Gratis", "25 kr.", "Pris ikke oplyst"
std::string distance_text(double km, bool approximate);    // "2,3 km væk", "Cirka 2,3 km væk"
std::string transport_words(const core::Vocabulary& vocabulary, const std::string& code);
std::string weekday_name(const std::string& code);          // "tue" → "tirsdag"

// The citizen's search as it appears in the page's URL (the API's parameter names): parameter
// → values, lists for interest/target/transport/accessibility/day/time_of_day, one value for
// the rest. URLs list parameters in a fixed order, so they are stable and shareable.
class SearchState {
 public:
  // From decoded query parameters (repeated ones comma-joined, as api::query_params gives
  // them). Empty values are dropped, and so are what a plain form sends that means nothing:
  // radius_km without a place, sort=distance without a place. Unknown parameters are dropped.
  static SearchState from_params(const std::map<std::string, std::string>& params);

  const std::vector<std::string>& values(const std::string& name) const;
  std::string value(const std::string& name) const;  // the first value or ""
  bool has(const std::string& name, const std::string& value) const;
  SearchState without(const std::string& name) const;
  SearchState without(const std::string& name, const std::string& value) const;
  SearchState with(const std::string& name, const std::string& value) const;  // replaces
  // "/?q=g%C3%A5tur&interest=walking,nature&page=2"; "/" when empty.
  std::string url() const;
  // For search::parse_search_request: lists comma-joined.
  std::map<std::string, std::string> params() const;
  // True when nothing is searched for (page, sort and per_page do not count).
  bool empty() const;

 private:
  std::map<std::string, std::vector<std::string>> values_;
};

struct PageContext {
  const core::Vocabulary& vocabulary;
  const core::Geo& geo;
  std::string map_tiles;        // Leaflet URL template; "" = no background map
  std::string map_attribution;
};

// The view model of templates/search.mustache (and its results fragment
// templates/search_results.mustache). `answer` is the searcher's JSON, or null when nothing
// was searched (the first visit) or a parameter was invalid; `error` is the core::Error's
// {"field","message"} or null; `everything` is the answer of an empty search (its interest
// facet gives the counts of the first visit's shortcuts; may be null).
nlohmann::json search_page_view(const SearchState& state, const nlohmann::json& answer,
                                const nlohmann::json& error, const nlohmann::json& everything,
                                const PageContext& context);

// "1 aktivitet", "12 aktiviteter".
std::string count_text(uint64_t total);

}  // namespace portal::frontend
