// The comparators against a real PostgreSQL holding the contract's example listings: the
// bench_fts setup answers filtered queries with the expected ids, totals and facet counts, and
// (Sphinx installed, as scripts/install-deps.sh --test does) Sphinx searchd gives the same.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include <pqxx/pqxx>

#include "bench/comparators.h"
#include "bench/pg_fts.h"
#include "bench/sphinx.h"
#include "core/listing_json.h"
#include "indexer/importer.h"
#include "store/connection_pool.h"
#include "store/listing_store.h"
#include "store/migrations.h"
#include "tests/support/test_database.h"

namespace portal::bench {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using Facets = std::map<std::string, std::map<std::string, long>>;

const core::Vocabulary& vocabulary() {
  static const auto v = core::Vocabulary::builtin();
  return v;
}
const core::Geo& geo() {
  static const auto g = core::Geo::builtin();
  return g;
}

search::SearchRequest request(std::string_view line) {
  return search::parse_search_request(decode_query_string(line), vocabulary(), geo());
}

class ComparatorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<portal::testing::TestDatabase>();
    conn_ = std::make_unique<pqxx::connection>(db_->url());
    store::migrate(*conn_, store::builtin_migrations(), geo());
    store::ConnectionPool pool(db_->url(), 2);
    const core::ListingParser parser(vocabulary(), geo());
    store::ListingStore listings(pool, parser);
    indexer::Importer importer(listings, parser);
    const auto file = std::filesystem::path(PORTAL_SOURCE_DIR) / "tests" / "data" / "example-listings.json";
    const auto summary = importer.import_file(file.string());
    ASSERT_EQ(summary.invalid, 0u);
  }
  void TearDown() override {
    conn_.reset();
    db_.reset();
  }

  std::unique_ptr<portal::testing::TestDatabase> db_;
  std::unique_ptr<pqxx::connection> conn_;
};

const Facets kWalkingFacets = {
    {"interest", {{"walking", 2}, {"nature", 1}, {"exercise", 1}}},
    {"transport", {{"public_transport", 1}, {"parking", 1}, {"pickup", 1}}},
    {"municipality", {{"0661", 2}}},
};

TEST_F(ComparatorsTest, PostgresFullTextAnswersFiltersTotalsAndFacets) {
  const FtsSetup setup = setup_fts(*conn_, vocabulary());
  EXPECT_EQ(setup.rows, 3);
  EXPECT_EQ(setup_fts(*conn_, vocabulary()).rows, 3);  // idempotent: a second run rebuilds

  const FtsAnswer walking = run_fts(*conn_, request("interest=walking"));
  EXPECT_EQ(walking.total, 2);
  EXPECT_THAT(walking.ids, ElementsAre("holstebro-gaaklub-stavgang", "holstebro-gaaklub-tirsdag"));
  EXPECT_EQ(walking.facets, kWalkingFacets);

  // Danish stemming: "gåture" finds "gåtur" in two descriptions and the label of the interest
  // "walking" (Gåture og vandring) of two activities; in label and description ranks first.
  const FtsAnswer text = run_fts(*conn_, request("q=g%C3%A5ture"));
  EXPECT_THAT(text.ids, ElementsAre("holstebro-gaaklub-tirsdag", "holstebro-gaaklub-stavgang",
                                    "roede-kors-vejle-besoegsven"));
  const FtsAnswer filtered = run_fts(*conn_, request("q=g%C3%A5ture&transport=at_home"));
  EXPECT_THAT(filtered.ids, ElementsAre("roede-kors-vejle-besoegsven"));
  EXPECT_EQ(filtered.facets.at("municipality"), (std::map<std::string, long>{{"0630", 1}}));

  // Schedule: Tuesday morning, Thursday afternoon; free only.
  EXPECT_THAT(run_fts(*conn_, request("day=tue&time_of_day=morning")).ids, ElementsAre("holstebro-gaaklub-tirsdag"));
  EXPECT_THAT(run_fts(*conn_, request("day=tue&time_of_day=afternoon")).ids, IsEmpty());
  EXPECT_EQ(run_fts(*conn_, request("free=true")).total, 2);

  // Distance: within 10 km of Holstebro, nearest first; Vejle is far away.
  const FtsAnswer near = run_fts(*conn_, request("postcode=7500&radius_km=10&sort=distance"));
  EXPECT_EQ(near.total, 2);
  EXPECT_EQ(near.facets.at("municipality"), (std::map<std::string, long>{{"0661", 2}}));

  // Paging: the second page of one.
  const FtsAnswer page = run_fts(*conn_, request("interest=walking&per_page=1&page=2"));
  EXPECT_EQ(page.total, 2);
  EXPECT_THAT(page.ids, ElementsAre("holstebro-gaaklub-tirsdag"));
}

TEST_F(ComparatorsTest, SphinxAnswersTheSameAsPostgres) {
  SphinxServer server(*conn_, vocabulary());
  EXPECT_EQ(server.rows(), 3);
  SphinxServer::Client client(server);
  const SphinxAnswer walking = client.search(request("interest=walking"));
  EXPECT_EQ(walking.total, 2);
  EXPECT_THAT(walking.ids, ElementsAre("holstebro-gaaklub-stavgang", "holstebro-gaaklub-tirsdag"));
  EXPECT_EQ(walking.facets, kWalkingFacets);

  EXPECT_THAT(client.search(request("q=g%C3%A5ture")).ids,
              ElementsAre("holstebro-gaaklub-tirsdag", "holstebro-gaaklub-stavgang", "roede-kors-vejle-besoegsven"));
  EXPECT_THAT(client.search(request("q=g%C3%A5ture&transport=at_home")).ids, ElementsAre("roede-kors-vejle-besoegsven"));
  EXPECT_THAT(client.search(request("day=tue&time_of_day=morning")).ids, ElementsAre("holstebro-gaaklub-tirsdag"));
  EXPECT_THAT(client.search(request("day=tue&time_of_day=afternoon")).ids, IsEmpty());
  EXPECT_EQ(client.search(request("free=true")).total, 2);
  EXPECT_EQ(client.search(request("postcode=7500&radius_km=10&sort=distance")).total, 2);
  EXPECT_THAT(client.search(request("interest=walking&per_page=1&page=2")).ids, ElementsAre("holstebro-gaaklub-tirsdag"));
}

bool accepts_connections(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

size_t sphinx_dirs() {
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator("/tmp")) {
    if (e.path().filename().string().rfind("portal-bench-sphinx-", 0) == 0) ++n;
  }
  return n;
}

TEST_F(ComparatorsTest, SphinxServerStopsSearchdAndRemovesItsDirectory) {
  auto server = std::make_unique<SphinxServer>(*conn_, vocabulary());
  const int port = server->port();
  EXPECT_TRUE(accepts_connections(port));
  const size_t dirs = sphinx_dirs();
  server.reset();
  EXPECT_FALSE(accepts_connections(port));
  EXPECT_EQ(sphinx_dirs(), dirs - 1);
}

}  // namespace
}  // namespace portal::bench
