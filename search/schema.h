// The search index schema: every term prefix, value slot and field weight in one place. Index
// and query code use only these names.
//
// Text terms: for each word the analyzer's forms, under a field prefix; stems additionally
// carry "Z" in front (Xapian's convention). Codes are boolean filter terms.
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

// Relative field weights used by the query builder: title above interests above description.
inline constexpr double kTitleWeight = 3.0;
inline constexpr double kInterestWeight = 2.0;
inline constexpr double kBodyWeight = 1.0;
// An exact word counts this much more than a stem-only match.
inline constexpr double kExactBonus = 1.25;

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

inline constexpr char kListSeparator = '\x1f';

// Index metadata: the highest change_log id applied to this index.
inline constexpr const char* kMetaChangePosition = "change_position";

inline std::string term(std::string_view prefix, std::string_view value) {
  std::string t(prefix);
  t += value;
  return t;
}

}  // namespace portal::search::schema
