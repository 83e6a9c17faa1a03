// The anonymous screening form and the figures municipalities report (docs/api-staff.md):
// counts of tags, cards, card views, conversations, follow-ups, referrals and screenings per
// period, month and team; supply and demand per area; and the counter of searches that found
// nothing. Thread-safe: each call leases its own connection.
//
// Counts here are raw; suppression of small counts is the caller's (api) concern, because the
// same numbers feed the JSON and the CSV. Team and municipality of a write come from the account.
// Errors: core::Error(unavailable) when PostgreSQL is down (nothing is written then).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar.h"
#include "store/accounts.h"
#include "store/connection_pool.h"

namespace portal::store {

struct Screening {
  core::Date date;
  bool excluded = false;
  std::string exclusion_reason;  // "dementia", "too_ill", "declined", "language", "other" when excluded
  bool lonely = false;           // only when not excluded
};

inline constexpr std::array<const char*, 5> kBarriers = {"transport", "nerves", "health", "time", "other"};

// The counts of one period, month or team.
struct Counts {
  int64_t tags = 0, cards = 0, card_views = 0, conversations = 0;
  int64_t follow_ups_due = 0, follow_ups_done = 0;
  int64_t went = 0, not_yet = 0, barrier = 0;
  std::array<int64_t, kBarriers.size()> barriers{};  // in kBarriers' order
  int64_t referrals = 0, referrals_matched = 0;
  int64_t screenings = 0, answered = 0, excluded = 0, lonely = 0;
};

struct StatsQuery {
  core::Date from, to;       // inclusive
  std::string municipality;  // "" for every municipality
  std::string team;          // "" for every team
};

struct Stats {
  Counts totals;
  std::vector<std::pair<std::string, Counts>> by_month;  // "YYYY-MM", every month of the period
  std::vector<std::pair<std::string, Counts>> by_team;   // teams with anything, by name
};

// One row of supply and demand: an area (postcode) and an interest.
struct SupplyDemand {
  std::string postcode;
  std::string name;
  std::string interest;
  int64_t asked = 0;    // tags and referrals in the area naming the interest
  int64_t offered = 0;  // public activities with the interest within 10 km of the area
  int64_t misses = 0;   // searches in the area's municipality for the interest that found nothing
};

// Zero-result searches of one day, municipality ("" for none) and normalised query.
struct SearchMiss {
  core::Date day;
  std::string municipality;
  std::string query;
  int64_t count = 0;
};

class StatsStore {
 public:
  explicit StatsStore(ConnectionPool& pool);

  // Records a screening of `account`; returns its id.
  int64_t add_screening(const Account& account, const Screening& screening);


  Stats stats(const StatsQuery& query);

  // Areas with demand in the period, sorted by asked minus offered (largest first).
  std::vector<SupplyDemand> supply_demand(const StatsQuery& query);

  // Adds the counts to search_misses (one transaction).
  void add_search_misses(const std::vector<SearchMiss>& misses);

 private:
  ConnectionPool& pool_;
};

}  // namespace portal::store
