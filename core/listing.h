// Domain types of the listing format (contract section 1): associations and their activities.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/geo.h"

namespace portal::core {

struct Association {
  std::string id;
  std::string name;
  std::string description;
  std::string municipality;  // four digits, or empty
  std::string website;
  std::string email;
  std::string phone;
};

struct Location {
  std::string name;
  std::string address;
  std::string postcode;
  std::string city;
  std::optional<Coordinate> exact;  // as given in the listing
  Coordinate coordinate;            // exact, or the postcode's coordinate
  std::string municipality;         // the postcode's municipality
};

struct Contact {
  std::string name;
  std::string phone;
  std::string email;
};

struct Activity {
  std::string id;
  std::string association;  // association id
  std::string title;
  std::string description;
  std::vector<std::string> interests;
  std::vector<std::string> target_groups;
  Location location;
  std::vector<ScheduleEntry> schedule;  // empty: by arrangement
  std::string schedule_note;
  std::vector<std::string> transport;
  std::vector<std::string> accessibility;
  std::optional<int> price_dkk;  // 0 free; nullopt unknown
  std::string price_note;
  Contact contact;
  bool welcome = false;
  std::optional<Date> updated_at;
  // When the association last confirmed or edited the activity (Copenhagen date). Set by the
  // store from activities.last_confirmed_at, never parsed from or written to listing files.
  std::optional<Date> last_confirmed;
};

}  // namespace portal::core
