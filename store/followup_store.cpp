#include "store/followup_store.h"

#include "core/errors.h"
#include "store/audit.h"
#include "store/staff_detail.h"
#include "store/store_detail.h"

namespace portal::store {
namespace {

constexpr const char* kColumns = "id, reference, due - DATE '1970-01-01', coalesce(outcome, ''), coalesce(barrier, ''), ";

std::string columns() { return kColumns + detail::epoch_seconds("completed_at"); }

FollowUp follow_up(const pqxx::row& r) {
  return {r[0].as<int64_t>(), r[1].as<std::string>(), core::Date{r[2].as<int>()}, r[3].as<std::string>(),
          r[4].as<std::string>(), detail::optional_instant(r[5])};
}

}  // namespace

FollowUpStore::FollowUpStore(ConnectionPool& pool) : pool_(pool) {}

FollowUp FollowUpStore::create(const Account& account, const std::string& reference, core::Date due, int64_t tag_id) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    const auto unit = detail::unit_of(t, account.id);
    if (tag_id != 0 && t.exec_params("SELECT 1 FROM tags WHERE id = $1", tag_id).empty()) {
      throw core::Error(core::ErrorCode::invalid_parameter, "Mærkningen (tag_id) findes ikke.", "tag_id");
    }
    const auto row = t.exec_params1(
        "INSERT INTO follow_ups (reference, created_by, team, municipality, tag_id, due) "
        "VALUES ($1, $2, $3, $4, NULLIF($5, 0), DATE '1970-01-01' + $6::int) RETURNING " + columns(),
        reference, account.id, unit.team, detail::or_null(unit.municipality), tag_id, due.days);
    const FollowUp created = follow_up(row);
    audit(t, account, "follow_up.create", "follow_up", std::to_string(created.id));
    t.commit();
    return created;
  });
}

std::vector<FollowUp> FollowUpStore::list(const Account& account, bool done) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::read_transaction t(conn);
    const bool coordinator = account.role == Role::coordinator;
    const std::string municipality = coordinator ? detail::unit_of(t, account.id).municipality : std::string();
    const auto rows = t.exec_params(
        "SELECT " + columns() + " FROM follow_ups WHERE (completed_at IS NOT NULL) = $1 AND "
        "CASE WHEN $2 THEN ($3::text = '' OR municipality = $3::bpchar) ELSE created_by = $4 END " +
            (done ? "ORDER BY completed_at DESC, id DESC" : "ORDER BY due, id"),
        done, coordinator, municipality, account.id);
    std::vector<FollowUp> out;
    for (const auto& r : rows) out.push_back(follow_up(r));
    return out;
  });
}

FollowUp FollowUpStore::complete(const Account& account, int64_t id, const std::string& outcome,
                                 const std::string& barrier) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    const auto owner = t.exec_params("SELECT created_by FROM follow_ups WHERE id = $1 FOR UPDATE", id);
    if (owner.empty()) throw core::Error(core::ErrorCode::not_found, "Opfølgningen findes ikke.", "id");
    if (owner[0][0].is_null() || owner[0][0].as<int64_t>() != account.id) {
      throw core::Error(core::ErrorCode::forbidden, "Kun den, der oprettede opfølgningen, kan registrere udfaldet.");
    }
    const auto row = t.exec_params1(
        "UPDATE follow_ups SET outcome = $2, barrier = $3, completed_at = coalesce(completed_at, now()) "
        "WHERE id = $1 RETURNING " + columns(),
        id, outcome, detail::or_null(barrier));
    audit(t, account, "follow_up.complete", "follow_up", std::to_string(id));
    t.commit();
    return follow_up(row);
  });
}

int FollowUpStore::purge(std::chrono::system_clock::time_point now, std::chrono::hours retention) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    const auto cutoff = std::chrono::duration_cast<std::chrono::seconds>((now - retention).time_since_epoch()).count();
    const auto r = t.exec_params("DELETE FROM follow_ups WHERE completed_at < to_timestamp($1)",
                                 static_cast<int64_t>(cutoff));
    t.commit();
    return static_cast<int>(r.affected_rows());
  });
}

}  // namespace portal::store
