#include "bench/pg_fts.h"

#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/geo.h"

namespace portal::bench {
namespace {

// One row per public activity, with the text the portal indexes (search/document.cpp): the
// title, the interests' Danish labels, and the body (description, association name, place
// name, city, schedule and price notes, target groups' labels). Days and times of day as the
// portal derives them from the schedule (core::time_of_day: before 12:00 morning, before 17:00
// afternoon, else evening).
constexpr const char* kSourceView = R"SQL(
CREATE OR REPLACE VIEW bench_fts.source AS
SELECT a.id,
       a.title,
       coalesce((SELECT string_agg(l.label, '. ' ORDER BY l.label) FROM unnest(a.interests) c
                 JOIN bench_fts.labels l ON l.kind = 'interest' AND l.code = c), '') AS interest_text,
       concat_ws(' ', a.description, s.name, a.doc->'location'->>'name', a.doc->'location'->>'city',
                 a.doc->>'schedule_note', a.doc->>'price_note',
                 (SELECT string_agg(l.label, '. ') FROM unnest(a.target_groups) c
                  JOIN bench_fts.labels l ON l.kind = 'target' AND l.code = c)) AS body,
       a.interests, a.target_groups, a.transport, a.accessibility,
       a.municipality::text AS municipality, a.postcode::text AS postcode,
       coalesce(sch.days, '{}') AS days, coalesce(sch.times, '{}') AS times,
       coalesce(sch.day_times, '{}') AS day_times,
       coalesce(a.price_dkk = 0, false) AS free,
       a.lat, a.lon
FROM activities a
JOIN associations s ON s.id = a.association_id
LEFT JOIN LATERAL (
  SELECT array_agg(DISTINCT e.day) AS days, array_agg(DISTINCT e.tod) AS times,
         array_agg(DISTINCT e.day || ':' || e.tod) AS day_times
  FROM (SELECT x->>'weekday' AS day,
               CASE WHEN x->>'start' < '12:00' THEN 'morning'
                    WHEN x->>'start' < '17:00' THEN 'afternoon' ELSE 'evening' END AS tod
        FROM jsonb_array_elements(coalesce(a.doc->'schedule', '[]'::jsonb)) x) e
) sch ON true
WHERE a.review_status = 'public'
)SQL";

constexpr const char* kListings = R"SQL(
CREATE TABLE bench_fts.listings AS
SELECT id,
       setweight(to_tsvector('danish', title), 'A') ||
       setweight(to_tsvector('danish', interest_text), 'B') ||
       setweight(to_tsvector('danish', body), 'C') AS tsv,
       interests, target_groups, transport, accessibility, municipality, postcode,
       days, times, day_times, free, lat, lon, point(lon, lat) AS pt
FROM bench_fts.source
)SQL";

constexpr const char* kIndexes[] = {
    "ALTER TABLE bench_fts.listings ADD PRIMARY KEY (id)",
    "CREATE INDEX listings_tsv_idx ON bench_fts.listings USING gin (tsv)",
    "CREATE INDEX listings_interests_idx ON bench_fts.listings USING gin (interests)",
    "CREATE INDEX listings_targets_idx ON bench_fts.listings USING gin (target_groups)",
    "CREATE INDEX listings_transport_idx ON bench_fts.listings USING gin (transport)",
    "CREATE INDEX listings_accessibility_idx ON bench_fts.listings USING gin (accessibility)",
    "CREATE INDEX listings_days_idx ON bench_fts.listings USING gin (days)",
    "CREATE INDEX listings_times_idx ON bench_fts.listings USING gin (times)",
    "CREATE INDEX listings_day_times_idx ON bench_fts.listings USING gin (day_times)",
    "CREATE INDEX listings_municipality_idx ON bench_fts.listings (municipality)",
    "CREATE INDEX listings_postcode_idx ON bench_fts.listings (postcode)",
    "CREATE INDEX listings_pt_idx ON bench_fts.listings USING gist (pt)",
    "ANALYZE bench_fts.listings",
};

// A PostgreSQL array literal of codes (vocabulary codes: [a-z0-9_], no quoting needed, but
// quote anyway so that the literal is right for any text).
std::string array_literal(const std::vector<std::string>& values) {
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

std::string number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

}  // namespace

void ensure_fts_source(pqxx::connection& conn, const core::Vocabulary& vocabulary) {
  pqxx::work t(conn);
  t.exec0("CREATE SCHEMA IF NOT EXISTS bench_fts");
  t.exec0("CREATE TABLE IF NOT EXISTS bench_fts.labels (kind text, code text, label text NOT NULL, "
          "PRIMARY KEY (kind, code))");
  for (const auto& [kind, name] : {std::pair{core::CodeKind::interest, "interest"},
                                   std::pair{core::CodeKind::target_group, "target"}}) {
    for (const auto& code : vocabulary.codes(kind)) {
      t.exec_params0("INSERT INTO bench_fts.labels (kind, code, label) VALUES ($1, $2, $3) "
                     "ON CONFLICT (kind, code) DO UPDATE SET label = excluded.label",
                     name, code, vocabulary.label_da(kind, code));
    }
  }
  t.exec0(kSourceView);
  t.commit();
}

FtsSetup setup_fts(pqxx::connection& conn, const core::Vocabulary& vocabulary) {
  const auto start = std::chrono::steady_clock::now();
  ensure_fts_source(conn, vocabulary);
  pqxx::work t(conn);
  t.exec0("DROP TABLE IF EXISTS bench_fts.listings");
  t.exec0(kListings);
  for (const char* sql : kIndexes) t.exec0(sql);
  FtsSetup s;
  s.rows = t.exec1("SELECT count(*) FROM bench_fts.listings")[0].as<long>();
  t.commit();
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return s;
}

SqlQuery fts_query(const search::SearchRequest& r) {
  SqlQuery out;
  auto param = [&](std::string value) {
    out.params.push_back(std::move(value));
    return "$" + std::to_string(out.params.size());
  };
  const bool has_text = r.q.find_first_not_of(" \t") != std::string::npos;
  std::string from = "bench_fts.listings";
  std::string score = "0::real";
  std::vector<std::string> where;
  if (has_text) {
    from += ", websearch_to_tsquery('danish', " + param(r.q) + ") AS query";
    score = "ts_rank(tsv, query)";
    where.push_back("tsv @@ query");
  }
  std::string distance = "NULL::float8";
  if (r.centre) {
    const std::string lat = param(number(r.centre->lat)) + "::float8";
    const std::string lon = param(number(r.centre->lon)) + "::float8";
    distance = "2 * " + number(core::kEarthRadiusKm) + " * asin(least(1, sqrt(power(sin(radians(lat - " + lat +
               ") / 2), 2) + cos(radians(" + lat + ")) * cos(radians(lat)) * power(sin(radians(lon - " + lon +
               ") / 2), 2))))";
    if (r.radius_km) {
      // Bounding box (GiST on pt) first, then the exact great-circle distance.
      const double dlat = *r.radius_km / (core::kEarthRadiusKm * M_PI / 180.0);
      const double edge = std::min(89.0, std::abs(r.centre->lat) + dlat);
      const double dlon = std::min(180.0, dlat / std::cos(edge * M_PI / 180.0));
      where.push_back("pt <@ box(point(" + param(number(r.centre->lon - dlon)) + "::float8, " +
                      param(number(r.centre->lat - dlat)) + "::float8), point(" +
                      param(number(r.centre->lon + dlon)) + "::float8, " + param(number(r.centre->lat + dlat)) +
                      "::float8))");
      where.push_back(distance + " <= " + param(number(*r.radius_km)) + "::float8");
    }
  }
  if (!r.interests.empty()) where.push_back("interests && " + param(array_literal(r.interests)) + "::text[]");
  if (!r.targets.empty()) where.push_back("target_groups && " + param(array_literal(r.targets)) + "::text[]");
  if (!r.transport.empty()) where.push_back("transport @> " + param(array_literal(r.transport)) + "::text[]");
  if (!r.accessibility.empty()) {
    where.push_back("accessibility @> " + param(array_literal(r.accessibility)) + "::text[]");
  }
  if (!r.municipalities.empty()) {
    where.push_back("municipality = ANY (" + param(array_literal(r.municipalities)) + "::text[])");
  }
  if (r.postcode && !r.radius_km) where.push_back("postcode = " + param(*r.postcode));
  if (!r.days.empty() && !r.times_of_day.empty()) {
    std::vector<std::string> combined;
    for (const auto& d : r.days) {
      for (const auto& t : r.times_of_day) combined.push_back(d + ":" + t);
    }
    where.push_back("day_times && " + param(array_literal(combined)) + "::text[]");
  } else if (!r.days.empty()) {
    where.push_back("days && " + param(array_literal(r.days)) + "::text[]");
  } else if (!r.times_of_day.empty()) {
    where.push_back("times && " + param(array_literal(r.times_of_day)) + "::text[]");
  }
  if (r.free_only) where.push_back("free");

  // The portal's orders: relevance; distance; with no text and a place, nearest first. Its
  // "next occurrence" order (sort=next, or no text and no place) is approximated by id.
  std::string order = "id";
  if (r.sort == search::SortOrder::distance || (r.sort == search::SortOrder::relevance && !has_text && r.centre)) {
    order = "dist, id";
  } else if (r.sort == search::SortOrder::relevance && has_text) {
    order = "score DESC, id";
  }
  std::string condition;
  for (const auto& w : where) condition += (condition.empty() ? "" : "\n    AND ") + w;
  if (condition.empty()) condition = "true";

  out.sql = "WITH m AS MATERIALIZED (\n  SELECT id, interests, transport, municipality, " + score + " AS score, " +
            distance + " AS dist\n  FROM " + from + "\n  WHERE " + condition +
            "\n)\nSELECT 'r' AS part, p.id AS key, NULL::bigint AS n FROM (SELECT id FROM m ORDER BY " + order +
            " LIMIT " + std::to_string(r.per_page) + " OFFSET " + std::to_string((r.page - 1) * r.per_page) +
            ") p\n"
            "UNION ALL SELECT 't', NULL, count(*) FROM m\n"
            "UNION ALL SELECT 'i', c, count(*) FROM m, unnest(m.interests) c GROUP BY c\n"
            "UNION ALL SELECT 'x', c, count(*) FROM m, unnest(m.transport) c GROUP BY c\n"
            "UNION ALL SELECT 'm', municipality, count(*) FROM m GROUP BY municipality";
  return out;
}

FtsAnswer run_fts(pqxx::connection& conn, const search::SearchRequest& r) {
  const SqlQuery q = fts_query(r);
  pqxx::nontransaction t(conn);
  const pqxx::result rows = t.exec_params(q.sql, pqxx::prepare::make_dynamic_params(q.params));
  FtsAnswer a;
  for (const auto& row : rows) {
    const std::string part = row[0].c_str();
    if (part == "r") {
      a.ids.push_back(row[1].c_str());
    } else if (part == "t") {
      a.total = row[2].as<long>();
    } else {
      const char* facet = part == "i" ? "interest" : part == "x" ? "transport" : "municipality";
      a.facets[facet][row[1].c_str()] = row[2].as<long>();
    }
  }
  return a;
}

}  // namespace portal::bench
