#include "core/privacy.h"

#include "core/errors.h"

namespace portal::core {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
int two(std::string_view s, size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

bool real_date(std::string_view d) {
  const int day = two(d, 0), month = two(d, 2), year = two(d, 4);
  if (month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[month - 1]) return false;
  // 29 February only in leap years (two-digit years: every fourth, 00 included).
  return !(month == 2 && day == 29 && year % 4 != 0);
}

// A CPR number starting at `i` (a digit not preceded by a digit): returns true when it matches.
bool cpr_at(std::string_view t, size_t i) {
  if (i + 10 > t.size()) return false;
  for (size_t k = 0; k < 6; ++k) {
    if (!digit(t[i + k])) return false;
  }
  if (!real_date(t.substr(i, 6))) return false;
  size_t j = i + 6;
  if (j < t.size() && (t[j] == '-' || t[j] == ' ')) ++j;
  if (j + 4 > t.size()) return false;
  for (size_t k = 0; k < 4; ++k) {
    if (!digit(t[j + k])) return false;
  }
  return j + 4 == t.size() || !digit(t[j + 4]);
}

}  // namespace

bool contains_cpr(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (digit(text[i]) && (i == 0 || !digit(text[i - 1])) && cpr_at(text, i)) return true;
  }
  return false;
}

void refuse_cpr(std::string_view text, const std::string& field) {
  if (contains_cpr(text)) {
    throw Error(ErrorCode::invalid_parameter,
                "Skriv ikke CPR-numre her. Teksten ser ud til at indeholde et CPR-nummer. "
                "Brug en kort reference, som ikke kan føres tilbage til borgeren.",
                field);
  }
}

}  // namespace portal::core
