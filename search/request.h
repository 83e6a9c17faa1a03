// A validated search request, and its parsing from the contract's parameters
// (GET /api/v1/search, also the "search" object of a portal card).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/geo.h"
#include "core/vocabulary.h"

namespace portal::search {

enum class SortOrder { relevance, distance, next };

struct SearchRequest {
  std::string q;
  std::vector<std::string> interests;      // any of
  std::vector<std::string> targets;        // any of
  std::vector<std::string> transport;      // all of
  std::vector<std::string> accessibility;  // all of
  std::vector<std::string> municipalities; // any of
  std::optional<std::string> postcode;     // area filter when radius_km is absent
  std::optional<core::Coordinate> centre;  // from near= or postcode=; gives distance_km
  std::optional<double> radius_km;
  std::vector<std::string> days;           // weekday codes, any of
  std::vector<std::string> times_of_day;   // any of
  bool free_only = false;
  SortOrder sort = SortOrder::relevance;
  int page = 1;
  int per_page = 20;
};

// Decoded parameters; a repeated parameter arrives joined by commas.
using SearchParams = std::map<std::string, std::string>;

inline constexpr size_t kMaxQueryBytes = 500;
inline constexpr int kMaxPerPage = 100;
inline constexpr int kMaxResultWindow = 10000;  // page * per_page

// Validates every parameter. Throws core::Error(invalid_parameter, Danish message, field).
// Unknown parameters are ignored.
SearchRequest parse_search_request(const SearchParams& params, const core::Vocabulary& vocabulary,
                                   const core::Geo& geo);

// Comma-separated values, trimmed, empty ones dropped.
std::vector<std::string> split_list(const std::string& value);

}  // namespace portal::search
