#include "store/association_store.h"

#include <map>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "store/store_detail.h"

namespace portal::store {
namespace {

using detail::epoch_seconds;
using detail::from_epoch;
using detail::optional_instant;
using detail::parse_stored;

core::Date copenhagen_date(const pqxx::field& epoch_seconds_field) {
  return core::copenhagen_time(from_epoch(epoch_seconds_field.as<int64_t>())).date;
}

// True when no editor of the association has logged in within `days` days before `now`.
bool inactive(const AssociationSummary& s, std::chrono::system_clock::time_point now, int days) {
  return !s.last_login || *s.last_login < now - std::chrono::hours(24) * days;
}

}  // namespace

AssociationStore::AssociationStore(ConnectionPool& pool, const core::ListingParser& parser)
    : pool_(pool), parser_(parser) {}

std::optional<AssociationProfile> AssociationStore::profile(const std::string& id) {
  return with_connection(pool_, [&](pqxx::connection& conn) -> std::optional<AssociationProfile> {
    pqxx::read_transaction t(conn);
    const auto rows = t.exec_params("SELECT doc::text, review_required FROM associations WHERE id = $1", id);
    if (rows.empty()) return std::nullopt;
    return AssociationProfile{parse_stored<core::Association>(parser_, rows[0][0], "association"),
                              rows[0][1].as<bool>()};
  });
}

WriteOutcome AssociationStore::put_profile(const core::Association& association, std::optional<bool> review_required) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    detail::take_write_lock(t);
    const auto stored =
        t.exec_params("SELECT review_required FROM associations WHERE id = $1 FOR UPDATE", association.id);
    if (stored.empty()) throw core::Error(core::ErrorCode::not_found, "Foreningen findes ikke.", "id");
    WriteOutcome outcome = detail::upsert(t, association);
    if (outcome != WriteOutcome::unchanged) {
      detail::log_changes(t, nlohmann::json::array({{{"entity", "association"}, {"id", association.id}, {"op", "upsert"}}}));
    }
    if (review_required && *review_required != stored[0][0].as<bool>()) {
      t.exec_params("UPDATE associations SET review_required = $2, updated_at = now() WHERE id = $1", association.id,
                    *review_required);
      outcome = WriteOutcome::updated;
    }
    t.commit();
    return outcome;
  });
}

std::vector<ActivityRecord> AssociationStore::activities(const std::string& association_id) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::read_transaction t(conn);
    std::vector<ActivityRecord> out;
    const auto rows = t.exec_params("SELECT doc::text, " + epoch_seconds("last_confirmed_at") +
                                        ", review_status, review_note, COALESCE(source_id, '') "
                                        "FROM activities WHERE association_id = $1 ORDER BY title, id",
                                    association_id);
    out.reserve(rows.size());
    for (const auto& row : rows) {
      out.push_back({parse_stored<core::Activity>(parser_, row[0], "activity"), copenhagen_date(row[1]),
                     row[2].as<std::string>(), row[3].as<std::string>(), row[4].as<std::string>()});
    }
    return out;
  });
}

std::vector<AssociationSummary> AssociationStore::overview(const OverviewQuery& query) {
  const core::Date today = core::copenhagen_time(query.now).date;
  std::vector<AssociationSummary> all = with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> t(conn);
    std::vector<AssociationSummary> out;
    std::map<std::string, size_t> index;
    for (const auto& row : t.exec("SELECT doc::text, review_required FROM associations ORDER BY name, id")) {
      AssociationSummary s;
      s.association = parse_stored<core::Association>(parser_, row[0], "association");
      s.review_required = row[1].as<bool>();
      index.emplace(s.association.id, out.size());
      out.push_back(std::move(s));
    }
    for (const auto& row : t.exec("SELECT association_id, " + epoch_seconds("last_confirmed_at") +
                                  ", review_status FROM activities")) {
      const auto it = index.find(row[0].as<std::string>());
      if (it == index.end()) continue;
      AssociationSummary& s = out[it->second];
      ++s.activities;
      switch (core::freshness(copenhagen_date(row[1]), today, query.policy).state) {
        case core::FreshnessState::stale: ++s.stale; break;
        case core::FreshnessState::hidden: ++s.hidden; break;
        case core::FreshnessState::fresh: break;
      }
      if (row[2].as<std::string>() == "pending") ++s.pending;
    }
    for (const auto& row : t.exec("SELECT association_id, id, username, disabled, " + epoch_seconds("last_login_at") +
                                  " FROM accounts WHERE role = 'association' ORDER BY lower(username)")) {
      const auto it = index.find(row[0].as<std::string>());
      if (it == index.end()) continue;
      AssociationSummary& s = out[it->second];
      EditorAccount a{row[1].as<int64_t>(), row[2].as<std::string>(), row[3].as<bool>(), optional_instant(row[4])};
      if (a.last_login && (!s.last_login || *a.last_login > *s.last_login)) s.last_login = a.last_login;
      s.accounts.push_back(std::move(a));
    }
    t.commit();
    return out;
  });
  if (!query.inactive_days) return all;
  std::vector<AssociationSummary> out;
  for (auto& s : all) {
    if (inactive(s, query.now, *query.inactive_days)) out.push_back(std::move(s));
  }
  return out;
}

std::vector<AssociationSummary> AssociationStore::reminders(OverviewQuery query) {
  const int days = query.inactive_days.value_or(kDefaultReminderInactiveDays);
  query.inactive_days.reset();
  std::vector<AssociationSummary> out;
  for (auto& s : overview(query)) {
    if (s.stale > 0 || s.hidden > 0 || inactive(s, query.now, days)) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace portal::store
