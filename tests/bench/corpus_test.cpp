// The benchmark corpus and query mix (bench/corpus.h, bench/mix.h), without a database:
// same seed, same bytes; every listing passes the listing parser; every mix line is a valid
// search request in the documented format and proportions.
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bench/corpus.h"
#include "bench/mix.h"
#include "core/geo.h"
#include "core/listing_json.h"
#include "core/text.h"
#include "core/vocabulary.h"
#include "search/request.h"
#include "tests/support/process.h"

namespace portal::bench {
namespace {

using portal::testing::TempDir;

std::string bytes_of(const CorpusSummary& s) {
  std::string all;
  for (const auto& f : s.files) all += portal::testing::read_file(f) + "\n--\n";
  return all;
}

TEST(Corpus, SameSeedGivesIdenticalBytesAndAnotherSeedDoesNot) {
  const auto geo = core::Geo::builtin();
  TempDir a, b, c;
  const CorpusConfig config{600, 7, 100};
  const auto sa = write_corpus(config, geo, a.path());
  const auto sb = write_corpus(config, geo, b.path());
  const auto sc = write_corpus({600, 8, 100}, geo, c.path());
  EXPECT_EQ(sa.activities, 600u);
  EXPECT_GE(sa.files.size(), 6u);  // at most 100 activities a file
  EXPECT_EQ(bytes_of(sa), bytes_of(sb));
  EXPECT_NE(bytes_of(sa), bytes_of(sc));
}

TEST(Corpus, EveryListingParsesAndTheFieldsHaveRealisticProportions) {
  const auto geo = core::Geo::builtin();
  const auto vocabulary = core::Vocabulary::builtin();
  const core::ListingParser parser(vocabulary, geo);
  TempDir dir;
  const auto summary = write_corpus({3000, 1, 1000}, geo, dir.path());
  ASSERT_EQ(summary.activities, 3000u);
  // ~1 association per 4-6 activities.
  EXPECT_GT(summary.associations, 3000u / 6);
  EXPECT_LT(summary.associations, 3000u / 4);

  std::set<std::string> municipalities, activity_ids;
  size_t weekly = 0, by_arrangement = 0, free = 0, unknown_price = 0, with_email = 0;
  for (const auto& file : summary.files) {
    const auto doc = nlohmann::json::parse(portal::testing::read_file(file));
    std::set<std::string> associations;
    for (const auto& a : doc.at("associations")) {
      const auto parsed = parser.association(a);
      ASSERT_TRUE(std::holds_alternative<core::Association>(parsed)) << a.dump();
      associations.insert(a.at("id").get<std::string>());
      municipalities.insert(a.at("municipality").get<std::string>());
    }
    for (const auto& a : doc.at("activities")) {
      const auto parsed = parser.activity(a);
      ASSERT_TRUE(std::holds_alternative<core::Activity>(parsed)) << a.dump();
      EXPECT_TRUE(associations.count(a.at("association").get<std::string>())) << "association in the same file";
      EXPECT_TRUE(activity_ids.insert(a.at("id").get<std::string>()).second);
      const size_t interests = a.at("interests").size();
      EXPECT_GE(interests, 1u);
      EXPECT_LE(interests, 3u);
      std::istringstream words(a.at("description").get<std::string>());
      size_t n = 0;
      for (std::string w; words >> w;) ++n;
      EXPECT_GE(n, 20u);
      EXPECT_LE(n, 80u);
      if (!a.contains("schedule")) {
        ++by_arrangement;
      } else if (!a["schedule"][0].contains("every_weeks") && !a["schedule"][0].contains("week_of_month")) {
        ++weekly;
      }
      if (!a.contains("price_dkk")) ++unknown_price;
      else if (a["price_dkk"] == 0) ++free;
      if (a.at("contact").contains("email")) ++with_email;
    }
  }
  EXPECT_EQ(municipalities.size(), 98u) << "every municipality has listings";
  EXPECT_GT(weekly, 3000u * 45 / 100) << "weekly schedules dominate";
  EXPECT_GT(by_arrangement, 3000u * 5 / 100);
  EXPECT_GT(free, 3000u * 20 / 100);
  EXPECT_GT(unknown_price, 3000u * 5 / 100);
  EXPECT_GT(with_email, 3000u * 30 / 100);
}

TEST(Mix, IsDeterministicAndEveryLineIsAValidSearchRequest) {
  const auto geo = core::Geo::builtin();
  const auto vocabulary = core::Vocabulary::builtin();
  TempDir dir;
  write_corpus({2000, 3, 1000}, geo, dir.path());
  const auto mix = make_mix(dir.path(), {1000, 5});
  EXPECT_EQ(mix, make_mix(dir.path(), {1000, 5}));
  EXPECT_NE(mix, make_mix(dir.path(), {1000, 6}));
  ASSERT_EQ(mix.size(), 1000u);
  size_t text = 0, distance = 0, paging = 0, filters_only = 0, non_ascii = 0;
  for (const auto& line : mix) {
    for (char c : line) {
      ASSERT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || std::string("-._~%=&").find(c) != std::string::npos)
          << "percent-encoded: " << line;
    }
    const auto params = decode_query_string(line);
    EXPECT_NO_THROW(search::parse_search_request(params, vocabulary, geo)) << line;
    if (params.count("q")) ++text;
    if (params.count("q") && params.at("q").find('\xC3') != std::string::npos) ++non_ascii;
    if (params.count("radius_km")) ++distance;
    if (params.count("page")) ++paging;
    if (!params.count("q") && !params.count("radius_km") && !params.count("page")) ++filters_only;
  }
  // The documented proportions (docs/benchmarks.md), with slack for sampling.
  EXPECT_NEAR(static_cast<double>(text) / 1000, 0.70, 0.06);
  EXPECT_NEAR(static_cast<double>(distance) / 1000, 0.20, 0.04);
  EXPECT_NEAR(static_cast<double>(paging) / 1000, 0.10, 0.03);
  EXPECT_NEAR(static_cast<double>(filters_only) / 1000, 0.15, 0.04);
  EXPECT_GT(non_ascii, 50u) << "æ, ø and å occur in the free text";
}

TEST(Mix, PercentEncodingRoundTrips) {
  const std::string text = "strikke café, æble/øl & år 100%";
  EXPECT_EQ(core::percent_encode("strikke café"), "strikke%20caf%C3%A9");
  EXPECT_EQ(decode_query_string("q=" + core::percent_encode(text)).at("q"), text);
  EXPECT_EQ(decode_query_string("q=a+b%2Cc").at("q"), "a b,c");
  const auto params = decode_query_string("q=a&interest=music&interest=dance&near=55.1%2C9.2");
  EXPECT_EQ(params.at("interest"), "music,dance");
  EXPECT_EQ(params.at("near"), "55.1,9.2");
}

}  // namespace
}  // namespace portal::bench
