// Danish postcodes and municipalities with WGS84 coordinates (data/geo, GeoNames and DAWA
// open data; attribution in data/geo/README.md). Immutable; safe to share between threads.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace portal::core {

struct Coordinate {
  double lat = 0;
  double lon = 0;
};

struct Postcode {
  std::string code;  // four digits
  std::string name;
  Coordinate coordinate;
  std::string municipality;  // four-digit kommunekode
};

struct Municipality {
  std::string code;
  std::string name;
  std::string region;
  Coordinate coordinate;
};

class Geo {
 public:
  // Parses the two CSV files (header row, comma-separated). Throws std::invalid_argument on a
  // malformed row.
  Geo(std::string_view postcodes_csv, std::string_view municipalities_csv);
  static Geo builtin();

  const Postcode* postcode(std::string_view code) const;          // nullptr when unknown
  const Municipality* municipality(std::string_view code) const;  // nullptr when unknown
  const std::vector<Postcode>& postcodes() const { return postcodes_; }
  const std::vector<Municipality>& municipalities() const { return municipalities_; }

 private:
  std::vector<Postcode> postcodes_;
  std::vector<Municipality> municipalities_;
  std::map<std::string, size_t, std::less<>> postcode_index_;
  std::map<std::string, size_t, std::less<>> municipality_index_;
};

// Mean earth radius used for every distance in the portal (IUGG).
inline constexpr double kEarthRadiusKm = 6371.0088;

// Great-circle distance in kilometres.
double distance_km(Coordinate a, Coordinate b);
// True for a coordinate inside a generous bounding box around Denmark.
bool in_denmark(Coordinate c);

}  // namespace portal::core
