#include "frontend/calendar_file.h"

#include <array>
#include <cstdlib>
#include <ctime>
#include <memory>

#include <libical/ical.h>

namespace portal::frontend {
namespace {

constexpr const char* kZone = "Europe/Copenhagen";

// The EU rules of Danish time since 1996; enough for every date the portal shows.
constexpr const char* kVtimezone =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Copenhagen\r\n"
    "X-LIC-LOCATION:Europe/Copenhagen\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "TZNAME:CEST\r\n"
    "DTSTART:19700329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "TZNAME:CET\r\n"
    "DTSTART:19701025T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

constexpr std::array<const char*, 7> kByDay = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

icaltimetype local_time(core::Date date, int minute) {
  const core::Ymd ymd = core::to_ymd(date);
  icaltimetype t = icaltime_null_time();
  t.year = ymd.year;
  t.month = static_cast<int>(ymd.month);
  t.day = static_cast<int>(ymd.day);
  t.hour = minute / 60;
  t.minute = minute % 60;
  t.second = 0;
  t.is_date = 0;
  return t;
}

// A local date-time property with TZID=Europe/Copenhagen.
icalproperty* zoned(icalproperty* property) {
  icalproperty_add_parameter(property, icalparameter_new_tzid(kZone));
  return property;
}

// The end of a local day (23:59:59 Copenhagen) in UTC, "YYYYMMDDTHHMMSSZ" (UNTIL must be UTC
// when DTSTART has a TZID).
std::string until_utc(core::Date date) {
  const auto local_seconds = static_cast<long long>(date.days) * 86400 + 23 * 3600 + 59 * 60 + 59;
  long long utc = local_seconds - 3600;  // CET
  const auto check = core::copenhagen_time(std::chrono::system_clock::from_time_t(static_cast<time_t>(utc)));
  if (check.date != date || check.minute != 23 * 60 + 59) utc = local_seconds - 7200;  // CEST
  const time_t t = static_cast<time_t>(utc);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &tm);
  return buffer;
}

std::string rrule_text(const core::ScheduleEntry& e) {
  std::string rule;
  if (e.week_of_month) {
    rule = "FREQ=MONTHLY;BYDAY=" + std::to_string(*e.week_of_month) + kByDay[static_cast<size_t>(e.weekday)];
  } else {
    rule = std::string("FREQ=WEEKLY;BYDAY=") + kByDay[static_cast<size_t>(e.weekday)];
    if (e.every_weeks > 1) rule += ";INTERVAL=" + std::to_string(e.every_weeks);
  }
  if (e.until) rule += ";UNTIL=" + until_utc(*e.until);
  return rule;
}

std::string location_text(const core::Location& l) {
  std::string out;
  for (const std::string* part : {&l.name, &l.address}) {
    if (!part->empty()) out += (out.empty() ? "" : ", ") + *part;
  }
  std::string postcode_city = l.postcode + (l.city.empty() ? "" : " " + l.city);
  if (!postcode_city.empty()) out += (out.empty() ? "" : ", ") + postcode_city;
  return out;
}

std::string description_text(const CalendarSource& s) {
  const core::Activity& a = s.activity;
  std::string out = a.description;
  auto paragraph = [&out](const std::string& text) {
    if (!text.empty()) out += (out.empty() ? "" : "\n\n") + text;
  };
  if (!s.association_name.empty()) paragraph("Arrangør: " + s.association_name);
  paragraph(a.schedule_note);
  if (a.price_dkk) paragraph(*a.price_dkk == 0 ? std::string("Gratis") : "Pris: " + std::to_string(*a.price_dkk) + " kr.");
  paragraph(a.price_note);
  const std::string phone = a.contact.phone.empty() ? s.fallback.phone : a.contact.phone;
  const std::string email = a.contact.email.empty() ? s.fallback.email : a.contact.email;
  std::string contact;
  for (const std::string& part : {a.contact.name, phone.empty() ? std::string() : "telefon " + phone,
                                  email.empty() ? std::string() : "e-mail " + email}) {
    if (!part.empty()) contact += (contact.empty() ? "" : ", ") + part;
  }
  if (!contact.empty()) paragraph("Kontakt: " + contact);
  if (!s.page_url.empty()) paragraph("Læs mere: " + s.page_url);
  return out;
}

}  // namespace

std::optional<std::string> activity_calendar(const CalendarSource& source, core::LocalTime now,
                                             std::chrono::system_clock::time_point stamp) {
  const core::Activity& a = source.activity;
  icalerror_set_errors_are_fatal(0);
  std::unique_ptr<icalcomponent, ComponentFree> cal(icalcomponent_new_vcalendar());
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//Faellesskabsportalen//Aktiviteter//DA"));
  icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  icalcomponent_add_component(cal.get(), icalcomponent_new_from_string(kVtimezone));

  const icaltimetype dtstamp =
      icaltime_from_timet_with_zone(std::chrono::system_clock::to_time_t(stamp), 0, icaltimezone_get_utc_timezone());
  const std::string location = location_text(a.location);
  const std::string description = description_text(source);
  size_t events = 0;
  for (size_t n = 0; n < a.schedule.size(); ++n) {
    const core::ScheduleEntry& entry = a.schedule[n];
    const auto next = core::next_occurrences({entry}, now, 1);
    if (next.empty()) continue;
    icalcomponent* event = icalcomponent_new_vevent();
    const std::string uid = a.id + "-" + std::to_string(n + 1) + "@faellesskabsportal";
    icalcomponent_add_property(event, icalproperty_new_uid(uid.c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(dtstamp));
    icalcomponent_add_property(event, zoned(icalproperty_new_dtstart(local_time(next[0].date, next[0].start_minute))));
    if (next[0].end_minute) {
      icalcomponent_add_property(event, zoned(icalproperty_new_dtend(local_time(next[0].date, *next[0].end_minute))));
    }
    const bool one_off = entry.from && entry.until && *entry.from == *entry.until;
    if (!one_off) {
      const std::string rule = rrule_text(entry);
      icalcomponent_add_property(event, icalproperty_new_rrule(icalrecurrencetype_from_string(rule.c_str())));
      for (const core::Date d : entry.except) {
        if (d < next[0].date) continue;  // before the first date: nothing to cancel
        icalcomponent_add_property(event, zoned(icalproperty_new_exdate(local_time(d, entry.start_minute))));
      }
    }
    icalcomponent_add_property(event, icalproperty_new_summary(a.title.c_str()));
    if (!location.empty()) icalcomponent_add_property(event, icalproperty_new_location(location.c_str()));
    if (a.location.exact) {
      icalgeotype geo{};
      geo.lat = a.location.exact->lat;
      geo.lon = a.location.exact->lon;
      icalcomponent_add_property(event, icalproperty_new_geo(geo));
    }
    if (!description.empty()) icalcomponent_add_property(event, icalproperty_new_description(description.c_str()));
    if (!source.page_url.empty()) icalcomponent_add_property(event, icalproperty_new_url(source.page_url.c_str()));
    icalcomponent_add_component(cal.get(), event);
    ++events;
  }
  if (events == 0) return std::nullopt;
  char* text = icalcomponent_as_ical_string_r(cal.get());
  std::string out(text ? text : "");
  std::free(text);
  return out;
}

std::string calendar_file_name(std::string_view activity_id) {
  std::string name = "aktivitet-";
  for (const char c : activity_id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    name += ok ? c : '-';
  }
  return name + ".ics";
}

}  // namespace portal::frontend
