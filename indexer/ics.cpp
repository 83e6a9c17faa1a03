#include "indexer/ics.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include <libical/ical.h>

#include "core/calendar.h"
#include "core/text.h"
#include "indexer/convert.h"

namespace portal::indexer {
namespace {

using nlohmann::json;

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentFree>;

// A DATE-TIME or DATE value in Copenhagen local time; minute is empty for a DATE.
struct When {
  core::Date date;
  std::optional<int> minute;
};

core::Date date_of(const icaltimetype& t) {
  return core::from_ymd({t.year, static_cast<unsigned>(t.month), static_cast<unsigned>(t.day)});
}

// The zone a property's value is written in: UTC, its TZID (a VTIMEZONE of the file or a
// zone libical knows), or none (floating time, read as Copenhagen local time).
const icaltimezone* zone_of(const icaltimetype& t, icalproperty* prop, icalcomponent* root) {
  if (icaltime_is_utc(t)) return icaltimezone_get_utc_timezone();
  if (t.zone) return t.zone;
  icalparameter* param = prop ? icalproperty_get_first_parameter(prop, ICAL_TZID_PARAMETER) : nullptr;
  const char* tzid = param ? icalparameter_get_tzid(param) : nullptr;
  if (!tzid) return nullptr;
  if (icaltimezone* z = icalcomponent_get_timezone(root, tzid)) return z;
  return icaltimezone_get_builtin_timezone(tzid);
}

std::optional<When> local(const icaltimetype& t, icalproperty* prop, icalcomponent* root) {
  if (icaltime_is_null_time(t)) return std::nullopt;
  if (t.is_date) return When{date_of(t), std::nullopt};
  const icaltimezone* zone = zone_of(t, prop, root);
  if (!zone) return When{date_of(t), t.hour * 60 + t.minute};
  const time_t utc = icaltime_as_timet_with_zone(t, zone);
  const core::LocalTime lt = core::copenhagen_time(std::chrono::system_clock::from_time_t(utc));
  return When{lt.date, lt.minute};
}

std::optional<When> property_time(icalcomponent* event, icalproperty_kind kind, icalcomponent* root) {
  icalproperty* prop = icalcomponent_get_first_property(event, kind);
  if (!prop) return std::nullopt;
  return local(icalvalue_get_datetime(icalproperty_get_value(prop)), prop, root);
}

std::string text_of(icalcomponent* event, icalproperty_kind kind) {
  icalproperty* prop = icalcomponent_get_first_property(event, kind);
  if (!prop) return {};
  const char* text = nullptr;
  switch (kind) {
    case ICAL_SUMMARY_PROPERTY: text = icalproperty_get_summary(prop); break;
    case ICAL_DESCRIPTION_PROPERTY: text = icalproperty_get_description(prop); break;
    case ICAL_LOCATION_PROPERTY: text = icalproperty_get_location(prop); break;
    case ICAL_UID_PROPERTY: text = icalproperty_get_uid(prop); break;
    case ICAL_URL_PROPERTY: text = icalproperty_get_url(prop); break;
    default: break;
  }
  return text ? trim(text) : std::string{};
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> parts;
  size_t pos = 0;
  while (pos <= s.size()) {
    const size_t comma = std::min(s.find(',', pos), s.size());
    if (std::string part = trim(std::string_view(s).substr(pos, comma - pos)); !part.empty()) parts.push_back(part);
    pos = comma + 1;
  }
  return parts;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "Kulturhuset, Nørregade 1, 7500 Holstebro" → name, address, postcode, city. The part with a
// four-digit postcode (optionally "DK-") gives postcode and city; of the parts before it, the
// first is the place's name and the rest its address (a single part with a digit is an
// address). Parts after it ("Danmark") are ignored. nullopt without a postcode.
std::optional<json> parse_location(const std::string& text) {
  const std::vector<std::string> parts = split_commas(text);
  for (size_t k = parts.size(); k-- > 0;) {
    std::string_view p = parts[k];
    if (p.starts_with("DK-") || p.starts_with("dk-")) p.remove_prefix(3);
    if (p.size() < 4 || !std::all_of(p.begin(), p.begin() + 4, is_digit) || (p.size() > 4 && p[4] != ' ')) continue;
    json loc = {{"postcode", std::string(p.substr(0, 4))}};
    if (std::string city = trim(p.substr(4)); !city.empty()) loc["city"] = city;
    if (k == 1) {
      const bool address = std::any_of(parts[0].begin(), parts[0].end(), is_digit);
      loc[address ? "address" : "name"] = parts[0];
    } else if (k >= 2) {
      loc["name"] = parts[0];
      std::string address = parts[1];
      for (size_t i = 2; i < k; ++i) address += ", " + parts[i];
      loc["address"] = address;
    }
    return loc;
  }
  return std::nullopt;
}

bool has_values(const short* values, size_t size) { return size > 0 && values[0] != ICAL_RECURRENCE_ARRAY_MAX; }

std::vector<short> values_of(const short* values, size_t size) {
  std::vector<short> out;
  for (size_t i = 0; i < size && values[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i) out.push_back(values[i]);
  return out;
}

// Monday = 0 from libical's Sunday = 1 ... Saturday = 7.
int weekday_of(icalrecurrencetype_weekday day) { return (static_cast<int>(day) + 5) % 7; }

struct Conversion {
  json record = json::object();
  std::vector<core::FieldError> errors;
  std::vector<std::string> notes;
};

// The schedule of an event from DTSTART, DTEND/DURATION and its RRULE (without EXDATE).
void convert_schedule(icalcomponent* event, icalcomponent* root, Conversion& out, std::vector<json>& entries) {
  const auto start = property_time(event, ICAL_DTSTART_PROPERTY, root);
  if (!start) {
    out.errors.push_back({"DTSTART", "mangler (hvornår begynder aktiviteten?)"});
    return;
  }
  if (!start->minute) {
    out.errors.push_back({"DTSTART", "heldagsbegivenheder uden klokkeslæt kan ikke vises; angiv et starttidspunkt"});
    return;
  }
  json base = {{"start", core::format_time(*start->minute)}};
  std::optional<When> end = property_time(event, ICAL_DTEND_PROPERTY, root);
  if (!end && icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY)) {
    const int minutes = icaldurationtype_as_int(icalcomponent_get_duration(event)) / 60;
    end = When{start->date, *start->minute + minutes};
  }
  // An end on another day (or past midnight) cannot be shown as a time of day: left out.
  if (end && end->minute && end->date == start->date && *end->minute > *start->minute && *end->minute < 24 * 60) {
    base["end"] = core::format_time(*end->minute);
  }
  base["from"] = core::format_date(start->date);

  const int rules = icalcomponent_count_properties(event, ICAL_RRULE_PROPERTY);
  if (rules == 0) {
    base["weekday"] = core::weekday_codes()[static_cast<size_t>(core::weekday(start->date))];
    base["until"] = core::format_date(start->date);
    entries.push_back(base);
    return;
  }
  if (rules > 1) {
    out.errors.push_back({"RRULE", "flere gentagelsesregler i samme begivenhed kan ikke vises; del den op"});
    return;
  }
  icalproperty* rrule = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY);
  icalrecurrencetype rule = icalproperty_get_rrule(rrule);
  const auto unsupported = [&](const std::string& what) {
    out.errors.push_back({"RRULE", what + " kan ikke vises; brug en ugentlig gentagelse (evt. hver anden uge) eller "
                                          "en bestemt ugedag i måneden"});
  };
  if (has_values(rule.by_month_day, ICAL_BY_MONTHDAY_SIZE)) return unsupported("gentagelse på en bestemt dato i måneden");
  if (has_values(rule.by_month, ICAL_BY_MONTH_SIZE) || has_values(rule.by_year_day, ICAL_BY_YEARDAY_SIZE) ||
      has_values(rule.by_week_no, ICAL_BY_WEEKNO_SIZE) || has_values(rule.by_hour, ICAL_BY_HOUR_SIZE) ||
      has_values(rule.by_minute, ICAL_BY_MINUTE_SIZE)) {
    return unsupported("gentagelse i bestemte måneder, uger eller timer");
  }
  const std::vector<short> days = values_of(rule.by_day, ICAL_BY_DAY_SIZE);
  const std::vector<short> setpos = values_of(rule.by_set_pos, ICAL_BY_SETPOS_SIZE);
  std::vector<std::pair<int, int>> day_positions;  // weekday, position (0: every week)
  for (short d : days) {
    day_positions.emplace_back(weekday_of(icalrecurrencetype_day_day_of_week(d)), icalrecurrencetype_day_position(d));
  }
  if (day_positions.empty()) day_positions.emplace_back(core::weekday(start->date), 0);

  if (rule.freq == ICAL_WEEKLY_RECURRENCE) {
    if (!setpos.empty()) return unsupported("ugentlig gentagelse med BYSETPOS");
    if (rule.interval < 1 || rule.interval > 8) return unsupported("gentagelse med mere end 8 ugers mellemrum");
    for (auto& [day, pos] : day_positions) {
      if (pos != 0) return unsupported("ugentlig gentagelse med et nummer foran ugedagen");
      if (rule.interval > 1) base["every_weeks"] = rule.interval;
    }
  } else if (rule.freq == ICAL_MONTHLY_RECURRENCE) {
    if (rule.interval != 1) return unsupported("månedlig gentagelse med mere end en måneds mellemrum");
    if (days.empty()) return unsupported("gentagelse på samme dato hver måned");
    if (setpos.size() > 1) return unsupported("BYSETPOS med flere værdier");
    for (auto& [day, pos] : day_positions) {
      if (pos == 0 && !setpos.empty()) pos = setpos.front();
      if (pos != 0 && !((pos >= 1 && pos <= 4) || pos == -1)) {
        return unsupported("den " + std::to_string(pos) + ". ugedag i måneden");
      }
    }
  } else {
    return unsupported(rule.freq == ICAL_DAILY_RECURRENCE    ? "daglig gentagelse"
                       : rule.freq == ICAL_YEARLY_RECURRENCE ? "årlig gentagelse"
                                                             : "gentagelse hver time eller hvert minut");
  }

  // UNTIL, or the date of the COUNT-th occurrence (libical expands the rule).
  std::optional<core::Date> until;
  if (!icaltime_is_null_time(rule.until)) {
    if (auto u = local(rule.until, nullptr, root)) until = u->date;
  } else if (rule.count > 0) {
    const icaltimetype dtstart = icalcomponent_get_dtstart(event);
    icalrecur_iterator* it = icalrecur_iterator_new(rule, dtstart);
    if (it) {
      icaltimetype last = icaltime_null_time();
      for (int n = 0; n < std::min(rule.count, 5000); ++n) {
        const icaltimetype next = icalrecur_iterator_next(it);
        if (icaltime_is_null_time(next)) break;
        last = next;
      }
      icalrecur_iterator_free(it);
      if (auto u = local(last, icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY), root)) until = u->date;
    }
  }
  if (until) base["until"] = core::format_date(*until);

  for (const auto& [day, pos] : day_positions) {
    json e = base;
    e["weekday"] = core::weekday_codes()[static_cast<size_t>(day)];
    if (pos != 0) e["week_of_month"] = pos;
    entries.push_back(std::move(e));
  }
}

// Dates of the event's EXDATE properties (each value; libical splits lists).
std::vector<core::Date> excluded_dates(icalcomponent* event, icalcomponent* root) {
  std::vector<core::Date> out;
  for (icalproperty* p = icalcomponent_get_first_property(event, ICAL_EXDATE_PROPERTY); p;
       p = icalcomponent_get_next_property(event, ICAL_EXDATE_PROPERTY)) {
    if (auto w = local(icalproperty_get_exdate(p), p, root)) out.push_back(w->date);
  }
  return out;
}

std::optional<core::Date> recurrence_date(icalcomponent* event, icalcomponent* root) {
  const auto w = property_time(event, ICAL_RECURRENCEID_PROPERTY, root);
  if (!w) return std::nullopt;
  return w->date;
}

Conversion convert_event(icalcomponent* event, icalcomponent* root, const std::string& association,
                         const std::string& uid, const std::vector<core::Date>& moved,
                         const core::Vocabulary& vocabulary) {
  Conversion out;
  json& r = out.record;
  r["id"] = ics_activity_id(association, uid);
  r["association"] = association;
  r["title"] = text_of(event, ICAL_SUMMARY_PROPERTY);
  if (r["title"].get<std::string>().empty()) out.errors.push_back({"SUMMARY", "mangler (aktivitetens titel)"});
  std::string description = text_of(event, ICAL_DESCRIPTION_PROPERTY);
  if (const std::string url = text_of(event, ICAL_URL_PROPERTY); !url.empty() && description.find(url) == std::string::npos) {
    description += (description.empty() ? "" : "\n\n") + std::string("Læs mere: ") + url;
  }
  if (!description.empty()) r["description"] = description;

  const std::string where = text_of(event, ICAL_LOCATION_PROPERTY);
  std::optional<json> location = parse_location(where);
  if (!location) {
    out.errors.push_back({"LOCATION", where.empty() ? "mangler (sted med postnummer og by)"
                                                    : "mangler postnummer og by, fx \"Kulturhuset, Nørregade 1, 7500 "
                                                      "Holstebro\""});
    location = json{{"postcode", ""}};
  }
  if (icalproperty* geo = icalcomponent_get_first_property(event, ICAL_GEO_PROPERTY)) {
    const icalgeotype g = icalproperty_get_geo(geo);
    (*location)["lat"] = g.lat;
    (*location)["lon"] = g.lon;
  }
  r["location"] = *location;

  json interests = json::array();
  std::set<std::string> seen;
  for (icalproperty* p = icalcomponent_get_first_property(event, ICAL_CATEGORIES_PROPERTY); p;
       p = icalcomponent_get_next_property(event, ICAL_CATEGORIES_PROPERTY)) {
    const char* value = icalproperty_get_categories(p);
    const std::string category = value ? trim(value) : std::string{};
    if (category.empty()) continue;
    if (auto code = match_interest(vocabulary, category)) {
      if (seen.insert(*code).second) interests.push_back(*code);
    } else {
      out.notes.push_back("kategorien '" + category + "' findes ikke blandt portalens interesser og er sprunget over");
    }
  }
  r["interests"] = interests;

  std::vector<json> entries;
  convert_schedule(event, root, out, entries);
  std::vector<core::Date> cancelled = excluded_dates(event, root);
  cancelled.insert(cancelled.end(), moved.begin(), moved.end());
  std::sort(cancelled.begin(), cancelled.end());
  cancelled.erase(std::unique(cancelled.begin(), cancelled.end()), cancelled.end());
  for (auto& e : entries) {
    const int day = *core::parse_weekday(e.at("weekday").get<std::string>());
    json except = json::array();
    for (const core::Date d : cancelled) {
      if (core::weekday(d) == day) except.push_back(core::format_date(d));
    }
    if (!except.empty()) e["except"] = except;
  }
  r["schedule"] = entries;

  std::optional<When> modified = property_time(event, ICAL_LASTMODIFIED_PROPERTY, root);
  if (!modified) modified = property_time(event, ICAL_DTSTAMP_PROPERTY, root);
  if (modified) r["updated_at"] = core::format_date(modified->date);
  return out;
}

// The parser's field paths as iCalendar property names.
std::string ics_field(const std::string& field) {
  auto starts = [&](std::string_view p) { return std::string_view(field).starts_with(p); };
  if (field == "id") return "UID";
  if (field == "title") return "SUMMARY";
  if (field == "description") return "DESCRIPTION";
  if (starts("location.lat") || starts("location.lon")) return "GEO";
  if (starts("location")) return "LOCATION";
  if (starts("interests")) return "CATEGORIES";
  if (field == "updated_at") return "LAST-MODIFIED";
  if (starts("schedule")) {
    if (field.find(".start") != std::string::npos || field.find(".from") != std::string::npos) return "DTSTART";
    if (field.find(".end") != std::string::npos) return "DTEND";
    if (field.find(".except") != std::string::npos) return "EXDATE";
    return "RRULE";
  }
  return field;
}

// RFC 5545 unfolding: a line break followed by a space or tab joins the lines.
std::string unfold(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    const size_t eol = bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n' ? 2 : bytes[i] == '\n' ? 1 : 0;
    if (eol && i + eol < bytes.size() && (bytes[i + eol] == ' ' || bytes[i + eol] == '\t')) {
      i += eol;  // skips the break and (with the loop's ++i) the space
      continue;
    }
    out += bytes[i];
  }
  return out;
}

std::vector<icalcomponent*> events_of(icalcomponent* root) {
  std::vector<icalcomponent*> calendars;
  if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT) {
    calendars.push_back(root);
  } else {
    for (icalcomponent* c = icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT); c;
         c = icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT)) {
      calendars.push_back(c);
    }
  }
  std::vector<icalcomponent*> events;
  for (icalcomponent* cal : calendars) {
    for (icalcomponent* e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
      events.push_back(e);
    }
  }
  return events;
}

}  // namespace

std::string ics_activity_id(const std::string& association, std::string_view uid) {
  return stable_id(association, uid);
}

SourceRecords ics_to_records(const std::string& file_name, std::string_view bytes, const std::string& association,
                             const core::Vocabulary& vocabulary) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  // Folded lines may be split inside a UTF-8 character, so check the unfolded text.
  const std::string text = unfold(bytes);
  if (!core::valid_utf8(text)) throw FileError(file_name + ": kalenderfilen er ikke gemt som UTF-8");
  if (text.find("BEGIN:VCALENDAR") == std::string::npos) {
    throw FileError(file_name + ": ikke en iCalendar-fil (BEGIN:VCALENDAR mangler)");
  }
  // Malformed lines become X-LIC-ERROR properties and null values, never an abort().
  icalerror_set_errors_are_fatal(0);
  ComponentPtr root(icalparser_parse_string(text.c_str()));
  if (!root) throw FileError(file_name + ": kalenderfilen kan ikke læses");
  const std::vector<icalcomponent*> events = events_of(root.get());

  SourceRecords out;
  out.activity_field = ics_field;
  auto label = [](size_t n) { return "VEVENT[" + std::to_string(n) + "]"; };
  auto note = [&](const std::string& record, const std::string& id, const std::string& field, const std::string& reason) {
    out.notes.push_back({file_name, record, id, field, reason, true});
  };

  // Overrides of single occurrences (RECURRENCE-ID): their original dates count as cancelled.
  std::map<std::string, std::vector<core::Date>> moved;
  std::set<std::string> masters;
  for (icalcomponent* e : events) {
    const std::string uid = text_of(e, ICAL_UID_PROPERTY);
    if (!icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY)) masters.insert(uid);
  }
  for (size_t n = 0; n < events.size(); ++n) {
    icalcomponent* e = events[n];
    if (!icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY)) continue;
    const std::string uid = text_of(e, ICAL_UID_PROPERTY);
    const auto date = recurrence_date(e, root.get());
    if (!masters.count(uid) || !date) {
      note(label(n), uid.empty() ? "" : ics_activity_id(association, uid), "RECURRENCE-ID",
           "en ændret enkeltforekomst uden sin gentagne begivenhed er sprunget over");
      continue;
    }
    moved[uid].push_back(*date);
    note(label(n), ics_activity_id(association, uid), "RECURRENCE-ID",
         "forekomsten den " + core::format_date(*date) +
             " er ændret eller aflyst i kalenderen; portalen viser den som aflyst");
  }

  for (size_t n = 0; n < events.size(); ++n) {
    icalcomponent* e = events[n];
    if (icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY)) continue;
    const std::string uid = text_of(e, ICAL_UID_PROPERTY);
    if (icalcomponent_get_status(e) == ICAL_STATUS_CANCELLED) {
      note(label(n), uid.empty() ? "" : ics_activity_id(association, uid), "STATUS",
           "begivenheden er aflyst (STATUS:CANCELLED) og er ikke importeret");
      continue;
    }
    out.activity_labels.push_back(label(n));
    if (uid.empty()) {
      out.activities.push_back(json::object());
      out.activity_errors.push_back({{"UID", "mangler (begivenhedens faste id)"}});
      continue;
    }
    const auto it = moved.find(uid);
    Conversion c = convert_event(e, root.get(), association, uid, it == moved.end() ? std::vector<core::Date>{} : it->second,
                                 vocabulary);
    for (const auto& reason : c.notes) note(label(n), c.record.at("id").get<std::string>(), "CATEGORIES", reason);
    out.activities.push_back(std::move(c.record));
    out.activity_errors.push_back(std::move(c.errors));
  }
  return out;
}

}  // namespace portal::indexer
