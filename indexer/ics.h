// iCalendar feeds (RFC 5545, parsed with Debian's libical) as listing records of one
// association (docs/imports.md): each VEVENT (by UID) becomes one activity with a schedule in
// Copenhagen local time; weekly/fortnightly and monthly (Nth or last weekday) RRULEs, UNTIL,
// COUNT, EXDATE and RECURRENCE-ID overrides are mapped, other rules make the record invalid.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/vocabulary.h"
#include "indexer/importer.h"

namespace portal::indexer {

// The id of the activity for a VEVENT's UID: `<association>-<slug of the UID>`, shortened with
// a stable hash when longer than 128 characters (the same UID always gives the same id).
std::string ics_activity_id(const std::string& association, std::string_view uid);

// Converts a feed. Records are labelled "VEVENT[n]" (n counts the file's VEVENTs from 0) and
// conversion errors name the iCalendar property (LOCATION, RRULE, ...). Throws FileError when the
// bytes are not UTF-8 or not an iCalendar file with a VCALENDAR.
SourceRecords ics_to_records(const std::string& file_name, std::string_view bytes, const std::string& association,
                             const core::Vocabulary& vocabulary);

}  // namespace portal::indexer
