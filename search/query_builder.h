// Turns free text and filters into Xapian queries, using the shared Analyzer so that query
// terms are exactly the index's terms. Not thread-safe (uses the caller's Analyzer).
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "search/analyzer.h"
#include "search/places.h"
#include "search/request.h"
#include "search/synonyms.h"

namespace portal::search {

enum class WordMode { all, any };

// What a free text asks for. Content words are grouped: a hyphenated compound is one group
// of its parts. Stopwords are dropped (unless nothing else is left); place, weekday and
// time-of-day words become preferences instead of words to match.
struct ParsedText {
  std::vector<std::vector<std::string>> groups;
  std::vector<std::string> postcodes;
  std::vector<std::string> municipalities;
  std::vector<std::string> days;
  std::vector<std::string> times_of_day;

  bool has_preferences() const {
    return !postcodes.empty() || !municipalities.empty() || !days.empty() || !times_of_day.empty();
  }
};

ParsedText parse_text(Analyzer& analyzer, const Places& places, const std::string& text);

// The text part: each group matches its forms in title, interests and body, weighted by field
// and form (schema.h); a group in `synonyms` also matches its alternatives, a little lower.
// Groups are combined with AND (all) or OR (any). No groups: an empty Xapian::Query.
Xapian::Query text_query(Analyzer& analyzer, const std::vector<std::vector<std::string>>& groups,
                         WordMode mode, const SynonymTable* synonyms);

// Boosts for the places, days and times a text named; an empty query when it named none.
Xapian::Query preference_query(const ParsedText& text);

// The hard filters of a request (codes, area, day and time, free), without distance; an empty
// Xapian::Query when there are none.
Xapian::Query filter_query(const SearchRequest& request);

// The groups as text, for "did you mean".
std::string groups_text(const std::vector<std::vector<std::string>>& groups);

}  // namespace portal::search
