// Importer::import_csv / import_file with CSV files against a real PostgreSQL
// (contract section 1: the same data as CSV; docs/imports.md).
#include <algorithm>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "indexer/importer.h"
#include "tests/indexer/indexer_fixture.h"
#include "tests/support/process.h"

namespace portal::indexer::tests {
namespace {

using ::testing::HasSubstr;

// Windows-1252, ';'-separated, CRLF, as saved by a Danish Excel; row 3 has an unknown postcode.
const std::string kWindows1252 =
    "Forening_id;Forening;Kommune;Id;Titel;Interesser;Postnummer;Tidspunkt;Pris;Velkomst\r\n"
    "holstebro-gaaklub;Holstebro G\xE5klub;0661;gaatur;G\xE5tur ved Stor\xE5" "en;walking;7500;tue 10:00-11:30;0;ja\r\n"
    "holstebro-gaaklub;Holstebro G\xE5klub;0661;aeldre-kaffe;Kaffe for \xC6ldre;social;9999;thu 14:00-15:00 /2;20 kr.;x\r\n"
    "holstebro-gaaklub;Holstebro G\xE5klub;0661;soenderland;Gymnastik i S\xF8nderland;exercise;7500;"
    "\"mon 9:00-10:00; fri 9:00-10:00 #-1\";;nej\r\n";

using CsvImportTest = IndexerTest;

TEST_F(CsvImportTest, Windows1252FileImportsValidRowsReportsTheInvalidOneAndReimportsUnchanged) {
  portal::testing::TempDir tmp;
  const auto path = (tmp.path() / "aktiviteter.csv").string();
  portal::testing::write_file(path, kWindows1252);

  const ImportSummary s = importer_->import_file(path);
  EXPECT_EQ(s.read, 4u);  // one association, three activity rows
  EXPECT_EQ(s.created, 3u);
  EXPECT_EQ(s.invalid, 1u);
  ASSERT_EQ(s.issues.size(), 1u) << format_summary(path, s);
  EXPECT_EQ(s.issues[0].file, path);
  EXPECT_EQ(s.issues[0].record, "row 3");
  EXPECT_EQ(s.issues[0].id, "aeldre-kaffe");
  EXPECT_EQ(s.issues[0].field, "postcode");
  EXPECT_THAT(s.issues[0].reason, HasSubstr("9999"));
  EXPECT_EQ(rows("activities"), 2);

  EXPECT_EQ(store_->association("holstebro-gaaklub")->name, "Holstebro Gåklub");
  const auto gaatur = store_->activity("gaatur");
  ASSERT_TRUE(gaatur);
  EXPECT_EQ(gaatur->title, "Gåtur ved Storåen");
  EXPECT_EQ(gaatur->price_dkk, 0);
  EXPECT_TRUE(gaatur->welcome);
  const auto gym = store_->activity("soenderland");
  ASSERT_TRUE(gym);
  EXPECT_EQ(gym->title, "Gymnastik i Sønderland");
  ASSERT_EQ(gym->schedule.size(), 2u);
  EXPECT_EQ(gym->schedule[1].week_of_month, -1);
  EXPECT_FALSE(gym->price_dkk);

  const int64_t changes = rows("change_log");
  const ImportSummary again = importer_->import_file(path);
  EXPECT_EQ(again.read, 4u);
  EXPECT_EQ(again.created, 0u);
  EXPECT_EQ(again.updated, 0u);
  EXPECT_EQ(again.unchanged, 3u);
  EXPECT_EQ(again.invalid, 1u);
  EXPECT_EQ(rows("change_log"), changes);
}

TEST_F(CsvImportTest, FormatIsChosenByExtensionOrContent) {
  portal::testing::TempDir tmp;
  const std::string csv = "\xEF\xBB\xBF" "association_id,association_name,id,title,postcode\n"
                          "strik,Strikkeklubben,strik-cafe,\"Strikkecafé, onsdag\",7100\n";
  const auto no_extension = (tmp.path() / "eksport").string();
  portal::testing::write_file(no_extension, csv);
  const ImportSummary s = importer_->import_file(no_extension);
  EXPECT_EQ(s.created, 2u) << format_summary(no_extension, s);
  EXPECT_EQ(store_->activity("strik-cafe")->title, "Strikkecafé, onsdag");

  const auto json_without_extension = (tmp.path() / "liste").string();
  portal::testing::write_file(json_without_extension, portal::testing::read_file(example_file()));
  EXPECT_EQ(importer_->import_file(json_without_extension).created, 5u);
}

TEST_F(CsvImportTest, ActivityOfAnAssociationAlreadyInThePortal) {
  importer_->import_file(example_file().string());
  const ImportSummary s = importer_->import_csv(
      "ekstra.csv", "association_id;id;title;postcode\nholstebro-gaaklub;ekstra-tur;Ekstra tur;7500\n"
                    "ukendt-forening;fejl-tur;Fejl;7500\n");
  EXPECT_EQ(s.created, 1u);
  EXPECT_EQ(s.invalid, 1u);
  ASSERT_EQ(s.issues.size(), 1u);
  EXPECT_EQ(s.issues[0].record, "row 3");
  EXPECT_EQ(s.issues[0].field, "association_id");
}

}  // namespace
}  // namespace portal::indexer::tests
