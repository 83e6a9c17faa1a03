// Importer::import_content against a real PostgreSQL: iCalendar and HSDS files as sources,
// re-import, withdrawal and freshness (docs/imports.md).
#include <algorithm>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/calendar.h"
#include "tests/indexer/indexer_fixture.h"

namespace portal::indexer::tests {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

std::string fixture(const std::string& name) {
  return portal::testing::read_file(std::filesystem::path(PORTAL_SOURCE_DIR) / "tests/indexer/data" / name);
}

// A calendar for holstebro-gaaklub with the given events (UID, SUMMARY, LOCATION), weekly on
// Tuesdays at 10:00.
std::string feed(const std::vector<std::pair<std::string, std::string>>& events) {
  std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//DA\r\n";
  for (const auto& [uid, location] : events) {
    out += "BEGIN:VEVENT\r\nUID:" + uid + "\r\nSUMMARY:Gåtur " + uid + "\r\nLOCATION:" + location +
           "\r\nLAST-MODIFIED:20260801T100000Z\r\nDTSTART;TZID=Europe/Copenhagen:20260901T100000\r\n"
           "RRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n";
  }
  return out + "END:VCALENDAR\r\n";
}

constexpr const char* kHolstebro = "Kulturhuset\\, Nørregade 1\\, 7500 Holstebro";

class SourceImportTest : public IndexerTest {
 protected:
  void SetUp() override {
    IndexerTest::SetUp();
    // The associations and three activities, without a source.
    importer_->import_json("example.json", portal::testing::read_file(example_file()));
  }

  ImportSummary ics(const std::string& content, const std::string& name = "gaaklub.ics") {
    return importer_->import_content(name, content, {"", "holstebro-gaaklub"});
  }

  std::string source_of(const std::string& id) const {
    pqxx::connection conn(db_->url());
    pqxx::read_transaction t(conn);
    const auto r = t.exec_params1("SELECT COALESCE(source_id, '(null)') FROM activities WHERE id = $1", id);
    return r[0].as<std::string>();
  }

  std::string confirmed(const std::string& id) const {
    pqxx::connection conn(db_->url());
    pqxx::read_transaction t(conn);
    return t.exec_params1("SELECT last_confirmed_at::text FROM activities WHERE id = $1", id)[0].as<std::string>();
  }

  void exec(const std::string& sql) const {
    pqxx::connection conn(db_->url());
    pqxx::work t(conn);
    t.exec(sql);
    t.commit();
  }

  int64_t deletes_of(const std::string& id) const {
    return count("SELECT count(*) FROM change_log WHERE op = 'delete' AND entity_id = '" + id + "'");
  }
};

TEST_F(SourceImportTest, IcsFeedIsStoredWithItsScheduleAndDanishLetters) {
  const ImportSummary s = importer_->import_file(
      (std::filesystem::path(PORTAL_SOURCE_DIR) / "tests/indexer/data/holstebro-gaaklub.ics").string(),
      {"", "holstebro-gaaklub"});
  EXPECT_EQ(s.read, 7u);
  EXPECT_EQ(s.created, 5u);
  EXPECT_EQ(s.invalid, 2u);
  const auto invalid_fields = [&] {
    std::vector<std::string> out;
    for (const auto& i : s.issues) {
      if (!i.note) out.push_back(i.record + " " + i.field);
    }
    return out;
  }();
  EXPECT_THAT(invalid_fields, ::testing::UnorderedElementsAre("VEVENT[6] RRULE", "VEVENT[7] LOCATION"));

  const auto tur = store_->activity("holstebro-gaaklub-tirsdagsturen-2026-holstebro-gaaklub-dk");
  ASSERT_TRUE(tur);
  EXPECT_EQ(tur->title,
            "Tirsdagsturen ved Storåen – for alle, der kan gå 5 km i roligt tempo og nyder en kop kaffe bagefter");
  EXPECT_EQ(tur->location.address, "Nørregade 1");
  EXPECT_EQ(tur->interests, (std::vector<std::string>{"walking", "social"}));
  EXPECT_EQ(core::to_json(*tur).at("schedule"),
            json::parse(R"([{"weekday":"tue","start":"10:00","end":"11:30","from":"2026-09-01",
                             "except":["2026-10-13","2026-12-22","2026-12-29"]}])"));
  const auto fest = store_->activity("holstebro-gaaklub-hoestfest-2026-holstebro-gaaklub-dk");
  ASSERT_TRUE(fest);
  EXPECT_EQ(fest->title, "Høstfest med ærtesuppe og æbleskiver");
  EXPECT_EQ(core::to_json(*fest).at("schedule")[0].at("until"), "2026-10-10");
  EXPECT_EQ(source_of(fest->id), "ics:holstebro-gaaklub.ics");
  EXPECT_EQ(count("SELECT count(*) FROM sources WHERE id = 'ics:holstebro-gaaklub.ics' AND kind = 'ics' "
                  "AND association_id = 'holstebro-gaaklub'"),
            1);
}

TEST_F(SourceImportTest, HsdsFileIsStoredWithDanishLetters) {
  const ImportSummary s = importer_->import_content("aeldre-sagen.json", fixture("aeldre-sagen-aarhus.hsds.json"), {});
  EXPECT_EQ(s.read, 4u);
  EXPECT_EQ(s.created, 3u);
  EXPECT_EQ(s.invalid, 1u);
  const auto org = store_->association("3f2b6c1e-9a4d-4e7b-8c21-5d0a7e9f1b23");
  ASSERT_TRUE(org);
  EXPECT_EQ(org->name, "Ældre Sagen Århus – frivillige");
  const auto strik = store_->activity("strikkecafe-graenseloes");
  ASSERT_TRUE(strik);
  EXPECT_EQ(strik->title, "Strikkecafé på Grønnegade");
  EXPECT_EQ(strik->location.municipality, "0751");
  EXPECT_EQ(strik->schedule.size(), 2u);
  EXPECT_EQ(source_of("strikkecafe-graenseloes"), "hsds:aeldre-sagen.json");
}

TEST_F(SourceImportTest, ReimportOfTheSameFileChangesNothing) {
  const std::string content = fixture("holstebro-gaaklub.ics");
  ics(content);
  const int64_t changes = rows("change_log");
  const std::string when = confirmed("holstebro-gaaklub-hoestfest-2026-holstebro-gaaklub-dk");

  const ImportSummary again = ics(content);
  EXPECT_EQ(again.created, 0u);
  EXPECT_EQ(again.updated, 0u);
  EXPECT_EQ(again.unchanged, 5u);
  EXPECT_EQ(again.withdrawn, 0u);
  EXPECT_EQ(rows("change_log"), changes);
  EXPECT_EQ(confirmed("holstebro-gaaklub-hoestfest-2026-holstebro-gaaklub-dk"), when);
}

TEST_F(SourceImportTest, ActivitiesMissingFromTheSourceAreWithdrawn) {
  ics(feed({{"a", kHolstebro}, {"b", kHolstebro}, {"c", kHolstebro}}));
  ASSERT_TRUE(store_->activity("holstebro-gaaklub-b"));

  const ImportSummary s = ics(feed({{"a", kHolstebro}, {"c", kHolstebro}}));
  EXPECT_EQ(s.withdrawn, 1u);
  EXPECT_EQ(s.withdrawn_ids, std::vector<std::string>{"holstebro-gaaklub-b"});
  EXPECT_FALSE(store_->activity("holstebro-gaaklub-b"));
  EXPECT_TRUE(store_->activity("holstebro-gaaklub-a"));
  EXPECT_EQ(deletes_of("holstebro-gaaklub-b"), 1);
  EXPECT_THAT(format_summary("gaaklub.ics", s), HasSubstr("1 trukket tilbage"));
  EXPECT_THAT(format_summary("gaaklub.ics", s), HasSubstr("Trukket tilbage: holstebro-gaaklub-b"));

  // Another file is another source: it withdraws nothing of the first.
  const ImportSummary other = ics(feed({{"x", kHolstebro}}), "andet.ics");
  EXPECT_EQ(other.withdrawn, 0u);
  EXPECT_TRUE(store_->activity("holstebro-gaaklub-a"));
}

TEST_F(SourceImportTest, AnInvalidRecordWithAReadableIdIsNotWithdrawn) {
  ics(feed({{"a", kHolstebro}, {"b", kHolstebro}}));
  const ImportSummary s = ics(feed({{"a", kHolstebro}, {"b", "Klubhuset ved søen"}}));
  EXPECT_EQ(s.invalid, 1u);
  EXPECT_EQ(s.withdrawn, 0u);
  const auto b = store_->activity("holstebro-gaaklub-b");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->location.postcode, "7500");  // the old version is kept
  EXPECT_EQ(deletes_of("holstebro-gaaklub-b"), 0);
}

TEST_F(SourceImportTest, AFileWithoutValidActivitiesWithdrawsNothingAndSaysSo) {
  ics(feed({{"a", kHolstebro}, {"b", kHolstebro}}));
  const ImportSummary s = ics(feed({}));
  EXPECT_EQ(s.withdrawn, 0u);
  EXPECT_TRUE(store_->activity("holstebro-gaaklub-a"));
  EXPECT_TRUE(store_->activity("holstebro-gaaklub-b"));
  EXPECT_THAT(format_summary("gaaklub.ics", s), HasSubstr("ingen aktiviteter er trukket tilbage"));
}

TEST_F(SourceImportTest, ActivitiesWithoutSourceAreNeverWithdrawnButCanBeTakenOver) {
  // holstebro-gaaklub-stavgang came from a plain import_json: no source.
  ASSERT_EQ(source_of("holstebro-gaaklub-stavgang"), "(null)");
  ics(feed({{"a", kHolstebro}, {"tirsdag", kHolstebro}}));
  // The feed delivers holstebro-gaaklub-tirsdag (UID "tirsdag"): the source takes it over.
  EXPECT_EQ(source_of("holstebro-gaaklub-tirsdag"), "ics:gaaklub.ics");
  EXPECT_EQ(source_of("holstebro-gaaklub-stavgang"), "(null)");

  const ImportSummary s = ics(feed({{"a", kHolstebro}}));
  EXPECT_EQ(s.withdrawn_ids, std::vector<std::string>{"holstebro-gaaklub-tirsdag"});
  EXPECT_TRUE(store_->activity("holstebro-gaaklub-stavgang"));
}

TEST_F(SourceImportTest, NamedSourceOwnsWhatItImports) {
  importer_->import_content("x.ics", feed({{"a", kHolstebro}}), {"gaaklub-kalender", "holstebro-gaaklub"});
  EXPECT_EQ(source_of("holstebro-gaaklub-a"), "gaaklub-kalender");
  // The same feed under another file name but the same source name withdraws as one source.
  const ImportSummary s =
      importer_->import_content("y.ics", feed({{"b", kHolstebro}}), {"gaaklub-kalender", "holstebro-gaaklub"});
  EXPECT_EQ(s.withdrawn_ids, std::vector<std::string>{"holstebro-gaaklub-a"});
}

TEST_F(SourceImportTest, FreshnessMovesToTheUpdatedDateOnlyWhenLaterAndTellsTheIndex) {
  ics(feed({{"a", kHolstebro}}));
  exec("UPDATE activities SET last_confirmed_at = '2020-01-01T00:00:00Z' WHERE id = 'holstebro-gaaklub-a'");
  const int64_t changes = rows("change_log");

  const ImportSummary s = ics(feed({{"a", kHolstebro}}));
  EXPECT_EQ(s.unchanged, 1u);
  EXPECT_EQ(rows("change_log"), changes + 1);
  EXPECT_EQ(count("SELECT count(*) FROM change_log WHERE op = 'upsert' AND entity_id = 'holstebro-gaaklub-a'"), 2);
  // LAST-MODIFIED 2026-08-01 → midnight in Copenhagen (summer time).
  EXPECT_EQ(count("SELECT count(*) FROM activities WHERE id = 'holstebro-gaaklub-a' "
                  "AND last_confirmed_at = '2026-08-01T00:00:00+02:00'"),
            1);

  ics(feed({{"a", kHolstebro}}));
  EXPECT_EQ(rows("change_log"), changes + 1);
}

TEST_F(SourceImportTest, ChangedActivityIsConfirmedNow) {
  ics(feed({{"a", kHolstebro}}));
  exec("UPDATE activities SET last_confirmed_at = '2020-01-01T00:00:00Z' WHERE id = 'holstebro-gaaklub-a'");
  const ImportSummary s = ics(feed({{"a", "Nørregade 1\\, 7500 Holstebro"}}));
  EXPECT_EQ(s.updated, 1u);
  EXPECT_EQ(count("SELECT count(*) FROM activities WHERE id = 'holstebro-gaaklub-a' "
                  "AND last_confirmed_at > now() - interval '1 hour'"),
            1);
}

TEST_F(SourceImportTest, IcsNeedsAnExistingAssociation) {
  EXPECT_THROW(importer_->import_content("gaaklub.ics", feed({{"a", kHolstebro}}), {}), FileError);
  EXPECT_THROW(importer_->import_content("gaaklub.ics", feed({{"a", kHolstebro}}), {"", "findes-ikke"}), FileError);
  EXPECT_EQ(count("SELECT count(*) FROM sources"), 0);
}

TEST_F(SourceImportTest, FormatIsChosenByContentWhenTheNameSaysNothing) {
  const ImportSummary cal = importer_->import_content("upload-1", feed({{"a", kHolstebro}}), {"", "holstebro-gaaklub"});
  EXPECT_EQ(cal.created, 1u);
  EXPECT_EQ(source_of("holstebro-gaaklub-a"), "ics:upload-1");
  const ImportSummary hsds = importer_->import_content("upload-2", fixture("aeldre-sagen-aarhus.hsds.json"), {});
  EXPECT_EQ(hsds.created, 3u);
  EXPECT_EQ(source_of("strikkecafe-graenseloes"), "hsds:upload-2");
  EXPECT_THROW(importer_->import_content("upload-3.json", "{\"hello\": 1}", {}), FileError);
}

TEST_F(SourceImportTest, AnAssociationOptionRejectsOtherAssociationsRecords) {
  const ImportSummary s = importer_->import_content("eksempel.json", portal::testing::read_file(example_file()),
                                                    {"", "holstebro-gaaklub"});
  EXPECT_EQ(s.invalid, 1u);  // roede-kors-vejle-besoegsven
  ASSERT_FALSE(s.issues.empty());
  EXPECT_EQ(s.issues[0].field, "association");
}

}  // namespace
}  // namespace portal::indexer::tests
