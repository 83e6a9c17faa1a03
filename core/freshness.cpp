#include "core/freshness.h"

namespace portal::core {

Freshness freshness(Date last_confirmed, Date today, const FreshnessPolicy& policy) {
  Freshness f;
  f.last_confirmed = last_confirmed;
  f.stale_from = Date{last_confirmed.days + policy.stale_after_days};
  f.hidden_from = Date{last_confirmed.days + (policy.hide_after_days < policy.stale_after_days
                                                   ? policy.stale_after_days
                                                   : policy.hide_after_days)};
  if (today >= f.hidden_from) {
    f.state = FreshnessState::hidden;
  } else if (today >= f.stale_from) {
    f.state = FreshnessState::stale;
  }
  return f;
}

std::string_view to_string(FreshnessState state) {
  switch (state) {
    case FreshnessState::fresh: return "fresh";
    case FreshnessState::stale: return "stale";
    case FreshnessState::hidden: return "hidden";
  }
  return "fresh";
}

std::string_view label_da(FreshnessState state) {
  switch (state) {
    case FreshnessState::fresh: return "Opdateret";
    case FreshnessState::stale: return "Bør bekræftes";
    case FreshnessState::hidden: return "Skjult";
  }
  return "Opdateret";
}

}  // namespace portal::core
