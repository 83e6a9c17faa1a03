// eval::ndcg_at, eval::recall_at, eval::evaluate and the query file parser, without a database.
#include "eval/relevance.h"

#include <cmath>
#include <filesystem>
#include <stdexcept>

#include <gtest/gtest.h>

namespace portal::eval {
namespace {

using nlohmann::json;
using Ids = std::vector<std::string>;
using Judgments = std::map<std::string, int>;

const Judgments kGraded = {{"a", 3}, {"b", 2}, {"c", 1}, {"z", 0}};

TEST(RelevanceMetricsTest, PerfectRankingScoresOne) {
  EXPECT_DOUBLE_EQ(ndcg_at({"a", "b", "c"}, kGraded, 10), 1.0);
  EXPECT_DOUBLE_EQ(ndcg_at({"a", "b", "c", "x", "y"}, kGraded, 10), 1.0);
  EXPECT_DOUBLE_EQ(recall_at({"a", "b", "c"}, kGraded, 20), 1.0);
}

TEST(RelevanceMetricsTest, ReversedRankingScoresBelowOne) {
  const double reversed = ndcg_at({"c", "b", "a"}, kGraded, 10);
  EXPECT_LT(reversed, 1.0);
  EXPECT_GT(reversed, 0.0);
  // By hand: DCG = 1/log2(2) + 3/log2(3) + 7/log2(4); ideal = 7 + 3/log2(3) + 1/2.
  const double dcg = 1.0 + 3.0 / std::log2(3.0) + 7.0 / 2.0;
  const double ideal = 7.0 + 3.0 / std::log2(3.0) + 1.0 / 2.0;
  EXPECT_NEAR(reversed, dcg / ideal, 1e-12);
}

TEST(RelevanceMetricsTest, NothingRelevantFoundScoresZero) {
  EXPECT_EQ(ndcg_at({"x", "y", "z"}, kGraded, 10), 0.0);
  EXPECT_EQ(ndcg_at({}, kGraded, 10), 0.0);
  EXPECT_EQ(recall_at({"x", "y", "z"}, kGraded, 20), 0.0);
  // A query without any relevant activity scores 0 too (never NaN).
  EXPECT_EQ(ndcg_at({"a"}, {{"a", 0}}, 10), 0.0);
  EXPECT_EQ(recall_at({"a"}, {}, 20), 0.0);
}

TEST(RelevanceMetricsTest, IdealUsesAllJudgmentsAndCutsAtK) {
  // Only the top k ideal gains count: one grade-3 hit of two possible at k = 1 is perfect.
  EXPECT_DOUBLE_EQ(ndcg_at({"a"}, {{"a", 3}, {"b", 3}}, 1), 1.0);
  // A relevant activity below rank k adds nothing.
  EXPECT_EQ(ndcg_at({"x", "a"}, {{"a", 3}}, 1), 0.0);
  // Judged but not retrieved lowers the score.
  EXPECT_LT(ndcg_at({"a"}, kGraded, 10), 1.0);
}

TEST(RelevanceMetricsTest, RepeatedIdsCountOnce) {
  EXPECT_DOUBLE_EQ(ndcg_at({"a", "a", "a"}, {{"a", 3}, {"b", 3}}, 10), ndcg_at({"a"}, {{"a", 3}, {"b", 3}}, 10));
  EXPECT_DOUBLE_EQ(recall_at({"a", "a"}, {{"a", 1}, {"b", 1}}, 20), 0.5);
}

TEST(RelevanceMetricsTest, RecallCountsGradeOneAndAboveOnly) {
  // z is judged 0: finding it does not count, and it is not in the denominator.
  EXPECT_DOUBLE_EQ(recall_at({"z", "c"}, kGraded, 20), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(recall_at({"a", "b", "c", "z"}, kGraded, 20), 1.0);
  // Only the first k ids count.
  EXPECT_DOUBLE_EQ(recall_at({"x", "a", "b"}, kGraded, 2), 1.0 / 3.0);
}

class FixedEngine : public Engine {
 public:
  FixedEngine(std::string name, std::map<std::string, Ids> answers) : name_(std::move(name)), answers_(std::move(answers)) {}
  std::string name() const override { return name_; }
  std::vector<std::string> search(const Query& query, size_t) override { return answers_[query.id]; }

 private:
  std::string name_;
  std::map<std::string, Ids> answers_;
};

TEST(RelevanceMetricsTest, EvaluateAveragesPerCategoryAndOverall) {
  const std::vector<Query> queries = {
      {"e1", "exact", "x", {}, {{"a", 3}}},
      {"e2", "exact", "y", {}, {{"b", 3}}},
      {"n1", "natural", "z", {}, {{"c", 2}}},
      {"o1", "other", "w", {}, {{"d", 1}}},
  };
  FixedEngine good("good", {{"e1", {"a"}}, {"e2", {"b"}}, {"n1", {"c"}}, {"o1", {"d"}}});
  FixedEngine half("half", {{"e1", {"a"}}, {"e2", {"x"}}, {"n1", {}}, {"o1", {"d"}}});
  const Evaluation ev = evaluate(queries, {&good, &half});

  ASSERT_EQ(ev.engines, (Ids{"good", "half"}));
  ASSERT_EQ(ev.outcomes.size(), 4u);
  ASSERT_EQ(ev.categories.size(), 3u);  // known ones first, unknown ones after
  EXPECT_EQ(ev.categories[0].category, "exact");
  EXPECT_EQ(ev.categories[0].queries, 2u);
  EXPECT_DOUBLE_EQ(ev.categories[0].ndcg[0], 1.0);
  EXPECT_DOUBLE_EQ(ev.categories[0].ndcg[1], 0.5);
  EXPECT_EQ(ev.categories[1].category, "natural");
  EXPECT_DOUBLE_EQ(ev.categories[1].recall[1], 0.0);
  EXPECT_EQ(ev.categories[2].category, "other");
  EXPECT_EQ(ev.overall.queries, 4u);
  EXPECT_DOUBLE_EQ(ev.overall.ndcg[0], 1.0);
  EXPECT_DOUBLE_EQ(ev.overall.ndcg[1], 0.5);  // mean over queries, not categories
  EXPECT_DOUBLE_EQ(ev.overall.recall[1], 0.5);
}

TEST(RelevanceMetricsTest, EvaluateNamesTheQueryWhenAnEngineFails) {
  class Failing : public Engine {
   public:
    std::string name() const override { return "failing"; }
    std::vector<std::string> search(const Query&, size_t) override { throw std::runtime_error("boom"); }
  } failing;
  const std::vector<Query> queries = {{"q-7", "exact", "x", {}, {}}};
  try {
    evaluate(queries, {&failing});
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("q-7"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("boom"), std::string::npos) << e.what();
  }
}

TEST(RelevanceQueriesTest, LoadsTheFixtureFile) {
  const auto queries =
      load_queries((std::filesystem::path(PORTAL_SOURCE_DIR) / "tests/eval/data/queries.json").string());
  ASSERT_GE(queries.size(), 5u);
  EXPECT_EQ(queries[0].id, "exact-01");
  EXPECT_EQ(queries[0].category, "exact");
  EXPECT_EQ(queries[0].q, "petanque");
  EXPECT_EQ(queries[0].judgments.at("boule-klubben-sir-petanque"), 3);
  bool has_params = false;
  for (const auto& q : queries) has_params = has_params || !q.params.empty();
  EXPECT_TRUE(has_params);
}

TEST(RelevanceQueriesTest, ParsesParamsAsUrlStrings) {
  const auto queries = parse_queries(json::parse(R"({"queries": [{"id": "g", "category": "geographic",
      "params": {"postcode": "7500", "radius_km": 10, "free": true}, "judgments": {"a": 2}}]})"));
  ASSERT_EQ(queries.size(), 1u);
  EXPECT_EQ(queries[0].q, "");
  EXPECT_EQ(queries[0].params.at("postcode"), "7500");
  EXPECT_EQ(queries[0].params.at("radius_km"), "10");
  EXPECT_EQ(queries[0].params.at("free"), "true");
}

TEST(RelevanceQueriesTest, RejectsMalformedFilesNamingTheQuery) {
  const char* bad[] = {
      R"([])",
      R"({"queries": [{"category": "exact", "judgments": {}}]})",
      R"({"queries": [{"id": "x1", "judgments": {}}]})",
      R"({"queries": [{"id": "x1", "category": "exact"}]})",
      R"({"queries": [{"id": "x1", "category": "exact", "judgments": {"a": 4}}]})",
      R"({"queries": [{"id": "x1", "category": "exact", "judgments": {"a": "3"}}]})",
      R"({"queries": [{"id": "x1", "category": "exact", "params": {"day": ["mon"]}, "judgments": {}}]})",
      R"({"queries": [{"id": "x1", "category": "exact", "judgments": {}},
                      {"id": "x1", "category": "exact", "judgments": {}}]})",
  };
  for (const char* text : bad) {
    EXPECT_THROW(parse_queries(json::parse(text)), std::runtime_error) << text;
  }
  try {
    parse_queries(json::parse(R"({"queries": [{"id": "x1", "category": "exact", "judgments": {"a": 9}}]})"));
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("x1"), std::string::npos) << e.what();
  }
  EXPECT_THROW(load_queries("/nonexistent/queries.json"), std::runtime_error);
}

}  // namespace
}  // namespace portal::eval
