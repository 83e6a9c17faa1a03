// Shared helpers of the search unit tests: the built-in vocabulary and geography, listings
// parsed from small inline JSON with core::ListingParser, a throwaway index folder and a fixed
// "now" (Monday 2026-11-23 09:00) so schedules and sorting are deterministic.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <string>
#include <system_error>
#include <variant>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/geo.h"
#include "core/listing.h"
#include "core/listing_json.h"
#include "core/vocabulary.h"

namespace portal::search::testing {

inline const core::Vocabulary& vocabulary() {
  static const core::Vocabulary vocab = core::Vocabulary::builtin();
  return vocab;
}

inline const core::Geo& geo() {
  static const core::Geo g = core::Geo::builtin();
  return g;
}

inline std::string describe(const std::vector<core::FieldError>& errors) {
  std::string out;
  for (const auto& e : errors) out += e.field + ": " + e.reason + "; ";
  return out;
}

// Parses one activity record; a record the parser rejects is a broken fixture and aborts the
// test with the parser's reasons.
inline core::Activity activity(const nlohmann::json& record) {
  const core::ListingParser parser(vocabulary(), geo());
  auto parsed = parser.activity(record);
  if (auto* errors = std::get_if<std::vector<core::FieldError>>(&parsed)) {
    ADD_FAILURE() << "fixture activity rejected: " << describe(*errors) << record.dump();
    throw std::invalid_argument("bad fixture activity");
  }
  return std::get<core::Activity>(std::move(parsed));
}

inline core::Association association(const nlohmann::json& record) {
  const core::ListingParser parser(vocabulary(), geo());
  auto parsed = parser.association(record);
  if (auto* errors = std::get_if<std::vector<core::FieldError>>(&parsed)) {
    ADD_FAILURE() << "fixture association rejected: " << describe(*errors) << record.dump();
    throw std::invalid_argument("bad fixture association");
  }
  return std::get<core::Association>(std::move(parsed));
}

inline std::vector<core::Activity> activities(const nlohmann::json& records) {
  std::vector<core::Activity> out;
  for (const auto& r : records) out.push_back(activity(r));
  return out;
}

inline std::map<std::string, core::Association> associations(const nlohmann::json& records) {
  std::map<std::string, core::Association> out;
  for (const auto& r : records) {
    auto a = association(r);
    const std::string id = a.id;
    out.emplace(id, std::move(a));
  }
  return out;
}

// A valid activity record of association "gaaklub" in Holstebro (7500), with `patch` merged in
// (RFC 7386: objects merge, arrays and values replace, null removes).
inline nlohmann::json activity_json(const std::string& id, const nlohmann::json& patch = nlohmann::json::object()) {
  nlohmann::json record = {
      {"id", id},
      {"association", "gaaklub"},
      {"title", "Aktivitet"},
      {"location", {{"postcode", "7500"}}},
  };
  record.merge_patch(patch);
  return record;
}

inline nlohmann::json association_json(const std::string& id = "gaaklub",
                                       const std::string& name = "Holstebro Gåklub") {
  return {{"id", id}, {"name", name}};
}

// Monday 2026-11-23 at 09:00, Copenhagen time.
inline core::LocalTime monday_9am() { return core::LocalTime{core::from_ymd({2026, 11, 23}), 9 * 60}; }

// A fresh, empty folder under the system temp directory; removed again by the destructor.
class TempDir {
 public:
  TempDir() {
    static std::atomic<unsigned> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "portal-search-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    if (info) name += std::string("-") + info->name();
    path_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace portal::search::testing
