#include "store/listing_store.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <type_traits>
#include <variant>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "store/store_detail.h"

namespace portal::store {
namespace {

using nlohmann::json;

// Shared with AssociationStore and ReviewStore (store_detail.h).
using detail::kConfirmedDaysSql;
using detail::log_activity_change;
using detail::log_changes;
using detail::outcome_of;
using detail::parse_stored;
using detail::stored_owner;
using detail::take_write_lock;
using detail::upsert;

using ReadOnlySnapshot = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

std::string json_array(const std::vector<std::string>& values) { return json(values).dump(); }

// The columns parse_activities() reads: the document and the last confirmation's date.
const std::string kActivityColumns = std::string("SELECT doc::text, ") + kConfirmedDaysSql + " ";

std::vector<core::Activity> parse_activities(const core::ListingParser& parser, const pqxx::result& rows) {
  std::vector<core::Activity> out;
  out.reserve(rows.size());
  for (const auto& row : rows) {
    out.push_back(parse_stored<core::Activity>(parser, row[0], "activity"));
    if (row.size() > 1 && !row[1].is_null()) out.back().last_confirmed = core::Date{row[1].as<int>()};
  }
  return out;
}

WriteOutcome upsert(pqxx::work& t, const core::Activity& a) {
  return outcome_of(t.exec_params(
      "INSERT INTO activities AS t (id, association_id, title, description, postcode, municipality, "
      "  lat, lon, interests, target_groups, transport, accessibility, price_dkk, doc) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7::double precision, $8::double precision, "
      "  ARRAY(SELECT jsonb_array_elements_text($9::jsonb)), "
      "  ARRAY(SELECT jsonb_array_elements_text($10::jsonb)), "
      "  ARRAY(SELECT jsonb_array_elements_text($11::jsonb)), "
      "  ARRAY(SELECT jsonb_array_elements_text($12::jsonb)), "
      "  $13::integer, $14::jsonb) "
      "ON CONFLICT (id) DO UPDATE SET association_id = EXCLUDED.association_id, "
      "  title = EXCLUDED.title, description = EXCLUDED.description, postcode = EXCLUDED.postcode, "
      "  municipality = EXCLUDED.municipality, lat = EXCLUDED.lat, lon = EXCLUDED.lon, "
      "  interests = EXCLUDED.interests, target_groups = EXCLUDED.target_groups, "
      "  transport = EXCLUDED.transport, accessibility = EXCLUDED.accessibility, "
      "  price_dkk = EXCLUDED.price_dkk, doc = EXCLUDED.doc, updated_at = now() "
      "WHERE t.doc IS DISTINCT FROM EXCLUDED.doc "
      "RETURNING (xmax = 0) AS inserted",
      a.id, a.association, a.title, a.description, a.location.postcode, a.location.municipality,
      a.location.coordinate.lat, a.location.coordinate.lon, json_array(a.interests),
      json_array(a.target_groups), json_array(a.transport), json_array(a.accessibility), a.price_dkk,
      core::to_json(a).dump()));
}

}  // namespace

ListingStore::ListingStore(ConnectionPool& pool, const core::ListingParser& parser) : pool_(pool), parser_(parser) {}

namespace {

// Inserts or refreshes the batch's source row; its association is recorded only when stored.
void upsert_source(pqxx::work& t, const SourceInfo& source) {
  t.exec_params(
      "INSERT INTO sources (id, kind, association_id) "
      "VALUES ($1, $2, (SELECT id FROM associations WHERE id = NULLIF($3::text, ''))) "
      "ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, "
      "  association_id = COALESCE(EXCLUDED.association_id, sources.association_id), last_import_at = now()",
      source.id, source.kind, source.association);
}

// Sets an imported activity's owner and confirmation time (see ListingStore::apply). Returns
// true when an unchanged activity's confirmation moved, i.e. the index must learn of it.
bool confirm(pqxx::work& t, const core::Activity& a, WriteOutcome outcome, const SourceInfo* source) {
  const bool written = outcome != WriteOutcome::unchanged;
  std::optional<std::string> updated;
  if (a.updated_at) updated = core::format_date(*a.updated_at);
  const auto rows = t.exec_params(
      "WITH old AS (SELECT id, last_confirmed_at AS confirmed FROM activities WHERE id = $1), "
      "wanted AS (SELECT CASE WHEN $3 THEN now() "
      "  ELSE greatest(old.confirmed, ($4::date::timestamp AT TIME ZONE 'Europe/Copenhagen')) END AS confirmed "
      "  FROM old) "
      "UPDATE activities AS a SET source_id = COALESCE($2::text, a.source_id), last_confirmed_at = wanted.confirmed "
      "FROM old, wanted WHERE a.id = old.id "
      "  AND ($3 OR a.source_id IS DISTINCT FROM COALESCE($2::text, a.source_id) OR wanted.confirmed > old.confirmed) "
      "RETURNING wanted.confirmed > old.confirmed",
      a.id, source ? std::optional<std::string>(source->id) : std::nullopt, written, updated);
  return !written && !rows.empty() && rows[0][0].as<bool>();
}

// Deletes the source's activities that are not in `delivered`; returns their ids, sorted.
std::vector<std::string> withdraw_absent(pqxx::work& t, const std::string& source_id,
                                         const std::vector<std::string>& delivered) {
  std::vector<std::string> ids;
  for (const auto& row : t.exec_params(
           "DELETE FROM activities WHERE source_id = $1 "
           "AND id NOT IN (SELECT jsonb_array_elements_text($2::jsonb)) RETURNING id",
           source_id, json_array(delivered))) {
    ids.push_back(row[0].as<std::string>());
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

BatchResult ListingStore::apply(const ListingBatch& batch) {
  if (batch.associations.empty() && batch.activities.empty() && !batch.source) return {};
  std::set<std::string> referenced;
  for (const auto& a : batch.activities) referenced.insert(a.association);
  for (const auto& a : batch.associations) referenced.erase(a.id);

  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    take_write_lock(t);

    if (!referenced.empty()) {
      const auto found = t.exec_params(
          "SELECT id FROM associations WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))",
          json_array(std::vector<std::string>(referenced.begin(), referenced.end())));
      for (const auto& row : found) referenced.erase(row[0].as<std::string>());
      if (!referenced.empty()) {
        throw core::Error(core::ErrorCode::invalid_body,
                          "Foreningen '" + *referenced.begin() +
                              "' findes ikke. Opret foreningen først, eller send den med i samme import.",
                          "association");
      }
    }

    BatchResult result;
    json changes = json::array();
    auto note = [&](WriteOutcome outcome, const char* entity, const std::string& id) {
      if (outcome != WriteOutcome::unchanged) changes.push_back({{"entity", entity}, {"id", id}, {"op", "upsert"}});
    };
    for (const auto& a : batch.associations) {
      result.associations.push_back(upsert(t, a));
      note(result.associations.back(), "association", a.id);
    }
    const SourceInfo* source = batch.source ? &*batch.source : nullptr;
    if (source) upsert_source(t, *source);
    for (const auto& a : batch.activities) {
      result.activities.push_back(upsert(t, a));
      note(result.activities.back(), "activity", a.id);
      if (confirm(t, a, result.activities.back(), source)) {
        changes.push_back({{"entity", "activity"}, {"id", a.id}, {"op", "upsert"}});
      }
    }
    if (source && source->withdraw) {
      std::vector<std::string> delivered = source->keep;
      for (const auto& a : batch.activities) delivered.push_back(a.id);
      result.withdrawn = withdraw_absent(t, source->id, delivered);
      for (const auto& id : result.withdrawn) changes.push_back({{"entity", "activity"}, {"id", id}, {"op", "delete"}});
    }
    log_changes(t, changes);
    t.commit();
    return result;
  });
}

std::set<std::string> ListingStore::existing_associations(const std::vector<std::string>& ids) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::read_transaction t(conn);
    std::set<std::string> out;
    const auto rows = t.exec_params(
        "SELECT id FROM associations WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))", json_array(ids));
    for (const auto& row : rows) out.insert(row[0].as<std::string>());
    return out;
  });
}

std::optional<core::Activity> ListingStore::activity(const std::string& id) {
  return with_connection(pool_, [&](pqxx::connection& conn) -> std::optional<core::Activity> {
    pqxx::read_transaction t(conn);
    auto found = parse_activities(parser_, t.exec_params(kActivityColumns + "FROM activities WHERE id = $1", id));
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
  });
}

std::optional<core::Association> ListingStore::association(const std::string& id) {
  return with_connection(pool_, [&](pqxx::connection& conn) -> std::optional<core::Association> {
    pqxx::read_transaction t(conn);
    const auto rows = t.exec_params("SELECT doc::text FROM associations WHERE id = $1", id);
    if (rows.empty()) return std::nullopt;
    return parse_stored<core::Association>(parser_, rows[0][0], "association");
  });
}

std::vector<core::Activity> ListingStore::activities(const std::vector<std::string>& ids) {
  return activities_by_id(ids, false);
}

std::vector<core::Activity> ListingStore::searchable_activities(const std::vector<std::string>& ids) {
  return activities_by_id(ids, true);
}

std::vector<core::Activity> ListingStore::activities_by_id(const std::vector<std::string>& ids, bool public_only) {
  if (ids.empty()) return {};
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::read_transaction t(conn);
    return parse_activities(parser_, t.exec_params(kActivityColumns +
                                                       "FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY "
                                                       "AS r(id, n) JOIN activities a ON a.id = r.id "
                                                       "WHERE NOT $2 OR a.review_status = 'public' ORDER BY r.n",
                                                   json_array(ids), public_only));
  });
}

std::vector<core::Activity> ListingStore::activities_of(const std::string& association_id) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::read_transaction t(conn);
    return parse_activities(
        parser_, t.exec_params(kActivityColumns + "FROM activities WHERE association_id = $1 ORDER BY id", association_id));
  });
}

bool ListingStore::delete_activity(const std::string& id, const std::string& owner) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    take_write_lock(t);
    if (!stored_owner(t, id, owner)) return false;
    t.exec_params("DELETE FROM activities WHERE id = $1", id);
    log_activity_change(t, id, "delete");
    t.commit();
    return true;
  });
}

WriteOutcome ListingStore::put_activity(const core::Activity& activity, PutMode mode, const std::string& owner) {
  return put(activity, mode, owner).outcome;
}

PutResult ListingStore::put(const core::Activity& activity, PutMode mode, const std::string& owner) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    take_write_lock(t);
    const bool exists = stored_owner(t, activity.id, owner).has_value();
    if (mode == PutMode::create && exists) {
      throw core::Error(core::ErrorCode::conflict,
                        "Der findes allerede en aktivitet med dette id. Brug PUT for at ændre den.", "id");
    }
    if (mode == PutMode::replace && !exists) {
      throw core::Error(core::ErrorCode::not_found, "Aktiviteten findes ikke. Opret den med POST.", "id");
    }
    const auto association =
        t.exec_params("SELECT review_required FROM associations WHERE id = $1", activity.association);
    if (association.empty()) {
      throw core::Error(core::ErrorCode::invalid_body, "Foreningen '" + activity.association + "' findes ikke.",
                        "association");
    }
    PutResult result;
    result.outcome = upsert(t, activity);
    // An association account's write to an association under review waits for a coordinator.
    result.pending = !owner.empty() && association[0][0].as<bool>();
    // A write through the API also confirms the activity; the index must see the new date and
    // review status even when the document itself is unchanged.
    t.exec_params(
        "UPDATE activities SET last_confirmed_at = now(), review_status = $2, review_note = '' WHERE id = $1",
        activity.id, result.pending ? "pending" : "public");
    log_activity_change(t, activity.id, "upsert");
    t.commit();
    return result;
  });
}

Snapshot ListingStore::snapshot() {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    ReadOnlySnapshot t(conn);
    Snapshot s;
    s.change_position = t.exec1("SELECT COALESCE(max(id), 0) FROM change_log")[0].as<int64_t>();
    s.activities = parse_activities(parser_, t.exec(kActivityColumns + "FROM activities WHERE review_status = 'public' ORDER BY id"));
    for (const auto& row : t.exec("SELECT doc::text FROM associations ORDER BY id")) {
      auto a = parse_stored<core::Association>(parser_, row[0], "association");
      std::string key = a.id;
      s.associations.emplace(std::move(key), std::move(a));
    }
    t.commit();
    return s;
  });
}

std::vector<ChangeEntry> ListingStore::changes_after(int64_t after, size_t limit) {
  const auto capped = static_cast<int64_t>(std::min<size_t>(limit, std::numeric_limits<int64_t>::max()));
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::read_transaction t(conn);
    std::vector<ChangeEntry> out;
    const auto rows = t.exec_params(
        "SELECT id, entity, entity_id, op FROM change_log WHERE id > $1 ORDER BY id LIMIT $2", after, capped);
    out.reserve(rows.size());
    for (const auto& row : rows) {
      out.push_back({row[0].as<int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>()});
    }
    return out;
  });
}

int64_t ListingStore::latest_change() {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::read_transaction t(conn);
    return t.exec1("SELECT COALESCE(max(id), 0) FROM change_log")[0].as<int64_t>();
  });
}

}  // namespace portal::store
