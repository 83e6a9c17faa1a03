#include "search/document.h"

#include <climits>
#include <set>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include "search/schema.h"
#include "search_fixtures.h"

namespace portal::search {
namespace {

using ::testing::Contains;
using ::testing::IsEmpty;
using ::testing::Not;
using nlohmann::json;
namespace t = portal::search::testing;

json walk_record() {
  return t::activity_json(
      "holstebro-gaaklub-tirsdag",
      {{"title", "Tirsdagsturen ved Storåen"},
       {"description", "En rolig tur på 3-4 km langs åen. Vi strikker ikke."},
       {"interests", {"walking", "nature"}},
       {"target_groups", {"seniors", "carers"}},
       {"location", {{"name", "Kulturhuset"}, {"postcode", "7500"}, {"city", "Holstebro"},
                     {"lat", 56.3612}, {"lon", 8.6170}}},
       {"schedule", {{{"weekday", "tue"}, {"start", "10:00"}, {"end", "11:30"}},
                     {{"weekday", "thu"}, {"start", "17:00"}, {"every_weeks", 2}, {"from", "2026-09-03"}}}},
       {"schedule_note", "Ikke i juli"},
       {"transport", {"public_transport", "parking"}},
       {"accessibility", {"wheelchair"}},
       {"price_dkk", 0},
       {"price_note", "Kaffe koster 10 kr."},
       {"updated_at", "2026-10-01"}});
}

class DocumentTest : public ::testing::Test {
 protected:
  Xapian::Document build(const json& record) {
    return build_document(analyzer_, t::vocabulary(), t::activity(record), association_);
  }

  static std::set<std::string> terms(const Xapian::Document& doc) {
    std::set<std::string> out;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) out.insert(*it);
    return out;
  }

  Analyzer analyzer_;
  core::Association association_ =
      t::association({{"id", "gaaklub"}, {"name", "Holstebro Gåklub"}, {"description", "Vi går i alt slags vejr."}});
};

TEST_F(DocumentTest, HasTheUniqueIdTerm) {
  const auto all = terms(build(walk_record()));
  EXPECT_THAT(all, Contains("Qholstebro-gaaklub-tirsdag"));
  EXPECT_THAT(all, Not(Contains("Qgaaklub")));
}

TEST_F(DocumentTest, CodesAreFilterTerms) {
  const auto all = terms(build(walk_record()));
  for (const char* term : {"XIwalking", "XInature", "XGseniors", "XGcarers", "XRpublic_transport", "XRparking",
                           "XAwheelchair", "XM0661", "XP7500", "XSgaaklub"}) {
    EXPECT_THAT(all, Contains(term));
  }
  for (const char* term : {"XIexercise", "XRpickup", "XAhearing_loop", "XGmen"}) {
    EXPECT_THAT(all, Not(Contains(term)));
  }
}

TEST_F(DocumentTest, ScheduleGivesDayTimeAndCombinedTerms) {
  const auto all = terms(build(walk_record()));
  for (const char* term : {"XDtue", "XDthu", "XHmorning", "XHevening", "XWtue:morning", "XWthu:evening"}) {
    EXPECT_THAT(all, Contains(term));
  }
  // Tuesday is in the morning and Thursday in the evening, never the other way round.
  EXPECT_THAT(all, Not(Contains("XWtue:evening")));
  EXPECT_THAT(all, Not(Contains("XWthu:morning")));
  EXPECT_THAT(all, Not(Contains("XHafternoon")));
  EXPECT_THAT(all, Not(Contains("XDwed")));
}

TEST_F(DocumentTest, TimeOfDayBoundaries) {
  auto at = [&](const char* start) {
    return terms(build(t::activity_json("x", {{"schedule", {{{"weekday", "mon"}, {"start", start}}}}})));
  };
  EXPECT_THAT(at("11:59"), Contains("XWmon:morning"));
  EXPECT_THAT(at("12:00"), Contains("XWmon:afternoon"));
  EXPECT_THAT(at("16:59"), Contains("XWmon:afternoon"));
  EXPECT_THAT(at("17:00"), Contains("XWmon:evening"));
}

TEST_F(DocumentTest, NoScheduleGivesNoDayTerms) {
  const auto all = terms(build(t::activity_json("besoeg")));
  for (const auto& term : all) {
    EXPECT_NE(term.rfind("XD", 0), 0u) << term;
    EXPECT_NE(term.rfind("XH", 0), 0u) << term;
    EXPECT_NE(term.rfind("XW", 0), 0u) << term;
  }
  EXPECT_EQ(build(t::activity_json("besoeg")).get_value(schema::kSlotSchedule), "");
}

TEST_F(DocumentTest, FreeOnlyWhenPriceIsZero) {
  EXPECT_THAT(terms(build(t::activity_json("x", {{"price_dkk", 0}}))), Contains("XFfree"));
  EXPECT_THAT(terms(build(t::activity_json("x", {{"price_dkk", 20}}))), Not(Contains("XFfree")));
  // An absent price is unknown, not free.
  EXPECT_THAT(terms(build(t::activity_json("x"))), Not(Contains("XFfree")));
}

TEST_F(DocumentTest, TitleTermsCarryTheTitlePrefix) {
  const auto all = terms(build(walk_record()));
  EXPECT_THAT(all, Contains("Stirsdagsturen"));
  EXPECT_THAT(all, Contains("Sstoråen"));
  EXPECT_THAT(all, Contains("Z" "S" + analyzer_.stem("tirsdagsturen")));
  // The title is not body text.
  EXPECT_THAT(all, Not(Contains("tirsdagsturen")));
}

TEST_F(DocumentTest, FoldedStemIsIndexedOnlyWhereItDiffersFromTheStem) {
  const auto all = terms(build(t::activity_json("x", {{"title", "Gåtur og kaffe"}})));
  // "gåtur": stem gåtur, folded gaatur: both.
  EXPECT_THAT(all, Contains("ZSgåtur"));
  EXPECT_THAT(all, Contains("FSgaatur"));
  // "kaffe": the folded stem is the stem, so only the stem term.
  EXPECT_THAT(all, Contains("ZS" + analyzer_.stem("kaffe")));
  EXPECT_THAT(all, Not(Contains("FS" + analyzer_.stem("kaffe"))));
}

TEST_F(DocumentTest, InterestLabelsAreIndexedAsText) {
  // walking = "Gåture og vandring", nature = "Natur og have".
  const auto all = terms(build(walk_record()));
  EXPECT_THAT(all, Contains("XKgåture"));
  EXPECT_THAT(all, Contains("ZXKgåtur"));
  EXPECT_THAT(all, Contains("XKvandring"));
  EXPECT_THAT(all, Contains("XKnatur"));
  EXPECT_THAT(all, Not(Contains("XKwalking")));
}

TEST_F(DocumentTest, BodyHoldsDescriptionAssociationPlaceNotesAndTargetLabels) {
  const auto all = terms(build(walk_record()));
  EXPECT_THAT(all, Contains("rolig"));          // description
  EXPECT_THAT(all, Contains("strikker"));       // description, exact
  EXPECT_THAT(all, Contains("Zstrik"));         // description, stem
  EXPECT_THAT(all, Contains("gåklub"));         // association name
  EXPECT_THAT(all, Contains("kulturhuset"));    // location name
  EXPECT_THAT(all, Contains("holstebro"));      // city
  EXPECT_THAT(all, Contains("juli"));           // schedule note
  EXPECT_THAT(all, Contains("kaffe"));          // price note
  EXPECT_THAT(all, Contains("seniorer"));       // target group "seniors" = "Seniorer og ældre"
  EXPECT_THAT(all, Contains("pårørende"));      // target group "carers"
  // The association's own description is not part of the activity.
  EXPECT_THAT(all, Not(Contains("vejr")));
}

TEST_F(DocumentTest, ValuesForFacetsAndSorting) {
  const Xapian::Document doc = build(walk_record());
  EXPECT_EQ(doc.get_value(schema::kSlotMunicipality), "0661");
  EXPECT_EQ(doc.get_value(schema::kSlotInterests), std::string("walking") + schema::kListSeparator + "nature");
  EXPECT_EQ(doc.get_value(schema::kSlotTransport),
            std::string("public_transport") + schema::kListSeparator + "parking");
  Xapian::LatLongCoords coords;
  coords.unserialise(doc.get_value(schema::kSlotCoordinate));
  ASSERT_EQ(coords.size(), 1u);
  // LatLongCoords::serialise() keeps about a quarter of a metre.
  EXPECT_NEAR((*coords.begin()).latitude, 56.3612, 1e-5);
  EXPECT_NEAR((*coords.begin()).longitude, 8.6170, 1e-5);
  EXPECT_DOUBLE_EQ(Xapian::sortable_unserialise(doc.get_value(schema::kSlotUpdated)),
                   core::from_ymd({2026, 10, 1}).days);
  const auto schedule = decode_schedule(doc.get_value(schema::kSlotSchedule));
  ASSERT_EQ(schedule.size(), 2u);
  EXPECT_EQ(schedule[1].weekday, 3);
  EXPECT_EQ(schedule[1].every_weeks, 2);
}

TEST_F(DocumentTest, CoordinateFallsBackToThePostcode) {
  const Xapian::Document doc = build(t::activity_json("x", {{"location", {{"postcode", "7100"}}}}));
  const core::Postcode* vejle = t::geo().postcode("7100");
  ASSERT_NE(vejle, nullptr);
  Xapian::LatLongCoords coords;
  coords.unserialise(doc.get_value(schema::kSlotCoordinate));
  ASSERT_EQ(coords.size(), 1u);
  EXPECT_NEAR((*coords.begin()).latitude, vejle->coordinate.lat, 1e-5);
  EXPECT_NEAR((*coords.begin()).longitude, vejle->coordinate.lon, 1e-5);
  EXPECT_EQ(doc.get_value(schema::kSlotMunicipality), "0630");
  const json data = document_data(doc);
  EXPECT_DOUBLE_EQ(data["coordinate"]["lat"].get<double>(), vejle->coordinate.lat);
  EXPECT_FALSE(data["activity"]["location"].contains("lat"));
}

TEST_F(DocumentTest, DataHoldsListingAssociationMunicipalityAndCoordinate) {
  const core::Activity a = t::activity(walk_record());
  const json data = document_data(build_document(analyzer_, t::vocabulary(), a, association_));
  EXPECT_EQ(data["activity"], core::to_json(a));
  EXPECT_EQ(data["activity"]["title"], "Tirsdagsturen ved Storåen");
  EXPECT_EQ(data["association"], core::to_json(association_));
  EXPECT_EQ(data["association"]["name"], "Holstebro Gåklub");
  EXPECT_EQ(data["municipality"], "0661");
  EXPECT_DOUBLE_EQ(data["coordinate"]["lat"].get<double>(), 56.3612);
  EXPECT_DOUBLE_EQ(data["coordinate"]["lon"].get<double>(), 8.6170);
}

TEST(ScheduleCodingTest, RoundTripsEveryField) {
  std::vector<core::ScheduleEntry> schedule(4);
  schedule[0].weekday = 1;
  schedule[0].start_minute = 600;
  schedule[0].end_minute = 690;
  schedule[1].weekday = 3;
  schedule[1].start_minute = 1020;
  schedule[1].every_weeks = 2;
  schedule[1].from = core::from_ymd({2026, 9, 3});
  schedule[2].weekday = 6;
  schedule[2].start_minute = 0;
  schedule[2].week_of_month = -1;
  schedule[3].weekday = 0;
  schedule[3].start_minute = 23 * 60 + 59;
  schedule[3].week_of_month = 4;
  schedule[3].from = core::from_ymd({1965, 1, 1});  // before 1970: negative days

  const auto decoded = decode_schedule(encode_schedule(schedule));
  ASSERT_EQ(decoded.size(), schedule.size());
  for (size_t i = 0; i < schedule.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(decoded[i].weekday, schedule[i].weekday);
    EXPECT_EQ(decoded[i].start_minute, schedule[i].start_minute);
    EXPECT_EQ(decoded[i].end_minute, schedule[i].end_minute);
    EXPECT_EQ(decoded[i].every_weeks, schedule[i].every_weeks);
    EXPECT_EQ(decoded[i].week_of_month, schedule[i].week_of_month);
    EXPECT_EQ(decoded[i].from, schedule[i].from);
  }
}

TEST(ScheduleCodingTest, EmptySchedule) {
  EXPECT_EQ(encode_schedule({}), "");
  EXPECT_THAT(decode_schedule(""), IsEmpty());
}

TEST(ScheduleCodingTest, DecodedScheduleGivesTheSameOccurrences) {
  const core::Activity a = t::activity(walk_record());
  const auto now = t::monday_9am();
  const auto original = core::next_occurrences(a.schedule, now, 6);
  const auto decoded = core::next_occurrences(decode_schedule(encode_schedule(a.schedule)), now, 6);
  ASSERT_EQ(original.size(), 6u);
  ASSERT_EQ(decoded.size(), original.size());
  for (size_t i = 0; i < original.size(); ++i) {
    EXPECT_EQ(decoded[i].date, original[i].date);
    EXPECT_EQ(decoded[i].start_minute, original[i].start_minute);
    EXPECT_EQ(decoded[i].end_minute, original[i].end_minute);
  }
}

}  // namespace
}  // namespace portal::search
