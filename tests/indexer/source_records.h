// Shared helpers of the indexer tests: the built-in vocabulary, geography and parser, fixture
// files, and a converted record parsed as the importer would.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/geo.h"
#include "core/listing_json.h"
#include "core/vocabulary.h"
#include "indexer/importer.h"

namespace portal::indexer::tests {

inline const core::Vocabulary& vocabulary() {
  static const core::Vocabulary v = core::Vocabulary::builtin();
  return v;
}

inline const core::Geo& geo() {
  static const core::Geo g = core::Geo::builtin();
  return g;
}

inline const core::ListingParser& parser() {
  static const core::ListingParser p(vocabulary(), geo());
  return p;
}

// The bytes of tests/indexer/data/<name>.
inline std::string fixture_text(const std::string& name) {
  std::ifstream in(std::filesystem::path(PORTAL_SOURCE_DIR) / "tests/indexer/data" / name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Activity i of converted records; fails the test on conversion or parse errors.
inline core::Activity parsed_activity(const SourceRecords& r, size_t i) {
  if (i >= r.activities.size()) {
    ADD_FAILURE() << "no activity " << i << " of " << r.activities.size();
    return {};
  }
  if (i < r.activity_errors.size()) {
    for (const auto& e : r.activity_errors[i]) ADD_FAILURE() << e.field << ": " << e.reason;
  }
  auto parsed = parser().activity(r.activities[i]);
  if (auto* errors = std::get_if<std::vector<core::FieldError>>(&parsed)) {
    for (const auto& e : *errors) ADD_FAILURE() << e.field << ": " << e.reason << " in " << r.activities[i].dump();
    return {};
  }
  return std::get<core::Activity>(parsed);
}

}  // namespace portal::indexer::tests
