// Place names and time words in free text ("noget med kaffe i holstebro om tirsdagen"): postcode
// districts and municipalities from core::Geo, weekday and time-of-day words. Immutable after
// construction; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/geo.h"

namespace portal::search {

class Analyzer;

struct Place {
  std::vector<std::string> postcodes;       // districts with this name
  std::vector<std::string> municipalities;  // municipalities with this name
};

class Places {
 public:
  // `exceptions`: place names that are also ordinary words (data/search/place_exceptions.txt).
  Places(const core::Geo& geo, Analyzer& analyzer, const std::string& exceptions);
  // The compiled-in exceptions.
  Places(const core::Geo& geo, Analyzer& analyzer);

  // A place named by `phrase` (normalized words joined by spaces; æøå or folded spelling).
  const Place* find(const std::string& phrase) const;
  size_t longest_name() const { return longest_; }

  // Weekday code ("tue") of a weekday word (tirsdag, tirsdagen, tirsdage, tirsdags), or "".
  static std::string weekday_of(const std::string& word);
  // Time-of-day code of a word (formiddag, eftermiddagen, aften…), or "".
  static std::string time_of_day_of(const std::string& word);

 private:
  std::map<std::string, Place> places_;  // folded name -> place
  size_t longest_ = 1;
};

}  // namespace portal::search
