// Privacy rules for staff records (issue 5): free text must never carry a CPR number. Pure
// functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace portal::core {

// True when `text` contains something shaped like a Danish CPR number: six digits that form a
// real date (DDMMYY), optionally a '-' or one space, then four digits, not inside a longer run of
// digits. Deliberately strict on the date so phone numbers rarely match, and lenient on the
// separator so "010170-1234", "010170 1234" and "0101701234" all do.
bool contains_cpr(std::string_view text);

// Throws core::Error(invalid_parameter, field) with a plain Danish message when `text` contains
// a CPR-shaped number; does nothing otherwise.
void refuse_cpr(std::string_view text, const std::string& field);

}  // namespace portal::core
