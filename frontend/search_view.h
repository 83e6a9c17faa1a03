// View models of the citizen search page: a search result as the citizen reads it (the card of
// templates/result.mustache, also used by the card page), and the whole page (form, facets,
// paging, the no-results help) from a search request and the searcher's answer.
// Pure functions of their arguments; thread-safe. All text is Danish and unescaped: the
// templates escape it.
#pragma once

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

}  // namespace portal::frontend
