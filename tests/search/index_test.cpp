#include "search/index.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include "core/errors.h"
#include "search/schema.h"
#include "search/searcher.h"
#include "search_fixtures.h"

namespace portal::search {
namespace {

namespace fs = std::filesystem;
namespace t = portal::search::testing;
using ::testing::ElementsAre;
using nlohmann::json;

class IndexTest : public ::testing::Test {
 protected:
  void SetUp() override { temp_ = std::make_unique<t::TempDir>(); }
  void TearDown() override {
    const fs::path root = temp_->path();
    temp_.reset();
    EXPECT_FALSE(fs::exists(root));
  }

  fs::path root() const { return temp_->path() / "index"; }
  IndexDirectory dir() const { return IndexDirectory(root()); }

  std::set<std::string> generations() const {
    std::set<std::string> out;
    if (!fs::exists(root())) return out;
    for (const auto& e : fs::directory_iterator(root())) {
      const std::string name = e.path().filename().string();
      if (e.is_directory() && name.rfind("gen-", 0) == 0) out.insert(name);
    }
    return out;
  }

  std::string build(const std::vector<json>& records, int64_t position = 1) {
    return build_generation(dir(), t::vocabulary(), t::activities(records), assocs_, position);
  }

  // Ids in the index, read straight from the live generation.
  std::vector<std::string> ids_in(const std::string& generation) const {
    Xapian::Database db(dir().path(generation).string());
    std::vector<std::string> ids;
    for (auto it = db.allterms_begin(std::string(schema::kId)); it != db.allterms_end(std::string(schema::kId));
         ++it) {
      ids.push_back((*it).substr(schema::kId.size()));
    }
    return ids;
  }

  std::map<std::string, core::Association> assocs_ = t::associations(json::array({t::association_json()}));
  std::unique_ptr<t::TempDir> temp_;
};

TEST_F(IndexTest, NoCurrentGenerationBeforePublishing) {
  EXPECT_FALSE(dir().current());
  fs::create_directories(root());
  EXPECT_FALSE(dir().current());
  const std::string gen = dir().create_generation();
  EXPECT_FALSE(dir().current());  // created is not published
  EXPECT_TRUE(fs::is_directory(root() / gen));
  EXPECT_EQ(gen.rfind("gen-", 0), 0u);
}

TEST_F(IndexTest, CreatedGenerationsAreDistinct) {
  std::set<std::string> names;
  for (int i = 0; i < 5; ++i) names.insert(dir().create_generation());
  EXPECT_EQ(names.size(), 5u);
  EXPECT_EQ(generations(), names);
}

TEST_F(IndexTest, PublishWritesAStubNamingTheGeneration) {
  const std::string first = dir().create_generation();
  dir().publish(first);
  EXPECT_EQ(dir().current(), first);
  std::ifstream stub(root() / "current");
  std::string content((std::istreambuf_iterator<char>(stub)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "auto " + first + "\n");

  const std::string second = dir().create_generation();
  dir().publish(second);
  EXPECT_EQ(dir().current(), second);
  // No temporary stub is left behind.
  for (const auto& e : fs::directory_iterator(root())) {
    EXPECT_EQ(e.path().filename().string().find("current.tmp"), std::string::npos);
  }
}

TEST_F(IndexTest, MalformedStubIsNoGeneration) {
  fs::create_directories(root());
  auto write_stub = [&](const std::string& text) { std::ofstream(root() / "current") << text; };
  write_stub("");
  EXPECT_FALSE(dir().current());
  write_stub("glass gen-1\n");
  EXPECT_FALSE(dir().current());
  write_stub("auto\n");
  EXPECT_FALSE(dir().current());
  write_stub("auto ../elsewhere/gen-1\n");
  EXPECT_FALSE(dir().current());
  write_stub("auto gen-1\n");
  EXPECT_EQ(dir().current(), "gen-1");
}

TEST_F(IndexTest, RemoveStaleKeepsLiveAndPrevious) {
  const std::string old1 = dir().create_generation();
  const std::string old2 = dir().create_generation();
  const std::string previous = dir().create_generation();
  const std::string live = dir().create_generation();
  dir().publish(live);
  fs::create_directories(root() / "not-a-generation");
  std::ofstream(root() / "gen-file") << "a file, not a folder";

  dir().remove_stale(previous);
  EXPECT_EQ(generations(), (std::set<std::string>{previous, live}));
  EXPECT_TRUE(fs::exists(root() / "not-a-generation"));
  EXPECT_TRUE(fs::exists(root() / "gen-file"));
  EXPECT_TRUE(fs::exists(root() / "current"));
  EXPECT_FALSE(fs::exists(root() / old1));
  EXPECT_FALSE(fs::exists(root() / old2));

  dir().remove_stale("");
  EXPECT_EQ(generations(), (std::set<std::string>{live}));
}

TEST_F(IndexTest, RemoveStaleKeepsGenerationsNewerThanTheLiveOne) {
  // A concurrent rebuild may be filling a generation created after the live one.
  const std::string old = dir().create_generation();
  const std::string live = dir().create_generation();
  const std::string building = dir().create_generation();
  dir().publish(live);
  dir().remove_stale("");
  EXPECT_EQ(generations(), (std::set<std::string>{live, building}));
  EXPECT_FALSE(fs::exists(root() / old));
}

TEST_F(IndexTest, BuildGenerationPublishesEveryActivityWithAnAssociation) {
  const std::string gen = build({t::activity_json("a"), t::activity_json("b"),
                                 t::activity_json("orphan", {{"association", "unknown-assoc"}})},
                                17);
  EXPECT_EQ(dir().current(), gen);
  EXPECT_THAT(ids_in(gen), ElementsAre("a", "b"));
  Xapian::Database db(dir().path(gen).string());
  EXPECT_EQ(db.get_doccount(), 2u);
  EXPECT_EQ(db.get_metadata(schema::kMetaChangePosition), "17");
}

TEST_F(IndexTest, BuildGenerationAddsManyBatchesInInputOrder) {
  // More than two of build_generation()'s batches of 512, prepared on two threads; every
  // seventh activity has no association and is left out.
  std::vector<json> records;
  std::vector<std::string> expected;
  for (int i = 0; i < 1300; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "a%04d", i);
    if (i % 7 == 3) {
      records.push_back(t::activity_json(id, {{"association", "unknown-assoc"}, {"title", "Petanque"}}));
    } else {
      records.push_back(t::activity_json(id, {{"title", i % 2 ? "Petanque i parken" : "Strikkeklub"}}));
      expected.push_back(id);
    }
  }
  const std::string gen = build(records);
  Xapian::Database db(dir().path(gen).string());
  ASSERT_EQ(db.get_doccount(), expected.size());
  // Document ids follow the input order, and each document is the one its id term names.
  Xapian::docid docid = 0;
  for (const auto& id : expected) {
    Xapian::PostingIterator p = db.postlist_begin(schema::term(schema::kId, id));
    ASSERT_NE(p, db.postlist_end(schema::term(schema::kId, id))) << id;
    EXPECT_GT(*p, docid) << id;
    docid = *p;
    const int n = std::stoi(id.substr(1));
    const Xapian::Document doc = db.get_document(*p);
    bool has_title_term = false;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      has_title_term = has_title_term || *t == (n % 2 ? "Spetanque" : "Sstrikkeklub");
    }
    EXPECT_TRUE(has_title_term) << id;
  }
}

TEST_F(IndexTest, BuildGenerationOfNothingIsAnEmptyLiveIndex) {
  const std::string gen = build({}, 0);
  EXPECT_EQ(dir().current(), gen);
  EXPECT_EQ(Xapian::Database(dir().path(gen).string()).get_doccount(), 0u);
}

TEST_F(IndexTest, RebuildKeepsOnlyLiveAndPreviousGeneration) {
  const std::string g1 = build({t::activity_json("a")});
  const std::string g2 = build({t::activity_json("b")});
  EXPECT_NE(g1, g2);
  EXPECT_EQ(generations(), (std::set<std::string>{g1, g2}));
  const std::string g3 = build({t::activity_json("c")});
  EXPECT_EQ(generations(), (std::set<std::string>{g2, g3}));
  EXPECT_EQ(dir().current(), g3);
  EXPECT_THAT(ids_in(g3), ElementsAre("c"));
}

TEST_F(IndexTest, WriterNeedsAPublishedIndex) {
  EXPECT_THROW(IndexWriter(dir(), t::vocabulary()), std::runtime_error);
}

TEST_F(IndexTest, WriterOpensTheLiveGenerationAndItsPosition) {
  const std::string gen = build({t::activity_json("a")}, 42);
  IndexWriter writer(dir(), t::vocabulary());
  EXPECT_EQ(writer.generation(), gen);
  EXPECT_EQ(writer.position(), 42);
}

TEST_F(IndexTest, UpsertReplacesTheDocumentWithTheSameId) {
  const std::string gen = build({t::activity_json("a", {{"title", "Gammel titel"}}), t::activity_json("b")});
  {
    IndexWriter writer(dir(), t::vocabulary());
    writer.upsert(t::activity(t::activity_json("a", {{"title", "Ny titel"}})), assocs_.at("gaaklub"));
    writer.upsert(t::activity(t::activity_json("c")), assocs_.at("gaaklub"));
    writer.commit(2);
  }
  Xapian::Database db(dir().path(gen).string());
  EXPECT_EQ(db.get_doccount(), 3u);
  EXPECT_EQ(db.get_termfreq("Qa"), 1u);
  EXPECT_EQ(db.get_termfreq("Sny"), 1u);
  EXPECT_EQ(db.get_termfreq("Sgammel"), 0u);
  EXPECT_THAT(ids_in(gen), ElementsAre("a", "b", "c"));
}

TEST_F(IndexTest, RemoveDeletesTheDocument) {
  const std::string gen = build({t::activity_json("a"), t::activity_json("b")});
  {
    IndexWriter writer(dir(), t::vocabulary());
    writer.remove("a");
    writer.remove("never-indexed");  // no error
    writer.commit(3);
  }
  EXPECT_THAT(ids_in(gen), ElementsAre("b"));
}

TEST_F(IndexTest, CommitStoresThePosition) {
  build({t::activity_json("a")}, 5);
  {
    IndexWriter writer(dir(), t::vocabulary());
    writer.upsert(t::activity(t::activity_json("b")), assocs_.at("gaaklub"));
    writer.commit(99);
    EXPECT_EQ(writer.position(), 99);
  }
  IndexWriter reopened(dir(), t::vocabulary());
  EXPECT_EQ(reopened.position(), 99);
}

TEST_F(IndexTest, UncommittedChangesAreNotVisibleToReaders) {
  const std::string gen = build({t::activity_json("a")});
  IndexWriter writer(dir(), t::vocabulary());
  writer.upsert(t::activity(t::activity_json("b")), assocs_.at("gaaklub"));
  EXPECT_EQ(Xapian::Database(dir().path(gen).string()).get_doccount(), 1u);
  writer.commit(2);
  EXPECT_EQ(Xapian::Database(dir().path(gen).string()).get_doccount(), 2u);
}

TEST_F(IndexTest, SecondWriterIsLockedOut) {
  build({t::activity_json("a")});
  IndexWriter writer(dir(), t::vocabulary());
  EXPECT_THROW(IndexWriter(dir(), t::vocabulary()), Xapian::DatabaseLockError);
}

TEST_F(IndexTest, SearcherSeesWriterCommits) {
  build({t::activity_json("a")});
  Searcher searcher(dir(), t::vocabulary(), 1);
  EXPECT_EQ(searcher.size(), 1u);
  IndexWriter writer(dir(), t::vocabulary());
  writer.upsert(t::activity(t::activity_json("b", {{"title", "Strikkeklub"}})), assocs_.at("gaaklub"));
  writer.commit(2);
  EXPECT_EQ(searcher.size(), 2u);
  SearchRequest r;
  r.q = "strikkeklub";
  const json answer = searcher.search(r, t::monday_9am());
  ASSERT_EQ(answer["total"], 1);
  EXPECT_EQ(answer["results"][0]["id"], "b");
  writer.remove("b");
  writer.commit(3);
  EXPECT_EQ(searcher.search(r, t::monday_9am())["total"], 0);
}

std::vector<std::string> result_ids(const json& answer) {
  std::vector<std::string> ids;
  for (const auto& r : answer["results"]) ids.push_back(r["id"].get<std::string>());
  return ids;
}

TEST_F(IndexTest, SearcherSwitchesToTheNewGenerationOnRebuild) {
  const std::string g1 = build({t::activity_json("gammel", {{"title", "Strikkeklub"}})});
  Searcher searcher(dir(), t::vocabulary(), 2);
  SearchRequest r;
  r.q = "strikkeklub";
  EXPECT_THAT(result_ids(searcher.search(r, t::monday_9am())), ElementsAre("gammel"));

  const std::string g2 = build({t::activity_json("ny", {{"title", "Strikkeklub"}}),
                                t::activity_json("andet", {{"title", "Kortspil"}})});
  EXPECT_THAT(result_ids(searcher.search(r, t::monday_9am())), ElementsAre("ny"));
  EXPECT_EQ(searcher.size(), 2u);
  EXPECT_FALSE(searcher.document("gammel"));
  EXPECT_TRUE(searcher.document("ny"));
  EXPECT_TRUE(fs::exists(root() / g1));  // kept as the previous generation

  const std::string g3 = build({t::activity_json("nyest", {{"title", "Strikkeklub"}})});
  EXPECT_FALSE(fs::exists(root() / g1));
  EXPECT_TRUE(fs::exists(root() / g2));
  EXPECT_THAT(result_ids(searcher.search(r, t::monday_9am())), ElementsAre("nyest"));
  EXPECT_EQ(dir().current(), g3);
}

TEST_F(IndexTest, SearcherKeepsAnsweringDuringRebuilds) {
  build({t::activity_json("a", {{"title", "Strikkeklub"}})});
  Searcher searcher(dir(), t::vocabulary(), 2);
  std::atomic<bool> stop{false};
  std::atomic<int> answers{0};
  std::atomic<int> failures{0};
  std::set<int> totals_seen;
  std::thread reader([&] {
    SearchRequest r;
    r.q = "strikkeklub";
    while (!stop) {
      try {
        const int total = searcher.search(r, t::monday_9am())["total"].get<int>();
        totals_seen.insert(total);
        ++answers;
      } catch (const std::exception&) {
        ++failures;
      }
    }
  });
  // Each generation holds one more matching activity than the one before.
  std::vector<json> records = {t::activity_json("a", {{"title", "Strikkeklub"}})};
  // Waits until the reader has made `n` more attempts (bounded, so a broken searcher fails
  // the test instead of hanging it).
  auto let_reader_run = [&](int n) {
    const int target = answers + failures + n;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (answers + failures < target && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
  };
  for (int i = 0; i < 2; ++i) {
    let_reader_run(5);
    records.push_back(t::activity_json("s" + std::to_string(i), {{"title", "Strikkeklub"}}));
    build(records, i + 2);
  }
  let_reader_run(5);
  stop = true;
  reader.join();
  EXPECT_EQ(failures, 0);
  // Every answer came from a complete generation, and the last ones from the newest.
  for (int total : totals_seen) EXPECT_TRUE(total >= 1 && total <= 3) << total;
  EXPECT_TRUE(totals_seen.count(3));
  EXPECT_EQ(generations().size(), 2u);
}

}  // namespace
}  // namespace portal::search
