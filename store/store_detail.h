// Internal to store/: what ListingStore, ReviewStore and AssociationStore share, so every writer takes the
// same lock and appends to change_log the same way, and stored documents are read one way.
// Not for other modules.
//
// Every writer calls take_write_lock() first in its transaction (a transaction advisory lock),
// so writers commit one at a time and change_log ids appear in commit order.
#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include <pqxx/pqxx>

#include <nlohmann/json.hpp>

#include "core/listing.h"
#include "core/listing_json.h"
#include "store/listing_store.h"

namespace portal::store::detail {

// Parses a stored document. The store writes only canonical documents, so a failure is a bug.
template <typename Record>
Record parse_stored(const core::ListingParser& parser, const pqxx::field& doc, const char* kind) {
  const nlohmann::json j = nlohmann::json::parse(doc.c_str());
  core::Parsed<Record> parsed = [&] {
    if constexpr (std::is_same_v<Record, core::Activity>) {
      return parser.activity(j);
    } else {
      return parser.association(j);
    }
  }();
  if (auto* errors = std::get_if<std::vector<core::FieldError>>(&parsed)) {
    std::string message = std::string("stored ") + kind + " " + j.value("id", std::string("?")) + " does not parse:";
    for (const auto& e : *errors) message += " " + e.field + ": " + e.reason + ";";
    throw std::logic_error(message);
  }
  return std::get<Record>(std::move(parsed));
}

// SQL for the whole seconds since the epoch of a timestamptz expression, rounded down (so a
// reported instant is never later than the stored one), and the instant they stand for.
std::string epoch_seconds(const std::string& column);
std::chrono::system_clock::time_point from_epoch(int64_t seconds);
// from_epoch() of the field, or nullopt when it is NULL.
std::optional<std::chrono::system_clock::time_point> optional_instant(const pqxx::field& seconds);

// SQL for an activity row's last confirmation as core::Date days (Copenhagen date).
inline constexpr const char* kConfirmedDaysSql =
    "((last_confirmed_at AT TIME ZONE 'Europe/Copenhagen')::date - DATE '1970-01-01')";

void take_write_lock(pqxx::work& t);

// Appends `changes` (objects with "entity", "id", "op") to change_log in order and NOTIFYs the
// highest new id on kChangeChannel. Call under the write lock; does nothing for an empty list.
void log_changes(pqxx::work& t, const nlohmann::json& changes);

// Logs one change of one activity (op "upsert" or "delete").
void log_activity_change(pqxx::work& t, const std::string& id, const char* op);

// The stored activity's association, under the write lock; nullopt when it is not stored.
// Throws core::Error(forbidden) when `owner` is set and the activity belongs to another.
std::optional<std::string> stored_owner(pqxx::work& t, const std::string& id, const std::string& owner);

// Interprets `RETURNING (xmax = 0)` of an upsert whose update is skipped when nothing changed.
WriteOutcome outcome_of(const pqxx::result& r);

// Inserts or replaces one association row (name, municipality, canonical doc); an equal
// document writes nothing. Leaves review_required alone.
WriteOutcome upsert(pqxx::work& t, const core::Association& a);

}  // namespace portal::store::detail
