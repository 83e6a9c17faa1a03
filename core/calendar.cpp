#include "core/calendar.h"

#include <algorithm>
#include <cstdio>

namespace portal::core {

// Howard Hinnant's days_from_civil / civil_from_days.
Date from_ymd(Ymd ymd) {
  int y = ymd.year - (ymd.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = ymd.month > 2 ? ymd.month - 3 : ymd.month + 9;
  const unsigned doy = (153 * mp + 2) / 5 + ymd.day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return Date{era * 146097 + static_cast<int>(doe) - 719468};
}

Ymd to_ymd(Date date) {
  const int z = date.days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Ymd{y + (m <= 2 ? 1 : 0), m, d};
}

int weekday(Date date) {
  // 1970-01-01 was a Thursday (3 when Monday = 0).
  return ((date.days % 7) + 7 + 3) % 7;
}

namespace {
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
unsigned days_in_month(int y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}
}  // namespace

std::optional<Date> parse_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  auto ys = t.substr(0, 4), ms = t.substr(5, 2), ds = t.substr(8, 2);
  if (!all_digits(ys) || !all_digits(ms) || !all_digits(ds)) return std::nullopt;
  const int y = to_int(ys);
  const unsigned m = static_cast<unsigned>(to_int(ms)), d = static_cast<unsigned>(to_int(ds));
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return from_ymd({y, m, d});
}

std::string format_date(Date date) {
  const Ymd ymd = to_ymd(date);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", ymd.year, ymd.month, ymd.day);
  return buf;
}

std::optional<int> parse_time(std::string_view t) {
  if (t.size() != 5 || t[2] != ':') return std::nullopt;
  auto hs = t.substr(0, 2), ms = t.substr(3, 2);
  if (!all_digits(hs) || !all_digits(ms)) return std::nullopt;
  const int h = to_int(hs), m = to_int(ms);
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

std::string format_time(int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60 % 100, minutes % 60);
  return buf;
}

const std::vector<std::string>& weekday_codes() {
  static const std::vector<std::string> kCodes = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  return kCodes;
}

std::optional<int> parse_weekday(std::string_view code) {
  const auto& codes = weekday_codes();
  auto it = std::find(codes.begin(), codes.end(), code);
  if (it == codes.end()) return std::nullopt;
  return static_cast<int>(it - codes.begin());
}

namespace {
// Last Sunday of a month, as a Date.
Date last_sunday(int year, unsigned month) {
  Date last = from_ymd({year, month, days_in_month(year, month)});
  return Date{last.days - (weekday(last) + 1) % 7};
}
}  // namespace

LocalTime copenhagen_time(std::chrono::system_clock::time_point tp) {
  using namespace std::chrono;
  const long long utc_minutes = duration_cast<minutes>(tp.time_since_epoch()).count();
  const Date utc_date{static_cast<int>(utc_minutes >= 0 ? utc_minutes / 1440 : (utc_minutes - 1439) / 1440)};
  const int year = to_ymd(utc_date).year;
  // Summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
  // Sunday of October.
  const long long dst_start = static_cast<long long>(last_sunday(year, 3).days) * 1440 + 60;
  const long long dst_end = static_cast<long long>(last_sunday(year, 10).days) * 1440 + 60;
  const int offset = (utc_minutes >= dst_start && utc_minutes < dst_end) ? 120 : 60;
  const long long local = utc_minutes + offset;
  const int days = static_cast<int>(local >= 0 ? local / 1440 : (local - 1439) / 1440);
  return LocalTime{Date{days}, static_cast<int>(local - static_cast<long long>(days) * 1440)};
}

namespace {

// Monday of the ISO week containing `date`, counted in weeks since 1970-01-05.
int week_index(Date date) { return (date.days - 4 - weekday(date) + 7 * 1000) / 7 - 1000; }

bool occurs_on(const ScheduleEntry& e, Date date) {
  if (weekday(date) != e.weekday) return false;
  if (e.from && date < *e.from) return false;
  if (e.until && date > *e.until) return false;
  if (std::find(e.except.begin(), e.except.end(), date) != e.except.end()) return false;
  if (e.week_of_month) {
    const Ymd ymd = to_ymd(date);
    if (*e.week_of_month == -1) return ymd.day + 7 > days_in_month(ymd.year, ymd.month);
    return static_cast<int>((ymd.day - 1) / 7 + 1) == *e.week_of_month;
  }
  if (e.every_weeks > 1) {
    const int anchor = e.from ? week_index(*e.from) : 0;
    const int diff = week_index(date) - anchor;
    return ((diff % e.every_weeks) + e.every_weeks) % e.every_weeks == 0;
  }
  return true;
}

}  // namespace

std::vector<Occurrence> next_occurrences(const std::vector<ScheduleEntry>& schedule, LocalTime now,
                                         size_t count) {
  std::vector<Occurrence> out;
  if (schedule.empty() || count == 0) return out;
  // Look ahead far enough for `count` occurrences of the sparsest entry: monthly entries are at
  // most 35 days apart, every-N-weeks entries 7N days, plus one period per cancelled date; and an entry starts no earlier than its
  // `from` (capped at three years ahead to bound the work).
  int period = 36;
  int first = 0;
  size_t cancelled = 0;  // each cancelled date may push the last wanted occurrence one period on
  for (const auto& e : schedule) {
    period = std::max(period, 7 * std::clamp(e.every_weeks, 1, 52) + 1);
    cancelled = std::max(cancelled, e.except.size());
    if (e.from) first = std::max(first, e.from->days - now.date.days);
  }
  first = std::min(first, 3 * 366);
  const int horizon = first + static_cast<int>(std::min<size_t>(count + cancelled, 120)) * period + 7;
  for (int i = 0; i <= horizon && out.size() < count; ++i) {
    const Date date{now.date.days + i};
    std::vector<Occurrence> today;
    for (const auto& e : schedule) {
      if (!occurs_on(e, date)) continue;
      if (i == 0 && e.start_minute < now.minute) continue;
      today.push_back({date, e.start_minute, e.end_minute});
    }
    std::sort(today.begin(), today.end(),
              [](const Occurrence& a, const Occurrence& b) { return a.start_minute < b.start_minute; });
    for (auto& o : today) {
      if (out.size() < count) out.push_back(o);
    }
  }
  return out;
}

std::string_view time_of_day(int start_minute) {
  if (start_minute < 12 * 60) return "morning";
  if (start_minute < 17 * 60) return "afternoon";
  return "evening";
}

}  // namespace portal::core
