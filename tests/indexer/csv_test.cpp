// indexer/csv.h: decoding, separator detection, RFC 4180 parsing and the column mapping of CSV
// listing files (docs/imports.md). No database.
#include "indexer/csv.h"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/geo.h"
#include "core/listing_json.h"
#include "core/vocabulary.h"

namespace portal::indexer::tests {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

const core::ListingParser& parser() {
  static const core::Vocabulary vocabulary = core::Vocabulary::builtin();
  static const core::Geo geo = core::Geo::builtin();
  static const core::ListingParser p(vocabulary, geo);
  return p;
}

const std::string kHeader = "association_id;association_name;id;title;postcode;interests;schedule\n";

SourceRecords convert(const std::string& content) { return csv_to_records("test.csv", content); }

// The activity of a converted row, validated by the listing parser.
core::Activity valid_activity(const SourceRecords& r, size_t i) {
  EXPECT_TRUE(r.activity_errors.at(i).empty()) << r.activity_errors.at(i).front().field;
  auto parsed = parser().activity(r.activities.at(i));
  if (auto* errors = std::get_if<std::vector<core::FieldError>>(&parsed)) {
    ADD_FAILURE() << "invalid: " << errors->front().field << ": " << errors->front().reason;
    return {};
  }
  return std::get<core::Activity>(parsed);
}

TEST(CsvDecodeTest, StripsUtf8Bom) {
  EXPECT_EQ(decode_text("\xEF\xBB\xBFid;titel"), "id;titel");
  EXPECT_EQ(decode_text("Gåtur"), "Gåtur");
}

TEST(CsvDecodeTest, ConvertsWindows1252ToUtf8) {
  EXPECT_EQ(decode_text("G\xE5tur ved Stor\xE5" "en"), "Gåtur ved Storåen");
  EXPECT_EQ(decode_text("\xC6ldre"), "Ældre");
  EXPECT_EQ(decode_text("S\xF8nderland"), "Sønderland");
  EXPECT_EQ(decode_text("Kaffe 10 kr. \x80 \x96 \xF8"), "Kaffe 10 kr. € – ø");
}

TEST(CsvParseTest, DetectsTheSeparatorFromTheHeader) {
  EXPECT_EQ(detect_separator("id;titel;pris\n1,2,3,4"), ';');
  EXPECT_EQ(detect_separator("id,title,price\n1;2;3;4"), ',');
  EXPECT_EQ(detect_separator("\"a;b;c\",title,price\n"), ',');
  EXPECT_EQ(detect_separator("id"), ';');
}

TEST(CsvParseTest, QuotedFieldsWithSeparatorsLineBreaksAndEscapes) {
  const CsvTable t = parse_csv("t.csv", "a;b;c\r\n1;\"x;y\";\"linje 1\r\nlinje 2\"\r\n\"sagde \"\"hej\"\"\";;\n\n3;4;5");
  EXPECT_EQ(t.separator, ';');
  ASSERT_EQ(t.header, (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_EQ(t.records.size(), 3u);
  EXPECT_EQ(t.records[0].row, 2u);
  EXPECT_EQ(t.records[0].cells, (std::vector<std::string>{"1", "x;y", "linje 1\nlinje 2"}));
  EXPECT_EQ(t.records[1].row, 3u);
  EXPECT_EQ(t.records[1].cells, (std::vector<std::string>{"sagde \"hej\"", "", ""}));
  EXPECT_EQ(t.records[2].row, 5u);  // the empty row 4 is skipped but counted
  EXPECT_EQ(t.records[2].cells, (std::vector<std::string>{"3", "4", "5"}));
}

TEST(CsvParseTest, CommaSeparatedWithCrlf) {
  const CsvTable t = parse_csv("t.csv", "a,b\r\n\"1,5\",2\r\n");
  EXPECT_EQ(t.separator, ',');
  ASSERT_EQ(t.records.size(), 1u);
  EXPECT_EQ(t.records[0].cells, (std::vector<std::string>{"1,5", "2"}));
}

TEST(CsvParseTest, UnterminatedQuoteIsAFileError) {
  EXPECT_THROW(parse_csv("t.csv", "a;b\n1;\"åben\n"), FileError);
}

TEST(CsvColumnsTest, HeadersAreTrimmedCaseInsensitiveWithDanishAliases) {
  EXPECT_EQ(canonical_column("  Title "), "title");
  EXPECT_EQ(canonical_column("ASSOCIATION_ID"), "association_id");
  EXPECT_EQ(canonical_column("Forening"), "association_name");
  EXPECT_EQ(canonical_column("Titel"), "title");
  EXPECT_EQ(canonical_column("Beskrivelse"), "description");
  EXPECT_EQ(canonical_column("Postnummer"), "postcode");
  EXPECT_EQ(canonical_column("Postnr."), "postcode");
  EXPECT_EQ(canonical_column("By"), "city");
  EXPECT_EQ(canonical_column("Adresse"), "address");
  EXPECT_EQ(canonical_column("Pris"), "price_dkk");
  EXPECT_EQ(canonical_column("Interesser"), "interests");
  EXPECT_EQ(canonical_column("transport"), "transport");
  EXPECT_EQ(canonical_column("TILGÆNGELIGHED"), "accessibility");
  EXPECT_EQ(canonical_column("Tidspunkt"), "schedule");
  EXPECT_EQ(canonical_column("Målgrupper"), "target_groups");
  EXPECT_EQ(canonical_column("Association Name"), "association_name");
  EXPECT_EQ(canonical_column("farve"), "");
}

TEST(CsvRecordsTest, DanishHeadersWindows1252AndTheFullMapping) {
  const std::string file =
      "Forening_id;Forening;Kommune;Id;Titel;Beskrivelse;Interesser;M\xE5lgrupper;Transport;Tilg\xE6ngelighed;"
      "Sted;Adresse;Postnummer;By;Breddegrad;L\xE6ngdegrad;Tidspunkt;Pris;Prisnote;Kontaktperson;"
      "Kontakt_telefon;Kontakt_email;Velkomst;Opdateret\r\n"
      "holstebro-gaaklub;Holstebro G\xE5klub;661;gaatur;G\xE5tur ved Stor\xE5" "en;\"Vi g\xE5r; og drikker kaffe\";"
      "walking, nature;seniors;public_transport|pickup;wheelchair;Kulturhuset;N\xF8rregade 1;7500;Holstebro;"
      "\"56,3601\";\"8,6161\";\"tue 10:00-11:30; thu 14.00 - 15.00 /2\";20 kr.;Kaffe;Else;12 34 56 78;"
      "else@example.dk;ja;01-10-2026\r\n";
  const SourceRecords r = convert(file);
  ASSERT_EQ(r.associations.size(), 1u);
  EXPECT_EQ(r.association_labels[0], "row 2");
  EXPECT_EQ(r.associations[0], (json{{"id", "holstebro-gaaklub"}, {"name", "Holstebro Gåklub"}, {"municipality", "0661"}}));
  ASSERT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.activity_labels[0], "row 2");
  const core::Activity a = valid_activity(r, 0);
  EXPECT_EQ(a.title, "Gåtur ved Storåen");
  EXPECT_EQ(a.description, "Vi går; og drikker kaffe");
  EXPECT_EQ(a.association, "holstebro-gaaklub");
  EXPECT_EQ(a.interests, (std::vector<std::string>{"walking", "nature"}));
  EXPECT_EQ(a.target_groups, (std::vector<std::string>{"seniors"}));
  EXPECT_EQ(a.transport, (std::vector<std::string>{"public_transport", "pickup"}));
  EXPECT_EQ(a.accessibility, (std::vector<std::string>{"wheelchair"}));
  EXPECT_EQ(a.location.address, "Nørregade 1");
  ASSERT_TRUE(a.location.exact);
  EXPECT_DOUBLE_EQ(a.location.exact->lat, 56.3601);
  EXPECT_DOUBLE_EQ(a.location.exact->lon, 8.6161);
  ASSERT_EQ(a.schedule.size(), 2u);
  EXPECT_EQ(a.schedule[1].every_weeks, 2);
  EXPECT_EQ(a.price_dkk, 20);
  EXPECT_EQ(a.contact.name, "Else");
  EXPECT_TRUE(a.welcome);
  EXPECT_EQ(r.activities[0]["updated_at"], "2026-10-01");
}

TEST(CsvRecordsTest, ScheduleSyntaxVariants) {
  auto schedule_of = [](const std::string& cell) {
    return convert(kHeader + "a;A;x;T;7500;;\"" + cell + "\"\n").activities.at(0).value("schedule", json());
  };
  EXPECT_EQ(schedule_of("tue 10:00-11:30"), json::parse(R"([{"weekday":"tue","start":"10:00","end":"11:30"}])"));
  EXPECT_EQ(schedule_of("thu 14:00-15:00 /2"),
            json::parse(R"([{"weekday":"thu","start":"14:00","end":"15:00","every_weeks":2}])"));
  EXPECT_EQ(schedule_of("tue 10:00-11:30 #1 | tirsdag 9.30 #-1"),
            json::parse(R"([{"weekday":"tue","start":"10:00","end":"11:30","week_of_month":1},
                            {"weekday":"tue","start":"09:30","week_of_month":-1}])"));
  EXPECT_EQ(schedule_of("Onsdag kl. 10 - 12"), json::parse(R"([{"weekday":"wed","start":"10:00","end":"12:00"}])"));
  EXPECT_EQ(schedule_of("lør 10:00-11:00; søn 10:00-11:00").size(), 2u);
}

TEST(CsvRecordsTest, WelcomeAndPriceVariants) {
  const std::string header = "association_id;id;title;postcode;welcome;price_dkk\n";
  auto row = [&](const std::string& welcome, const std::string& price) {
    return convert(header + "a;x;T;7500;" + welcome + ";" + price + "\n").activities.at(0);
  };
  for (const char* yes : {"ja", "Ja", "true", "1", "x", "X"}) EXPECT_EQ(row(yes, "")["welcome"], true) << yes;
  for (const char* no : {"nej", "NEJ", "false", "0"}) EXPECT_EQ(row(no, "")["welcome"], false) << no;
  EXPECT_FALSE(row("", "").contains("welcome"));
  EXPECT_FALSE(row("", "").contains("price_dkk"));  // unknown
  EXPECT_EQ(row("", "0")["price_dkk"], 0);
  EXPECT_EQ(row("", "gratis")["price_dkk"], 0);
  EXPECT_EQ(row("", "20 kr.")["price_dkk"], 20);
  EXPECT_EQ(row("", "20,00 kr")["price_dkk"], 20);
  EXPECT_EQ(row("", "1.200 kr.")["price_dkk"], 1200);
}

TEST(CsvRecordsTest, CommaSeparatedUtf8WithBom) {
  const SourceRecords r = convert("\xEF\xBB\xBF" "association_id,id,title,postcode,lat,lon\r\n"
                                  "a,x,\"Strikkecafé, Ældre\",800,\"56,3601\",\"8,6161\"\r\n");
  ASSERT_EQ(r.activities.size(), 1u);
  EXPECT_EQ(r.activities[0]["title"], "Strikkecafé, Ældre");
  EXPECT_EQ(r.activities[0]["location"]["postcode"], "0800");
  EXPECT_DOUBLE_EQ(r.activities[0]["location"]["lat"].get<double>(), 56.3601);
}

TEST(CsvRecordsTest, ABadCellIsAnErrorOfThatRowAndField) {
  const SourceRecords r = convert(kHeader + "a;A;ok;T;7500;walking;tue 10:00\n"
                                            "a;A;bad;T;7500;walking;tuesday at ten\n"
                                            "a;A;ok2;T;7500;walking;\n");
  ASSERT_EQ(r.activities.size(), 3u);
  EXPECT_TRUE(r.activity_errors[0].empty());
  EXPECT_TRUE(r.activity_errors[2].empty());
  EXPECT_EQ(r.activity_labels[1], "row 3");
  ASSERT_EQ(r.activity_errors[1].size(), 1u);
  EXPECT_EQ(r.activity_errors[1][0].field, "schedule");

  const SourceRecords p = convert("association_id;id;title;postcode;price_dkk;lat;lon;updated_at;welcome\n"
                                  "a;x;T;7500;tyve;56,x;8;32-13-2026;måske\n");
  std::vector<std::string> fields;
  for (const auto& e : p.activity_errors.at(0)) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"lat", "price_dkk", "welcome"}));
  // A well-formed but impossible date is left to the listing parser, which reports updated_at.
  auto parsed = parser().activity(p.activities[0]);
  ASSERT_TRUE(std::holds_alternative<std::vector<core::FieldError>>(parsed));
  EXPECT_EQ(r.activity_field("location.postcode"), "postcode");
  EXPECT_EQ(r.activity_field("interests[1]"), "interests");
  EXPECT_EQ(r.association_field("name"), "association_name");
}

TEST(CsvRecordsTest, RepeatedAssociationColumnsFirstRowWinsAndDifferencesAreNoted) {
  const std::string header = "association_id;association_name;association_phone;id;title;postcode\n";
  const SourceRecords r = convert(header + "a;Gåklubben;;x1;T;7500\n"
                                           "a;Gåklubben;;x2;T;7500\n"
                                           "a;;;x3;T;7500\n"
                                           "a;Gåklubben Holstebro;12345678;x4;T;7500\n");
  ASSERT_EQ(r.associations.size(), 1u);
  EXPECT_EQ(r.associations[0]["name"], "Gåklubben");
  ASSERT_EQ(r.notes.size(), 2u);
  EXPECT_EQ(r.notes[0].record, "row 5");
  EXPECT_EQ(r.notes[0].id, "a");
  EXPECT_EQ(r.notes[0].field, "association_name");
  EXPECT_THAT(r.notes[0].reason, HasSubstr("row 2"));
  EXPECT_EQ(r.notes[1].field, "association_phone");
  EXPECT_EQ(r.activities.size(), 4u);
}

TEST(CsvRecordsTest, MissingRequiredColumnOrDuplicateColumnIsAFileError) {
  EXPECT_THROW(convert("id;title;postcode\nx;T;7500\n"), FileError);
  EXPECT_THROW(convert("association_id;id;titel;title;postcode\na;x;T;T;7500\n"), FileError);
  EXPECT_THROW(convert(""), FileError);
}

}  // namespace
}  // namespace portal::indexer::tests
