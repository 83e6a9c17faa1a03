#include "store/stats_store.h"

#include <cstdio>
#include <map>

#include "store/audit.h"
#include "store/staff_detail.h"

namespace portal::store {
namespace {


// One table's contribution to Counts: what to count, by which date, municipality and team.
struct Source {
  std::string from;
  std::string date;
  std::string municipality;
  std::string team;
  std::string aggregates;
  void (*apply)(Counts&, const pqxx::row&);  // reads the aggregates from column 1 on
};

std::string copenhagen(const std::string& column) {
  return "(" + column + " AT TIME ZONE 'Europe/Copenhagen')::date";
}

std::string barrier_filters() {
  std::string out;
  for (const char* b : kBarriers) out += std::string(", count(*) FILTER (WHERE barrier = '") + b + "')";
  return out;
}

const std::vector<Source>& sources() {
  static const std::vector<Source> all = {
      {"tags", "date", "municipality", "team", "count(*), count(*) FILTER (WHERE conversation)",
       [](Counts& c, const pqxx::row& r) {
         c.tags += r[1].as<int64_t>();
         c.conversations += r[2].as<int64_t>();
       }},
      {"cards", copenhagen("created_at"), "municipality", "team", "count(*)",
       [](Counts& c, const pqxx::row& r) { c.cards += r[1].as<int64_t>(); }},
      {"card_views v JOIN cards k ON k.code = v.code", "v.day", "k.municipality", "k.team",
       "coalesce(sum(v.views), 0)::bigint", [](Counts& c, const pqxx::row& r) { c.card_views += r[1].as<int64_t>(); }},
      {"follow_ups", "due", "municipality", "team", "count(*)",
       [](Counts& c, const pqxx::row& r) { c.follow_ups_due += r[1].as<int64_t>(); }},
      {"follow_ups", copenhagen("completed_at"), "municipality", "team",
       "count(*), count(*) FILTER (WHERE outcome = 'went'), count(*) FILTER (WHERE outcome = 'not_yet'), "
       "count(*) FILTER (WHERE outcome = 'barrier')" + barrier_filters(),
       [](Counts& c, const pqxx::row& r) {
         c.follow_ups_done += r[1].as<int64_t>();
         c.went += r[2].as<int64_t>();
         c.not_yet += r[3].as<int64_t>();
         c.barrier += r[4].as<int64_t>();
         for (size_t i = 0; i < kBarriers.size(); ++i) c.barriers[i] += r[static_cast<int>(5 + i)].as<int64_t>();
       }},
      {"referrals", "date", "municipality", "team", "count(*), count(*) FILTER (WHERE status = 'matched')",
       [](Counts& c, const pqxx::row& r) {
         c.referrals += r[1].as<int64_t>();
         c.referrals_matched += r[2].as<int64_t>();
       }},
      {"screenings", "date", "municipality", "team",
       "count(*), count(*) FILTER (WHERE NOT excluded), count(*) FILTER (WHERE excluded), "
       "count(*) FILTER (WHERE lonely)",
       [](Counts& c, const pqxx::row& r) {
         c.screenings += r[1].as<int64_t>();
         c.answered += r[2].as<int64_t>();
         c.excluded += r[3].as<int64_t>();
         c.lonely += r[4].as<int64_t>();
       }},
  };
  return all;
}

enum class Grouping { total, month, team };

// Adds every source's counts of the query, grouped, into `out` (key "" for the total).
void count(pqxx::transaction_base& t, const StatsQuery& q, Grouping grouping, std::map<std::string, Counts>& out) {
  for (const auto& s : sources()) {
    const std::string key = grouping == Grouping::total ? "''"
                            : grouping == Grouping::month ? "to_char(" + s.date + ", 'YYYY-MM')"
                                                          : s.team;
    const auto rows = t.exec_params(
        "SELECT " + key + ", " + s.aggregates + " FROM " + s.from + " WHERE " + s.date +
            " BETWEEN DATE '1970-01-01' + $1::int AND DATE '1970-01-01' + $2::int AND ($3::text = '' OR " +
            s.municipality + " = $3::bpchar) AND ($4::text = '' OR " + s.team + " = $4) GROUP BY 1",
        q.from.days, q.to.days, q.municipality, q.team);
    for (const auto& r : rows) s.apply(out[r[0].as<std::string>()], r);
  }
}

std::string month_key(core::Ymd ymd) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u", ymd.year, ymd.month);
  return buffer;
}

}  // namespace

StatsStore::StatsStore(ConnectionPool& pool) : pool_(pool) {}

int64_t StatsStore::add_screening(const Account& account, const Screening& s) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    const auto unit = detail::unit_of(t, account.id);
    const auto id = t.exec_params1(
                         "INSERT INTO screenings (date, created_by, team, municipality, excluded, exclusion_reason, "
                         "lonely) VALUES (DATE '1970-01-01' + $1::int, $2, $3, $4, $5, $6, "
                         "CASE WHEN $5 THEN NULL ELSE $7::boolean END) RETURNING id",
                         s.date.days, account.id, unit.team, detail::or_null(unit.municipality), s.excluded,
                         s.excluded ? s.exclusion_reason.c_str() : nullptr, s.lonely)[0]
                        .as<int64_t>();
    audit(t, account, "screening.create", "screening", std::to_string(id));
    t.commit();
    return id;
  });
}

Stats StatsStore::stats(const StatsQuery& query) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::read_transaction t(conn);
    std::map<std::string, Counts> total, months, teams;
    count(t, query, Grouping::total, total);
    count(t, query, Grouping::month, months);
    count(t, query, Grouping::team, teams);
    Stats out;
    out.totals = total[""];
    const core::Ymd last = core::to_ymd(query.to);
    for (core::Ymd m = core::to_ymd(query.from); m.year < last.year || (m.year == last.year && m.month <= last.month);) {
      const std::string key = month_key(m);
      out.by_month.emplace_back(key, months[key]);
      if (++m.month > 12) {
        m.month = 1;
        ++m.year;
      }
    }
    for (auto& [team, counts] : teams) out.by_team.emplace_back(team, counts);
    return out;
  });
}

std::vector<SupplyDemand> StatsStore::supply_demand(const StatsQuery& q) {
  return with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::read_transaction t(conn);
    const std::string period =
        " BETWEEN DATE '1970-01-01' + $1::int AND DATE '1970-01-01' + $2::int AND ($3::text = '' OR municipality = "
        "$3::bpchar) ";
    const auto rows = t.exec_params(
        "WITH asked AS ("
        "  SELECT postcode, unnest(interests) AS interest FROM tags WHERE postcode IS NOT NULL AND date" + period +
        "  UNION ALL"
        "  SELECT postcode, unnest(interests) FROM referrals WHERE postcode IS NOT NULL AND date" + period +
        "), demand AS (SELECT postcode, interest, count(*) AS asked FROM asked GROUP BY 1, 2), "
        "rows AS (SELECT d.postcode, p.name, d.interest, d.asked, "
        "  (SELECT count(*) FROM activities a WHERE a.review_status = 'public' AND d.interest = ANY (a.interests) "
        "     AND 2 * 6371 * asin(least(1, sqrt(power(sin(radians(a.lat - p.lat) / 2), 2) + cos(radians(p.lat)) * "
        "     cos(radians(a.lat)) * power(sin(radians(a.lon - p.lon) / 2), 2)))) <= 10) AS offered, "
        "  (SELECT coalesce(sum(m.count), 0) FROM search_misses m WHERE m.municipality = p.municipality_code "
        "     AND m.day BETWEEN DATE '1970-01-01' + $1::int AND DATE '1970-01-01' + $2::int "
        "     AND d.interest = ANY (string_to_array(m.query, ','))) AS misses "
        "  FROM demand d JOIN postcodes p ON p.postcode = d.postcode) "
        "SELECT postcode, name, interest, asked, offered, misses::bigint FROM rows "
        "ORDER BY asked - offered DESC, postcode, interest",
        q.from.days, q.to.days, q.municipality);
    std::vector<SupplyDemand> out;
    for (const auto& r : rows) {
      out.push_back({r[0].as<std::string>(), r[1].as<std::string>(), r[2].as<std::string>(), r[3].as<int64_t>(),
                     r[4].as<int64_t>(), r[5].as<int64_t>()});
    }
    return out;
  });
}

void StatsStore::add_search_misses(const std::vector<SearchMiss>& misses) {
  if (misses.empty()) return;
  with_connection(pool_, [&](pqxx::connection& conn) {
    pqxx::work t(conn);
    for (const auto& m : misses) {
      t.exec_params(
          "INSERT INTO search_misses (day, municipality, query, count) VALUES (DATE '1970-01-01' + $1::int, $2, $3, "
          "$4) ON CONFLICT (day, municipality, query) DO UPDATE SET count = search_misses.count + EXCLUDED.count",
          m.day.days, m.municipality, m.query, m.count);
    }
    t.commit();
    return 0;
  });
}

}  // namespace portal::store
