// HTTP edge helpers: URL decoding and input hygiene, shared by every handler.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <pistache/http.h>

#include "search/request.h"

namespace portal::api {

// The decoded query parameters of a request. A repeated parameter arrives comma-joined (see
// pistache_fixes.cpp). Throws core::Error(invalid_parameter) for malformed escapes, invalid
// UTF-8, control characters (NUL included) or a query string over kMaxQueryStringBytes.
search::SearchParams query_params(const Pistache::Http::Request& request);

// Decodes and checks a path segment the same way.
std::string path_param(std::string_view raw, const std::string& field);

inline constexpr size_t kMaxQueryStringBytes = 8192;

// An instant as ISO 8601 UTC, "2026-11-22T10:00:00Z".
std::string iso_utc(std::chrono::system_clock::time_point t);

// JSON text for an answer (invalid UTF-8 replaced, never thrown).
std::string dump(const nlohmann::json& body);

// The string field `name` of a request body; core::Error(invalid_body) naming it when it is
// missing or not a string.
const std::string& string_field(const nlohmann::json& body, const char* name);

// One CSV cell for Danish Excel: always quoted, quotes doubled, and a leading = + - @ (or tab
// or CR) neutralised with ' so that a spreadsheet never runs it as a formula.
std::string csv_cell(std::string_view text);
// Cells joined by ';' (Danish Excel), ended by CRLF.
std::string csv_row(const std::vector<std::string>& cells);

// Adds a response header of any name. (Pistache 0.0.5 drops headers added with addRaw(); this
// adds a typed header that it writes.) For handlers outside server.cpp, e.g. the HTML pages.
void add_header(Pistache::Http::ResponseWriter& response, std::string name, std::string value);

// core::Error(unavailable) unless `present`: for services a server runs without (no database).
void require_services(bool present);

}  // namespace portal::api
