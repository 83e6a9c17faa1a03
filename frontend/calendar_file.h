// "Føj til kalender": an activity as an iCalendar file (RFC 5545), built with libical. One
// VEVENT per schedule entry that still has a coming date: DTSTART/DTEND at its next occurrence
// in Europe/Copenhagen local time (with a VTIMEZONE for it), RRULE WEEKLY (INTERVAL for every
// N weeks) or MONTHLY;BYDAY=1TU/-1TH, UNTIL, EXDATE, a stable UID per entry, SUMMARY, LOCATION
// ("name, address, postcode city", as indexer/ics.h reads it back), GEO, DESCRIPTION (with
// contact and the page's URL) and URL. Pure functions; thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.h"
#include "core/listing.h"

namespace portal::frontend {

struct CalendarSource {
  const core::Activity& activity;
  std::string association_name;
  std::string page_url;       // absolute URL of /aktivitet/{id}
  core::Contact fallback;     // the association's phone and e-mail, used when the activity has none
};

// The VCALENDAR text (CRLF line ends), or nullopt when no schedule entry has a coming date
// (no schedule at all means "by arrangement"). `now` decides the next occurrences; `stamp`
// is written as DTSTAMP.
std::optional<std::string> activity_calendar(const CalendarSource& source, core::LocalTime now,
                                             std::chrono::system_clock::time_point stamp);

// The attachment's ASCII file name: "aktivitet-<id>.ics".
std::string calendar_file_name(std::string_view activity_id);

}  // namespace portal::frontend
