#include "core/calendar.h"

#include <chrono>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace portal::core {
namespace {

using namespace std::chrono_literals;

// Independent of core: the Gregorian rules written out plainly.
bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
unsigned month_length(int y, unsigned m) {
  switch (m) {
    case 2: return is_leap(y) ? 29u : 28u;
    case 4: case 6: case 9: case 11: return 30u;
    default: return 31u;
  }
}

Date d(int y, unsigned m, unsigned day) { return from_ymd({y, m, day}); }

std::chrono::system_clock::time_point utc(int y, unsigned m, unsigned day, int hour, int minute) {
  const std::chrono::sys_days days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{day}};
  return std::chrono::time_point_cast<std::chrono::system_clock::duration>(
      days + std::chrono::hours{hour} + std::chrono::minutes{minute});
}

std::vector<std::string> dates_of(const std::vector<Occurrence>& occ) {
  std::vector<std::string> out;
  for (const auto& o : occ) out.push_back(format_date(o.date));
  return out;
}

LocalTime at(int y, unsigned m, unsigned day, int hour, int minute) {
  return LocalTime{d(y, m, day), hour * 60 + minute};
}

ScheduleEntry weekly(int wd, int start, std::optional<int> end = std::nullopt) {
  ScheduleEntry e;
  e.weekday = wd;
  e.start_minute = start;
  e.end_minute = end;
  return e;
}

// --- from_ymd / to_ymd -------------------------------------------------------------------------

TEST(CalendarTest, EpochAndKnownDayNumbers) {
  EXPECT_EQ(d(1970, 1, 1).days, 0);
  EXPECT_EQ(d(1969, 12, 31).days, -1);
  EXPECT_EQ(d(2000, 3, 1).days, 11017);
  EXPECT_EQ(d(2024, 2, 29).days, 19782);
  EXPECT_EQ(d(2026, 11, 22).days, 20779);
  EXPECT_EQ(d(1900, 1, 1).days, -25567);
  EXPECT_EQ(d(1600, 1, 1).days, -135140);
}

TEST(CalendarTest, FromYmdCountsEveryDayFrom1600To2400) {
  // Walks every calendar day with an independent month-length table; each must be exactly one
  // day after the previous one, and to_ymd must give the same date back.
  int expected = -135140;  // 1600-01-01
  int checked = 0;
  for (int y = 1600; y <= 2400; ++y) {
    for (unsigned m = 1; m <= 12; ++m) {
      for (unsigned day = 1; day <= month_length(y, m); ++day) {
        const Date date = from_ymd({y, m, day});
        ASSERT_EQ(date.days, expected) << y << "-" << m << "-" << day;
        const Ymd back = to_ymd(date);
        ASSERT_EQ(back.year, y);
        ASSERT_EQ(back.month, m);
        ASSERT_EQ(back.day, day);
        ++expected;
        ++checked;
      }
    }
  }
  // 801 years of which 195 are leap years (1600..2400 inclusive).
  EXPECT_EQ(checked, 801 * 365 + 195);
}

TEST(CalendarTest, ToYmdRoundTripsAroundLeapDays) {
  for (int y : {1900, 2000, 2023, 2024, 2025, 2100}) {
    const Date feb28 = d(y, 2, 28);
    const Ymd next = to_ymd(Date{feb28.days + 1});
    if (is_leap(y)) {
      EXPECT_EQ(next.month, 2u) << y;
      EXPECT_EQ(next.day, 29u) << y;
    } else {
      EXPECT_EQ(next.month, 3u) << y;
      EXPECT_EQ(next.day, 1u) << y;
    }
  }
  EXPECT_EQ(d(2024, 12, 31).days - d(2024, 1, 1).days, 365);
  EXPECT_EQ(d(2026, 12, 31).days - d(2026, 1, 1).days, 364);
  EXPECT_EQ(d(2000, 12, 31).days - d(2000, 1, 1).days, 365);
  EXPECT_EQ(d(1900, 12, 31).days - d(1900, 1, 1).days, 364);
}

TEST(CalendarTest, DatesCompareInTimeOrder) {
  EXPECT_LT(d(2026, 11, 22), d(2026, 11, 23));
  EXPECT_LT(d(2025, 12, 31), d(2026, 1, 1));
  EXPECT_EQ(d(2026, 11, 22), (Date{20779}));
}

// --- weekday -----------------------------------------------------------------------------------

TEST(CalendarTest, WeekdayOfKnownDates) {
  EXPECT_EQ(weekday(d(2026, 11, 22)), 6);  // Sunday
  EXPECT_EQ(weekday(d(2026, 11, 23)), 0);  // Monday
  EXPECT_EQ(weekday(d(1970, 1, 1)), 3);    // Thursday
  EXPECT_EQ(weekday(d(1969, 12, 31)), 2);  // Wednesday (before the epoch)
  EXPECT_EQ(weekday(d(2000, 1, 1)), 5);    // Saturday
  EXPECT_EQ(weekday(d(2024, 2, 29)), 3);   // Thursday
  EXPECT_EQ(weekday(d(1900, 1, 1)), 0);    // Monday
  EXPECT_EQ(weekday(d(1600, 1, 1)), 5);    // Saturday
}

TEST(CalendarTest, WeekdayCyclesThroughAllSevenDays) {
  const Date start = d(2026, 11, 23);  // Monday
  for (int i = -700; i < 700; ++i) {
    ASSERT_EQ(weekday(Date{start.days + i}), ((i % 7) + 7) % 7) << i;
  }
}

TEST(CalendarTest, WeekdayCodesAndParsing) {
  const std::vector<std::string> expected = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  EXPECT_EQ(weekday_codes(), expected);
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(parse_weekday(expected[i]), static_cast<int>(i));
  }
  EXPECT_EQ(parse_weekday("Tue"), std::nullopt);
  EXPECT_EQ(parse_weekday("tirsdag"), std::nullopt);
  EXPECT_EQ(parse_weekday(""), std::nullopt);
  EXPECT_EQ(parse_weekday("tue "), std::nullopt);
}

// --- parse_date / format_date ------------------------------------------------------------------

TEST(CalendarTest, ParseDateAcceptsRealDates) {
  EXPECT_EQ(parse_date("2024-02-29"), d(2024, 2, 29));
  EXPECT_EQ(parse_date("2000-02-29"), d(2000, 2, 29));
  EXPECT_EQ(parse_date("2026-11-22"), d(2026, 11, 22));
  EXPECT_EQ(parse_date("2026-12-31"), d(2026, 12, 31));
  EXPECT_EQ(parse_date("2026-01-01"), d(2026, 1, 1));
  EXPECT_EQ(parse_date("2026-04-30"), d(2026, 4, 30));
}

TEST(CalendarTest, ParseDateRejectsImpossibleOrMalformedDates) {
  for (const char* bad : {"2026-02-29", "1900-02-29", "2100-02-29", "2026-13-01", "2026-00-10",
                          "2026-04-31", "2026-01-32", "2026-01-00", "2026-1-01", "2026-01-1",
                          "26-01-01", "2026/01/01", "2026-01-01T10:00", " 2026-01-01",
                          "2026-01-01 ", "", "abcd-ef-gh", "2026-+1-01", "2026-0a-01"}) {
    EXPECT_EQ(parse_date(bad), std::nullopt) << bad;
  }
}

TEST(CalendarTest, FormatDatePadsWithZeros) {
  EXPECT_EQ(format_date(d(2026, 1, 5)), "2026-01-05");
  EXPECT_EQ(format_date(Date{0}), "1970-01-01");
  EXPECT_EQ(format_date(d(2024, 2, 29)), "2024-02-29");
}

TEST(CalendarTest, ParseAndFormatDateRoundTrip) {
  for (int days = d(2020, 1, 1).days; days < d(2030, 1, 1).days; ++days) {
    const std::string text = format_date(Date{days});
    ASSERT_EQ(parse_date(text), Date{days}) << text;
  }
}

// --- parse_time / format_time ------------------------------------------------------------------

TEST(CalendarTest, ParseTimeBounds) {
  EXPECT_EQ(parse_time("00:00"), 0);
  EXPECT_EQ(parse_time("23:59"), 23 * 60 + 59);
  EXPECT_EQ(parse_time("10:00"), 600);
  EXPECT_EQ(parse_time("11:30"), 690);
  EXPECT_EQ(parse_time("09:05"), 545);
}

TEST(CalendarTest, ParseTimeRejectsOutOfRangeAndMalformed) {
  for (const char* bad : {"24:00", "25:00", "12:60", "99:99", "9:00", "09:5", "0900", "09.00",
                          "", "ab:cd", "-1:00", " 9:00", "09:00 ", "09:00:00", "+9:00"}) {
    EXPECT_EQ(parse_time(bad), std::nullopt) << bad;
  }
}

TEST(CalendarTest, FormatTimeRoundTripsEveryMinute) {
  EXPECT_EQ(format_time(0), "00:00");
  EXPECT_EQ(format_time(545), "09:05");
  EXPECT_EQ(format_time(1439), "23:59");
  for (int m = 0; m < 1440; ++m) ASSERT_EQ(parse_time(format_time(m)), m) << m;
}

// --- copenhagen_time ---------------------------------------------------------------------------

TEST(CalendarTest, CopenhagenWinterIsUtcPlusOne) {
  const LocalTime t = copenhagen_time(utc(2026, 1, 15, 12, 0));
  EXPECT_EQ(t.date, d(2026, 1, 15));
  EXPECT_EQ(t.minute, 13 * 60);
  const LocalTime dec = copenhagen_time(utc(2026, 12, 1, 8, 30));
  EXPECT_EQ(dec.date, d(2026, 12, 1));
  EXPECT_EQ(dec.minute, 9 * 60 + 30);
}

TEST(CalendarTest, CopenhagenSummerIsUtcPlusTwo) {
  const LocalTime t = copenhagen_time(utc(2026, 7, 1, 12, 0));
  EXPECT_EQ(t.date, d(2026, 7, 1));
  EXPECT_EQ(t.minute, 14 * 60);
}

TEST(CalendarTest, CopenhagenSpringForwardOn29March2026) {
  // 2026-03-29 is the last Sunday of March; clocks go 02:00 CET -> 03:00 CEST at 01:00 UTC.
  const LocalTime before = copenhagen_time(utc(2026, 3, 29, 0, 59));
  EXPECT_EQ(before.date, d(2026, 3, 29));
  EXPECT_EQ(before.minute, 1 * 60 + 59);
  const LocalTime after = copenhagen_time(utc(2026, 3, 29, 1, 0));
  EXPECT_EQ(after.date, d(2026, 3, 29));
  EXPECT_EQ(after.minute, 3 * 60);
  // A week earlier is still winter time at the same UTC hour.
  EXPECT_EQ(copenhagen_time(utc(2026, 3, 22, 1, 0)).minute, 2 * 60);
}

TEST(CalendarTest, CopenhagenFallBackOn25October2026) {
  // 2026-10-25 is the last Sunday of October; clocks go 03:00 CEST -> 02:00 CET at 01:00 UTC.
  const LocalTime before = copenhagen_time(utc(2026, 10, 25, 0, 59));
  EXPECT_EQ(before.date, d(2026, 10, 25));
  EXPECT_EQ(before.minute, 2 * 60 + 59);
  const LocalTime after = copenhagen_time(utc(2026, 10, 25, 1, 0));
  EXPECT_EQ(after.date, d(2026, 10, 25));
  EXPECT_EQ(after.minute, 2 * 60);
  // A week earlier is still summer time.
  EXPECT_EQ(copenhagen_time(utc(2026, 10, 18, 1, 0)).minute, 3 * 60);
}

TEST(CalendarTest, CopenhagenSwitchDatesFollowTheYear) {
  // 2025: last Sundays are 30 March and 26 October.
  EXPECT_EQ(copenhagen_time(utc(2025, 3, 29, 12, 0)).minute, 13 * 60);
  EXPECT_EQ(copenhagen_time(utc(2025, 3, 30, 0, 59)).minute, 1 * 60 + 59);
  EXPECT_EQ(copenhagen_time(utc(2025, 3, 30, 1, 0)).minute, 3 * 60);
  EXPECT_EQ(copenhagen_time(utc(2025, 10, 26, 0, 59)).minute, 2 * 60 + 59);
  EXPECT_EQ(copenhagen_time(utc(2025, 10, 26, 1, 0)).minute, 2 * 60);
  // 2024: 31 March (the month's last day) and 27 October.
  EXPECT_EQ(copenhagen_time(utc(2024, 3, 31, 1, 0)).minute, 3 * 60);
  EXPECT_EQ(copenhagen_time(utc(2024, 3, 30, 12, 0)).minute, 13 * 60);
  EXPECT_EQ(copenhagen_time(utc(2024, 10, 27, 1, 0)).minute, 2 * 60);
}

TEST(CalendarTest, CopenhagenDateRollsOverAtLocalMidnight) {
  const LocalTime newyear = copenhagen_time(utc(2026, 12, 31, 23, 30));
  EXPECT_EQ(newyear.date, d(2027, 1, 1));
  EXPECT_EQ(newyear.minute, 30);
  const LocalTime summer = copenhagen_time(utc(2026, 6, 30, 22, 15));
  EXPECT_EQ(summer.date, d(2026, 7, 1));
  EXPECT_EQ(summer.minute, 15);
  const LocalTime still = copenhagen_time(utc(2026, 6, 30, 21, 59));
  EXPECT_EQ(still.date, d(2026, 6, 30));
  EXPECT_EQ(still.minute, 23 * 60 + 59);
}

TEST(CalendarTest, CopenhagenBeforeTheEpoch) {
  const LocalTime t = copenhagen_time(utc(1969, 12, 31, 23, 30));
  EXPECT_EQ(t.date, d(1970, 1, 1));
  EXPECT_EQ(t.minute, 30);
  const LocalTime u = copenhagen_time(utc(1969, 12, 31, 12, 0));
  EXPECT_EQ(u.date, d(1969, 12, 31));
  EXPECT_EQ(u.minute, 13 * 60);
}

// --- next_occurrences --------------------------------------------------------------------------

TEST(NextOccurrencesTest, EmptyScheduleHasNone) {
  EXPECT_TRUE(next_occurrences({}, at(2026, 11, 22, 9, 0), 5).empty());
}

TEST(NextOccurrencesTest, ZeroCountGivesNone) {
  EXPECT_TRUE(next_occurrences({weekly(1, 600)}, at(2026, 11, 22, 9, 0), 0).empty());
}

TEST(NextOccurrencesTest, WeeklyFromALaterWeekday) {
  // Sunday 2026-11-22; Tuesday 10:00-11:30.
  const auto occ = next_occurrences({weekly(1, 600, 690)}, at(2026, 11, 22, 9, 0), 3);
  EXPECT_EQ(dates_of(occ), (std::vector<std::string>{"2026-11-24", "2026-12-01", "2026-12-08"}));
  ASSERT_EQ(occ.size(), 3u);
  EXPECT_EQ(occ[0].start_minute, 600);
  EXPECT_EQ(occ[0].end_minute, 690);
}

TEST(NextOccurrencesTest, WeeklyTodayBeforeStartTimeIncludesToday) {
  const auto occ = next_occurrences({weekly(6, 600)}, at(2026, 11, 22, 9, 59), 2);
  EXPECT_EQ(dates_of(occ), (std::vector<std::string>{"2026-11-22", "2026-11-29"}));
  ASSERT_FALSE(occ.empty());
  EXPECT_FALSE(occ[0].end_minute.has_value());
}

TEST(NextOccurrencesTest, WeeklyTodayAtStartTimeIncludesToday) {
  const auto occ = next_occurrences({weekly(6, 600)}, at(2026, 11, 22, 10, 0), 1);
  EXPECT_EQ(dates_of(occ), (std::vector<std::string>{"2026-11-22"}));
}

TEST(NextOccurrencesTest, WeeklyTodayAfterStartTimeSkipsToNextWeek) {
  const auto occ = next_occurrences({weekly(6, 600)}, at(2026, 11, 22, 10, 1), 2);
  EXPECT_EQ(dates_of(occ), (std::vector<std::string>{"2026-11-29", "2026-12-06"}));
}

TEST(NextOccurrencesTest, ReturnsExactlyCount) {
  const auto occ = next_occurrences({weekly(0, 600)}, at(2026, 11, 22, 0, 0), 10);
  ASSERT_EQ(occ.size(), 10u);
  for (size_t i = 1; i < occ.size(); ++i) EXPECT_EQ(occ[i].date.days - occ[i - 1].date.days, 7);
}

TEST(NextOccurrencesTest, FortnightlyWithoutFromIsAnchoredToEpochWeeks) {
  // Weeks are counted from Monday 1970-01-05 (week 0); every_weeks 2 falls in even weeks.
  ScheduleEntry e = weekly(3, 14 * 60, 15 * 60);
  e.every_weeks = 2;
  const auto occ = next_occurrences({e}, at(2026, 11, 22, 12, 0), 4);
  EXPECT_EQ(dates_of(occ),
            (std::vector<std::string>{"2026-11-26", "2026-12-10", "2026-12-24", "2027-01-07"}));
  // The answer does not depend on which day we ask from within the same fortnight.
  const auto later = next_occurrences({e}, at(2026, 11, 27, 12, 0), 1);
  EXPECT_EQ(dates_of(later), (std::vector<std::string>{"2026-12-10"}));
}

TEST(NextOccurrencesTest, FortnightlyWithFromIsAnchoredToFrom) {
  ScheduleEntry odd = weekly(3, 14 * 60);
  odd.every_weeks = 2;
  odd.from = d(2026, 12, 3);  // a Thursday in an odd epoch week
  EXPECT_EQ(dates_of(next_occurrences({odd}, at(2026, 11, 22, 12, 0), 3)),
            (std::vector<std::string>{"2026-12-03", "2026-12-17", "2026-12-31"}));

  ScheduleEntry even = odd;
  even.from = d(2026, 11, 26);
  EXPECT_EQ(dates_of(next_occurrences({even}, at(2026, 11, 22, 12, 0), 3)),
            (std::vector<std::string>{"2026-11-26", "2026-12-10", "2026-12-24"}));
}

TEST(NextOccurrencesTest, FromInMidWeekAnchorsToThatWeek) {
  // from is the Monday of the week 2026-11-30; the first Thursday is that week's.
  ScheduleEntry e = weekly(3, 9 * 60);
  e.every_weeks = 2;
  e.from = d(2026, 11, 30);
  EXPECT_EQ(dates_of(next_occurrences({e}, at(2026, 11, 22, 12, 0), 2)),
            (std::vector<std::string>{"2026-12-03", "2026-12-17"}));
  // from on a Friday: that week's Thursday is before from, so the first is two weeks later.
  e.from = d(2026, 12, 4);
  EXPECT_EQ(dates_of(next_occurrences({e}, at(2026, 11, 22, 12, 0), 2)),
            (std::vector<std::string>{"2026-12-17", "2026-12-31"}));
}

TEST(NextOccurrencesTest, WeeklyWithFromStartsOnFrom) {
  ScheduleEntry e = weekly(1, 600);
  e.from = d(2027, 1, 5);
  EXPECT_EQ(dates_of(next_occurrences({e}, at(2026, 11, 22, 12, 0), 2)),
            (std::vector<std::string>{"2027-01-05", "2027-01-12"}));
}

TEST(NextOccurrencesTest, EveryEightWeeksFindsAllRequested) {
  // The parser allows every_weeks up to 8: 56 days between occurrences.
  ScheduleEntry e = weekly(3, 600);
  e.every_weeks = 8;
  EXPECT_EQ(dates_of(next_occurrences({e}, at(2026, 11, 22, 12, 0), 3)),
            (std::vector<std::string>{"2026-11-26", "2027-01-21", "2027-03-18"}));
  // Just after an occurrence the next one is 55 days away.
  EXPECT_EQ(dates_of(next_occurrences({e}, at(2026, 11, 26, 12, 0), 1)),
            (std::vector<std::string>{"2027-01-21"}));
}

TEST(NextOccurrencesTest, FromFarAheadStillFound) {
  ScheduleEntry e = weekly(0, 600);
  e.from = d(2027, 9, 6);  // a Monday more than nine months ahead
  EXPECT_EQ(dates_of(next_occurrences({e}, at(2026, 11, 22, 12, 0), 2)),
            (std::vector<std::string>{"2027-09-06", "2027-09-13"}));
}

TEST(NextOccurrencesTest, FirstTuesdayOfTheMonth) {
  ScheduleEntry e = weekly(1, 600);
  e.week_of_month = 1;
  EXPECT_EQ(dates_of(next_occurrences({e}, at(2026, 11, 22, 12, 0), 4)),
            (std::vector<std::string>{"2026-12-01", "2027-01-05", "2027-02-02", "2027-03-02"}));
}

TEST(NextOccurrencesTest, FourthFridayIsNotTheFifth) {
  ScheduleEntry e = weekly(4, 600);
  e.week_of_month = 4;
  // January 2026 has five Fridays (2, 9, 16, 23, 30).
  EXPECT_EQ(dates_of(next_occurrences({e}, at(2026, 1, 1, 0, 0), 2)),
            (std::vector<std::string>{"2026-01-23", "2026-02-27"}));
}

TEST(NextOccurrencesTest, LastFridayOfTheMonth) {
  ScheduleEntry e = weekly(4, 600);
  e.week_of_month = -1;
  // January 2026 has five Fridays: the last is the 30th, not the 23rd.
  EXPECT_EQ(dates_of(next_occurrences({e}, at(2026, 1, 1, 0, 0), 4)),
            (std::vector<std::string>{"2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24"}));
}

TEST(NextOccurrencesTest, LastTuesdayOnTheMonthsLastDay) {
  ScheduleEntry e = weekly(1, 600);
  e.week_of_month = -1;
  // 2026-03-31 and 2026-06-30 are Tuesdays.
  EXPECT_EQ(dates_of(next_occurrences({e}, at(2026, 3, 1, 0, 0), 4)),
            (std::vector<std::string>{"2026-03-31", "2026-04-28", "2026-05-26", "2026-06-30"}));
}

TEST(NextOccurrencesTest, ManyMonthlyOccurrences) {
  ScheduleEntry e = weekly(4, 600);
  e.week_of_month = -1;
  const auto occ = next_occurrences({e}, at(2026, 1, 1, 0, 0), 24);
  ASSERT_EQ(occ.size(), 24u);
  EXPECT_EQ(format_date(occ.back().date), "2027-12-31");
}

TEST(NextOccurrencesTest, SeveralEntriesInTimeOrder) {
  // Sunday 2026-11-22 at 12:00: Tuesday 14:00, Tuesday 10:00, Thursday 09:00, Sunday 11:00
  // (already started today) and Sunday 18:00 (later today).
  const std::vector<ScheduleEntry> schedule = {weekly(1, 14 * 60, 16 * 60), weekly(1, 10 * 60),
                                               weekly(3, 9 * 60), weekly(6, 11 * 60),
                                               weekly(6, 18 * 60)};
  const auto occ = next_occurrences(schedule, at(2026, 11, 22, 12, 0), 6);
  ASSERT_EQ(occ.size(), 6u);
  const std::vector<std::pair<std::string, int>> expected = {
      {"2026-11-22", 18 * 60}, {"2026-11-24", 10 * 60}, {"2026-11-24", 14 * 60},
      {"2026-11-26", 9 * 60},  {"2026-11-29", 11 * 60}, {"2026-11-29", 18 * 60}};
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(format_date(occ[i].date), expected[i].first) << i;
    EXPECT_EQ(occ[i].start_minute, expected[i].second) << i;
  }
  EXPECT_EQ(occ[2].end_minute, 16 * 60);
  EXPECT_FALSE(occ[1].end_minute.has_value());
}

TEST(NextOccurrencesTest, MixedWeeklyAndMonthly) {
  ScheduleEntry monthly = weekly(1, 600);
  monthly.week_of_month = 1;
  const auto occ = next_occurrences({monthly, weekly(4, 600)}, at(2026, 11, 22, 12, 0), 4);
  EXPECT_EQ(dates_of(occ),
            (std::vector<std::string>{"2026-11-27", "2026-12-01", "2026-12-04", "2026-12-11"}));
}

// --- time_of_day -------------------------------------------------------------------------------

TEST(CalendarTest, TimeOfDayBoundaries) {
  EXPECT_EQ(time_of_day(0), "morning");
  EXPECT_EQ(time_of_day(11 * 60 + 59), "morning");
  EXPECT_EQ(time_of_day(12 * 60), "afternoon");
  EXPECT_EQ(time_of_day(16 * 60 + 59), "afternoon");
  EXPECT_EQ(time_of_day(17 * 60), "evening");
  EXPECT_EQ(time_of_day(23 * 60 + 59), "evening");
}

// --- until / except (extension) ------------------------------------------------------------------

TEST(CalendarTest, UntilIsTheLastPossibleDate) {
  ScheduleEntry e = weekly(1, 600);  // Tuesdays 10:00
  e.until = d(2026, 12, 8);
  EXPECT_EQ(dates_of(next_occurrences({e}, at(2026, 11, 23, 9, 0), 5)),
            (std::vector<std::string>{"2026-11-24", "2026-12-01", "2026-12-08"}));
  EXPECT_TRUE(next_occurrences({e}, at(2026, 12, 9, 9, 0), 5).empty());
}

TEST(CalendarTest, ExceptSkipsCancelledDatesAndStillFindsEnough) {
  ScheduleEntry e = weekly(1, 600);
  e.except = {d(2026, 12, 22), d(2026, 12, 29)};
  EXPECT_EQ(dates_of(next_occurrences({e}, at(2026, 12, 14, 9, 0), 3)),
            (std::vector<std::string>{"2026-12-15", "2027-01-05", "2027-01-12"}));
}

TEST(CalendarTest, OneOffEventHasFromEqualToUntil) {
  ScheduleEntry e = weekly(5, 14 * 60);  // a Saturday
  e.from = d(2026, 10, 10);
  e.until = d(2026, 10, 10);
  EXPECT_EQ(dates_of(next_occurrences({e}, at(2026, 9, 1, 9, 0), 5)), (std::vector<std::string>{"2026-10-10"}));
}

TEST(CalendarTest, ExceptAndUntilApplyToMonthlyEntries) {
  ScheduleEntry e = weekly(1, 600);
  e.week_of_month = 1;  // first Tuesday
  e.except = {d(2027, 1, 5)};
  e.until = d(2027, 3, 31);
  EXPECT_EQ(dates_of(next_occurrences({e}, at(2026, 11, 23, 9, 0), 10)),
            (std::vector<std::string>{"2026-12-01", "2027-02-02", "2027-03-02"}));
}

}  // namespace
}  // namespace portal::core
