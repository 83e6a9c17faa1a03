// iCalendar feeds → listing records (indexer/ics.h), checked through the listing parser.
#include "indexer/ics.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/listing_json.h"
#include "tests/indexer/source_records.h"

namespace portal::indexer {
namespace {

using nlohmann::json;
using namespace portal::indexer::tests;  // NOLINT(google-build-using-namespace)

// A calendar around the given VEVENT lines (joined with CRLF).
std::string feed(const std::vector<std::vector<std::string>>& events) {
  std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//DA\r\n";
  for (const auto& lines : events) {
    out += "BEGIN:VEVENT\r\n";
    for (const auto& l : lines) out += l + "\r\n";
    out += "END:VEVENT\r\n";
  }
  return out + "END:VCALENDAR\r\n";
}

std::vector<std::string> event(const std::string& uid, std::vector<std::string> more) {
  std::vector<std::string> lines = {"UID:" + uid, "DTSTAMP:20260815T080000Z", "SUMMARY:Strikkecafé",
                                    "LOCATION:Kulturhuset\\, Nørregade 1\\, 7500 Holstebro"};
  lines.insert(lines.end(), more.begin(), more.end());
  return lines;
}

SourceRecords convert(const std::string& text) { return ics_to_records("test.ics", text, "holstebro-gaaklub", vocabulary()); }

// The only record of a feed, parsed; fails the test on conversion or parse errors.
core::Activity only(const std::string& text) {
  const SourceRecords r = convert(text);
  EXPECT_EQ(r.activities.size(), 1u);
  return parsed_activity(r, 0);
}

json schedule_of(const core::Activity& a) { return core::to_json(a).at("schedule"); }

std::vector<std::string> error_fields(const SourceRecords& r, size_t i) {
  std::vector<std::string> out;
  for (const auto& e : r.activity_errors.at(i)) out.push_back(e.field);
  return out;
}

TEST(IcsTest, WeeklyEventInCopenhagenTime) {
  const auto a = only(feed({event("a@x", {"DTSTART;TZID=Europe/Copenhagen:20260901T100000",
                                          "DTEND;TZID=Europe/Copenhagen:20260901T113000", "RRULE:FREQ=WEEKLY"})}));
  EXPECT_EQ(schedule_of(a), json::parse(R"([{"weekday":"tue","start":"10:00","end":"11:30","from":"2026-09-01"}])"));
  EXPECT_EQ(a.id, "holstebro-gaaklub-a-x");
  EXPECT_EQ(a.association, "holstebro-gaaklub");
  EXPECT_EQ(a.title, "Strikkecafé");
  EXPECT_EQ(a.location.name, "Kulturhuset");
  EXPECT_EQ(a.location.address, "Nørregade 1");
  EXPECT_EQ(a.location.postcode, "7500");
  EXPECT_EQ(a.location.city, "Holstebro");
}

TEST(IcsTest, FortnightlyWithUntil) {
  const auto a = only(feed({event("b@x", {"DTSTART;TZID=Europe/Copenhagen:20260903T140000",
                                          "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20261217T225959Z"})}));
  EXPECT_EQ(schedule_of(a), json::parse(R"([{"weekday":"thu","start":"14:00","every_weeks":2,"from":"2026-09-03",
                                             "until":"2026-12-17"}])"));
}

TEST(IcsTest, MonthlyFirstTuesdayWithCountInUtc) {
  // 13:00 UTC in January is 14:00 in Copenhagen; the 6th first Tuesday from January is 2 June.
  const auto a = only(feed({event("c@x", {"DTSTART:20260106T130000Z", "DTEND:20260106T150000Z",
                                          "RRULE:FREQ=MONTHLY;BYDAY=1TU;COUNT=6"})}));
  EXPECT_EQ(schedule_of(a), json::parse(R"([{"weekday":"tue","start":"14:00","end":"16:00","week_of_month":1,
                                             "from":"2026-01-06","until":"2026-06-02"}])"));
}

TEST(IcsTest, MonthlyBySetPosAndLastWeekday) {
  const auto a = only(feed({event("d@x", {"DTSTART:20260625T170000Z", "RRULE:FREQ=MONTHLY;BYDAY=TH;BYSETPOS=-1"})}));
  // 17:00 UTC in June is 19:00 summer time.
  EXPECT_EQ(schedule_of(a),
            json::parse(R"([{"weekday":"thu","start":"19:00","week_of_month":-1,"from":"2026-06-25"}])"));
  const auto b = only(feed({event("e@x", {"DTSTART;TZID=Europe/Copenhagen:20260925T100000",
                                          "RRULE:FREQ=MONTHLY;BYDAY=-1FR"})}));
  EXPECT_EQ(schedule_of(b)[0].at("week_of_month"), -1);
  const auto c = only(feed({event("f@x", {"DTSTART;TZID=Europe/Copenhagen:20260915T100000",
                                          "RRULE:FREQ=MONTHLY;BYDAY=TU;BYSETPOS=3"})}));
  EXPECT_EQ(schedule_of(c)[0].at("week_of_month"), 3);
}

TEST(IcsTest, UtcTimesAcrossTheEndOfSummerTime) {
  // 08:00 UTC is 10:00 before 25 October 2026 and 09:00 after it.
  const auto summer = only(feed({event("g@x", {"DTSTART:20261020T080000Z", "RRULE:FREQ=WEEKLY"})}));
  const auto winter = only(feed({event("h@x", {"DTSTART:20261027T080000Z", "RRULE:FREQ=WEEKLY"})}));
  EXPECT_EQ(schedule_of(summer)[0].at("start"), "10:00");
  EXPECT_EQ(schedule_of(winter)[0].at("start"), "09:00");
  // A zone other than Copenhagen's is converted too (London is one hour behind).
  const auto london = only(feed({event("i@x", {"DTSTART;TZID=Europe/London:20261020T090000", "RRULE:FREQ=WEEKLY"})}));
  EXPECT_EQ(schedule_of(london)[0].at("start"), "10:00");
}

TEST(IcsTest, ExdateAndSeveralWeekdays) {
  const auto a = only(feed({event("j@x", {"DTSTART;TZID=Europe/Copenhagen:20260901T100000",
                                          "RRULE:FREQ=WEEKLY;BYDAY=TU,TH",
                                          "EXDATE;TZID=Europe/Copenhagen:20261222T100000,20261224T100000",
                                          "EXDATE;TZID=Europe/Copenhagen:20261229T100000"})}));
  const json s = schedule_of(a);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].at("weekday"), "tue");
  EXPECT_EQ(s[0].at("except"), json({"2026-12-22", "2026-12-29"}));
  EXPECT_EQ(s[1].at("weekday"), "thu");
  EXPECT_EQ(s[1].at("except"), json({"2026-12-24"}));
}

TEST(IcsTest, SingleEventHasFromEqualToUntil) {
  const auto a = only(feed({event("k@x", {"DTSTART;TZID=Europe/Copenhagen:20261010T140000",
                                          "DTEND;TZID=Europe/Copenhagen:20261010T170000"})}));
  EXPECT_EQ(schedule_of(a), json::parse(R"([{"weekday":"sat","start":"14:00","end":"17:00","from":"2026-10-10",
                                             "until":"2026-10-10"}])"));
}

TEST(IcsTest, DurationGivesTheEnd) {
  const auto a = only(feed({event("l@x", {"DTSTART;TZID=Europe/Copenhagen:20261010T140000", "DURATION:PT1H30M"})}));
  EXPECT_EQ(schedule_of(a)[0].at("end"), "15:30");
}

TEST(IcsTest, RecurrenceIdOverrideCancelsTheOriginalDateWithANote) {
  const SourceRecords r = convert(feed({event("m@x", {"DTSTART;TZID=Europe/Copenhagen:20260901T100000",
                                                       "RRULE:FREQ=WEEKLY"}),
                                        event("m@x", {"RECURRENCE-ID;TZID=Europe/Copenhagen:20261013T100000",
                                                      "DTSTART;TZID=Europe/Copenhagen:20261014T100000"})}));
  ASSERT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.activities[0].at("schedule")[0].at("except"), json({"2026-10-13"}));
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0].field, "RECURRENCE-ID");
  EXPECT_EQ(r.notes[0].record, "VEVENT[1]");
  EXPECT_TRUE(r.notes[0].note);
  EXPECT_NE(r.notes[0].reason.find("2026-10-13"), std::string::npos);
}

TEST(IcsTest, RulesTheFormatCannotShowMakeTheRecordInvalid) {
  const SourceRecords r = convert(feed({event("n@x", {"DTSTART:20260901T080000Z", "RRULE:FREQ=DAILY"}),
                                        event("o@x", {"DTSTART:20260901T080000Z", "RRULE:FREQ=MONTHLY;BYMONTHDAY=15"}),
                                        event("p@x", {"DTSTART:20260901T080000Z", "RRULE:FREQ=WEEKLY;INTERVAL=3"}),
                                        event("q@x", {"DTSTART:20260901T080000Z", "RRULE:FREQ=MONTHLY;BYDAY=5TU"}),
                                        event("r@x", {"DTSTART;VALUE=DATE:20260901"})}));
  ASSERT_EQ(r.activities.size(), 5u);
  EXPECT_EQ(error_fields(r, 0), std::vector<std::string>{"RRULE"});
  EXPECT_EQ(error_fields(r, 1), std::vector<std::string>{"RRULE"});
  EXPECT_TRUE(r.activity_errors[2].empty());  // every third week is fine
  EXPECT_EQ(r.activities[2].at("schedule")[0].at("every_weeks"), 3);
  EXPECT_EQ(error_fields(r, 3), std::vector<std::string>{"RRULE"});
  EXPECT_EQ(error_fields(r, 4), std::vector<std::string>{"DTSTART"});
  EXPECT_NE(r.activity_errors[0][0].reason.find("daglig"), std::string::npos);
}

TEST(IcsTest, LocationWithoutPostcodeIsAnErrorOfLocation) {
  SourceRecords r = convert(feed({{"UID:s@x", "SUMMARY:Kortspil", "LOCATION:Klubhuset ved søen",
                                   "DTSTART:20260901T080000Z"}}));
  EXPECT_EQ(error_fields(r, 0), std::vector<std::string>{"LOCATION"});
  r = convert(feed({{"UID:t@x", "SUMMARY:Kortspil", "DTSTART:20260901T080000Z"}}));
  EXPECT_EQ(error_fields(r, 0), std::vector<std::string>{"LOCATION"});
  // The parser's field names are mapped to iCalendar's: an unknown postcode is LOCATION's.
  EXPECT_EQ(r.activity_field("location.postcode"), "LOCATION");
  EXPECT_EQ(r.activity_field("schedule[0].until"), "RRULE");
  EXPECT_EQ(r.activity_field("title"), "SUMMARY");
}

TEST(IcsTest, LocationForms) {
  auto location = [](const std::string& text) {
    return convert(feed({{"UID:u@x", "SUMMARY:x", "LOCATION:" + text, "DTSTART:20260901T080000Z"}}))
        .activities[0]
        .at("location");
  };
  EXPECT_EQ(location("Nørregade 1\\, 7500 Holstebro"),
            json::parse(R"({"address":"Nørregade 1","postcode":"7500","city":"Holstebro"})"));
  EXPECT_EQ(location("Sognegården\\, Kirkestræde 4\\, 2. sal\\, DK-7500 Holstebro\\, Danmark"),
            json::parse(R"({"name":"Sognegården","address":"Kirkestræde 4, 2. sal","postcode":"7500","city":"Holstebro"})"));
  EXPECT_EQ(location("7500"), json::parse(R"({"postcode":"7500"})"));
}

TEST(IcsTest, CategoriesByCodeOrDanishLabelAndUnknownOnesAsNotes) {
  const std::string text = feed({event("v@x", {"DTSTART:20260901T080000Z", "CATEGORIES:GÅTURE OG VANDRING,music",
                                               "CATEGORIES:Kortspil\\, brætspil og bridge,Petanque"})});
  const auto a = only(text);
  EXPECT_EQ(a.interests, (std::vector<std::string>{"walking", "music", "games"}));
  const SourceRecords r = convert(text);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0].field, "CATEGORIES");
  EXPECT_NE(r.notes[0].reason.find("Petanque"), std::string::npos);
}

TEST(IcsTest, TextEscapesUrlGeoAndLastModified) {
  const auto a = only(feed({event("w@x", {"DTSTART:20260901T080000Z", "DESCRIPTION:Kaffe\\, kage\\; sang\\nog hygge",
                                          "URL:https://example.dk/strik", "GEO:56.3601;8.616",
                                          "LAST-MODIFIED:20260812T223000Z"})}));
  EXPECT_EQ(a.description, "Kaffe, kage; sang\nog hygge\n\nLæs mere: https://example.dk/strik");
  ASSERT_TRUE(a.location.exact);
  EXPECT_DOUBLE_EQ(a.location.exact->lat, 56.3601);
  EXPECT_DOUBLE_EQ(a.location.exact->lon, 8.616);
  ASSERT_TRUE(a.updated_at);
  EXPECT_EQ(core::format_date(*a.updated_at), "2026-08-13");  // 00:30 in Copenhagen
}

TEST(IcsTest, IdsAreDeterministicSlugsShortenedWithAHash) {
  EXPECT_EQ(ics_activity_id("holstebro-gaaklub", "Tirsdagstur@Holstebro.dk"),
            "holstebro-gaaklub-tirsdagstur-holstebro-dk");
  const std::string long_uid(300, 'x');
  const std::string id = ics_activity_id("holstebro-gaaklub", long_uid);
  EXPECT_EQ(id.size(), 128u);
  EXPECT_EQ(id, ics_activity_id("holstebro-gaaklub", long_uid));
  EXPECT_NE(id, ics_activity_id("holstebro-gaaklub", long_uid + "y"));
  EXPECT_TRUE(core::valid_id(id));
  EXPECT_TRUE(core::valid_id(ics_activity_id("a", "ÆØÅ æøå")));
  EXPECT_EQ(ics_activity_id("a", "ÆØÅ æøå"), "a-aeoeaa-aeoeaa");
}

TEST(IcsTest, FixtureWithFoldedUtf8) {
  const SourceRecords r = convert(fixture_text("holstebro-gaaklub.ics"));
  ASSERT_EQ(r.activities.size(), 7u);  // 8 VEVENTs, one of them an override
  EXPECT_EQ(r.activities[0].at("title"),
            "Tirsdagsturen ved Storåen – for alle, der kan gå 5 km i roligt tempo og nyder en kop kaffe bagefter");
  EXPECT_TRUE(r.activities[0].at("description").get<std::string>().starts_with(
      "Vi går en rolig tur langs åen, drikker kaffe bagefter; alle er velkomne. Mødested: foran Kulturhuset"));
  EXPECT_EQ(r.activities[0].at("schedule")[0].at("except"), json({"2026-10-13", "2026-12-22", "2026-12-29"}));
}

TEST(IcsTest, MalformedEventsAreInvalidRecordsNotCrashes) {
  const SourceRecords r = convert(feed({{"UID:x@y", "SUMMARY:Gåtur", "LOCATION:7500 Holstebro",
                                         "DTSTART:tirsdag kl. 10", "RRULE:FREQ=SOMETIMES;BYDAY=XX"}}));
  ASSERT_EQ(r.activities.size(), 1u);
  EXPECT_FALSE(r.activity_errors[0].empty());
  // A calendar that never ends cannot be read at all.
  EXPECT_THROW(convert("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:z@y\r\n"), FileError);
}

TEST(IcsTest, NotACalendarOrNotUtf8IsAFileError) {
  EXPECT_THROW(convert("Titel;Sted\r\n"), FileError);
  EXPECT_THROW(convert("BEGIN:VCALENDAR\r\nSUMMARY:Strikkecaf\xE9\r\nEND:VCALENDAR\r\n"), FileError);
}

}  // namespace
}  // namespace portal::indexer
