// The codes of vocabulary.json (interests, transport, accessibility, target groups, weekdays,
// times of day) with their Danish labels. Immutable after construction; safe to share between
// threads.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace portal::core {

enum class CodeKind { interest, transport, accessibility, target_group, time_of_day };

class Vocabulary {
 public:
  // Parses a document in the format of vocabulary.json. Throws std::invalid_argument if a
  // section is missing.
  explicit Vocabulary(const nlohmann::json& doc);

  // The vocabulary compiled into the binary (data/vocabulary.json).
  static Vocabulary builtin();

  bool has(CodeKind kind, std::string_view code) const;
  // Danish label, or the code itself when unknown.
  std::string label_da(CodeKind kind, std::string_view code) const;
  // Codes of a kind in the file's order.
  const std::vector<std::string>& codes(CodeKind kind) const;
  const std::vector<std::string>& weekdays() const { return weekdays_; }
  // The whole document, as served by GET /api/v1/vocabulary.
  const nlohmann::json& json() const { return doc_; }

 private:
  struct Section {
    std::vector<std::string> codes;
    std::map<std::string, std::string, std::less<>> labels_da;
  };
  const Section& section(CodeKind kind) const;

  nlohmann::json doc_;
  std::map<CodeKind, Section> sections_;
  std::vector<std::string> weekdays_;
};

std::string_view json_key(CodeKind kind);

}  // namespace portal::core
