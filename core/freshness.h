// Freshness of a listing (docs/api-editing.md): fresh, stale (flagged to its association and
// ranked lower) or hidden (not found by search), from the date it was last confirmed and the
// configured periods. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "core/calendar.h"

namespace portal::core {

struct FreshnessPolicy {
  int stale_after_days = 180;
  int hide_after_days = 270;  // counted from last_confirmed too; >= stale_after_days
};

enum class FreshnessState { fresh, stale, hidden };

struct Freshness {
  Date last_confirmed;
  FreshnessState state = FreshnessState::fresh;
  Date stale_from;   // first day the listing is stale
  Date hidden_from;  // first day it is hidden
};

Freshness freshness(Date last_confirmed, Date today, const FreshnessPolicy& policy);
std::string_view to_string(FreshnessState state);
// Danish label for people: "Opdateret", "Bør bekræftes", "Skjult".
std::string_view label_da(FreshnessState state);

}  // namespace portal::core
