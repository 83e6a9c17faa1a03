// The system of record for associations and activities (PostgreSQL), and the change log that
// lets the search index follow it. Thread-safe: each call leases its own connection.
//
// Every write runs in one transaction that also appends its change_log rows (under an advisory
// transaction lock, so change ids are in commit order) and NOTIFYs channel "portal_changes".
// Errors: core::Error(unavailable) when PostgreSQL is down; nothing is written then.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/listing.h"
#include "core/listing_json.h"
#include "store/connection_pool.h"

namespace portal::store {

enum class WriteOutcome { created, updated, unchanged };

// The feed or file a batch comes from (table `sources`, docs/imports.md). The source owns the
// activities it writes (activities.source_id); those it no longer delivers are withdrawn.
struct SourceInfo {
  std::string id;           // 1-200 characters
  std::string kind;         // "json", "csv", "ics" or "hsds"
  std::string association;  // the association the whole source belongs to, or empty
  // Withdraw the source's stored activities that are neither in the batch nor in `keep`.
  bool withdraw = true;
  std::vector<std::string> keep;  // ids the source still delivers, but invalidly: kept as stored
};

struct ListingBatch {
  std::vector<core::Association> associations;
  std::vector<core::Activity> activities;
  std::optional<SourceInfo> source = std::nullopt;  // none: source_id left alone, nothing withdrawn
};

struct BatchResult {
  std::vector<WriteOutcome> associations;  // same order as the batch
  std::vector<WriteOutcome> activities;
  std::vector<std::string> withdrawn = {};  // ids of deleted activities, sorted
};

// What ListingStore::put() did: the document's outcome, and whether the write waits for review
// (review status "pending") instead of being public at once.
struct PutResult {
  WriteOutcome outcome = WriteOutcome::unchanged;
  bool pending = false;
};

struct ChangeEntry {
  int64_t id = 0;
  std::string entity;     // "activity" or "association"
  std::string entity_id;
  std::string op;         // "upsert" or "delete"
};

// Everything the index needs, read in one REPEATABLE READ snapshot.
struct Snapshot {
  int64_t change_position = 0;  // highest change_log id visible in the snapshot
  std::vector<core::Activity> activities;
  std::map<std::string, core::Association> associations;
};

constexpr const char* kChangeChannel = "portal_changes";

class ListingStore {
 public:
  ListingStore(ConnectionPool& pool, const core::ListingParser& parser);

  // Upserts all records in one transaction; a record equal to the stored one is "unchanged"
  // and writes nothing. Activities must reference an association that is in the batch or
  // already stored (else the transaction fails with core::Error(invalid_body)).
  // Freshness: a created or changed activity is confirmed now (last_confirmed_at); an unchanged
  // one moves to its updated_at date (Copenhagen midnight) if that is later, with a change-log
  // 'upsert' so the index learns it. With a source: the source row is upserted, every activity
  // of the batch gets its source_id (taking it over from another source or from the API), and
  // when `withdraw` is set its other activities (not in the batch or `keep`) are deleted with a
  // change-log 'delete' each — all in the same transaction.
  BatchResult apply(const ListingBatch& batch);

  // Which of `ids` are stored associations.
  std::set<std::string> existing_associations(const std::vector<std::string>& ids);

  // Activities carry last_confirmed (Copenhagen date of activities.last_confirmed_at).
  std::optional<core::Activity> activity(const std::string& id);
  std::optional<core::Association> association(const std::string& id);
  // Activities by id, in the order of `ids` (missing ids are left out), and all activities of
  // one association (by id).
  std::vector<core::Activity> activities(const std::vector<std::string>& ids);
  // As activities(ids), but only those with review status "public": what the index holds.
  std::vector<core::Activity> searchable_activities(const std::vector<std::string>& ids);
  std::vector<core::Activity> activities_of(const std::string& association_id);

  // Deletes an activity; returns false when it did not exist. With a non-empty `owner`, an
  // activity of another association is not deleted: core::Error(forbidden).
  bool delete_activity(const std::string& id, const std::string& owner = {});

  // Writes one activity (the API's write path) in one transaction with its change-log entry.
  // create: core::Error(conflict) when the id is taken; replace: core::Error(not_found) when it
  // is not stored. With a non-empty `owner`, a stored activity of another association is left
  // alone: core::Error(forbidden). The named association must exist (else invalid_body). The
  // ownership check runs under the write lock, so it cannot race with another writer.
  enum class PutMode { create, replace };
  //
  // Every such write sets last_confirmed_at to now and logs an "upsert" even when the document
  // is unchanged (an edit confirms the activity). Review: when `owner` is set (an association
  // account writes) and the association has review_required, the activity is stored with
  // review status "pending" (not searchable until approved, see ReviewStore); otherwise
  // "public". The review note is cleared.
  WriteOutcome put_activity(const core::Activity& activity, PutMode mode, const std::string& owner = {});
  PutResult put(const core::Activity& activity, PutMode mode, const std::string& owner = {});

  // The public activities (review status "public") with their last confirmation, and every
  // association.
  Snapshot snapshot();
  // Change-log entries with id > after, oldest first.
  std::vector<ChangeEntry> changes_after(int64_t after, size_t limit);
  int64_t latest_change();

 private:
  std::vector<core::Activity> activities_by_id(const std::vector<std::string>& ids, bool public_only);

  ConnectionPool& pool_;
  const core::ListingParser& parser_;
};

}  // namespace portal::store
