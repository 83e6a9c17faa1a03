// Listing files as CSV, as written by Danish spreadsheets (docs/imports.md): one activity a
// row with the association's columns repeated, ';' or ',' separated, UTF-8 with or without BOM
// or Windows-1252. Turns a file into records of the contract's JSON shape, which the Importer
// validates with the same per-record machinery as JSON files. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "indexer/importer.h"

namespace portal::indexer {

// The bytes as UTF-8: a UTF-8 BOM is dropped; bytes that are not valid UTF-8 are read as
// Windows-1252 (ICU's converter).
std::string decode_text(std::string_view bytes);

// ';' or ',', whichever occurs more often outside quotes in the first line (';' on a tie).
char detect_separator(std::string_view text);

struct CsvRecord {
  size_t row = 0;  // spreadsheet row number: the header is row 1, the first data row row 2
  std::vector<std::string> cells;
};

struct CsvTable {
  char separator = ';';
  std::vector<std::string> header;
  std::vector<CsvRecord> records;  // wholly empty rows are left out (their numbers are skipped)
};

// RFC 4180: quoted fields with "" escapes, separators and line breaks (CRLF or LF) inside quotes.
// `text` is UTF-8. Throws FileError (with `file_name`) on an unterminated quote.
CsvTable parse_csv(const std::string& file_name, std::string_view text);

// The documented column name for a header cell (trimmed, case-insensitive, Danish aliases), or
// "" when the column is not one the importer uses.
std::string canonical_column(std::string_view header);

// Decodes, parses and maps a CSV file to listing records. Rows are labelled "row N"; a cell that
// cannot be converted is a field error of that row. Throws FileError when the file cannot be
// used at all (no header, a required column missing, a column given twice).
SourceRecords csv_to_records(const std::string& file_name, std::string_view bytes);

}  // namespace portal::indexer
