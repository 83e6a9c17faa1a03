// Helpers shared by the store's writers (ListingStore, ReviewStore): the change-log write lock,
// appending change-log entries with their NOTIFY, and the owner check of the write path.
// Internal to store/; call inside one pqxx::work.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

namespace portal::store {

// SQL for an activity row's last confirmation as core::Date days (Copenhagen date).
inline constexpr const char* kConfirmedDaysSql =
    "((last_confirmed_at AT TIME ZONE 'Europe/Copenhagen')::date - DATE '1970-01-01')";

// Takes the transaction advisory lock every writer holds while it appends to change_log, so
// writers commit one at a time and change ids appear in commit order.
void take_write_lock(pqxx::work& t);

// Appends `changes` (objects with "entity", "id", "op") to change_log in order and NOTIFYs the
// highest new id. Call under the write lock; does nothing for an empty list.
void log_changes(pqxx::work& t, const nlohmann::json& changes);

// Logs one change of one activity (op "upsert" or "delete").
void log_activity_change(pqxx::work& t, const std::string& id, const char* op);

// The stored activity's association, under the write lock; nullopt when it is not stored.
// Throws core::Error(forbidden) when `owner` is set and the activity belongs to another.
std::optional<std::string> stored_owner(pqxx::work& t, const std::string& id, const std::string& owner);

}  // namespace portal::store
