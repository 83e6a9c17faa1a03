// The portal-indexer program (contract section 2): `import FILE...` and `rebuild`, configured
// by PORTAL_DATABASE_URL and PORTAL_INDEX_DIR.
#include <chrono>
#include <filesystem>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/calendar.h"
#include "search/index.h"
#include "search/searcher.h"
#include "store/accounts.h"
#include "tests/indexer/indexer_fixture.h"
#include "tests/support/process.h"

namespace portal::indexer::tests {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using portal::testing::ProcessResult;
using portal::testing::run_indexer;
using portal::testing::TempDir;
using portal::testing::write_file;
using ::testing::HasSubstr;
using ::testing::Not;

class IndexerCliTest : public IndexerTest {
 protected:
  void SetUp() override {
    IndexerTest::SetUp();
    tmp_ = std::make_unique<TempDir>();
    index_dir_ = tmp_->path() / "index";
  }

  ProcessResult indexer(const std::vector<std::string>& args) { return run_indexer(args, db_->url(), index_dir_); }

  fs::path file(const std::string& name, const std::string& content) {
    const fs::path path = tmp_->path() / name;
    write_file(path, content);
    return path;
  }

  std::unique_ptr<TempDir> tmp_;
  fs::path index_dir_;
};

TEST_F(IndexerCliTest, ImportPrintsTheDanishSummary) {
  const std::string example = example_file().string();
  const ProcessResult first = indexer({"import", example});
  ASSERT_EQ(first.exit_code, 0) << first.describe();
  EXPECT_THAT(first.out, HasSubstr(example + ": 5 poster læst, 5 oprettet, 0 opdateret, 0 uændret, 0 ugyldige"));
  EXPECT_THAT(first.out, Not(HasSubstr("ugyldig:")));
  EXPECT_EQ(rows("activities"), 3);

  const ProcessResult second = indexer({"import", example});
  ASSERT_EQ(second.exit_code, 0) << second.describe();
  EXPECT_THAT(second.out, HasSubstr(example + ": 5 poster læst, 0 oprettet, 0 opdateret, 5 uændret, 0 ugyldige"));

  json doc = example_listings();
  doc["activities"][2]["title"] = "Få en besøgsven i Vejle";
  const fs::path changed = file("changed.json", doc.dump());
  const ProcessResult third = indexer({"import", changed.string()});
  ASSERT_EQ(third.exit_code, 0) << third.describe();
  EXPECT_THAT(third.out, HasSubstr(": 5 poster læst, 0 oprettet, 1 opdateret, 4 uændret, 0 ugyldige"));
}

TEST_F(IndexerCliTest, ImportReadsCsvFiles) {
  const fs::path path = file("aktiviteter.csv",
                             "Forening_id;Forening;Id;Titel;Postnummer;Tidspunkt;Pris\r\n"
                             "strik;Strikkeklubben;strik-cafe;Strikkecaf\xE9 for \xC6ldre;7100;wed 10:00-12:00;20 kr.\r\n"
                             "strik;Strikkeklubben;strik-tur;Tur;7100;hver onsdag;0\r\n");
  const ProcessResult r = indexer({"import", path.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_THAT(r.out, HasSubstr(path.string() + ": 3 poster læst, 2 oprettet, 0 opdateret, 0 uændret, 1 ugyldige"));
  EXPECT_THAT(r.out, HasSubstr("ugyldig: " + path.string() + " row 3 id=strik-tur felt=schedule: forstås ikke"));
  EXPECT_EQ(store_->activity("strik-cafe")->title, "Strikkecafé for Ældre");

  const ProcessResult again = indexer({"import", path.string()});
  ASSERT_EQ(again.exit_code, 0) << again.describe();
  EXPECT_THAT(again.out, HasSubstr(": 3 poster læst, 0 oprettet, 0 opdateret, 2 uændret, 1 ugyldige"));

  const fs::path broken = file("brudt.csv", "id;titel\nx;\"aldrig lukket\n");
  const ProcessResult bad = indexer({"import", broken.string()});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_THAT(bad.err, HasSubstr("lukkes aldrig"));
}

TEST_F(IndexerCliTest, ImportListsInvalidRecordsAndStillExitsZero) {
  json doc = example_listings();
  doc["activities"][1]["interests"] = {"walking", "knitting"};
  doc["activities"][2]["location"].erase("postcode");
  const fs::path path = file("delvis.json", doc.dump());

  const ProcessResult r = indexer({"import", path.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_THAT(r.out, HasSubstr(path.string() + ": 5 poster læst, 3 oprettet, 0 opdateret, 0 uændret, 2 ugyldige"));
  EXPECT_THAT(r.out, HasSubstr("ugyldig: " + path.string() +
                               " activities[1] id=holstebro-gaaklub-stavgang felt=interests[1]: ukendt kode 'knitting'"));
  EXPECT_THAT(r.out, HasSubstr("ugyldig: " + path.string() +
                               " activities[2] id=roede-kors-vejle-besoegsven felt=location.postcode: mangler"));
  EXPECT_EQ(rows("activities"), 1);
  EXPECT_EQ(rows("associations"), 2);
}

TEST_F(IndexerCliTest, MissingFileExitsNonZeroButOtherFilesAreImported) {
  const fs::path missing = tmp_->path() / "findes-ikke.json";
  const ProcessResult r = indexer({"import", missing.string(), example_file().string()});
  EXPECT_NE(r.exit_code, 0) << r.describe();
  EXPECT_EQ(r.signal, 0) << r.describe();
  EXPECT_THAT(r.err, HasSubstr(missing.string()));
  EXPECT_THAT(r.out, HasSubstr(example_file().string() + ": 5 poster læst, 5 oprettet"));
  EXPECT_EQ(rows("activities"), 3);
  EXPECT_EQ(rows("associations"), 2);
}

TEST_F(IndexerCliTest, NonJsonFileExitsNonZeroButOtherFilesAreImported) {
  const fs::path garbage = file("garbage.json", "dette er ikke JSON {");
  const fs::path array = file("array.json", "[1, 2, 3]");
  const ProcessResult r = indexer({"import", garbage.string(), example_file().string(), array.string()});
  EXPECT_NE(r.exit_code, 0) << r.describe();
  EXPECT_EQ(r.signal, 0) << r.describe();
  EXPECT_THAT(r.err, HasSubstr(garbage.string()));
  EXPECT_THAT(r.err, HasSubstr(array.string()));
  EXPECT_THAT(r.out, HasSubstr(example_file().string() + ": 5 poster læst, 5 oprettet"));
  EXPECT_EQ(rows("activities"), 3);
}

TEST_F(IndexerCliTest, SeveralFilesGetATotal) {
  json more = {{"activities",
                {{{"id", "holstebro-gaaklub-loerdag"},
                  {"association", "holstebro-gaaklub"},
                  {"title", "Lørdagsturen"},
                  {"location", {{"postcode", "7500"}}}}}}};
  const fs::path second = file("more.json", more.dump());
  const ProcessResult r = indexer({"import", example_file().string(), second.string()});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_THAT(r.out, HasSubstr(second.string() + ": 1 poster læst, 1 oprettet"));
  EXPECT_THAT(r.out, HasSubstr("i alt: 6 poster læst, 6 oprettet, 0 opdateret, 0 uændret, 0 ugyldige"));
}

TEST_F(IndexerCliTest, RebuildBuildsASearchableIndexAndPrintsTheCount) {
  ASSERT_EQ(indexer({"import", example_file().string()}).exit_code, 0);
  const ProcessResult r = indexer({"rebuild"});
  ASSERT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_THAT(r.out, HasSubstr("med 3 aktiviteter"));

  const search::IndexDirectory dir(index_dir_);
  const auto first = dir.current();
  ASSERT_TRUE(first) << "no index published in " << index_dir_;
  search::Searcher searcher(dir, vocabulary(), 1);
  EXPECT_EQ(searcher.size(), 3u);
  search::SearchRequest q;
  q.q = "Storåen";
  const json answer = searcher.search(q, core::copenhagen_time(std::chrono::system_clock::now()));
  ASSERT_EQ(answer.at("results").size(), 1u);
  EXPECT_EQ(answer["results"][0]["id"], "holstebro-gaaklub-tirsdag");

  // A second rebuild swaps in a new generation.
  const ProcessResult again = indexer({"rebuild"});
  ASSERT_EQ(again.exit_code, 0) << again.describe();
  ASSERT_TRUE(dir.current());
  EXPECT_NE(*dir.current(), *first);
  EXPECT_EQ(searcher.size(), 3u);
}

TEST_F(IndexerCliTest, EnvironmentVariablesAreHonoured) {
  // Run from an empty folder: without PORTAL_INDEX_DIR the index would land in ./var/index.
  const TempDir cwd;
  const ProcessResult imported = run_indexer({"import", example_file().string()}, db_->url(), index_dir_,
                                             std::chrono::seconds(120), cwd.path());
  ASSERT_EQ(imported.exit_code, 0) << imported.describe();
  EXPECT_EQ(rows("activities"), 3);  // PORTAL_DATABASE_URL named this test's database

  const ProcessResult rebuilt = run_indexer({"rebuild"}, db_->url(), index_dir_, std::chrono::seconds(120), cwd.path());
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.describe();
  EXPECT_TRUE(search::IndexDirectory(index_dir_).current());
  EXPECT_FALSE(fs::exists(cwd.path() / "var"));

  // A database URL that cannot be used fails with a message, not a crash.
  const std::string bad_url = portal::testing::with_dbname(db_->url(), "findes_ikke_" + db_->name());
  const ProcessResult bad = run_indexer({"import", example_file().string()}, bad_url, index_dir_);
  EXPECT_NE(bad.exit_code, 0) << bad.describe();
  EXPECT_EQ(bad.signal, 0) << bad.describe();
  EXPECT_THAT(bad.err, HasSubstr("fejl"));
}

TEST_F(IndexerCliTest, UsageErrorsExitNonZero) {
  const ProcessResult none = indexer({});
  EXPECT_NE(none.exit_code, 0) << none.describe();
  EXPECT_EQ(none.signal, 0);
  const ProcessResult no_files = indexer({"import"});
  EXPECT_NE(no_files.exit_code, 0) << no_files.describe();
  EXPECT_EQ(no_files.signal, 0);
  EXPECT_EQ(rows("activities"), 0);
}

// --- user add ---------------------------------------------------------------------------------

TEST_F(IndexerCliTest, UserAddReadsThePasswordFromStdinAndStoresOnlyItsHash) {
  ASSERT_EQ(indexer({"import", example_file().string()}).exit_code, 0);
  const auto add = [&](const std::vector<std::string>& args, const std::string& input) {
    std::vector<std::string> all = {"user", "add"};
    all.insert(all.end(), args.begin(), args.end());
    return portal::testing::run_indexer_with_input(all, db_->url(), input);
  };

  const ProcessResult ok = add({"anna", "--role", "association", "--association", "holstebro-gaaklub"},
                               "korrekt-hest-batteri\nanden linje\n");
  ASSERT_EQ(ok.exit_code, 0) << ok.describe();
  EXPECT_THAT(ok.out, HasSubstr("anna"));
  EXPECT_EQ(count("SELECT count(*) FROM accounts WHERE username = 'anna' AND role = 'association' "
                  "AND association_id = 'holstebro-gaaklub' AND password_hash LIKE '$argon2id$%' "
                  "AND password_hash NOT LIKE '%korrekt-hest%'"),
            1);
  // Only the first line is the password (a Windows line end is not part of it).
  const ProcessResult staff = add({"bo", "--role", "staff"}, "en-lang-adgangskode\r\n");
  ASSERT_EQ(staff.exit_code, 0) << staff.describe();
  // Staff get their team and municipality (docs/api-staff.md).
  const ProcessResult team = add({"dorte", "--role", "staff", "--team", "Forebyggende besøg Nord", "--municipality",
                                  "0630"},
                                 "korrekt-hest-batteri\n");
  ASSERT_EQ(team.exit_code, 0) << team.describe();
  EXPECT_THAT(team.out, HasSubstr("Forebyggende besøg Nord"));
  {
    store::ConnectionPool pool(db_->url(), 1);
    store::AccountStore accounts(pool);
    EXPECT_TRUE(accounts.verify_login("anna", "korrekt-hest-batteri"));
    EXPECT_TRUE(accounts.verify_login("bo", "en-lang-adgangskode"));
    const auto dorte = accounts.verify_login("dorte", "korrekt-hest-batteri");
    ASSERT_TRUE(dorte);
    EXPECT_EQ(dorte->team, "Forebyggende besøg Nord");
    EXPECT_EQ(dorte->municipality, "0630");
  }

  struct Bad {
    std::vector<std::string> args;
    std::string input;
    std::string message;
  };
  const std::vector<Bad> bad = {
      {{"cecilie", "--role", "admin"}, "korrekt-hest-batteri\n", "ukendt rolle"},
      {{"cecilie", "--role", "staff"}, "kort\n", "mindst 10 tegn"},
      {{"cecilie", "--role", "staff"}, "", "adgangskode"},
      {{"cecilie", "--role", "association"}, "korrekt-hest-batteri\n", "skal høre til en forening"},
      {{"cecilie", "--role", "association", "--association", "findes-ikke"}, "korrekt-hest-batteri\n",
       "'findes-ikke' findes ikke"},
      {{"cecilie", "--role", "staff", "--association", "holstebro-gaaklub"}, "korrekt-hest-batteri\n",
       "Kun konti med rollen association"},
      {{"ANNA", "--role", "staff"}, "korrekt-hest-batteri\n", "allerede i brug"},
      {{"cecilie", "--role", "staff", "--municipality", "9999"}, "korrekt-hest-batteri\n", "'9999' findes ikke"},
      {{"cecilie", "--role", "staff", "--municipality", "Vejle"}, "korrekt-hest-batteri\n", "fire cifre"},
      {{"cecilie", "--role", "association", "--association", "holstebro-gaaklub", "--team", "Nord"},
       "korrekt-hest-batteri\n", "Kun personale og koordinatorer"},
  };
  for (const auto& b : bad) {
    const ProcessResult r = add(b.args, b.input);
    EXPECT_NE(r.exit_code, 0) << r.describe();
    EXPECT_THAT(r.err, HasSubstr(b.message)) << r.describe();
  }
  EXPECT_EQ(rows("accounts"), 3);
}

TEST_F(IndexerCliTest, ImportsAnIcsFeedForAnAssociationAndWithdrawsOnReimport) {
  ASSERT_EQ(indexer({"import", example_file().string()}).exit_code, 0);
  const fs::path feed = tmp_->path() / "gaaklub.ics";
  fs::copy_file(fs::path(PORTAL_SOURCE_DIR) / "tests/indexer/data/holstebro-gaaklub.ics", feed);

  const ProcessResult missing = indexer({"import", feed.string()});
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_THAT(missing.err, HasSubstr("--association"));

  const ProcessResult first = indexer({"import", "--association", "holstebro-gaaklub", feed.string()});
  ASSERT_EQ(first.exit_code, 0) << first.describe();
  EXPECT_THAT(first.out, HasSubstr(feed.string() + ": 7 poster læst, 5 oprettet, 0 opdateret, 0 uændret, 2 ugyldige"));
  EXPECT_THAT(first.out, HasSubstr("VEVENT[6] id=holstebro-gaaklub-morgengymnastik-holstebro-gaaklub-dk felt=RRULE"));
  EXPECT_THAT(first.out, HasSubstr("bemærk:"));
  EXPECT_EQ(count("SELECT count(*) FROM activities WHERE source_id = 'ics:gaaklub.ics'"), 5);
  const auto fest = store_->activity("holstebro-gaaklub-hoestfest-2026-holstebro-gaaklub-dk");
  ASSERT_TRUE(fest);
  EXPECT_EQ(fest->title, "Høstfest med ærtesuppe og æbleskiver");

  // The feed without the harvest party: it is withdrawn and listed.
  std::string content = portal::testing::read_file(feed);
  const auto begin = content.find("BEGIN:VEVENT\r\nUID:hoestfest");
  ASSERT_NE(begin, std::string::npos);
  const auto end = content.find("END:VEVENT\r\n", begin) + std::string("END:VEVENT\r\n").size();
  content.erase(begin, end - begin);
  write_file(feed, content);
  const ProcessResult second =
      indexer({"import", "--source", "ics:gaaklub.ics", "--association", "holstebro-gaaklub", feed.string()});
  ASSERT_EQ(second.exit_code, 0) << second.describe();
  EXPECT_THAT(second.out, HasSubstr("1 trukket tilbage"));
  EXPECT_THAT(second.out, HasSubstr("Trukket tilbage: holstebro-gaaklub-hoestfest-2026-holstebro-gaaklub-dk"));
  EXPECT_FALSE(store_->activity("holstebro-gaaklub-hoestfest-2026-holstebro-gaaklub-dk"));
  EXPECT_TRUE(store_->activity("holstebro-gaaklub-tirsdag"));  // from the JSON file: another source

  // One named source cannot span several files.
  const ProcessResult two = indexer({"import", "--source", "x", "--association", "holstebro-gaaklub", feed.string(),
                                     example_file().string()});
  EXPECT_EQ(two.exit_code, 1) << two.describe();
  EXPECT_THAT(two.err, HasSubstr("--source"));
}

}  // namespace
}  // namespace portal::indexer::tests
