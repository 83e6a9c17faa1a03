// Small text checks shared by the HTTP edge and the importers. Pure functions; thread-safe.
#pragma once

#include <string_view>

namespace portal::core {

// True for well-formed UTF-8 without overlong forms, surrogates or code points past U+10FFFF.
bool valid_utf8(std::string_view text);

}  // namespace portal::core
