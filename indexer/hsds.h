// Open Referral HSDS 3.0 JSON (Human Services Data Specification) as listing records
// (docs/imports.md): organization → association, service → activity (location, schedules,
// cost options, attributes/taxonomy terms, contacts). Accepted shapes: one organization with
// nested "services", an array of organizations, {"organizations": [...]}, or an array /
// {"services": [...]} / {"contents": [...]} of services with a nested "organization" (as HSDS
// API answers look). Pure functions; thread-safe.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/vocabulary.h"
#include "indexer/importer.h"

namespace portal::indexer {

// Converts a parsed document. Records are labelled by their place in the file (e.g.
// "organizations[0].services[2]") and errors name the HSDS field (e.g. "schedules[0].byday").
// Throws FileError when the document has none of the accepted shapes.
SourceRecords hsds_to_records(const std::string& file_name, const nlohmann::json& doc,
                              const core::Vocabulary& vocabulary);

}  // namespace portal::indexer
