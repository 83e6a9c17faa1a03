// Offline relevance evaluation: a judged query set (data/relevance/queries.json), the two
// metrics (nDCG@10, recall@20) and a runner that scores any number of search engines on it,
// per query, per category and overall.
//
// Query file format:
//   {"queries": [{"id": "exact-01", "category": "exact", "q": "petanque",
//                 "params": {"municipality": "0661"}, "judgments": {"<activity id>": 3}}]}
// Grades are 0-3; an activity without a judgment has grade 0.
//
// Thread-safety: the functions are pure; evaluate() calls the engines from the calling thread.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "search/request.h"

namespace portal::eval {

struct Query {
  std::string id;
  std::string category;
  std::string q;
  search::SearchParams params;            // other search parameters, as in a URL
  std::map<std::string, int> judgments;  // activity id -> grade 0..3
};

// Parses a query file's content / reads and parses a file. Throws std::runtime_error naming
// the query and field when the content does not follow the format above.
std::vector<Query> parse_queries(const nlohmann::json& doc);
std::vector<Query> load_queries(const std::string& path);

// nDCG@k: gains 2^grade - 1, discount log2(rank + 1), normalised by the ideal ordering of all
// judgments. A ranked id seen before counts once. 0 when the query has no grade above 0.
double ndcg_at(const std::vector<std::string>& ranking, const std::map<std::string, int>& judgments,
               size_t k);

// recall@k: share of the activities graded >= 1 that appear in the first k ids. 0 when the
// query has none.
double recall_at(const std::vector<std::string>& ranking, const std::map<std::string, int>& judgments,
                 size_t k);

inline constexpr size_t kNdcgDepth = 10;
inline constexpr size_t kRecallDepth = 20;

// A search engine under evaluation: the ids of its best `k` activities for a query, best first.
class Engine {
 public:
  virtual ~Engine() = default;
  virtual std::string name() const = 0;
  virtual std::vector<std::string> search(const Query& query, size_t k) = 0;
};

// One engine's answer to one query.
struct EngineRun {
  std::vector<std::string> ids;  // at most kRecallDepth
  double ndcg = 0;
  double recall = 0;
  double millis = 0;  // wall time of Engine::search
};

struct QueryOutcome {
  const Query* query = nullptr;
  std::vector<EngineRun> runs;  // one per engine, in the order given to evaluate()
};

// Means over a group of queries, one entry per engine.
struct Score {
  std::string category;  // "overall" for the row over all queries
  size_t queries = 0;
  std::vector<double> ndcg;
  std::vector<double> recall;
  std::vector<double> millis;
};

struct Evaluation {
  std::vector<std::string> engines;
  std::vector<QueryOutcome> outcomes;  // in query-file order
  std::vector<Score> categories;       // the known categories first, in the order of the format
  Score overall;                       // mean over all queries (not over categories)
};

// Runs every query on every engine. `queries` must outlive the result. Throws
// std::runtime_error naming the query and engine when an engine throws.
Evaluation evaluate(const std::vector<Query>& queries, const std::vector<Engine*>& engines);

}  // namespace portal::eval
