#include "eval/engines.h"

#include <charconv>
#include <cerrno>
#include <cstdlib>
#include <system_error>

#include "indexer/index_sync.h"
#include "search/index.h"

namespace portal::eval {
namespace {

// A PostgreSQL array literal ({"a","b"}) for a bound text[] parameter.
std::string pg_array(const std::vector<std::string>& values) {
  std::string out = "{";
  for (const auto& v : values) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : v) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

// Statement text plus its bound values; bind() returns the placeholder of a new value.
struct Statement {
  std::string sql;
  std::vector<std::string> values;
  std::string bind(std::string value) {
    values.push_back(std::move(value));
    return "$" + std::to_string(values.size());
  }
  void where(const std::string& condition) {
    sql += (conditions++ == 0 ? " WHERE " : " AND ") + condition;
  }
  int conditions = 0;
};

// Shortest text that reads back as the same double.
std::string number(double v) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, ec == std::errc() ? end : buf);
}

// The start time of a schedule entry (jsonb `e`) as a vocabulary time-of-day code, as
// core::time_of_day does it ("HH:MM" strings compare like times).
constexpr const char* kTimeOfDay =
    "CASE WHEN e->>'start' < '12:00' THEN 'morning' WHEN e->>'start' < '17:00' THEN 'afternoon' "
    "ELSE 'evening' END";

// Xapian::GreatCircleMetric's default radius, so the radius filter agrees with the portal's.
constexpr const char* kEarthRadiusKm = "6372.7976";

// The portal's hard filters (search/query_builder.cpp filter_query() and the radius filter of
// the searcher) as SQL conditions on `activities a`.
void add_filters(Statement& st, const search::SearchRequest& r) {
  if (!r.interests.empty()) st.where("a.interests && " + st.bind(pg_array(r.interests)) + "::text[]");
  if (!r.targets.empty()) st.where("a.target_groups && " + st.bind(pg_array(r.targets)) + "::text[]");
  if (!r.transport.empty()) st.where("a.transport @> " + st.bind(pg_array(r.transport)) + "::text[]");
  if (!r.accessibility.empty()) {
    st.where("a.accessibility @> " + st.bind(pg_array(r.accessibility)) + "::text[]");
  }
  if (!r.municipalities.empty()) {
    st.where("a.municipality::text = ANY(" + st.bind(pg_array(r.municipalities)) + "::text[])");
  }
  if (r.postcode && !r.radius_km) st.where("a.postcode::text = " + st.bind(*r.postcode));
  if (r.centre && r.radius_km) {
    const std::string lat = st.bind(number(r.centre->lat)) + "::float8";
    const std::string lon = st.bind(number(r.centre->lon)) + "::float8";
    st.where(std::string("2 * ") + kEarthRadiusKm + " * asin(least(1, sqrt(power(sin(radians(a.lat - " + lat +
             ") / 2), 2) + cos(radians(" + lat + ")) * cos(radians(a.lat)) * power(sin(radians(a.lon - " + lon +
             ") / 2), 2)))) <= " + st.bind(number(*r.radius_km)) + "::float8");
  }
  std::string when;
  if (!r.days.empty()) when += "e->>'weekday' = ANY(" + st.bind(pg_array(r.days)) + "::text[])";
  if (!r.times_of_day.empty()) {
    if (!when.empty()) when += " AND ";
    when += std::string(kTimeOfDay) + " = ANY(" + st.bind(pg_array(r.times_of_day)) + "::text[])";
  }
  if (!when.empty()) {
    st.where("EXISTS (SELECT 1 FROM jsonb_array_elements(a.doc->'schedule') AS s(e) WHERE " + when + ")");
  }
  if (r.free_only) st.where("a.price_dkk = 0");
}

std::filesystem::path make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "portal-relevance-XXXXXX").string();
  if (!mkdtemp(pattern.data())) {
    throw std::system_error(errno, std::generic_category(), "cannot create a temporary folder");
  }
  return pattern;
}

}  // namespace

core::LocalTime evaluation_time() { return {core::from_ymd({2026, 11, 23}), 10 * 60}; }

search::SearchRequest request_for(const Query& query, size_t k, const core::Vocabulary& vocabulary,
                                  const core::Geo& geo) {
  search::SearchParams params = query.params;
  params["q"] = query.q;
  params["per_page"] = std::to_string(k);
  return search::parse_search_request(params, vocabulary, geo);
}

// --- PortalEngine ------------------------------------------------------------------------------

PortalEngine::PortalEngine(store::ListingStore& store, const core::Vocabulary& vocabulary, const core::Geo& geo)
    : vocabulary_(vocabulary), geo_(geo), dir_(make_temp_dir()) {
  try {
    const search::IndexDirectory index(dir_ / "index");
    indexed_ = indexer::rebuild(store, index, vocabulary_);
    searcher_ = std::make_unique<search::Searcher>(index, vocabulary_, 1);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
    throw;
  }
}

PortalEngine::~PortalEngine() {
  searcher_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::vector<std::string> PortalEngine::search(const Query& query, size_t k) {
  const nlohmann::json answer = searcher_->search(request_for(query, k, vocabulary_, geo_), evaluation_time());
  std::vector<std::string> ids;
  for (const auto& result : answer.at("results")) ids.push_back(result.at("id").get<std::string>());
  return ids;
}

// --- PostgresEngine ----------------------------------------------------------------------------

PostgresEngine::PostgresEngine(const std::string& database_url, const core::Vocabulary& vocabulary,
                               const core::Geo& geo)
    : vocabulary_(vocabulary), geo_(geo), conn_(database_url) {
  nlohmann::json labels = nlohmann::json::object();
  for (const auto& code : vocabulary_.codes(core::CodeKind::interest)) {
    labels[code] = vocabulary_.label_da(core::CodeKind::interest, code);
  }
  pqxx::work t(conn_);
  t.exec0("DROP TABLE IF EXISTS pg_temp.eval_fts");
  t.exec0("CREATE TEMP TABLE eval_fts (id text PRIMARY KEY, tsv tsvector NOT NULL)");
  t.exec_params0(
      "INSERT INTO eval_fts "
      "SELECT a.id, "
      "  setweight(to_tsvector('danish', a.title), 'A') || "
      "  setweight(to_tsvector('danish', coalesce((SELECT string_agg(l.label, '. ') "
      "      FROM unnest(a.interests) AS c(code) JOIN jsonb_each_text($1::jsonb) AS l(code, label) "
      "      ON l.code = c.code), '')), 'B') || "
      "  setweight(to_tsvector('danish', concat_ws(' ', a.description, s.name, "
      "      a.doc->'location'->>'name', a.doc->'location'->>'city')), 'C') "
      "FROM activities a JOIN associations s ON s.id = a.association_id",
      labels.dump());
  t.exec0("CREATE INDEX eval_fts_tsv ON eval_fts USING gin (tsv)");
  t.commit();
  pqxx::nontransaction n(conn_);
  n.exec0("ANALYZE eval_fts");
}

std::vector<std::string> PostgresEngine::search(const Query& query, size_t k) {
  const search::SearchRequest r = request_for(query, k, vocabulary_, geo_);
  pqxx::nontransaction t(conn_);

  // Lexemes of the text: none (no text condition), one, or several (AND, then OR on no hits).
  int lexemes = 0;
  bool several = false;
  if (!r.q.empty()) {
    const pqxx::row row = t.exec_params1(
        "SELECT numnode(q), q::text LIKE '%&%' FROM plainto_tsquery('danish', $1) AS q", r.q);
    lexemes = row[0].as<int>();
    several = row[1].as<bool>();
  }

  auto run = [&](bool any_word) {
    Statement st;
    st.sql = "SELECT f.id FROM eval_fts f JOIN activities a ON a.id = f.id";
    std::string order = "f.id";
    if (lexemes > 0) {
      const std::string q = st.bind(r.q);
      const std::string tsquery = any_word
                                      ? "replace(plainto_tsquery('danish', " + q + ")::text, '&', '|')::tsquery"
                                      : "plainto_tsquery('danish', " + q + ")";
      st.where("f.tsv @@ " + tsquery);
      order = "ts_rank(f.tsv, " + tsquery + ") DESC, f.id";
    }
    add_filters(st, r);
    st.sql += " ORDER BY " + order + " LIMIT " + st.bind(std::to_string(k)) + "::int";
    std::vector<std::string> ids;
    for (const auto& row : t.exec_params(st.sql, pqxx::prepare::make_dynamic_params(st.values))) {
      ids.push_back(row[0].as<std::string>());
    }
    return ids;
  };

  std::vector<std::string> ids = run(false);
  if (ids.empty() && several) ids = run(true);
  return ids;
}

}  // namespace portal::eval
