#include "indexer/importer.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/errors.h"
#include "indexer/convert.h"
#include "indexer/csv.h"
#include "indexer/hsds.h"
#include "indexer/ics.h"

namespace portal::indexer {

using nlohmann::json;

ImportSummary& ImportSummary::operator+=(const ImportSummary& o) {
  read += o.read;
  created += o.created;
  updated += o.updated;
  unchanged += o.unchanged;
  invalid += o.invalid;
  withdrawn += o.withdrawn;
  withdrawn_ids.insert(withdrawn_ids.end(), o.withdrawn_ids.begin(), o.withdrawn_ids.end());
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

namespace {

SourceRecords json_to_records(const std::string& file_name, json doc) {
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
  return records;
}

}  // namespace

ImportSummary Importer::import_json(const std::string& file_name, std::string_view content) {
  json doc;
  try {
    doc = json::parse(content);
  } catch (const json::parse_error& e) {
    throw FileError(file_name + ": ikke gyldig JSON (" + std::string(e.what()) + ")");
  }
  return import_records(file_name, json_to_records(file_name, std::move(doc)));
}

ImportSummary Importer::import_csv(const std::string& file_name, std::string_view bytes) {
  return import_records(file_name, csv_to_records(file_name, bytes));
}

ImportSummary Importer::import_records(const std::string& file_name, const SourceRecords& src,
                                       std::optional<store::SourceInfo> source) {
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
      // A field the conversion already reported is not reported again by the parser.
      const size_t converted = errors.size();
      for (const auto& fe : *e) {
        std::string field = name(src.activity_field, fe.field);
        const bool known = std::any_of(errors.begin(), errors.begin() + static_cast<std::ptrdiff_t>(converted),
                                       [&](const core::FieldError& c) { return c.field == field; });
        if (!known) errors.push_back({std::move(field), fe.reason});
      }
    }
    if (errors.empty() && source && !source->association.empty() &&
        std::get<core::Activity>(parsed).association != source->association) {
      errors.push_back({name(src.activity_field, "association"),
                        "aktiviteten hører til en anden forening end filen ('" + source->association + "')"});
    }
    if (!errors.empty()) {
      ++summary.invalid;
      const std::string id = record_id(activities[i]);
      for (const auto& e : errors) invalid(record, id, e.field, e.reason);
      if (source && !id.empty()) source->keep.push_back(id);
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
      if (source) source->keep.push_back(activity.id);
      continue;
    }
    batch.activities.push_back(std::move(activity));
  }
  if (source && batch.activities.empty()) {
    // A broken or emptied export must not wipe out the source's activities.
    source->withdraw = false;
    summary.issues.push_back({file_name, "", "", "",
                              "filen har ingen gyldige aktiviteter, så ingen aktiviteter er trukket tilbage", true});
  }
  batch.source = std::move(source);

  const store::BatchResult result = store_.apply(batch);
  for (auto outcome : result.associations) count(summary, outcome);
  for (auto outcome : result.activities) count(summary, outcome);
  summary.withdrawn = result.withdrawn.size();
  summary.withdrawn_ids = result.withdrawn;
  return summary;
}

namespace {

std::string lower_extension(const std::string& file_name) {
  return lower(std::filesystem::path(file_name).extension().string());
}

// The text after an optional UTF-8 BOM and leading white space.
std::string_view content_start(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const auto first = bytes.find_first_not_of(" \t\r\n");
  return first == std::string_view::npos ? std::string_view{} : bytes.substr(first);
}

bool is_listing_json(const json& doc) {
  return doc.is_object() && (doc.contains("associations") || doc.contains("activities"));
}

// At most `max` bytes of `s`, not cutting a UTF-8 character.
std::string utf8_prefix(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

}  // namespace

ImportSummary Importer::import_content(const std::string& file_name, std::string_view bytes,
                                       const ImportOptions& options) {
  const std::string ext = lower_extension(file_name);
  const std::string_view start = content_start(bytes);
  std::string kind;
  if (ext == ".ics" || ext == ".ical" || ext == ".ifb") {
    kind = "ics";
  } else if (ext == ".csv" || ext == ".tsv" || ext == ".txt") {
    kind = "csv";
  } else if (ext == ".json") {
    kind = "json";
  } else if (start.starts_with("BEGIN:VCALENDAR")) {
    kind = "ics";
  } else if (start.starts_with("{") || start.starts_with("[")) {
    kind = "json";
  } else {
    kind = "csv";
  }
  json doc;
  if (kind == "json") {
    try {
      doc = json::parse(bytes);
    } catch (const json::parse_error& e) {
      throw FileError(file_name + ": ikke gyldig JSON (" + std::string(e.what()) + ")");
    }
    if (!is_listing_json(doc)) kind = "hsds";
  }

  if (options.source.size() > 200) throw FileError(file_name + ": kildens navn er for langt (højst 200 tegn)");
  store::SourceInfo source;
  source.kind = kind;
  source.id = !options.source.empty()
                  ? options.source
                  : kind + ":" + utf8_prefix(std::filesystem::path(file_name).filename().string(), 190);
  source.association = options.association;
  if (!options.association.empty() && store_.existing_associations({options.association}).empty()) {
    throw FileError(file_name + ": foreningen '" + options.association + "' findes ikke i portalen");
  }

  SourceRecords records;
  if (kind == "ics") {
    if (options.association.empty()) {
      throw FileError(file_name +
                      ": en kalenderfil (.ics) hører til én forening; angiv foreningens id (--association ID)");
    }
    records = ics_to_records(file_name, bytes, options.association, parser_.vocabulary());
  } else if (kind == "csv") {
    records = csv_to_records(file_name, bytes);
  } else if (kind == "hsds") {
    records = hsds_to_records(file_name, doc, parser_.vocabulary());
  } else {
    records = json_to_records(file_name, std::move(doc));
  }
  return import_records(file_name, records, std::move(source));
}

ImportSummary Importer::import_file(const std::string& path, const ImportOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FileError(path + ": filen kan ikke læses");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw FileError(path + ": filen kan ikke læses");
  return import_content(path, content.str(), options);
}

std::string format_summary(const std::string& label, const ImportSummary& s) {
  std::ostringstream out;
  out << label << ": " << s.read << " poster læst, " << s.created << " oprettet, " << s.updated
      << " opdateret, " << s.unchanged << " uændret, " << s.invalid << " ugyldige";
  if (s.withdrawn > 0) out << ", " << s.withdrawn << " trukket tilbage";
  out << '\n';
  if (!s.withdrawn_ids.empty()) {
    out << "  Trukket tilbage:";
    for (size_t i = 0; i < s.withdrawn_ids.size(); ++i) out << (i ? ", " : " ") << s.withdrawn_ids[i];
    out << '\n';
  }
  for (const auto& issue : s.issues) {
    out << (issue.note ? "  bemærk: " : "  ugyldig: ") << issue.file;
    if (!issue.record.empty()) out << " " << issue.record;
    if (!issue.id.empty()) out << " id=" << issue.id;
    if (!issue.field.empty()) out << " felt=" << issue.field;
    out << ": " << issue.reason << '\n';
  }
  return out.str();
}

}  // namespace portal::indexer
