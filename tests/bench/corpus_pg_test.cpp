// A generated corpus imports into a real PostgreSQL with no invalid record, and the query mix
// runs in-process against the index built from it (bench/corpus.h, bench/mix.h,
// bench/search_inproc.h). The figures are printed by the commands, never asserted here.
#include <fstream>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "bench/corpus.h"
#include "bench/mix.h"
#include "bench/search_inproc.h"
#include "core/geo.h"
#include "core/listing_json.h"
#include "core/vocabulary.h"
#include "indexer/importer.h"
#include "indexer/index_sync.h"
#include "store/connection_pool.h"
#include "store/listing_store.h"
#include "store/migrations.h"
#include "tests/support/process.h"
#include "tests/support/test_database.h"

namespace portal::bench {
namespace {

TEST(CorpusImport, EveryGeneratedListingIsImportedAndTheMixSearchesTheIndex) {
  const auto geo = core::Geo::builtin();
  const auto vocabulary = core::Vocabulary::builtin();
  const core::ListingParser parser(vocabulary, geo);
  portal::testing::TestDatabase db;
  {
    pqxx::connection conn(db.url());
    store::migrate(conn, store::builtin_migrations(), geo);
  }
  store::ConnectionPool pool(db.url(), 4);
  store::ListingStore store(pool, parser);
  indexer::Importer importer(store, parser);

  portal::testing::TempDir dir;
  const auto corpus = write_corpus({1500, 11, 400}, geo, dir.path() / "corpus");
  ASSERT_GE(corpus.files.size(), 4u);
  indexer::ImportSummary total;
  for (const auto& file : corpus.files) total += importer.import_file(file.string());
  EXPECT_EQ(total.invalid, 0u);
  for (const auto& issue : total.issues) {
    EXPECT_TRUE(issue.note) << issue.file << " " << issue.record << " " << issue.field << ": " << issue.reason;
  }
  EXPECT_EQ(total.created, corpus.activities + corpus.associations);
  {
    pqxx::connection conn(db.url());
    pqxx::read_transaction t(conn);
    EXPECT_EQ(t.exec1("SELECT count(*) FROM activities")[0].as<size_t>(), 1500u);
  }

  search::IndexDirectory index(dir.path() / "index");
  indexer::IndexSync sync(pool, store, index, vocabulary, geo);
  sync.ensure_index();

  const auto mix = make_mix(dir.path() / "corpus", {300, 2});
  {
    std::ofstream out(dir.path() / "mix.txt");
    for (const auto& line : mix) out << line << '\n';
  }
  InprocConfig config;
  config.index_dir = dir.path() / "index";
  config.mix_file = dir.path() / "mix.txt";
  config.threads = 2;
  config.seconds = 0.2;
  const auto r = run_search_inproc(config);
  EXPECT_EQ(r.documents, 1500u);
  EXPECT_EQ(r.queries, 300u);
  EXPECT_EQ(r.rejected, 0u);
  EXPECT_EQ(r.latency.count, 300u);
  EXPECT_GT(r.mean_total, 1.0) << "the mix's words come from the corpus, so searches find activities";
  EXPECT_GT(r.throughput, 0.0);
}

}  // namespace
}  // namespace portal::bench
