// Imports listing files in the contract's JSON format, or as CSV (indexer/csv.h), into the store. Each record is validated
// on its own; invalid ones are reported (file, record, id, field, reason) and skipped, and all
// valid records of a file are written in one transaction, so a file is never half-written.
// Thread-safety: as the ListingStore (safe); holds no state between calls.
#pragma once

#include <functional>
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

// Records of some source format converted to the listing JSON shape, with how to report them.
struct SourceRecords {
  nlohmann::json associations = nlohmann::json::array();
  nlohmann::json activities = nlohmann::json::array();
  std::vector<std::string> association_labels;  // parallel to associations, e.g. "row 2"
  std::vector<std::string> activity_labels;     // parallel to activities
  // Conversion errors per activity (parallel to activities, or empty): such a record is invalid.
  std::vector<std::vector<core::FieldError>> activity_errors;
  std::vector<RecordIssue> notes;  // reported, but not counted as invalid records
  // Map the parser's field paths to the source's names; empty means "as they are".
  std::function<std::string(const std::string&)> association_field;
  std::function<std::string(const std::string&)> activity_field;
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
  // Imports a CSV file's bytes (docs/csv-import.md); throws as import_json.
  ImportSummary import_csv(const std::string& file_name, std::string_view bytes);
  // Validates and writes converted records in one transaction (as import_json).
  ImportSummary import_records(const std::string& file_name, const SourceRecords& records);
  // Reads and imports a file; throws FileError when it cannot be read. The format is chosen by
  // the extension (.json, .csv) or, for any other name, by the content: '{' first means JSON.
  ImportSummary import_file(const std::string& path);

 private:
  store::ListingStore& store_;
  const core::ListingParser& parser_;
};

// Human-readable (Danish) report of a summary, as printed by `portal-indexer import`.
std::string format_summary(const std::string& label, const ImportSummary& summary);

}  // namespace portal::indexer
