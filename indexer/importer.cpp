#include "indexer/importer.h"

#include <fstream>
#include <set>
#include <sstream>

#include "core/errors.h"

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

  ImportSummary summary;
  auto invalid = [&](const std::string& record, const std::string& id, const std::string& field,
                     const std::string& reason) {
    summary.issues.push_back({file_name, record, id, field, reason});
  };

  store::ListingBatch batch;
  std::set<std::string> batch_associations;
  const json empty = json::array();
  const json& associations = doc.contains("associations") ? doc.at("associations") : empty;
  const json& activities = doc.contains("activities") ? doc.at("activities") : empty;

  for (size_t i = 0; i < associations.size(); ++i) {
    ++summary.read;
    const std::string record = "associations[" + std::to_string(i) + "]";
    auto parsed = parser_.association(associations[i]);
    if (auto* errors = std::get_if<std::vector<core::FieldError>>(&parsed)) {
      ++summary.invalid;
      for (const auto& e : *errors) invalid(record, record_id(associations[i]), e.field, e.reason);
      continue;
    }
    auto& a = std::get<core::Association>(parsed);
    if (!batch_associations.insert(a.id).second) {
      ++summary.invalid;
      invalid(record, a.id, "id", "foreningen står flere gange i filen; kun den første bruges");
      continue;
    }
    batch.associations.push_back(std::move(a));
  }

  std::vector<std::pair<std::string, core::Activity>> candidates;  // record label, activity
  std::set<std::string> activity_ids;
  std::vector<std::string> unknown_associations;
  for (size_t i = 0; i < activities.size(); ++i) {
    ++summary.read;
    const std::string record = "activities[" + std::to_string(i) + "]";
    auto parsed = parser_.activity(activities[i]);
    if (auto* errors = std::get_if<std::vector<core::FieldError>>(&parsed)) {
      ++summary.invalid;
      for (const auto& e : *errors) invalid(record, record_id(activities[i]), e.field, e.reason);
      continue;
    }
    auto& a = std::get<core::Activity>(parsed);
    if (!activity_ids.insert(a.id).second) {
      ++summary.invalid;
      invalid(record, a.id, "id", "aktiviteten står flere gange i filen; kun den første bruges");
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
      invalid(record, activity.id, "association",
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
  return import_json(path, content.str());
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
