// Small text helpers shared by the converters of source formats (CSV, iCalendar, HSDS) into
// listing records. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/vocabulary.h"

namespace portal::indexer {

// Without leading and trailing white space (space, tab, CR, LF).
std::string trim(std::string_view s);

// ASCII lower case plus the Danish capitals Æ Ø Å (UTF-8).
std::string lower(std::string_view s);

// `[a-z0-9-]` form of a text: lower case, æ ø å → ae oe aa, any other run of characters → '-',
// no leading or trailing '-'. May be empty.
std::string slug(std::string_view text);

// A listing id `<prefix>-<slug(key)>` (or `slug(key)` for an empty prefix), deterministic in
// `key`: when it would be longer than 128 characters, or the slug is empty, it is shortened and
// ends in 8 hex digits of a hash of the whole key, so different keys stay apart.
std::string stable_id(std::string_view prefix, std::string_view key);

// The interest code for a category written as a code ("walking") or its Danish label
// ("Gåture og vandring"), case-insensitively; nullopt when the vocabulary has neither.
std::optional<std::string> match_interest(const core::Vocabulary& vocabulary, std::string_view category);

}  // namespace portal::indexer
