// Civil dates, Copenhagen local time, and the weekly/fortnightly/monthly schedules of listings.
// Pure functions; thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace portal::core {

// Days since 1970-01-01 (a Thursday).
struct Date {
  int days = 0;
  auto operator<=>(const Date&) const = default;
};

struct Ymd {
  int year;
  unsigned month;  // 1-12
  unsigned day;    // 1-31
};

Date from_ymd(Ymd ymd);
Ymd to_ymd(Date date);
// 0 = Monday ... 6 = Sunday.
int weekday(Date date);
// Parses "YYYY-MM-DD" (a real calendar date); nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date date);
// Parses "HH:MM" (00:00-23:59) to minutes after midnight; nullopt otherwise.
std::optional<int> parse_time(std::string_view text);
std::string format_time(int minutes);
// Weekday codes of the vocabulary, "mon".."sun"; index = weekday().
const std::vector<std::string>& weekday_codes();
std::optional<int> parse_weekday(std::string_view code);

// Local date and minute of day in Denmark (CET/CEST, EU summer-time rules).
struct LocalTime {
  Date date;
  int minute = 0;
};
LocalTime copenhagen_time(std::chrono::system_clock::time_point tp);

// One schedule entry of a listing: repeats weekly, every N weeks, or on the Nth (or last)
// weekday of the month, between `from` and `until` (both optional, inclusive), except on the
// cancelled dates in `except`. A one-off event has from == until.
struct ScheduleEntry {
  int weekday = 0;  // 0 = Monday
  int start_minute = 0;
  std::optional<int> end_minute;
  int every_weeks = 1;
  std::optional<int> week_of_month;  // 1-4, or -1 for the last
  std::optional<Date> from;          // first date; anchors every_weeks > 1 (extension)
  std::optional<Date> until;         // last possible date (extension)
  std::vector<Date> except;          // cancelled dates (extension); sorted, unique when parsed
};

struct Occurrence {
  Date date;
  int start_minute = 0;
  std::optional<int> end_minute;
};

// The next `count` occurrences at or after `now` (an occurrence that started today before
// `now.minute` is skipped), in time order; none after an entry's `until` or on its `except` dates. Fortnightly entries without `from` are anchored to
// ISO weeks counted from 1970-01-05, so every process agrees on which weeks they fall in.
std::vector<Occurrence> next_occurrences(const std::vector<ScheduleEntry>& schedule, LocalTime now,
                                         size_t count);

// Time-of-day code of a start time: "morning" (<12:00), "afternoon" (12-17), "evening" (>=17).
std::string_view time_of_day(int start_minute);

}  // namespace portal::core
