// Imports listing files into the store: the contract's JSON format, CSV (indexer/csv.h),
// iCalendar feeds (indexer/ics.h) and Open Referral HSDS 3.0 JSON (indexer/hsds.h); see
// docs/imports.md. Each record is validated on its own; invalid ones are reported (file, record,
// id, field, reason) and skipped, and all valid records of a file are written in one
// transaction, so a file is never half-written. A file imported through import_content() or
// import_file() is a source that owns its activities: on re-import, those it no longer
// delivers are withdrawn in the same transaction.
// Thread-safety: as the ListingStore (safe); holds no state between calls.
#pragma once

#include <functional>
#include <optional>
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
  bool note = false;   // reported, but the record was imported (or the remark is about the file)
};

struct ImportSummary {
  size_t read = 0;
  size_t created = 0;
  size_t updated = 0;
  size_t unchanged = 0;
  size_t invalid = 0;
  size_t withdrawn = 0;
  std::vector<std::string> withdrawn_ids;  // sorted per file
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

// How content is imported. `source` names the source (default `<kind>:<file basename>`, kind
// json, csv, ics or hsds); `association` is the association the file belongs to: required for
// iCalendar feeds; for other formats, records of other associations are then invalid.
struct ImportOptions {
  std::string source;
  std::string association;
};

class Importer {
 public:
  Importer(store::ListingStore& store, const core::ListingParser& parser) : store_(store), parser_(parser) {}

  // Imports one file's content. Throws FileError when the content is not a listing file, and
  // core::Error(unavailable) when the database cannot be reached (nothing is written then).
  ImportSummary import_json(const std::string& file_name, std::string_view content);
  // Imports a CSV file's bytes (docs/imports.md); throws as import_json.
  ImportSummary import_csv(const std::string& file_name, std::string_view bytes);
  // Validates and writes converted records in one transaction (as import_json). With a source,
  // activities get its source_id and (when source->withdraw) its absent ones are withdrawn;
  // `source->keep` is filled in here with the ids of invalid records.
  ImportSummary import_records(const std::string& file_name, const SourceRecords& records,
                               std::optional<store::SourceInfo> source = std::nullopt);
  // Imports a file's bytes as a source (the one entry point for files and uploads). The format
  // is chosen by the extension: .ics/.ical → iCalendar, .csv/.tsv/.txt → CSV, .json → listing
  // JSON when the top level has "associations" or "activities", else HSDS; for any other name
  // by the content: BEGIN:VCALENDAR, then JSON ('{' or '[') as for .json, else CSV. Throws
  // FileError (Danish) when the bytes are no usable file or an .ics has no association, and
  // core::Error(unavailable) when the database cannot be reached (nothing is written then).
  ImportSummary import_content(const std::string& file_name, std::string_view bytes, const ImportOptions& options);
  // Reads a file and imports it with import_content(); throws FileError when it cannot be read.
  ImportSummary import_file(const std::string& path, const ImportOptions& options = {});

 private:
  store::ListingStore& store_;
  const core::ListingParser& parser_;
};

// Human-readable (Danish) report of a summary, as printed by `portal-indexer import`.
std::string format_summary(const std::string& label, const ImportSummary& summary);

}  // namespace portal::indexer
