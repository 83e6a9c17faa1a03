// indexer::Importer against a real PostgreSQL (contract section 1: listing files).
#include "indexer/importer.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "tests/indexer/indexer_fixture.h"

namespace portal::indexer::tests {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

const RecordIssue* issue_for(const ImportSummary& s, const std::string& record) {
  auto it = std::find_if(s.issues.begin(), s.issues.end(), [&](const RecordIssue& i) { return i.record == record; });
  return it == s.issues.end() ? nullptr : &*it;
}

json activity(const std::string& id, const std::string& association, const std::string& title) {
  return {{"id", id},
          {"association", association},
          {"title", title},
          {"interests", {"walking"}},
          {"location", {{"postcode", "7500"}}},
          {"schedule", {{{"weekday", "tue"}, {"start", "10:00"}}}}};
}

using ImporterTest = IndexerTest;

TEST_F(ImporterTest, ImportsTheContractExample) {
  const ImportSummary s = importer_->import_file(example_file().string());
  EXPECT_EQ(s.read, 5u);
  EXPECT_EQ(s.created, 5u);
  EXPECT_EQ(s.updated, 0u);
  EXPECT_EQ(s.unchanged, 0u);
  EXPECT_EQ(s.invalid, 0u);
  EXPECT_TRUE(s.issues.empty());
  EXPECT_EQ(rows("associations"), 2);
  EXPECT_EQ(rows("activities"), 3);
  EXPECT_EQ(rows("change_log"), 5);

  const auto tirsdag = store_->activity("holstebro-gaaklub-tirsdag");
  ASSERT_TRUE(tirsdag);
  EXPECT_EQ(tirsdag->title, "Tirsdagsturen ved Storåen");
  EXPECT_EQ(tirsdag->association, "holstebro-gaaklub");
  EXPECT_EQ(tirsdag->location.municipality, "0661");
  const auto besoeg = store_->activity("roede-kors-vejle-besoegsven");
  ASSERT_TRUE(besoeg);
  EXPECT_TRUE(besoeg->schedule.empty());
  EXPECT_EQ(store_->association("roede-kors-vejle-besoegsvenner")->name, "Røde Kors Vejle – besøgsvenner");
}

TEST_F(ImporterTest, ReimportLeavesEverythingUnchangedAndLogsNothing) {
  importer_->import_file(example_file().string());
  const int64_t changes = rows("change_log");
  const int64_t latest = store_->latest_change();

  const ImportSummary again = importer_->import_file(example_file().string());
  EXPECT_EQ(again.read, 5u);
  EXPECT_EQ(again.created, 0u);
  EXPECT_EQ(again.updated, 0u);
  EXPECT_EQ(again.unchanged, 5u);
  EXPECT_EQ(again.invalid, 0u);
  EXPECT_EQ(rows("change_log"), changes);
  EXPECT_EQ(store_->latest_change(), latest);
}

TEST_F(ImporterTest, ModifiedRecordsAreUpdatedInPlace) {
  importer_->import_file(example_file().string());
  const int64_t changes = rows("change_log");

  json doc = example_listings();
  doc["activities"][1]["title"] = "Stavgang for øvede";
  doc["associations"][0]["name"] = "Holstebro Gå- og Vandreklub";
  doc["activities"][0]["some_future_field"] = "ignored";  // unknown fields change nothing
  const ImportSummary s = import(doc);
  EXPECT_EQ(s.read, 5u);
  EXPECT_EQ(s.created, 0u);
  EXPECT_EQ(s.updated, 2u);
  EXPECT_EQ(s.unchanged, 3u);
  EXPECT_EQ(s.invalid, 0u);
  EXPECT_EQ(rows("activities"), 3);
  EXPECT_EQ(rows("change_log"), changes + 2);
  EXPECT_EQ(store_->activity("holstebro-gaaklub-stavgang")->title, "Stavgang for øvede");
  EXPECT_EQ(store_->association("holstebro-gaaklub")->name, "Holstebro Gå- og Vandreklub");
}

TEST_F(ImporterTest, InvalidRecordsAreReportedAndEveryValidOneStored) {
  importer_->import_file(example_file().string());  // holstebro-gaaklub now exists in the portal

  json doc = {
      {"associations",
       {{{"id", "ny-forening"}, {"name", "Ny Forening"}, {"municipality", "0661"}},
        {{"id", "uden-navn"}}}},
      {"activities", json::array()}};
  auto& acts = doc["activities"];
  acts.push_back(activity("ny-aktivitet", "ny-forening", "Den første"));                          // 0 valid
  acts.push_back(activity("ukendt-interesse", "ny-forening", "Strikkecafé"));                      // 1
  acts.back()["interests"] = {"knitting"};
  acts.push_back(activity("daarligt-postnummer", "ny-forening", "Tur"));                           // 2
  acts.back()["location"]["postcode"] = "0000";
  acts.push_back(activity("uden-titel", "ny-forening", "x"));                                      // 3
  acts.back().erase("title");
  acts.push_back(activity("uden-postnummer", "ny-forening", "Tur"));                               // 4
  acts.back()["location"] = {{"city", "Holstebro"}};
  acts.push_back(activity("ukendt-forening", "findes-ikke", "Tur"));                               // 5
  acts.push_back(activity("ny-aktivitet", "ny-forening", "Dubletten"));                            // 6
  acts.push_back(42);                                                                              // 7
  acts.push_back(activity("gammel-forening-tur", "holstebro-gaaklub", "Torsdagstur"));             // 8 valid
  acts.push_back(activity("ny-aktivitet-2", "ny-forening", "Den anden"));                          // 9 valid
  acts.back()["unknown_field"] = {{"nested", true}};

  const ImportSummary s = import(doc, "blandet.json");
  EXPECT_EQ(s.read, 12u);
  EXPECT_EQ(s.created, 4u);
  EXPECT_EQ(s.updated, 0u);
  EXPECT_EQ(s.unchanged, 0u);
  EXPECT_EQ(s.invalid, 8u);
  EXPECT_EQ(s.issues.size(), 8u);

  struct Expected {
    std::string record, id, field, reason;
  };
  const std::vector<Expected> expected = {
      {"associations[1]", "uden-navn", "name", "mangler"},
      {"activities[1]", "ukendt-interesse", "interests[0]", "ukendt kode 'knitting'"},
      {"activities[2]", "daarligt-postnummer", "location.postcode", "ukendt postnummer"},
      {"activities[3]", "uden-titel", "title", "mangler"},
      {"activities[4]", "uden-postnummer", "location.postcode", "mangler"},
      {"activities[5]", "ukendt-forening", "association", "findes hverken i filen eller i portalen"},
      {"activities[6]", "ny-aktivitet", "id", "flere gange"},
      {"activities[7]", "", "", "JSON-objekt"},
  };
  for (const auto& e : expected) {
    SCOPED_TRACE(e.record);
    const RecordIssue* issue = issue_for(s, e.record);
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(issue->file, "blandet.json");
    EXPECT_EQ(issue->id, e.id);
    EXPECT_EQ(issue->field, e.field);
    EXPECT_THAT(issue->reason, HasSubstr(e.reason));
  }
  for (const char* valid : {"activities[0]", "activities[8]", "activities[9]", "associations[0]"}) {
    EXPECT_EQ(issue_for(s, valid), nullptr) << valid;
  }

  EXPECT_EQ(rows("associations"), 3);
  EXPECT_EQ(rows("activities"), 6);
  EXPECT_EQ(store_->activity("ny-aktivitet")->title, "Den første");
  EXPECT_TRUE(store_->activity("gammel-forening-tur"));
  EXPECT_TRUE(store_->activity("ny-aktivitet-2"));
  for (const char* invalid : {"ukendt-interesse", "daarligt-postnummer", "uden-titel", "uden-postnummer", "ukendt-forening"}) {
    EXPECT_FALSE(store_->activity(invalid)) << invalid;
  }
  EXPECT_FALSE(store_->association("uden-navn"));

  const std::string report = format_summary("blandet.json", s);
  EXPECT_THAT(report, HasSubstr("blandet.json: 12 poster læst, 4 oprettet, 0 opdateret, 0 uændret, 8 ugyldige"));
  EXPECT_THAT(report, HasSubstr("ugyldig: blandet.json activities[1] id=ukendt-interesse felt=interests[0]: ukendt kode"));
}

TEST_F(ImporterTest, ActivityMayReferToAnAssociationStoredByAnEarlierImport) {
  importer_->import_file(example_file().string());
  const json doc = {{"activities", {activity("holstebro-gaaklub-loerdag", "holstebro-gaaklub", "Lørdagsturen")}}};
  const ImportSummary s = import(doc);
  EXPECT_EQ(s.read, 1u);
  EXPECT_EQ(s.created, 1u);
  EXPECT_EQ(s.invalid, 0u);
  EXPECT_TRUE(s.issues.empty());
  EXPECT_EQ(store_->activity("holstebro-gaaklub-loerdag")->association, "holstebro-gaaklub");
}

TEST_F(ImporterTest, UnusableFilesThrowFileErrorAndWriteNothing) {
  const std::vector<std::string> contents = {
      "",
      "not json at all",
      "{\"associations\": [",
      "[]",
      "\"associations\"",
      "{}",
      "{\"other\": []}",
      "{\"associations\": {}, \"activities\": []}",
      "{\"associations\": [], \"activities\": \"none\"}",
      "\xff\xfe{}",
  };
  for (const auto& content : contents) {
    SCOPED_TRACE(content);
    EXPECT_THROW(importer_->import_json("bad.json", content), FileError);
  }
  // Valid associations do not get written when the activities are not a list.
  json doc = example_listings();
  doc["activities"] = "broken";
  EXPECT_THROW(import(doc), FileError);

  EXPECT_THROW(importer_->import_file("/nonexistent/listings.json"), FileError);
  EXPECT_EQ(rows("associations"), 0);
  EXPECT_EQ(rows("activities"), 0);
  EXPECT_EQ(rows("change_log"), 0);
}

TEST_F(ImporterTest, FileErrorNamesTheFileInDanish) {
  try {
    importer_->import_json("liste.json", "{nope");
    FAIL() << "no FileError";
  } catch (const FileError& e) {
    EXPECT_THAT(e.what(), HasSubstr("liste.json"));
    EXPECT_THAT(e.what(), HasSubstr("ikke gyldig JSON"));
  }
}

TEST_F(ImporterTest, DatabaseDownThrowsUnavailableAndWritesNothing) {
  // The pool holds a live connection, which the outage terminates.
  EXPECT_EQ(store_->latest_change(), 0);
  {
    DatabaseOutage outage(db_->name());
    try {
      importer_->import_file(example_file().string());
      FAIL() << "the import succeeded although the database refuses connections";
    } catch (const core::Error& e) {
      EXPECT_EQ(e.code(), core::ErrorCode::unavailable) << e.what();
    }
    // Also with an activity-only file, which first looks up stored associations.
    const json doc = {{"activities", {activity("tur", "holstebro-gaaklub", "Tur")}}};
    try {
      import(doc);
      FAIL() << "the import succeeded although the database refuses connections";
    } catch (const core::Error& e) {
      EXPECT_EQ(e.code(), core::ErrorCode::unavailable) << e.what();
    }
  }
  EXPECT_EQ(rows("associations"), 0);
  EXPECT_EQ(rows("activities"), 0);
  EXPECT_EQ(rows("change_log"), 0);

  // The pool recovers once the database is back.
  const ImportSummary s = importer_->import_file(example_file().string());
  EXPECT_EQ(s.created, 5u);
}

}  // namespace
}  // namespace portal::indexer::tests
