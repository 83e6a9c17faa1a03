// Builds Xapian queries from validated requests with the shared Analyzer. Not thread-safe
// (uses the caller's Analyzer).
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "search/analyzer.h"
#include "search/request.h"

namespace portal::search {

enum class WordMode { all, any };

// The free-text part: each word matches its forms in title, interests and body, weighted by
// field (schema.h). Words are combined with AND (all) or OR (any). An empty text gives an
// empty Xapian::Query.
Xapian::Query text_query(Analyzer& analyzer, const std::string& text, WordMode mode);

// Number of words the analyzer finds in `text`.
size_t word_count(Analyzer& analyzer, const std::string& text);

// The hard filters of a request (codes, area, day and time, free), without distance; an empty
// Xapian::Query when there are none.
Xapian::Query filter_query(const SearchRequest& request);

}  // namespace portal::search
