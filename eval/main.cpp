// portal-relevance: scores the portal's search and PostgreSQL full-text search on the judged
// queries of data/relevance/queries.json (nDCG@10, recall@20 per category), over the same
// database. Exit status: 0 done, 1 the portal's overall nDCG@10 is below --min-ndcg, 2 error.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/errors.h"
#include "core/geo.h"
#include "core/listing_json.h"
#include "core/vocabulary.h"
#include "eval/engines.h"
#include "eval/relevance.h"
#include "indexer/importer.h"
#include "store/connection_pool.h"
#include "store/listing_store.h"
#include "store/migrations.h"

namespace {

using portal::eval::Evaluation;
using portal::eval::Score;

void print_row(const Score& s) {
  std::printf("%-12s %7zu %10.3f %10.3f %10.3f %10.3f\n", s.category.c_str(), s.queries, s.ndcg[0], s.ndcg[1],
              s.recall[0], s.recall[1]);
}

void print_table(const Evaluation& ev) {
  std::printf("%-12s %7s %10s %10s %10s %10s\n", "", "", "nDCG@10", "nDCG@10", "recall@20", "recall@20");
  std::printf("%-12s %7s %10s %10s %10s %10s\n", "category", "queries", ev.engines[0].c_str(),
              ev.engines[1].c_str(), ev.engines[0].c_str(), ev.engines[1].c_str());
  for (const auto& s : ev.categories) print_row(s);
  print_row(ev.overall);
  std::printf("mean latency per query: %s %.2f ms, %s %.2f ms\n", ev.engines[0].c_str(), ev.overall.millis[0],
              ev.engines[1].c_str(), ev.overall.millis[1]);
}

// `text` padded with spaces to `width` characters (UTF-8 code points, not bytes).
std::string pad(std::string text, size_t width) {
  size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80 ? 1 : 0;
  if (chars < width) text.append(width - chars, ' ');
  return text;
}

void print_details(const Evaluation& ev) {
  for (const auto& o : ev.outcomes) {
    std::string top;
    for (size_t i = 0; i < o.runs[0].ids.size() && i < portal::eval::kNdcgDepth; ++i) {
      top += (i ? " " : "") + o.runs[0].ids[i];
    }
    std::printf("%-16s %s %s %.3f  %s %.3f  top: %s\n", o.query->id.c_str(), pad("\"" + o.query->q + "\"", 32).c_str(),
                ev.engines[0].c_str(), o.runs[0].ndcg, ev.engines[1].c_str(), o.runs[1].ndcg,
                top.empty() ? "(none)" : top.c_str());
  }
  std::printf("\n");
}

int run(int argc, char** argv) {
  CLI::App app{"portal-relevance: relevance of the portal's search against PostgreSQL full-text search"};
  std::string database_url;
  std::string queries_file = "data/relevance/queries.json";
  std::vector<std::string> imports;
  double min_ndcg = 0;
  bool details = false;
  app.add_option("--database-url", database_url, "libpq connection string")
      ->envname("PORTAL_DATABASE_URL")
      ->required();
  app.add_option("--queries", queries_file, "judged queries (JSON)")->capture_default_str();
  app.add_option("--import", imports, "listing files to import first, e.g. data/demo/listings.json");
  auto* min_option = app.add_option("--min-ndcg", min_ndcg, "exit 1 if the portal's overall nDCG@10 is below this")
      ->check(CLI::Range(0.0, 1.0));
  app.add_flag("--details", details, "print one line per query");
  CLI11_PARSE(app, argc, argv);

  const auto queries = portal::eval::load_queries(queries_file);
  const auto vocabulary = portal::core::Vocabulary::builtin();
  const auto geo = portal::core::Geo::builtin();
  const portal::core::ListingParser parser(vocabulary, geo);
  portal::store::ConnectionPool pool(database_url, 2);
  {
    auto conn = pool.acquire();
    portal::store::migrate(*conn, portal::store::builtin_migrations(), geo);
  }
  portal::store::ListingStore store(pool, parser);
  portal::indexer::Importer importer(store, parser);
  for (const auto& file : imports) std::cerr << portal::indexer::format_summary(file, importer.import_file(file));

  portal::eval::PortalEngine portal_engine(store, vocabulary, geo);
  portal::eval::PostgresEngine pg_engine(database_url, vocabulary, geo);
  std::cerr << queries.size() << " queries, " << portal_engine.indexed() << " activities\n";
  const Evaluation ev = portal::eval::evaluate(queries, {&portal_engine, &pg_engine});

  if (details) print_details(ev);
  print_table(ev);
  if (min_option->count() > 0 && ev.overall.ndcg[0] < min_ndcg) {
    std::printf("portal nDCG@10 %.3f is below --min-ndcg %.3f\n", ev.overall.ndcg[0], min_ndcg);
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << '\n';
  }
  return 2;
}
