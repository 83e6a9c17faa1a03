// HTTP edge helpers: URL decoding and input hygiene, shared by every handler.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <pistache/http.h>

#include "search/request.h"

namespace portal::api {

// Decodes %XX escapes (and '+' as space when `plus_is_space`). nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view raw, bool plus_is_space);

// The decoded query parameters of a request. A repeated parameter arrives comma-joined (see
// pistache_fixes.cpp). Throws core::Error(invalid_parameter) for malformed escapes, invalid
// UTF-8, control characters (NUL included) or a query string over kMaxQueryStringBytes.
search::SearchParams query_params(const Pistache::Http::Request& request);

// Decodes and checks a path segment the same way.
std::string path_param(std::string_view raw, const std::string& field);

inline constexpr size_t kMaxQueryStringBytes = 8192;

}  // namespace portal::api
