#include "core/geo.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

#include "core_embedded.h"

namespace portal::core {
namespace {

std::vector<std::string> split_csv_line(std::string_view line) {
  // The geo files hold no quoted fields.
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t comma = line.find(',', start);
    out.emplace_back(line.substr(start, comma == std::string_view::npos ? line.npos : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

double parse_double(const std::string& s) {
  size_t used = 0;
  double v = std::stod(s, &used);
  if (used != s.size()) throw std::invalid_argument("geo: bad number " + s);
  return v;
}

template <typename F>
void for_each_row(std::string_view csv, size_t columns, F&& f) {
  size_t pos = 0;
  bool header = true;
  while (pos < csv.size()) {
    size_t end = csv.find('\n', pos);
    if (end == std::string_view::npos) end = csv.size();
    std::string_view line = csv.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    if (line.empty()) continue;
    if (header) {
      header = false;
      continue;
    }
    auto cells = split_csv_line(line);
    if (cells.size() != columns) throw std::invalid_argument("geo: bad row " + std::string(line));
    f(cells);
  }
}

}  // namespace

Geo::Geo(std::string_view postcodes_csv, std::string_view municipalities_csv) {
  for_each_row(municipalities_csv, 5, [&](const std::vector<std::string>& c) {
    municipality_index_.emplace(c[0], municipalities_.size());
    municipalities_.push_back({c[0], c[1], c[2], {parse_double(c[3]), parse_double(c[4])}});
  });
  for_each_row(postcodes_csv, 5, [&](const std::vector<std::string>& c) {
    postcode_index_.emplace(c[0], postcodes_.size());
    postcodes_.push_back({c[0], c[1], {parse_double(c[2]), parse_double(c[3])}, c[4]});
  });
}

Geo Geo::builtin() { return Geo(embedded::postcodes_csv(), embedded::municipalities_csv()); }

const Postcode* Geo::postcode(std::string_view code) const {
  auto it = postcode_index_.find(code);
  return it == postcode_index_.end() ? nullptr : &postcodes_[it->second];
}

const Municipality* Geo::municipality(std::string_view code) const {
  auto it = municipality_index_.find(code);
  return it == municipality_index_.end() ? nullptr : &municipalities_[it->second];
}

double distance_km(Coordinate a, Coordinate b) {
  constexpr double kRad = M_PI / 180.0;
  const double dlat = (b.lat - a.lat) * kRad;
  const double dlon = (b.lon - a.lon) * kRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) *
                       std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

bool in_denmark(Coordinate c) {
  return c.lat >= 54.4 && c.lat <= 57.9 && c.lon >= 7.9 && c.lon <= 15.3;
}

}  // namespace portal::core
