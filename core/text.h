// Small text checks shared by the HTTP edge and the importers. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace portal::core {

// True for well-formed UTF-8 without overlong forms, surrogates or code points past U+10FFFF.
bool valid_utf8(std::string_view text);

// Percent-encodes (RFC 3986, upper-case hex) every byte except A-Z a-z 0-9 - . _ ~ and the
// characters in `keep` (e.g. "," to keep list values readable in a URL).
std::string percent_encode(std::string_view text, std::string_view keep = "");

// Decodes %XX escapes (and '+' as space when `plus_is_space`). nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view raw, bool plus_is_space);

}  // namespace portal::core
