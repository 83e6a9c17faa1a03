#include "eval/relevance.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <stdexcept>

namespace portal::eval {
namespace {

using nlohmann::json;

const std::vector<std::string>& known_categories() {
  static const std::vector<std::string> v = {"exact",    "inflected", "compound",   "misspelt",
                                             "synonym",  "filtered",  "geographic", "natural"};
  return v;
}

[[noreturn]] void bad(const std::string& where, const std::string& what) {
  throw std::runtime_error("relevance queries: " + where + ": " + what);
}

std::string text_field(const json& j, const char* key, const std::string& where, bool required) {
  if (!j.contains(key)) {
    if (required) bad(where, std::string("missing \"") + key + "\"");
    return {};
  }
  if (!j.at(key).is_string()) bad(where, std::string("\"") + key + "\" must be a string");
  return j.at(key).get<std::string>();
}

// A URL parameter value: strings as they are, numbers and booleans as their JSON text.
std::string param_value(const json& v, const std::string& where) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number() || v.is_boolean()) return v.dump();
  bad(where, "parameter values must be strings");
}

double log2_discount(size_t rank0) { return std::log2(static_cast<double>(rank0) + 2.0); }

int grade(const std::map<std::string, int>& judgments, const std::string& id) {
  const auto it = judgments.find(id);
  return it == judgments.end() ? 0 : it->second;
}

// The first k distinct ids of a ranking.
std::vector<std::string> top_distinct(const std::vector<std::string>& ranking, size_t k) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& id : ranking) {
    if (out.size() >= k) break;
    if (seen.insert(id).second) out.push_back(id);
  }
  return out;
}

void add_to(Score& s, const QueryOutcome& o) {
  if (s.ndcg.empty()) s.ndcg = s.recall = s.millis = std::vector<double>(o.runs.size(), 0.0);
  ++s.queries;
  for (size_t e = 0; e < o.runs.size(); ++e) {
    s.ndcg[e] += o.runs[e].ndcg;
    s.recall[e] += o.runs[e].recall;
    s.millis[e] += o.runs[e].millis;
  }
}

void finish(Score& s) {
  for (auto* v : {&s.ndcg, &s.recall, &s.millis}) {
    for (double& x : *v) x /= static_cast<double>(std::max<size_t>(s.queries, 1));
  }
}

}  // namespace

std::vector<Query> parse_queries(const json& doc) {
  if (!doc.is_object() || !doc.contains("queries") || !doc.at("queries").is_array()) {
    bad("file", "expected {\"queries\": [...]}");
  }
  std::vector<Query> out;
  std::set<std::string> ids;
  for (size_t i = 0; i < doc.at("queries").size(); ++i) {
    const json& j = doc.at("queries")[i];
    std::string where = "queries[" + std::to_string(i) + "]";
    if (!j.is_object()) bad(where, "must be an object");
    Query q;
    q.id = text_field(j, "id", where, true);
    where += " (" + q.id + ")";
    if (!ids.insert(q.id).second) bad(where, "duplicate id");
    q.category = text_field(j, "category", where, true);
    q.q = text_field(j, "q", where, false);
    if (j.contains("params")) {
      if (!j.at("params").is_object()) bad(where, "\"params\" must be an object");
      for (const auto& [key, value] : j.at("params").items()) {
        q.params[key] = param_value(value, where + " params." + key);
      }
    }
    if (!j.contains("judgments") || !j.at("judgments").is_object()) {
      bad(where, "\"judgments\" must be an object of activity id -> grade");
    }
    for (const auto& [id, value] : j.at("judgments").items()) {
      if (!value.is_number_integer() || value.get<int>() < 0 || value.get<int>() > 3) {
        bad(where, "judgment of " + id + " must be an integer 0-3");
      }
      q.judgments[id] = value.get<int>();
    }
    out.push_back(std::move(q));
  }
  return out;
}

std::vector<Query> load_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("relevance queries: cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  json doc;
  try {
    doc = json::parse(buffer.str());
  } catch (const json::parse_error& e) {
    throw std::runtime_error("relevance queries: " + path + " is not JSON: " + e.what());
  }
  return parse_queries(doc);
}

double ndcg_at(const std::vector<std::string>& ranking, const std::map<std::string, int>& judgments,
               size_t k) {
  std::vector<int> ideal;
  for (const auto& [id, g] : judgments) {
    if (g > 0) ideal.push_back(g);
  }
  std::sort(ideal.begin(), ideal.end(), std::greater<>());
  double idcg = 0;
  for (size_t i = 0; i < ideal.size() && i < k; ++i) idcg += (std::exp2(ideal[i]) - 1) / log2_discount(i);
  if (idcg == 0) return 0;

  double dcg = 0;
  const auto top = top_distinct(ranking, k);
  for (size_t i = 0; i < top.size(); ++i) dcg += (std::exp2(grade(judgments, top[i])) - 1) / log2_discount(i);
  return dcg / idcg;
}

double recall_at(const std::vector<std::string>& ranking, const std::map<std::string, int>& judgments,
                 size_t k) {
  size_t relevant = 0;
  for (const auto& [id, g] : judgments) relevant += g >= 1 ? 1 : 0;
  if (relevant == 0) return 0;
  size_t found = 0;
  for (const auto& id : top_distinct(ranking, k)) found += grade(judgments, id) >= 1 ? 1 : 0;
  return static_cast<double>(found) / static_cast<double>(relevant);
}

Evaluation evaluate(const std::vector<Query>& queries, const std::vector<Engine*>& engines) {
  Evaluation ev;
  for (const Engine* e : engines) ev.engines.push_back(e->name());
  for (const Query& q : queries) {
    QueryOutcome o;
    o.query = &q;
    for (Engine* e : engines) {
      EngineRun run;
      const auto start = std::chrono::steady_clock::now();
      try {
        run.ids = e->search(q, kRecallDepth);
      } catch (const std::exception& ex) {
        throw std::runtime_error("query " + q.id + " on " + e->name() + ": " + ex.what());
      }
      run.millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      if (run.ids.size() > kRecallDepth) run.ids.resize(kRecallDepth);
      run.ndcg = ndcg_at(run.ids, q.judgments, kNdcgDepth);
      run.recall = recall_at(run.ids, q.judgments, kRecallDepth);
      o.runs.push_back(std::move(run));
    }
    ev.outcomes.push_back(std::move(o));
  }

  std::vector<std::string> order = known_categories();
  std::set<std::string> others;
  for (const Query& q : queries) {
    if (std::find(order.begin(), order.end(), q.category) == order.end()) others.insert(q.category);
  }
  order.insert(order.end(), others.begin(), others.end());
  for (const auto& category : order) {
    Score s;
    s.category = category;
    for (const auto& o : ev.outcomes) {
      if (o.query->category == category) add_to(s, o);
    }
    if (s.queries == 0) continue;
    finish(s);
    ev.categories.push_back(std::move(s));
  }
  ev.overall.category = "overall";
  ev.overall.ndcg = ev.overall.recall = ev.overall.millis = std::vector<double>(engines.size(), 0.0);
  for (const auto& o : ev.outcomes) add_to(ev.overall, o);
  finish(ev.overall);
  return ev;
}

}  // namespace portal::eval
