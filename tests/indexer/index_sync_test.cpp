// indexer::IndexSync and indexer::rebuild: the search index follows the database's change log.
#include "indexer/index_sync.h"

#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/calendar.h"
#include "search/index.h"
#include "search/searcher.h"
#include "store/review_store.h"
#include "tests/indexer/indexer_fixture.h"

namespace portal::indexer::tests {
namespace {

using nlohmann::json;
using Ids = std::set<std::string>;

json activity(const std::string& id, const std::string& association, const std::string& title,
              const std::string& description = "") {
  json a = {{"id", id},
            {"association", association},
            {"title", title},
            {"interests", {"walking"}},
            {"location", {{"postcode", "7500"}}},
            {"schedule", {{{"weekday", "wed"}, {"start", "10:00"}}}}};
  if (!description.empty()) a["description"] = description;
  return a;
}

class IndexSyncTest : public IndexerTest {
 protected:
  void SetUp() override {
    IndexerTest::SetUp();
    tmp_ = std::make_unique<portal::testing::TempDir>();
    dir_ = std::make_unique<search::IndexDirectory>(tmp_->path() / "index");
    sync_ = make_sync();
    searcher_ = std::make_unique<search::Searcher>(*dir_, vocabulary(), 2);
  }

  void TearDown() override {
    searcher_.reset();
    sync_.reset();
    IndexerTest::TearDown();
  }

  std::unique_ptr<IndexSync> make_sync() {
    return std::make_unique<IndexSync>(*pool_, *store_, *dir_, vocabulary(), geo());
  }

  void import_example() {
    const ImportSummary s = importer_->import_file(example_file().string());
    ASSERT_EQ(s.created, 5u);
  }

  // Ids found by a free-text search (all results).
  Ids search(const std::string& q) {
    search::SearchRequest r;
    r.q = q;
    r.per_page = 100;
    const json answer = searcher_->search(r, core::copenhagen_time(std::chrono::system_clock::now()));
    Ids ids;
    for (const auto& result : answer.at("results")) ids.insert(result.at("id").get<std::string>());
    return ids;
  }

  std::unique_ptr<portal::testing::TempDir> tmp_;
  std::unique_ptr<search::IndexDirectory> dir_;
  std::unique_ptr<IndexSync> sync_;
  std::unique_ptr<search::Searcher> searcher_;
};

TEST_F(IndexSyncTest, EnsureIndexBuildsTheFirstGenerationFromASnapshot) {
  import_example();
  EXPECT_FALSE(dir_->current());
  EXPECT_TRUE(sync_->ensure_index());
  ASSERT_TRUE(dir_->current());
  EXPECT_EQ(searcher_->size(), 3u);
  EXPECT_EQ(search("Storåen"), Ids{"holstebro-gaaklub-tirsdag"});
  EXPECT_EQ(search("besøgsven"), Ids{"roede-kors-vejle-besoegsven"});

  // The generation records the snapshot's position: nothing is left to apply.
  EXPECT_FALSE(sync_->ensure_index());
  EXPECT_EQ(sync_->catch_up(), 0u);
  EXPECT_EQ(sync_->status().position, store_->latest_change());
  EXPECT_TRUE(sync_->status().writer);
  EXPECT_TRUE(sync_->status().database_ok);
}

TEST_F(IndexSyncTest, EnsureIndexRebuildsAnIndexOfAnOlderFormat) {
  import_example();
  ASSERT_TRUE(sync_->ensure_index());
  const std::string first = *dir_->current();
  EXPECT_TRUE(search::live_index_is_current(*dir_));
  {
    // As if an older analyzer had built it.
    Xapian::WritableDatabase db(dir_->path(first).string(), Xapian::DB_OPEN);
    db.set_metadata("format", "1-old");
    db.commit();
  }
  EXPECT_FALSE(search::live_index_is_current(*dir_));
  EXPECT_TRUE(sync_->ensure_index());
  EXPECT_NE(*dir_->current(), first);
  EXPECT_TRUE(search::live_index_is_current(*dir_));
  EXPECT_EQ(search("besøgsven"), Ids{"roede-kors-vejle-besoegsven"});
  EXPECT_FALSE(sync_->ensure_index());
}

TEST_F(IndexSyncTest, EnsureIndexOnAnEmptyDatabaseGivesAnEmptySearchableIndex) {
  EXPECT_TRUE(sync_->ensure_index());
  EXPECT_EQ(searcher_->size(), 0u);
  EXPECT_TRUE(search("gåtur").empty());
}

TEST_F(IndexSyncTest, CatchUpAppliesExactlyTheNewChanges) {
  import_example();
  sync_->ensure_index();
  EXPECT_EQ(sync_->catch_up(), 0u);
  const int64_t before = store_->latest_change();

  json doc = example_listings();
  doc["activities"][0]["title"] = "Onsdagsturen ved Storåen";
  doc["activities"].push_back(activity("holstebro-gaaklub-petanque", "holstebro-gaaklub", "Petanque i parken"));
  const ImportSummary s = import(doc);
  ASSERT_EQ(s.updated, 1u);
  ASSERT_EQ(s.created, 1u);

  EXPECT_EQ(sync_->catch_up(), 2u);
  EXPECT_EQ(sync_->status().position, store_->latest_change());
  EXPECT_EQ(sync_->status().position, before + 2);
  EXPECT_EQ(search("petanque"), Ids{"holstebro-gaaklub-petanque"});
  EXPECT_EQ(search("onsdagsturen"), Ids{"holstebro-gaaklub-tirsdag"});
  EXPECT_TRUE(search("tirsdagsturen").empty());
  EXPECT_EQ(searcher_->size(), 4u);

  // Nothing new: nothing applied, position unchanged.
  EXPECT_EQ(sync_->catch_up(), 0u);
  EXPECT_EQ(sync_->status().position, before + 2);
}

TEST_F(IndexSyncTest, DeletedActivityDisappearsFromSearch) {
  import_example();
  sync_->ensure_index();
  ASSERT_EQ(search("stavgang"), Ids{"holstebro-gaaklub-stavgang"});

  ASSERT_TRUE(store_->delete_activity("holstebro-gaaklub-stavgang"));
  EXPECT_EQ(sync_->catch_up(), 1u);
  EXPECT_TRUE(search("stavgang").empty());
  EXPECT_FALSE(searcher_->document("holstebro-gaaklub-stavgang"));
  EXPECT_TRUE(searcher_->document("holstebro-gaaklub-tirsdag"));
  EXPECT_EQ(searcher_->size(), 2u);
  EXPECT_EQ(sync_->status().position, store_->latest_change());
}

TEST_F(IndexSyncTest, RenamedAssociationReindexesItsActivities) {
  import_example();
  sync_->ensure_index();
  EXPECT_EQ(sync_->catch_up(), 0u);
  ASSERT_TRUE(search("vandrelaug").empty());

  json doc = example_listings();
  doc["associations"][0]["name"] = "Holstebro Vandrelaug";
  const ImportSummary s = import(doc);
  ASSERT_EQ(s.updated, 1u);

  EXPECT_EQ(sync_->catch_up(), 1u);
  EXPECT_EQ(search("vandrelaug"), (Ids{"holstebro-gaaklub-tirsdag", "holstebro-gaaklub-stavgang"}));
  const auto data = searcher_->document("holstebro-gaaklub-stavgang");
  ASSERT_TRUE(data);
  EXPECT_EQ((*data)["association"]["name"], "Holstebro Vandrelaug");
  // Activities of other associations keep theirs.
  EXPECT_EQ((*searcher_->document("roede-kors-vejle-besoegsven"))["association"]["name"],
            "Røde Kors Vejle – besøgsvenner");
}

TEST_F(IndexSyncTest, SecondSyncOnTheSameIndexCannotWriteWhileTheFirstKeepsWorking) {
  import_example();
  sync_->ensure_index();
  EXPECT_EQ(sync_->catch_up(), 0u);
  ASSERT_TRUE(sync_->status().writer);

  auto second = make_sync();
  EXPECT_FALSE(second->ensure_index());
  EXPECT_EQ(second->catch_up(), 0u);
  EXPECT_FALSE(second->status().writer);

  import(json{{"activities", {activity("holstebro-gaaklub-petanque", "holstebro-gaaklub", "Petanque")}}});
  EXPECT_EQ(second->catch_up(), 0u);
  EXPECT_FALSE(second->status().writer);
  EXPECT_TRUE(search("petanque").empty());

  EXPECT_EQ(sync_->catch_up(), 1u);
  EXPECT_EQ(search("petanque"), Ids{"holstebro-gaaklub-petanque"});
  EXPECT_EQ(sync_->status().position, store_->latest_change());
}

TEST_F(IndexSyncTest, CatchUpContinuesOnARebuiltGenerationFromTheRebuildsPosition) {
  import_example();
  sync_->ensure_index();
  EXPECT_EQ(sync_->catch_up(), 0u);
  const auto first = dir_->current();
  ASSERT_TRUE(first);

  // indexer::rebuild() publishes a new generation at the current position.
  EXPECT_EQ(rebuild(*store_, *dir_, vocabulary()), 3u);
  const auto second = dir_->current();
  ASSERT_TRUE(second);
  EXPECT_NE(*second, *first);
  EXPECT_EQ(sync_->catch_up(), 0u);
  EXPECT_TRUE(sync_->status().writer);
  EXPECT_EQ(sync_->status().position, store_->latest_change());

  // A rebuild is a snapshot followed by building and publishing; a change committed in between
  // is not in the new generation, so catch_up must apply it there.
  const store::Snapshot snapshot = store_->snapshot();
  import(json{{"activities", {activity("mellem-tur", "holstebro-gaaklub", "Petanque mellem snapshot og skift")}}});
  search::build_generation(*dir_, vocabulary(), snapshot.activities, snapshot.associations, snapshot.change_position);
  const auto third = dir_->current();
  ASSERT_TRUE(third);
  EXPECT_NE(*third, *second);
  EXPECT_TRUE(search("petanque").empty());

  // And a change after the publication.
  import(json{{"activities", {activity("efter-tur", "holstebro-gaaklub", "Krolf efter skiftet")}}});
  const size_t pending = store_->changes_after(snapshot.change_position, 1000).size();
  EXPECT_EQ(pending, 2u);

  EXPECT_EQ(sync_->catch_up(), pending);
  EXPECT_TRUE(sync_->status().writer);
  EXPECT_EQ(sync_->status().position, store_->latest_change());
  EXPECT_EQ(search("petanque"), Ids{"mellem-tur"});
  EXPECT_EQ(search("krolf"), Ids{"efter-tur"});
  EXPECT_EQ(searcher_->size(), 5u);

  // The new generation is the one being written: a fresh writer reads its position from it.
  sync_.reset();
  auto fresh = make_sync();
  EXPECT_EQ(fresh->catch_up(), 0u);
  EXPECT_EQ(fresh->status().position, store_->latest_change());
}

TEST_F(IndexSyncTest, ConfirmationAndReviewFlowThroughTheChangeLogAndSurviveARestart) {
  import_example();
  const std::string id = "holstebro-gaaklub-stavgang";
  {
    pqxx::connection conn(db_->url());
    pqxx::work t(conn);
    t.exec("UPDATE activities SET last_confirmed_at = now() - interval '200 days'");
    t.commit();
  }
  sync_->ensure_index();
  const core::Date today = core::copenhagen_time(std::chrono::system_clock::now()).date;
  auto indexed_date = [&]() -> std::string {
    const auto data = searcher_->document(id);
    return data ? data->value("last_confirmed", std::string("none")) : std::string("absent");
  };
  ASSERT_EQ(indexed_date(), core::format_date(core::Date{today.days - 200}));
  ASSERT_EQ(search("stavgang"), Ids{id});  // stale (default 180 days) is still found

  // Confirm: one change, the index carries today's date.
  store::ReviewStore review(*pool_);
  EXPECT_EQ(review.confirm(id, "holstebro-gaaklub"), today);
  EXPECT_EQ(sync_->catch_up(), 1u);
  EXPECT_EQ(indexed_date(), core::format_date(today));

  // An editor's write under review: pending, out of the index.
  ASSERT_TRUE(review.set_review_required("holstebro-gaaklub", true));
  auto edited = store_->activity(id);
  ASSERT_TRUE(edited);
  edited->title = "Stavgang i plantagen";
  EXPECT_TRUE(store_->put(*edited, store::ListingStore::PutMode::replace, "holstebro-gaaklub").pending);
  EXPECT_EQ(sync_->catch_up(), 1u);
  EXPECT_TRUE(search("stavgang").empty());
  EXPECT_FALSE(searcher_->document(id));
  EXPECT_EQ(searcher_->size(), 2u);

  // Approved while no follower runs: a new follower picks it up from the committed position,
  // exactly once.
  sync_.reset();
  review.approve(id);
  sync_ = make_sync();
  EXPECT_EQ(sync_->catch_up(), 1u);
  EXPECT_EQ(sync_->catch_up(), 0u);
  EXPECT_EQ(search("plantagen"), Ids{id});
  EXPECT_EQ(sync_->status().position, store_->latest_change());

  // Rejected: out again.
  review.reject(id, "Tidspunktet mangler");
  EXPECT_EQ(sync_->catch_up(), 1u);
  EXPECT_TRUE(search("plantagen").empty());
  EXPECT_EQ(searcher_->size(), 2u);
}

TEST_F(IndexSyncTest, CatchUpThrowsUnavailableWhenTheDatabaseIsDown) {
  import_example();
  sync_->ensure_index();
  EXPECT_EQ(sync_->catch_up(), 0u);
  {
    DatabaseOutage outage(db_->name());
    try {
      sync_->catch_up();
      FAIL() << "catch_up succeeded although the database refuses connections";
    } catch (const core::Error& e) {
      EXPECT_EQ(e.code(), core::ErrorCode::unavailable) << e.what();
    }
    // Searching still works from the index.
    EXPECT_EQ(search("Storåen"), Ids{"holstebro-gaaklub-tirsdag"});
  }
  import(json{{"activities", {activity("holstebro-gaaklub-petanque", "holstebro-gaaklub", "Petanque")}}});
  EXPECT_EQ(sync_->catch_up(), 1u);
  EXPECT_EQ(search("petanque"), Ids{"holstebro-gaaklub-petanque"});
}

TEST_F(IndexSyncTest, BackgroundThreadFollowsImports) {
  import_example();
  sync_->ensure_index();
  sync_->start(std::chrono::milliseconds(100));
  import(json{{"activities", {activity("holstebro-gaaklub-petanque", "holstebro-gaaklub", "Petanque")}}});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (search("petanque").empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(search("petanque"), Ids{"holstebro-gaaklub-petanque"});
  sync_->stop();
  EXPECT_EQ(sync_->status().position, store_->latest_change());
  EXPECT_TRUE(sync_->status().database_ok);
}

}  // namespace
}  // namespace portal::indexer::tests
