// Turns an activity (with its association) into the Xapian document of the schema, and back.
// Thread-safety: as the Analyzer passed in (one per thread).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "core/listing.h"
#include "core/vocabulary.h"
#include "search/analyzer.h"

namespace portal::search {

Xapian::Document build_document(Analyzer& analyzer, const core::Vocabulary& vocabulary,
                                const core::Activity& activity, const core::Association& association);

// The schema marker of a word form: "" exact, "Z" stem, "F" folded stem, "C" compound part.
std::string_view form_marker(WordForm::Kind kind);

// The words of a built document that feed the spelling table (title, interests, description).
std::vector<std::string> spelling_words(const Xapian::Document& doc);

// The stored data of a document: {"activity": listing, "association": listing,
// "municipality": code, "coordinate": {"lat","lon"}, "last_confirmed": "YYYY-MM-DD"?}.
nlohmann::json document_data(const Xapian::Document& doc);
// The same data for an activity and its association (what build_document() stores).
nlohmann::json document_data(const core::Activity& activity, const core::Association& association);

// Compact encoding of a schedule for a value slot (sort by next occurrence).
std::string encode_schedule(const std::vector<core::ScheduleEntry>& schedule);
std::vector<core::ScheduleEntry> decode_schedule(std::string_view encoded);

}  // namespace portal::search
