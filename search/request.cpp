#include "search/request.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/calendar.h"
#include "core/errors.h"

namespace portal::search {
namespace {

using core::Error;
using core::ErrorCode;

[[noreturn]] void reject(const std::string& field, const std::string& message) {
  throw Error(ErrorCode::invalid_parameter, message, field);
}

std::optional<double> parse_number(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<int> parse_int(std::string_view s) {
  int v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

std::vector<std::string> codes(const SearchParams& p, const std::string& name,
                               const core::Vocabulary& vocab, core::CodeKind kind) {
  auto it = p.find(name);
  if (it == p.end()) return {};
  auto values = split_list(it->second);
  for (const auto& v : values) {
    if (!vocab.has(kind, v)) {
      reject(name, "Ukendt kode '" + v.substr(0, 40) + "' i " + name + ". Se /api/v1/vocabulary for gyldige koder.");
    }
  }
  return values;
}

bool four_digits(const std::string& s) {
  return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<std::string> split_list(const std::string& value) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= value.size()) {
    size_t comma = value.find(',', start);
    if (comma == std::string::npos) comma = value.size();
    std::string item = value.substr(start, comma - start);
    const auto b = item.find_first_not_of(' ');
    if (b != std::string::npos) {
      item = item.substr(b, item.find_last_not_of(' ') - b + 1);
      if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
    }
    start = comma + 1;
  }
  return out;
}

SearchRequest parse_search_request(const SearchParams& p, const core::Vocabulary& vocab,
                                   const core::Geo& geo) {
  SearchRequest r;
  if (auto it = p.find("q"); it != p.end()) {
    if (it->second.size() > kMaxQueryBytes) {
      reject("q", "Søgeteksten er for lang. Brug højst " + std::to_string(kMaxQueryBytes) + " tegn.");
    }
    r.q = it->second;
  }
  r.interests = codes(p, "interest", vocab, core::CodeKind::interest);
  r.targets = codes(p, "target", vocab, core::CodeKind::target_group);
  r.transport = codes(p, "transport", vocab, core::CodeKind::transport);
  r.accessibility = codes(p, "accessibility", vocab, core::CodeKind::accessibility);
  r.times_of_day = codes(p, "time_of_day", vocab, core::CodeKind::time_of_day);

  if (auto it = p.find("municipality"); it != p.end()) {
    for (const auto& m : split_list(it->second)) {
      if (!four_digits(m) || !geo.municipality(m)) {
        reject("municipality", "Ukendt kommunekode '" + m.substr(0, 10) + "'. Brug fire cifre, fx 0661 for Holstebro.");
      }
      r.municipalities.push_back(m);
    }
  }
  if (auto it = p.find("day"); it != p.end()) {
    for (const auto& d : split_list(it->second)) {
      if (!core::parse_weekday(d)) {
        reject("day", "Ukendt ugedag '" + d.substr(0, 10) + "'. Brug mon, tue, wed, thu, fri, sat eller sun.");
      }
      r.days.push_back(d);
    }
  }

  const auto near = p.find("near");
  const auto postcode = p.find("postcode");
  if (near != p.end() && postcode != p.end()) {
    reject("near", "Angiv enten near eller postcode, ikke begge.");
  }
  if (postcode != p.end()) {
    const core::Postcode* pc = nullptr;
    if (four_digits(postcode->second)) pc = geo.postcode(postcode->second);
    if (!pc) reject("postcode", "Ukendt postnummer '" + postcode->second.substr(0, 10) + "'. Brug fire cifre, fx 7500.");
    r.postcode = pc->code;
    r.centre = pc->coordinate;
  }
  if (near != p.end()) {
    const std::string& v = near->second;
    const size_t comma = v.find(',');
    std::optional<double> lat, lon;
    if (comma != std::string::npos && v.find(',', comma + 1) == std::string::npos) {
      lat = parse_number(std::string_view(v).substr(0, comma));
      lon = parse_number(std::string_view(v).substr(comma + 1));
    }
    if (!lat || !lon || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180) {
      reject("near", "near skal være bredde- og længdegrad adskilt af komma, fx near=56.36,8.62.");
    }
    r.centre = core::Coordinate{*lat, *lon};
  }
  if (auto it = p.find("radius_km"); it != p.end()) {
    const auto radius = parse_number(it->second);
    if (!radius || *radius <= 0 || *radius > 500) {
      reject("radius_km", "radius_km skal være et tal større end 0 og højst 500.");
    }
    if (!r.centre) reject("radius_km", "radius_km kræver near eller postcode.");
    r.radius_km = radius;
  }

  if (auto it = p.find("free"); it != p.end()) {
    if (it->second == "true") {
      r.free_only = true;
    } else if (it->second != "false") {
      reject("free", "free skal være true eller false.");
    }
  }
  if (auto it = p.find("sort"); it != p.end()) {
    if (it->second == "relevance") {
      r.sort = SortOrder::relevance;
    } else if (it->second == "distance") {
      if (!r.centre) reject("sort", "sort=distance kræver near eller postcode.");
      r.sort = SortOrder::distance;
    } else if (it->second == "next") {
      r.sort = SortOrder::next;
    } else {
      reject("sort", "sort skal være relevance, distance eller next.");
    }
  }
  if (auto it = p.find("page"); it != p.end()) {
    const auto page = parse_int(it->second);
    if (!page || *page < 1) reject("page", "page skal være et helt tal fra 1 og op.");
    r.page = *page;
  }
  if (auto it = p.find("per_page"); it != p.end()) {
    const auto per_page = parse_int(it->second);
    if (!per_page || *per_page < 1 || *per_page > kMaxPerPage) {
      reject("per_page", "per_page skal være et helt tal fra 1 til 100.");
    }
    r.per_page = *per_page;
  }
  if (static_cast<long long>(r.page) * r.per_page > kMaxResultWindow) {
    reject("page", "Siden ligger for langt fremme. Gør søgningen mere præcis.");
  }
  return r;
}

}  // namespace portal::search
