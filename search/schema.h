// The search index schema: every term prefix, value slot and field weight in one place. Index
// and query code use only these names.
//
// Text terms: for each word the analyzer's forms under a field prefix, with a marker in front
// saying which form: none for the exact word, "Z" for the stem (Xapian's convention), "F" for
// the folded stem (æ→ae, ø→oe, å→aa), "C" for the folded stem of a compound part. The folded
// stem is left out where it equals the stem (a stem without æ, ø, å): its postings would
// repeat the stem's, and the query asks for the "Z" term instead.
// Codes are boolean filter terms.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace portal::search::schema {

// Unique id term: replace_document() and delete_document() use it.
inline constexpr std::string_view kId = "Q";

// Text fields (prefix for exact forms; "Z" + prefix for stems).
inline constexpr std::string_view kTitle = "S";
inline constexpr std::string_view kInterestText = "XK";
inline constexpr std::string_view kBody = "";  // description, association, place, notes
inline constexpr std::string_view kStemMarker = "Z";
inline constexpr std::string_view kFoldedMarker = "F";
inline constexpr std::string_view kPartMarker = "C";

// Relative field weights used by the query builder: title above interests above description.
inline constexpr double kTitleWeight = 3.0;
inline constexpr double kInterestWeight = 2.0;
inline constexpr double kBodyWeight = 1.0;
// Ranking of a word's forms: exact word above stem above a different spelling above a
// compound part; a synonym and an automatic spelling correction rank below the words typed.
inline constexpr double kExactBonus = 1.25;
inline constexpr double kStemWeight = 1.0;
inline constexpr double kFoldedWeight = 0.9;
inline constexpr double kPartWeight = 0.5;
inline constexpr double kSynonymWeight = 1.0;      // fixed weight of a synonym-only match
inline constexpr double kSynonymScoreShare = 0.05; // share of its own score added to it
inline constexpr double kCorrectionWeight = 0.6;
// Extra weight for an activity in the place or on the day named in a natural query.
inline constexpr double kPlaceBoost = 30.0;
inline constexpr double kDayBoost = 12.0;
// With a place given and sort=relevance: up to this much extra for being close.
inline constexpr double kDistanceBoost = 1.5;

// Boolean filter terms.
inline constexpr std::string_view kInterest = "XI";
inline constexpr std::string_view kTransport = "XR";
inline constexpr std::string_view kAccessibility = "XA";
inline constexpr std::string_view kTarget = "XG";
inline constexpr std::string_view kMunicipality = "XM";
inline constexpr std::string_view kPostcode = "XP";
inline constexpr std::string_view kAssociation = "XS";
inline constexpr std::string_view kDay = "XD";         // XDtue
inline constexpr std::string_view kTimeOfDay = "XH";   // XHmorning
inline constexpr std::string_view kDayTime = "XW";     // XWtue:morning (both on one entry)
inline constexpr std::string_view kFree = "XFfree";

// Value slots.
inline constexpr Xapian::valueno kSlotCoordinate = 0;    // LatLongCoords::serialise()
inline constexpr Xapian::valueno kSlotMunicipality = 1;  // four digits (facet)
inline constexpr Xapian::valueno kSlotInterests = 2;     // codes joined by kListSeparator (facet)
inline constexpr Xapian::valueno kSlotTransport = 3;     // codes joined by kListSeparator (facet)
inline constexpr Xapian::valueno kSlotSchedule = 4;      // encode_schedule() (sort=next)
inline constexpr Xapian::valueno kSlotUpdated = 5;       // sortable_serialise(days) (freshness)
inline constexpr Xapian::valueno kSlotSpelling = 6;      // words fed to the spelling table, space-separated
inline constexpr Xapian::valueno kSlotConfirmed = 7;     // sortable_serialise(last_confirmed days)

// Freshness at query time (core::freshness, docs/api-editing.md), from kSlotConfirmed and the
// Searcher's FreshnessPolicy: a hidden activity matches no search; a stale one's relevance
// weight is multiplied by kStaleWeightFactor, so it ranks below a fresh one of similar relevance
// (with sort=distance or sort=next, or no text, the key decides as before). A document without
// the slot counts as fresh.
inline constexpr double kStaleWeightFactor = 0.5;

inline constexpr char kListSeparator = '\x1f';

// Index metadata: the highest change_log id applied to this index, and the index format (see
// index_format() in index.h).
inline constexpr const char* kMetaChangePosition = "change_position";
inline constexpr const char* kMetaFormat = "format";
// Bump when the analyzer or the document layout changes in a way that needs a rebuild.
inline constexpr int kFormatVersion = 4;  // 3: kSlotConfirmed; 4: no "F" term equal to the stem

// The term of one form of a word in a text field.
inline std::string form_term(std::string_view marker, std::string_view field, std::string_view value) {
  std::string t(marker);
  t += field;
  t += value;
  return t;
}

inline std::string term(std::string_view prefix, std::string_view value) {
  std::string t(prefix);
  t += value;
  return t;
}

}  // namespace portal::search::schema
