// View models of the citizen's activity page (/aktivitet/{id}) and the texts it is made of:
// Danish dates and schedules in words, phone numbers for tel: links, the same-site path rules
// of /tekst and the back link. Pure functions of their arguments; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/vocabulary.h"

namespace portal::frontend {

// "1. december 2026"; with_weekday → "tirsdag 1. december 2026"; without the year when
// with_year is false.
std::string danish_date(core::Date date, bool with_weekday = false, bool with_year = true);
// "10.00" (Danish clock notation) from minutes after midnight.
std::string danish_time(int minutes);
// One occurrence as activity_page() writes it ({"date","start","end"?}):
// "tirsdag 1. december kl. 10.00–11.30". Empty when the JSON is malformed.
std::string occurrence_text(const nlohmann::json& occurrence);
// One schedule entry of the listing format in words: "Hver tirsdag kl. 10.00–11.30",
// "Hver anden onsdag …", "Hver 3. uge om onsdagen …", "Første tirsdag i måneden …", "Sidste
// torsdag i måneden …", a one-off "Tirsdag 1. december 2026 kl. …", plus from/until/except.
std::string schedule_text(const nlohmann::json& entry);

// A phone number as written on the page: "+45 20 11 22 34" → "20 11 22 34" (Danish eight-digit
// numbers in pairs); other numbers as given, trimmed.
std::string phone_display(std::string_view phone);
// The tel: URI of a phone number ("tel:+4520112234"); "" when it has no digits.
std::string tel_href(std::string_view phone);

// `candidate` when it is a path on this site (one leading '/', not "//", no '\', no control
// characters, no scheme), else "/". Used for /tekst?tilbage=PATH and back links.
std::string same_site_path(std::string_view candidate);
// The back link of an activity page: the Referer's path and query when it is this site's
// search page ("/" or "/?…" on `host`), else "/".
std::string search_back_link(std::string_view referer, std::string_view host);

struct ActivityLinks {
  std::string page_url;       // absolute URL of the page (printed)
  std::string back_href;      // from search_back_link()
  std::string calendar_href;  // "" when the activity has no coming dates
};

// The view model of templates/activity.mustache from the JSON of Server::activity_page()
// (listing format + association details + next_occurrences + freshness). Texts are plain
// (the template escapes them).
nlohmann::json activity_view(const nlohmann::json& activity, const core::Vocabulary& vocabulary,
                             const ActivityLinks& links);

}  // namespace portal::frontend
