#include "store/review_store.h"

#include "core/errors.h"
#include "store/store_detail.h"

namespace portal::store {
namespace {

using detail::kConfirmedDaysSql;
using detail::log_activity_change;
using detail::stored_owner;
using detail::take_write_lock;

[[noreturn]] void activity_not_found() {
  throw core::Error(core::ErrorCode::not_found, "Aktiviteten findes ikke.", "id");
}

}  // namespace

ReviewStore::ReviewStore(ConnectionPool& pool) : pool_(pool) {}

core::Date ReviewStore::confirm(const std::string& activity_id, const std::string& owner) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    take_write_lock(t);
    if (!stored_owner(t, activity_id, owner)) activity_not_found();
    const auto row = t.exec_params1(std::string("UPDATE activities SET last_confirmed_at = now() WHERE id = $1 "
                                                "RETURNING ") +
                                        kConfirmedDaysSql,
                                    activity_id);
    log_activity_change(t, activity_id, "upsert");
    t.commit();
    return core::Date{row[0].as<int>()};
  });
}

bool ReviewStore::set_review_required(const std::string& association_id, bool required) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    take_write_lock(t);  // a write in progress finishes under the old setting
    const auto r = t.exec_params("UPDATE associations SET review_required = $2 WHERE id = $1", association_id, required);
    t.commit();
    return r.affected_rows() > 0;
  });
}

void ReviewStore::approve(const std::string& activity_id) { set_review(activity_id, "public", {}); }

void ReviewStore::reject(const std::string& activity_id, const std::string& note) {
  set_review(activity_id, "rejected", note);
}

void ReviewStore::set_review(const std::string& activity_id, const char* status, const std::string& note) {
  with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    take_write_lock(t);
    const auto r = t.exec_params("UPDATE activities SET review_status = $2, review_note = $3 WHERE id = $1",
                                 activity_id, status, note);
    if (r.affected_rows() == 0) activity_not_found();
    log_activity_change(t, activity_id, "upsert");
    t.commit();
    return 0;
  });
}

std::optional<Review> ReviewStore::review(const std::string& activity_id) {
  return with_connection(pool_, [&](pqxx::connection& conn) -> std::optional<Review> {
    pqxx::read_transaction t(conn);
    const auto rows = t.exec_params("SELECT review_status, review_note FROM activities WHERE id = $1", activity_id);
    if (rows.empty()) return std::nullopt;
    return Review{rows[0][0].as<std::string>(), rows[0][1].as<std::string>()};
  });
}

std::vector<PendingActivity> ReviewStore::pending() {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::read_transaction t(conn);
    std::vector<PendingActivity> out;
    const auto rows = t.exec(
        "SELECT a.doc::text, s.id, s.name, "
        "  to_char(a.last_confirmed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
        "FROM activities a JOIN associations s ON s.id = a.association_id "
        "WHERE a.review_status = 'pending' ORDER BY a.last_confirmed_at, a.id");
    for (const auto& row : rows) {
      out.push_back({nlohmann::json::parse(row[0].c_str()), row[1].as<std::string>(), row[2].as<std::string>(),
                     row[3].as<std::string>()});
    }
    return out;
  });
}

std::vector<StaleActivity> ReviewStore::stale(core::Date today, const core::FreshnessPolicy& policy) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::read_transaction t(conn);
    std::vector<StaleActivity> out;
    // Stale from last_confirmed + stale_after_days (core::freshness); hidden comes later.
    const auto rows = t.exec_params(std::string("SELECT a.id, a.title, s.id, s.name, ") + kConfirmedDaysSql +
                                        " AS confirmed "
                                        "FROM activities a JOIN associations s ON s.id = a.association_id "
                                        "WHERE a.review_status = 'public' AND " +
                                        kConfirmedDaysSql + " <= $1 ORDER BY a.last_confirmed_at, a.id",
                                    today.days - policy.stale_after_days);
    for (const auto& row : rows) {
      out.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
                     row[3].as<std::string>(), core::Date{row[4].as<int>()}});
    }
    return out;
  });
}

}  // namespace portal::store
