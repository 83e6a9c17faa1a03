// Imports listing files in the contract's JSON format into the store. Each record is validated
// on its own; invalid ones are reported (file, record, id, field, reason) and skipped, and all
// valid records of a file are written in one transaction, so a file is never half-written.
// Thread-safety: as the ListingStore (safe); holds no state between calls.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/listing_json.h"
#include "store/listing_store.h"

namespace portal::indexer {

struct RecordIssue {
  std::string file;
  std::string record;  // e.g. "activities[12]"
  std::string id;      // empty when the record has no readable id
  std::string field;
  std::string reason;  // Danish
};

struct ImportSummary {
  size_t read = 0;
  size_t created = 0;
  size_t updated = 0;
  size_t unchanged = 0;
  size_t invalid = 0;
  std::vector<RecordIssue> issues;

  ImportSummary& operator+=(const ImportSummary& other);
};

// The file cannot be used at all (unreadable, not JSON, wrong top-level shape).
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Importer {
 public:
  Importer(store::ListingStore& store, const core::ListingParser& parser) : store_(store), parser_(parser) {}

  // Imports one file's content. Throws FileError when the content is not a listing file, and
  // core::Error(unavailable) when the database cannot be reached (nothing is written then).
  ImportSummary import_json(const std::string& file_name, std::string_view content);
  // Reads and imports a file; throws FileError when it cannot be read.
  ImportSummary import_file(const std::string& path);

 private:
  store::ListingStore& store_;
  const core::ListingParser& parser_;
};

// Human-readable (Danish) report of a summary, as printed by `portal-indexer import`.
std::string format_summary(const std::string& label, const ImportSummary& summary);

}  // namespace portal::indexer
