#include "indexer/importer.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/errors.h"
#include "indexer/csv.h"

namespace portal::indexer {

using nlohmann::json;

ImportSummary& ImportSummary::operator+=(const ImportSummary& o) {
  read += o.read;
  created += o.created;
  updated += o.updated;
  unchanged += o.unchanged;
  invalid += o.invalid;
  issues.insert(issues.end(), o.issues.begin(), o.issues.end());
  return *this;
}

namespace {

std::string record_id(const json& record) {
  if (record.is_object() && record.contains("id") && record.at("id").is_string()) {
    return record.at("id").get<std::string>().substr(0, 128);
  }
  return {};
}

void count(ImportSummary& summary, store::WriteOutcome outcome) {
  switch (outcome) {
    case store::WriteOutcome::created: ++summary.created; break;
    case store::WriteOutcome::updated: ++summary.updated; break;
    case store::WriteOutcome::unchanged: ++summary.unchanged; break;
  }
}

}  // namespace

ImportSummary Importer::import_json(const std::string& file_name, std::string_view content) {
  json doc;
  try {
    doc = json::parse(content);
  } catch (const json::parse_error& e) {
    throw FileError(file_name + ": ikke gyldig JSON (" + std::string(e.what()) + ")");
  }
  if (!doc.is_object()) throw FileError(file_name + ": skal være et JSON-objekt med \"associations\" og \"activities\"");
  for (const char* key : {"associations", "activities"}) {
    if (doc.contains(key) && !doc.at(key).is_array()) {
      throw FileError(file_name + ": \"" + key + "\" skal være en liste");
    }
  }
  if (!doc.contains("associations") && !doc.contains("activities")) {
    throw FileError(file_name + ": hverken \"associations\" eller \"activities\" findes i filen");
  }

  SourceRecords records;
  if (doc.contains("associations")) records.associations = std::move(doc.at("associations"));
  if (doc.contains("activities")) records.activities = std::move(doc.at("activities"));
  for (size_t i = 0; i < records.associations.size(); ++i) {
    records.association_labels.push_back("associations[" + std::to_string(i) + "]");
  }
  for (size_t i = 0; i < records.activities.size(); ++i) {
    records.activity_labels.push_back("activities[" + std::to_string(i) + "]");
  }
  return import_records(file_name, records);
}

ImportSummary Importer::import_csv(const std::string& file_name, std::string_view bytes) {
  return import_records(file_name, csv_to_records(file_name, bytes));
}

ImportSummary Importer::import_records(const std::string& file_name, const SourceRecords& src) {
  ImportSummary summary;
  auto invalid = [&](const std::string& record, const std::string& id, const std::string& field,
                     const std::string& reason) {
    summary.issues.push_back({file_name, record, id, field, reason});
  };
  auto name = [](const std::function<std::string(const std::string&)>& map, const std::string& field) {
    return map ? map(field) : field;
  };

  store::ListingBatch batch;
  std::set<std::string> batch_associations;
  const json& associations = src.associations;
  const json& activities = src.activities;

  for (size_t i = 0; i < associations.size(); ++i) {
    ++summary.read;
    const std::string& record = src.association_labels.at(i);
    auto parsed = parser_.association(associations[i]);
    if (auto* errors = std::get_if<std::vector<core::FieldError>>(&parsed)) {
      ++summary.invalid;
      for (const auto& e : *errors) {
        invalid(record, record_id(associations[i]), name(src.association_field, e.field), e.reason);
      }
      continue;
    }
    auto& a = std::get<core::Association>(parsed);
    if (!batch_associations.insert(a.id).second) {
      ++summary.invalid;
      invalid(record, a.id, name(src.association_field, "id"), "foreningen står flere gange i filen; kun den første bruges");
      continue;
    }
    batch.associations.push_back(std::move(a));
  }
  summary.issues.insert(summary.issues.end(), src.notes.begin(), src.notes.end());

  std::vector<std::pair<std::string, core::Activity>> candidates;  // record label, activity
  std::set<std::string> activity_ids;
  std::vector<std::string> unknown_associations;
  for (size_t i = 0; i < activities.size(); ++i) {
    ++summary.read;
    const std::string& record = src.activity_labels.at(i);
    auto parsed = parser_.activity(activities[i]);
    std::vector<core::FieldError> errors = i < src.activity_errors.size() ? src.activity_errors[i]
                                                                           : std::vector<core::FieldError>{};
    if (auto* e = std::get_if<std::vector<core::FieldError>>(&parsed)) {
      for (const auto& fe : *e) errors.push_back({name(src.activity_field, fe.field), fe.reason});
    }
    if (!errors.empty()) {
      ++summary.invalid;
      for (const auto& e : errors) invalid(record, record_id(activities[i]), e.field, e.reason);
      continue;
    }
    auto& a = std::get<core::Activity>(parsed);
    if (!activity_ids.insert(a.id).second) {
      ++summary.invalid;
      invalid(record, a.id, name(src.activity_field, "id"), "aktiviteten står flere gange i filen; kun den første bruges");
      continue;
    }
    if (!batch_associations.count(a.association)) unknown_associations.push_back(a.association);
    candidates.emplace_back(record, std::move(a));
  }
  const std::set<std::string> stored = unknown_associations.empty()
                                           ? std::set<std::string>{}
                                           : store_.existing_associations(unknown_associations);
  for (auto& [record, activity] : candidates) {
    if (!batch_associations.count(activity.association) && !stored.count(activity.association)) {
      ++summary.invalid;
      invalid(record, activity.id, name(src.activity_field, "association"),
              "foreningen '" + activity.association + "' findes hverken i filen eller i portalen");
      continue;
    }
    batch.activities.push_back(std::move(activity));
  }

  const store::BatchResult result = store_.apply(batch);
  for (auto outcome : result.associations) count(summary, outcome);
  for (auto outcome : result.activities) count(summary, outcome);
  return summary;
}

ImportSummary Importer::import_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FileError(path + ": filen kan ikke læses");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw FileError(path + ": filen kan ikke læses");
  const std::string bytes = content.str();
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".csv" || ext == ".tsv" || ext == ".txt") return import_csv(path, bytes);
  if (ext == ".json") return import_json(path, bytes);
  // No known extension: JSON starts with '{' (after an optional BOM and white space).
  std::string_view view = bytes;
  if (view.starts_with("\xEF\xBB\xBF")) view.remove_prefix(3);
  const auto first = view.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && view[first] == '{') return import_json(path, bytes);
  return import_csv(path, bytes);
}

std::string format_summary(const std::string& label, const ImportSummary& s) {
  std::ostringstream out;
  out << label << ": " << s.read << " poster læst, " << s.created << " oprettet, " << s.updated
      << " opdateret, " << s.unchanged << " uændret, " << s.invalid << " ugyldige\n";
  for (const auto& issue : s.issues) {
    out << "  ugyldig: " << issue.file << " " << issue.record;
    if (!issue.id.empty()) out << " id=" << issue.id;
    if (!issue.field.empty()) out << " felt=" << issue.field;
    out << ": " << issue.reason << '\n';
  }
  return out.str();
}

}  // namespace portal::indexer
