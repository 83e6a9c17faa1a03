#include "core/vocabulary.h"

#include <stdexcept>

#include "core_embedded.h"

namespace portal::core {

std::string_view json_key(CodeKind kind) {
  switch (kind) {
    case CodeKind::interest: return "interests";
    case CodeKind::transport: return "transport";
    case CodeKind::accessibility: return "accessibility";
    case CodeKind::target_group: return "target_groups";
    case CodeKind::time_of_day: return "times_of_day";
  }
  return "interests";
}

Vocabulary::Vocabulary(const nlohmann::json& doc) : doc_(doc) {
  for (CodeKind kind : {CodeKind::interest, CodeKind::transport, CodeKind::accessibility,
                        CodeKind::target_group, CodeKind::time_of_day}) {
    const std::string key(json_key(kind));
    if (!doc.contains(key) || !doc.at(key).is_object()) {
      throw std::invalid_argument("vocabulary: missing section " + key);
    }
    Section section;
    for (const auto& [code, labels] : doc.at(key).items()) {
      section.codes.push_back(code);
      section.labels_da.emplace(code, labels.value("da", code));
    }
    sections_.emplace(kind, std::move(section));
  }
  if (!doc.contains("weekdays") || !doc.at("weekdays").is_array()) {
    throw std::invalid_argument("vocabulary: missing weekdays");
  }
  for (const auto& day : doc.at("weekdays")) weekdays_.push_back(day.get<std::string>());
}

Vocabulary Vocabulary::builtin() {
  // nlohmann's default object type sorts keys; keep the file's order for codes() by parsing
  // with ordered_json first.
  const auto ordered = nlohmann::ordered_json::parse(embedded::vocabulary_json());
  Vocabulary vocab(nlohmann::json::parse(embedded::vocabulary_json()));
  for (auto& [kind, section] : vocab.sections_) {
    section.codes.clear();
    for (const auto& item : ordered.at(std::string(json_key(kind))).items()) {
      section.codes.push_back(item.key());
    }
  }
  return vocab;
}

const Vocabulary::Section& Vocabulary::section(CodeKind kind) const { return sections_.at(kind); }

bool Vocabulary::has(CodeKind kind, std::string_view code) const {
  const auto& labels = section(kind).labels_da;
  return labels.find(code) != labels.end();
}

std::string Vocabulary::label_da(CodeKind kind, std::string_view code) const {
  const auto& labels = section(kind).labels_da;
  auto it = labels.find(code);
  return it == labels.end() ? std::string(code) : it->second;
}

const std::vector<std::string>& Vocabulary::codes(CodeKind kind) const {
  return section(kind).codes;
}

}  // namespace portal::core
