#include "store/listing_store.h"

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "core/errors.h"
#include "core/geo.h"
#include "core/listing_json.h"
#include "core/vocabulary.h"
#include "store/migrations.h"
#include "tests/store/store_test_support.h"
#include "tests/support/test_database.h"

namespace portal::store {
namespace {

using nlohmann::json;

using test_support::geo;
using test_support::must;
using test_support::parser;

json association_json(const std::string& id) {
  return {{"id", id}, {"name", "Holstebro Gåklub"}, {"municipality", "0661"}};
}

json activity_json(const std::string& id, const std::string& association) {
  return {{"id", id},
          {"association", association},
          {"title", "Gåtur ved Storåen"},
          {"interests", {"walking"}},
          {"location", {{"postcode", "7500"}}},
          {"schedule", {{{"weekday", "tue"}, {"start", "10:00"}}}}};
}

core::Association association(const json& j) { return must(parser().association(j)); }
core::Activity activity(const json& j) { return must(parser().activity(j)); }

class ListingStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<portal::testing::TestDatabase>();
    {
      pqxx::connection conn(db_->url());
      migrate(conn, builtin_migrations(), geo());
    }
    pool_ = std::make_unique<ConnectionPool>(db_->url(), 4);
    store_ = std::make_unique<ListingStore>(*pool_, parser());
  }

  void TearDown() override {
    store_.reset();
    pool_.reset();
    db_.reset();
  }

  int64_t count(const std::string& sql) {
    pqxx::connection conn(db_->url());
    pqxx::read_transaction t(conn);
    return t.exec1(sql)[0].as<int64_t>();
  }

  std::unique_ptr<portal::testing::TestDatabase> db_;
  std::unique_ptr<ConnectionPool> pool_;
  std::unique_ptr<ListingStore> store_;
};

using Outcomes = std::vector<WriteOutcome>;
constexpr auto kCreated = WriteOutcome::created;
constexpr auto kUpdated = WriteOutcome::updated;
constexpr auto kUnchanged = WriteOutcome::unchanged;

TEST_F(ListingStoreTest, ApplyReportsCreatedUpdatedAndUnchanged) {
  ListingBatch batch{{association(association_json("gaaklub"))},
                     {activity(activity_json("tirsdag", "gaaklub")), activity(activity_json("torsdag", "gaaklub"))}};
  BatchResult first = store_->apply(batch);
  EXPECT_EQ(first.associations, Outcomes{kCreated});
  EXPECT_EQ(first.activities, (Outcomes{kCreated, kCreated}));

  BatchResult again = store_->apply(batch);
  EXPECT_EQ(again.associations, Outcomes{kUnchanged});
  EXPECT_EQ(again.activities, (Outcomes{kUnchanged, kUnchanged}));

  batch.activities[1].title = "Torsdagsturen";
  BatchResult changed = store_->apply(batch);
  EXPECT_EQ(changed.associations, Outcomes{kUnchanged});
  EXPECT_EQ(changed.activities, (Outcomes{kUnchanged, kUpdated}));
  EXPECT_EQ(store_->activity("torsdag")->title, "Torsdagsturen");
  EXPECT_EQ(count("SELECT count(*) FROM activities"), 2);
}

TEST_F(ListingStoreTest, ChangeLogGetsOneRowPerCreatedOrUpdatedRecordInOrder) {
  ListingBatch batch{{association(association_json("gaaklub"))},
                     {activity(activity_json("b-tur", "gaaklub")), activity(activity_json("a-tur", "gaaklub"))}};
  store_->apply(batch);
  auto changes = store_->changes_after(0, 100);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].entity, "association");
  EXPECT_EQ(changes[0].entity_id, "gaaklub");
  EXPECT_EQ(changes[1].entity, "activity");
  EXPECT_EQ(changes[1].entity_id, "b-tur");
  EXPECT_EQ(changes[2].entity_id, "a-tur");
  for (const auto& c : changes) EXPECT_EQ(c.op, "upsert");
  EXPECT_LT(changes[0].id, changes[1].id);
  EXPECT_LT(changes[1].id, changes[2].id);
  EXPECT_EQ(store_->latest_change(), changes[2].id);

  store_->apply(batch);  // unchanged: nothing logged
  EXPECT_EQ(store_->latest_change(), changes[2].id);

  batch.activities[0].description = "Ny beskrivelse";
  store_->apply(batch);
  auto more = store_->changes_after(changes[2].id, 100);
  ASSERT_EQ(more.size(), 1u);
  EXPECT_EQ(more[0].entity, "activity");
  EXPECT_EQ(more[0].entity_id, "b-tur");
  EXPECT_EQ(more[0].op, "upsert");
  EXPECT_EQ(count("SELECT count(*) FROM change_log"), 4);
}

TEST_F(ListingStoreTest, ActivityWithUnknownAssociationWritesNothing) {
  ListingBatch batch{{association(association_json("gaaklub"))},
                     {activity(activity_json("tirsdag", "gaaklub")), activity(activity_json("fremmed", "ukendt"))}};
  try {
    store_->apply(batch);
    FAIL() << "expected core::Error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), core::ErrorCode::invalid_body);
    EXPECT_EQ(e.field(), "association");
    EXPECT_NE(std::string(e.what()).find("ukendt"), std::string::npos);
  }
  EXPECT_EQ(count("SELECT count(*) FROM associations"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM activities"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM change_log"), 0);
  EXPECT_EQ(store_->latest_change(), 0);
}

TEST_F(ListingStoreTest, ActivityMayReferenceAnAlreadyStoredAssociation) {
  store_->apply({{association(association_json("gaaklub"))}, {}});
  BatchResult result = store_->apply({{}, {activity(activity_json("tirsdag", "gaaklub"))}});
  EXPECT_EQ(result.activities, Outcomes{kCreated});
  EXPECT_EQ(store_->existing_associations({"gaaklub", "ukendt"}), std::set<std::string>{"gaaklub"});
  EXPECT_TRUE(store_->existing_associations({}).empty());
}

TEST_F(ListingStoreTest, RoundTripsEveryField) {
  const json assoc = {{"id", "roede-kors-aeoeaa"},
                      {"name", "Røde Kors – Æbeltoft, Ørsted og Århus"},
                      {"description", "Vi mødes hver uge.\nAlle er velkomne – også på æøå ÆØÅ."},
                      {"municipality", "0661"},
                      {"website", "https://roedekors.example.dk"},
                      {"email", "kontakt@roedekors.example.dk"},
                      {"phone", "+45 20 11 22 33"}};
  const json full = {{"id", "boerne-og-aeldre"},
                     {"association", "roede-kors-aeoeaa"},
                     {"title", "Strikkecafé på Østergård"},
                     {"description", "Hyggeligt samvær med kaffe og æblekage.\n\nTag dit strikketøj med."},
                     {"interests", {"crafts", "social"}},
                     {"target_groups", {"seniors", "living_alone"}},
                     {"location",
                      {{"name", "Kulturhuset Ågården"},
                       {"address", "Nørregade 1, 1. sal"},
                       {"postcode", "7500"},
                       {"city", "Holstebro"},
                       {"lat", 56.3612},
                       {"lon", 8.617}}},
                     {"schedule",
                      {{{"weekday", "tue"}, {"start", "10:00"}, {"end", "11:30"}},
                       {{"weekday", "thu"}, {"start", "14:00"}, {"end", "15:00"}, {"every_weeks", 2},
                        {"from", "2026-09-03"}},
                       {{"weekday", "sun"}, {"start", "19:00"}, {"week_of_month", -1}}}},
                     {"schedule_note", "Ikke i juli – sommerferie"},
                     {"transport", {"public_transport", "parking"}},
                     {"accessibility", {"wheelchair", "hearing_loop"}},
                     {"price_dkk", 0},
                     {"price_note", "Kaffe koster 5 kr."},
                     {"contact", {{"name", "Søren Ærø"}, {"phone", "+45 20 11 22 34"}, {"email", "soeren@example.dk"}}},
                     {"welcome", true},
                     {"updated_at", "2026-10-01"}};
  json bare = {{"id", "uden-pris"},
               {"association", "anden-forening"},
               {"title", "Besøgsven"},
               {"location", {{"postcode", "7100"}}}};
  const core::Association a = association(assoc);
  const core::Association plain = association({{"id", "anden-forening"}, {"name", "Anden forening"}});
  const core::Activity x = activity(full);
  const core::Activity y = activity(bare);
  store_->apply({{a, plain}, {x, y}});

  const auto stored_a = store_->association(a.id);
  ASSERT_TRUE(stored_a.has_value());
  EXPECT_EQ(core::to_json(*stored_a), core::to_json(a));
  EXPECT_EQ(stored_a->name, "Røde Kors – Æbeltoft, Ørsted og Århus");

  const auto stored_x = store_->activity(x.id);
  ASSERT_TRUE(stored_x.has_value());
  EXPECT_EQ(core::to_json(*stored_x), core::to_json(x));
  EXPECT_EQ(stored_x->title, "Strikkecafé på Østergård");
  EXPECT_EQ(stored_x->contact.name, "Søren Ærø");
  ASSERT_EQ(stored_x->schedule.size(), 3u);
  EXPECT_EQ(stored_x->schedule[1].every_weeks, 2);
  EXPECT_EQ(stored_x->schedule[2].week_of_month, -1);
  EXPECT_EQ(stored_x->price_dkk, 0);
  ASSERT_TRUE(stored_x->location.exact.has_value());
  EXPECT_DOUBLE_EQ(stored_x->location.coordinate.lat, 56.3612);
  EXPECT_EQ(stored_x->location.municipality, "0661");

  const auto stored_y = store_->activity(y.id);
  ASSERT_TRUE(stored_y.has_value());
  EXPECT_EQ(core::to_json(*stored_y), core::to_json(y));
  EXPECT_FALSE(stored_y->price_dkk.has_value());
  EXPECT_FALSE(stored_y->location.exact.has_value());

  // Key columns mirror the record.
  pqxx::connection conn(db_->url());
  pqxx::read_transaction t(conn);
  auto row = t.exec1(
      "SELECT association_id, title, description, postcode, municipality, lat, lon, "
      "  array_to_json(interests)::text, array_to_json(target_groups)::text, "
      "  array_to_json(transport)::text, array_to_json(accessibility)::text, price_dkk "
      "FROM activities WHERE id = 'boerne-og-aeldre'");
  EXPECT_EQ(row[0].as<std::string>(), "roede-kors-aeoeaa");
  EXPECT_EQ(row[1].as<std::string>(), "Strikkecafé på Østergård");
  EXPECT_EQ(row[2].as<std::string>(), x.description);
  EXPECT_EQ(row[3].as<std::string>(), "7500");
  EXPECT_EQ(row[4].as<std::string>(), "0661");
  EXPECT_DOUBLE_EQ(row[5].as<double>(), 56.3612);
  EXPECT_DOUBLE_EQ(row[6].as<double>(), 8.617);
  EXPECT_EQ(row[7].as<std::string>(), R"(["crafts","social"])");
  EXPECT_EQ(row[8].as<std::string>(), R"(["seniors","living_alone"])");
  EXPECT_EQ(row[9].as<std::string>(), R"(["public_transport","parking"])");
  EXPECT_EQ(row[10].as<std::string>(), R"(["wheelchair","hearing_loop"])");
  EXPECT_EQ(row[11].as<int>(), 0);

  row = t.exec1(
      "SELECT municipality, lat, lon, price_dkk IS NULL, cardinality(interests) FROM activities "
      "WHERE id = 'uden-pris'");
  EXPECT_EQ(row[0].as<std::string>(), geo().postcode("7100")->municipality);
  EXPECT_DOUBLE_EQ(row[1].as<double>(), geo().postcode("7100")->coordinate.lat);
  EXPECT_DOUBLE_EQ(row[2].as<double>(), geo().postcode("7100")->coordinate.lon);
  EXPECT_TRUE(row[3].as<bool>());
  EXPECT_EQ(row[4].as<int>(), 0);

  row = t.exec1(
      "SELECT (SELECT municipality FROM associations WHERE id = 'roede-kors-aeoeaa'), "
      "  (SELECT municipality IS NULL FROM associations WHERE id = 'anden-forening')");
  EXPECT_EQ(row[0].as<std::string>(), "0661");
  EXPECT_TRUE(row[1].as<bool>());
}

TEST_F(ListingStoreTest, ReadsActivitiesByIdInRequestOrderAndByAssociation) {
  store_->apply({{association(association_json("en")), association(association_json("to"))},
                 {activity(activity_json("a1", "en")), activity(activity_json("a2", "en")),
                  activity(activity_json("b1", "to"))}});
  auto found = store_->activities({"b1", "mangler", "a1"});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].id, "b1");
  EXPECT_EQ(found[1].id, "a1");
  EXPECT_TRUE(store_->activities({}).empty());

  auto of_en = store_->activities_of("en");
  ASSERT_EQ(of_en.size(), 2u);
  EXPECT_EQ(of_en[0].id, "a1");
  EXPECT_EQ(of_en[1].id, "a2");
  EXPECT_TRUE(store_->activities_of("ingen").empty());
  EXPECT_FALSE(store_->activity("mangler").has_value());
  EXPECT_FALSE(store_->association("mangler").has_value());
}

TEST_F(ListingStoreTest, SnapshotHoldsAllRecordsAndTheChangePosition) {
  Snapshot empty = store_->snapshot();
  EXPECT_EQ(empty.change_position, 0);
  EXPECT_TRUE(empty.activities.empty());
  EXPECT_TRUE(empty.associations.empty());

  store_->apply({{association(association_json("en")), association(association_json("to"))},
                 {activity(activity_json("b1", "to")), activity(activity_json("a1", "en"))}});
  Snapshot s = store_->snapshot();
  EXPECT_EQ(s.change_position, store_->latest_change());
  EXPECT_EQ(s.change_position, 4 + empty.change_position);
  ASSERT_EQ(s.activities.size(), 2u);
  EXPECT_EQ(s.activities[0].id, "a1");
  EXPECT_EQ(s.activities[1].id, "b1");
  ASSERT_EQ(s.associations.size(), 2u);
  EXPECT_EQ(s.associations.at("to").name, "Holstebro Gåklub");
}

TEST_F(ListingStoreTest, ChangesAfterPagesThroughTheLog) {
  ListingBatch batch{{association(association_json("en"))}, {}};
  for (int i = 0; i < 4; ++i) batch.activities.push_back(activity(activity_json("a" + std::to_string(i), "en")));
  store_->apply(batch);

  std::vector<std::string> seen;
  int64_t position = 0;
  int pages = 0;
  while (true) {
    auto page = store_->changes_after(position, 2);
    if (page.empty()) break;
    ++pages;
    EXPECT_LE(page.size(), 2u);
    for (const auto& c : page) {
      EXPECT_GT(c.id, position);
      position = c.id;
      seen.push_back(c.entity_id);
    }
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen, (std::vector<std::string>{"en", "a0", "a1", "a2", "a3"}));
  EXPECT_EQ(position, store_->latest_change());
  EXPECT_TRUE(store_->changes_after(position, 10).empty());
}

TEST_F(ListingStoreTest, DeleteActivityRemovesItAndLogsTheDeletion) {
  store_->apply({{association(association_json("en"))}, {activity(activity_json("a1", "en"))}});
  const int64_t before = store_->latest_change();

  EXPECT_TRUE(store_->delete_activity("a1"));
  EXPECT_FALSE(store_->activity("a1").has_value());
  auto changes = store_->changes_after(before, 10);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].entity, "activity");
  EXPECT_EQ(changes[0].entity_id, "a1");
  EXPECT_EQ(changes[0].op, "delete");

  EXPECT_FALSE(store_->delete_activity("a1"));
  EXPECT_EQ(store_->latest_change(), changes[0].id);

  // Re-creating it is a new "created" upsert.
  EXPECT_EQ(store_->apply({{}, {activity(activity_json("a1", "en"))}}).activities, Outcomes{kCreated});
}

class ChangeListener : public pqxx::notification_receiver {
 public:
  explicit ChangeListener(pqxx::connection_base& conn) : pqxx::notification_receiver(conn, kChangeChannel) {}
  void operator()(const std::string& payload, int) override { payloads.push_back(payload); }
  std::vector<std::string> payloads;
};

TEST_F(ListingStoreTest, NotifiesTheLatestChangeIdOnlyWhenSomethingChanged) {
  pqxx::connection listen_conn(db_->url());
  ChangeListener listener(listen_conn);
  listen_conn.get_notifs();  // runs the LISTEN

  ListingBatch batch{{association(association_json("en"))}, {activity(activity_json("a1", "en"))}};
  store_->apply(batch);
  store_->apply(batch);  // unchanged: no notification
  store_->delete_activity("a1");

  for (int i = 0; i < 50 && listener.payloads.size() < 2; ++i) listen_conn.await_notification(0, 100000);
  listen_conn.await_notification(0, 200000);
  ASSERT_EQ(listener.payloads.size(), 2u);
  EXPECT_EQ(listener.payloads[0], "2");
  EXPECT_EQ(listener.payloads[1], std::to_string(store_->latest_change()));
}

TEST_F(ListingStoreTest, ConcurrentWritersAllLandWithDistinctChangeIds) {
  store_->apply({{association(association_json("en"))}, {}});
  constexpr int kThreads = 4;
  constexpr int kBatches = 5;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < kThreads; ++w) {
    threads.emplace_back([&, w] {
      try {
        for (int b = 0; b < kBatches; ++b) {
          ListingBatch batch;
          for (int i = 0; i < 3; ++i) {
            batch.activities.push_back(
                activity(activity_json("w" + std::to_string(w) + "-" + std::to_string(b) + "-" + std::to_string(i), "en")));
          }
          store_->apply(batch);
        }
      } catch (const std::exception&) {
        ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(count("SELECT count(*) FROM activities"), kThreads * kBatches * 3);
  EXPECT_EQ(count("SELECT count(DISTINCT id) FROM change_log"), 1 + kThreads * kBatches * 3);
  EXPECT_EQ(store_->latest_change(), 1 + kThreads * kBatches * 3);
}

TEST_F(ListingStoreTest, BrokenConnectionIsReportedUnavailableAndReplaced) {
  try {
    with_connection(*pool_, [](pqxx::connection& conn) {
      pqxx::nontransaction t(conn);
      t.exec("SELECT pg_terminate_backend(pg_backend_pid())");
    });
    FAIL() << "expected core::Error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), core::ErrorCode::unavailable);
  }
  EXPECT_EQ(store_->latest_change(), 0);
}

TEST(ListingStoreUnavailableTest, UnreachableDatabaseIsUnavailable) {
  ConnectionPool pool("host=/tmp/portal-no-such-socket-dir port=1 dbname=x user=test connect_timeout=2", 2);
  ListingStore store(pool, parser());
  auto expect_unavailable = [](auto&& call) {
    try {
      call();
      ADD_FAILURE() << "expected core::Error";
    } catch (const core::Error& e) {
      EXPECT_EQ(e.code(), core::ErrorCode::unavailable);
      EXPECT_EQ(std::string(e.what()), "Databasen kan ikke nås lige nu. Prøv igen om lidt.");
    }
  };
  expect_unavailable([&] { store.latest_change(); });
  expect_unavailable([&] { store.snapshot(); });
  expect_unavailable([&] { store.apply({{association(association_json("en"))}, {}}); });
  // Failed connects give their slot back: more calls than the pool size still fail fast.
  expect_unavailable([&] { store.activity("a1"); });
  expect_unavailable([&] { store.delete_activity("a1"); });
}

// --- sources and withdrawal (apply with a SourceInfo) ----------------------------------------------

TEST_F(ListingStoreTest, ApplyWithASourceOwnsItsActivitiesAndWithdrawsTheAbsentOnes) {
  store_->apply({{association(association_json("gaaklub"))}, {activity(activity_json("api", "gaaklub"))}});
  auto source = [](std::vector<std::string> keep = {}) {
    return SourceInfo{"ics:gaaklub.ics", "ics", "gaaklub", true, std::move(keep)};
  };
  const BatchResult first = store_->apply(
      {{}, {activity(activity_json("a", "gaaklub")), activity(activity_json("b", "gaaklub")),
            activity(activity_json("c", "gaaklub"))}, source()});
  EXPECT_TRUE(first.withdrawn.empty());
  EXPECT_EQ(count("SELECT count(*) FROM activities WHERE source_id = 'ics:gaaklub.ics'"), 3);
  EXPECT_EQ(count("SELECT count(*) FROM sources WHERE id = 'ics:gaaklub.ics' AND association_id = 'gaaklub'"), 1);
  const int64_t changes = count("SELECT count(*) FROM change_log");

  // b is still delivered, but invalid (kept); c is gone; "api" has no source and stays.
  const BatchResult second = store_->apply({{}, {activity(activity_json("a", "gaaklub"))}, source({"b"})});
  EXPECT_EQ(second.activities, Outcomes{kUnchanged});
  EXPECT_EQ(second.withdrawn, std::vector<std::string>{"c"});
  EXPECT_FALSE(store_->activity("c"));
  EXPECT_TRUE(store_->activity("b"));
  EXPECT_TRUE(store_->activity("api"));
  EXPECT_EQ(count("SELECT count(*) FROM change_log"), changes + 1);
  EXPECT_EQ(count("SELECT count(*) FROM change_log WHERE op = 'delete' AND entity_id = 'c'"), 1);

  // Without withdraw nothing is deleted; a batch without a source leaves source_id alone.
  SourceInfo no_withdraw = source();
  no_withdraw.withdraw = false;
  EXPECT_TRUE(store_->apply({{}, {}, no_withdraw}).withdrawn.empty());
  EXPECT_TRUE(store_->activity("b"));
  store_->apply({{}, {activity(activity_json("a", "gaaklub"))}});
  EXPECT_EQ(count("SELECT count(*) FROM activities WHERE id = 'a' AND source_id = 'ics:gaaklub.ics'"), 1);
}

TEST_F(ListingStoreTest, ApplyConfirmsWrittenActivitiesAndMovesUnchangedOnesToTheirUpdatedDate) {
  json j = activity_json("a", "gaaklub");
  j["updated_at"] = "2026-01-15";
  store_->apply({{association(association_json("gaaklub"))}, {activity(j)}});
  EXPECT_EQ(count("SELECT count(*) FROM activities WHERE last_confirmed_at > now() - interval '1 hour'"), 1);
  {
    pqxx::connection conn(db_->url());
    pqxx::work t(conn);
    t.exec("UPDATE activities SET last_confirmed_at = '2025-06-01T00:00:00Z'");
    t.commit();
  }
  const int64_t changes = count("SELECT count(*) FROM change_log");
  EXPECT_EQ(store_->apply({{}, {activity(j)}}).activities, Outcomes{kUnchanged});
  EXPECT_EQ(count("SELECT count(*) FROM activities WHERE last_confirmed_at = '2026-01-15T00:00:00+01:00'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM change_log"), changes + 1);
  // Applying again moves nothing and logs nothing.
  store_->apply({{}, {activity(j)}});
  EXPECT_EQ(count("SELECT count(*) FROM change_log"), changes + 1);
}

}  // namespace
}  // namespace portal::store
