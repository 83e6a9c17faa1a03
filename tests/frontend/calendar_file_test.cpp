// The calendar file of an activity (frontend/calendar_file.h): parsed back with libical, and
// imported with the portal's own iCalendar importer (indexer/ics.h), which must give the same
// schedule and the same coming dates.
#include "frontend/calendar_file.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <libical/ical.h>

#include "core/listing_json.h"
#include "indexer/ics.h"
#include "tests/indexer/source_records.h"

namespace portal::frontend {
namespace {

using nlohmann::json;
using indexer::tests::parsed_activity;
using indexer::tests::parser;
using indexer::tests::vocabulary;

// Monday 23 November 2026, 10:00 in Copenhagen.
const core::LocalTime kNow{core::from_ymd({2026, 11, 23}), 10 * 60};

core::Activity activity(const json& schedule) {
  json record = {{"id", "holstebro-gaaklub-tirsdag"},
                 {"association", "holstebro-gaaklub"},
                 {"title", "Gåtur ved Storåen – for øvede"},
                 {"description", "En rolig gåtur på 3-4 km langs åen; vi venter på hinanden, også i blæst."},
                 {"location",
                  {{"name", "Kulturhuset"}, {"address", "Nørregade 1"}, {"postcode", "7500"}, {"city", "Holstebro"},
                   {"lat", 56.3612}, {"lon", 8.617}}},
                 {"schedule", schedule},
                 {"contact", {{"name", "Inge Ærø"}, {"phone", "+45 20 11 22 34"}}},
                 {"price_dkk", 0}};
  auto parsed = parser().activity(record);
  if (auto* errors = std::get_if<std::vector<core::FieldError>>(&parsed)) {
    for (const auto& e : *errors) ADD_FAILURE() << e.field << ": " << e.reason;
    return {};
  }
  return std::get<core::Activity>(parsed);
}

std::string calendar(const core::Activity& a) {
  const CalendarSource source{a, "Holstebro Gåklub", "https://portal.example/aktivitet/" + a.id, {}};
  const auto text = activity_calendar(source, kNow, std::chrono::system_clock::now());
  EXPECT_TRUE(text.has_value());
  return text.value_or("");
}

std::vector<std::string> dates(const std::vector<core::ScheduleEntry>& schedule, size_t count = 12) {
  std::vector<std::string> out;
  for (const auto& o : core::next_occurrences(schedule, kNow, count)) {
    out.push_back(core::format_date(o.date) + " " + core::format_time(o.start_minute) + "-" +
                  (o.end_minute ? core::format_time(*o.end_minute) : std::string("?")));
  }
  return out;
}

// The file imported as the association's own feed would be.
std::vector<core::Activity> imported(const std::string& text) {
  const indexer::SourceRecords r = indexer::ics_to_records("kalender.ics", text, "holstebro-gaaklub", vocabulary());
  std::vector<core::Activity> out;
  for (size_t i = 0; i < r.activities.size(); ++i) out.push_back(parsed_activity(r, i));
  return out;
}

struct Ical {
  icalcomponent* root;
  explicit Ical(const std::string& text) : root(icalparser_parse_string(text.c_str())) {}
  ~Ical() { icalcomponent_free(root); }
  Ical(const Ical&) = delete;
  Ical& operator=(const Ical&) = delete;
  std::vector<icalcomponent*> events() const {
    std::vector<icalcomponent*> out;
    for (icalcomponent* e = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
      out.push_back(e);
    }
    return out;
  }
};

std::string property_text(icalcomponent* c, icalproperty_kind kind) {
  icalproperty* p = icalcomponent_get_first_property(c, kind);
  if (!p) return "<none>";
  char* text = icalproperty_as_ical_string_r(p);
  std::string out(text);
  free(text);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

TEST(CalendarFile, WeeklyEventParsesWithLibicalInCopenhagenTime) {
  const core::Activity a = activity(json::parse(R"([{"weekday":"tue","start":"10:00","end":"11:30"}])"));
  const std::string text = calendar(a);
  EXPECT_NE(text.find("\r\n"), std::string::npos);
  Ical ical(text);
  ASSERT_NE(ical.root, nullptr);
  EXPECT_EQ(icalcomponent_isa(ical.root), ICAL_VCALENDAR_COMPONENT);
  icalcomponent* tz = icalcomponent_get_first_component(ical.root, ICAL_VTIMEZONE_COMPONENT);
  ASSERT_NE(tz, nullptr);
  EXPECT_EQ(property_text(tz, ICAL_TZID_PROPERTY), "TZID:Europe/Copenhagen");
  const auto events = ical.events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(property_text(events[0], ICAL_DTSTART_PROPERTY), "DTSTART;TZID=Europe/Copenhagen:20261124T100000");
  EXPECT_EQ(property_text(events[0], ICAL_DTEND_PROPERTY), "DTEND;TZID=Europe/Copenhagen:20261124T113000");
  EXPECT_EQ(property_text(events[0], ICAL_RRULE_PROPERTY), "RRULE:FREQ=WEEKLY;BYDAY=TU");
  EXPECT_EQ(std::string(icalcomponent_get_summary(events[0])), "Gåtur ved Storåen – for øvede");
  EXPECT_EQ(std::string(icalcomponent_get_uid(events[0])), "holstebro-gaaklub-tirsdag-1@faellesskabsportal");
  EXPECT_EQ(std::string(icalcomponent_get_location(events[0])), "Kulturhuset, Nørregade 1, 7500 Holstebro");
  const std::string description = icalcomponent_get_description(events[0]);
  EXPECT_NE(description.find("Kontakt: Inge Ærø, telefon +45 20 11 22 34"), std::string::npos) << description;
  EXPECT_NE(description.find("Læs mere: https://portal.example/aktivitet/holstebro-gaaklub-tirsdag"), std::string::npos);
  EXPECT_EQ(property_text(events[0], ICAL_URL_PROPERTY), "URL:https://portal.example/aktivitet/holstebro-gaaklub-tirsdag");
  // The same file twice gives the same UIDs (a calendar app updates instead of duplicating).
  EXPECT_EQ(Ical(calendar(a)).events().size(), 1u);
  EXPECT_EQ(std::string(icalcomponent_get_uid(Ical(calendar(a)).events()[0])), icalcomponent_get_uid(events[0]));
}

// Export, import with indexer/ics.h: same schedule (anchored at the first coming date) and the
// same coming dates.
void expect_round_trip(const json& schedule, const std::string& rrule) {
  SCOPED_TRACE(schedule.dump());
  const core::Activity a = activity(schedule);
  const std::string text = calendar(a);
  Ical ical(text);
  ASSERT_EQ(ical.events().size(), a.schedule.size());
  EXPECT_EQ(property_text(ical.events()[0], ICAL_RRULE_PROPERTY), rrule);
  const auto back = imported(text);
  ASSERT_EQ(back.size(), a.schedule.size());
  std::vector<core::ScheduleEntry> schedule_back;
  for (const auto& b : back) {
    EXPECT_EQ(b.title, a.title);
    EXPECT_EQ(b.location.name, a.location.name);
    EXPECT_EQ(b.location.address, a.location.address);
    EXPECT_EQ(b.location.postcode, a.location.postcode);
    EXPECT_EQ(b.location.city, a.location.city);
    ASSERT_TRUE(b.location.exact.has_value());
    EXPECT_NEAR(b.location.exact->lat, 56.3612, 1e-6);
    EXPECT_NE(b.description.find(a.description), std::string::npos);
    ASSERT_EQ(b.schedule.size(), 1u);
    schedule_back.push_back(b.schedule[0]);
  }
  for (size_t i = 0; i < a.schedule.size(); ++i) {
    const auto& x = a.schedule[i];
    const auto& y = schedule_back[i];
    EXPECT_EQ(y.weekday, x.weekday);
    EXPECT_EQ(y.start_minute, x.start_minute);
    EXPECT_EQ(y.end_minute, x.end_minute);
    EXPECT_EQ(y.every_weeks, x.every_weeks);
    EXPECT_EQ(y.week_of_month, x.week_of_month);
    EXPECT_EQ(y.until, x.until);
    std::vector<core::Date> coming;
    for (const auto d : x.except) {
      if (d >= core::next_occurrences({x}, kNow, 1).at(0).date) coming.push_back(d);
    }
    EXPECT_EQ(y.except, coming);
  }
  EXPECT_EQ(dates(schedule_back), dates(a.schedule));
}

TEST(CalendarFile, WeeklyRoundTrip) {
  expect_round_trip(json::parse(R"([{"weekday":"tue","start":"10:00","end":"11:30"}])"), "RRULE:FREQ=WEEKLY;BYDAY=TU");
}

TEST(CalendarFile, FortnightlyRoundTripKeepsTheWeeks) {
  // 18 November is a Wednesday; the next date is 2 December, not 25 November.
  expect_round_trip(json::parse(R"([{"weekday":"wed","start":"14:00","end":"16:00","every_weeks":2,"from":"2026-11-18"}])"),
                    "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE");
  const core::Activity a = activity(json::parse(R"([{"weekday":"wed","start":"14:00","every_weeks":2,"from":"2026-11-18"}])"));
  EXPECT_NE(calendar(a).find("DTSTART;TZID=Europe/Copenhagen:20261202T140000"), std::string::npos);
}

TEST(CalendarFile, MonthlyLastThursdayRoundTrip) {
  expect_round_trip(json::parse(R"([{"weekday":"thu","start":"19:00","end":"21:00","week_of_month":-1}])"),
                    "RRULE:FREQ=MONTHLY;BYDAY=-1TH");
  expect_round_trip(json::parse(R"([{"weekday":"tue","start":"10:00","week_of_month":1}])"),
                    "RRULE:FREQ=MONTHLY;BYDAY=1TU");
}

TEST(CalendarFile, UntilInWinterAndSummerRoundTrip) {
  // UNTIL is the end of the last day in UTC: 23:59:59 CET = 22:59:59Z, CEST = 21:59:59Z.
  expect_round_trip(json::parse(R"([{"weekday":"mon","start":"09:30","end":"10:30","until":"2027-03-22"}])"),
                    "RRULE:FREQ=WEEKLY;UNTIL=20270322T225959Z;BYDAY=MO");
  expect_round_trip(json::parse(R"([{"weekday":"mon","start":"09:30","end":"10:30","until":"2027-06-28"}])"),
                    "RRULE:FREQ=WEEKLY;UNTIL=20270628T215959Z;BYDAY=MO");
}

TEST(CalendarFile, ExceptRoundTripAsExdate) {
  const json schedule =
      json::parse(R"([{"weekday":"tue","start":"10:00","end":"11:30","except":["2026-11-17","2026-12-22","2026-12-29"]}])");
  const std::string text = calendar(activity(schedule));
  EXPECT_NE(text.find("EXDATE;TZID=Europe/Copenhagen:20261222T100000"), std::string::npos) << text;
  EXPECT_EQ(text.find("20261117"), std::string::npos) << "a past cancelled date is left out";
  expect_round_trip(schedule, "RRULE:FREQ=WEEKLY;BYDAY=TU");
}

TEST(CalendarFile, SeveralEntriesAreSeveralEventsWithStableUids) {
  const json schedule = json::parse(
      R"([{"weekday":"tue","start":"10:00","end":"11:30"},{"weekday":"thu","start":"19:00","week_of_month":-1}])");
  expect_round_trip(schedule, "RRULE:FREQ=WEEKLY;BYDAY=TU");
  Ical ical(calendar(activity(schedule)));
  ASSERT_EQ(ical.events().size(), 2u);
  EXPECT_EQ(std::string(icalcomponent_get_uid(ical.events()[1])), "holstebro-gaaklub-tirsdag-2@faellesskabsportal");
}

TEST(CalendarFile, OneOffEventHasNoRule) {
  const json schedule = json::parse(R"([{"weekday":"sat","start":"13:00","end":"15:00","from":"2026-12-05","until":"2026-12-05"}])");
  const std::string text = calendar(activity(schedule));
  Ical ical(text);
  ASSERT_EQ(ical.events().size(), 1u);
  EXPECT_EQ(property_text(ical.events()[0], ICAL_RRULE_PROPERTY), "<none>");
  const auto back = imported(text);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(dates(back[0].schedule), dates(activity(schedule).schedule));
}

TEST(CalendarFile, NothingToAddWithoutComingDates) {
  const core::Activity by_arrangement = activity(json::array());
  EXPECT_FALSE(activity_calendar({by_arrangement, "", "", {}}, kNow, std::chrono::system_clock::now()).has_value());
  const core::Activity ended = activity(json::parse(R"([{"weekday":"tue","start":"10:00","until":"2026-11-17"}])"));
  EXPECT_FALSE(activity_calendar({ended, "", "", {}}, kNow, std::chrono::system_clock::now()).has_value());
}

TEST(CalendarFile, FileNameIsAscii) {
  EXPECT_EQ(calendar_file_name("holstebro-gaaklub-tirsdag"), "aktivitet-holstebro-gaaklub-tirsdag.ics");
  EXPECT_EQ(calendar_file_name("a\"b/æ"), "aktivitet-a-b---.ics");
}

}  // namespace
}  // namespace portal::frontend
