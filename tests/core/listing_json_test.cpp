#include "core/listing_json.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace portal::core {
namespace {

using nlohmann::json;

// The contract's example file (shared/contract/example-listings.json), copied here so the test
// does not depend on files outside the project at run time.
constexpr const char* kExampleListings = R"json(
{
  "associations": [
    {
      "id": "holstebro-gaaklub",
      "name": "Holstebro Gåklub",
      "description": "Vi går sammen i alt slags vejr og slutter altid med en kop kaffe.",
      "municipality": "0661",
      "website": "https://gaaklub.example.dk",
      "email": "kontakt@gaaklub.example.dk",
      "phone": "+45 20 11 22 33"
    },
    {
      "id": "roede-kors-vejle-besoegsvenner",
      "name": "Røde Kors Vejle – besøgsvenner",
      "municipality": "0630"
    }
  ],
  "activities": [
    {
      "id": "holstebro-gaaklub-tirsdag",
      "association": "holstebro-gaaklub",
      "title": "Tirsdagsturen ved Storåen",
      "description": "En rolig gåtur på 3-4 km langs åen. Alle kan være med, og vi venter på hinanden.",
      "interests": ["walking", "nature"],
      "target_groups": ["seniors"],
      "location": {"name": "Kulturhuset", "address": "Nørregade 1", "postcode": "7500",
                   "city": "Holstebro", "lat": 56.3612, "lon": 8.6170},
      "schedule": [{"weekday": "tue", "start": "10:00", "end": "11:30"}],
      "schedule_note": "Ikke i juli",
      "transport": ["public_transport", "parking"],
      "accessibility": [],
      "price_dkk": 0,
      "contact": {"name": "Inge Madsen", "phone": "+45 20 11 22 34"},
      "welcome": true,
      "updated_at": "2026-10-01"
    },
    {
      "id": "holstebro-gaaklub-stavgang",
      "association": "holstebro-gaaklub",
      "title": "Stavgang for begyndere",
      "description": "Vi lærer dig teknikken. Stave kan lånes. Kørsel kan arrangeres, hvis du ikke selv kan komme.",
      "interests": ["walking", "exercise"],
      "location": {"postcode": "7500"},
      "schedule": [{"weekday": "thu", "start": "14:00", "end": "15:00", "every_weeks": 2}],
      "transport": ["pickup"],
      "price_dkk": 20,
      "price_note": "20 kr. pr. gang",
      "updated_at": "2026-09-15"
    },
    {
      "id": "roede-kors-vejle-besoegsven",
      "association": "roede-kors-vejle-besoegsvenner",
      "title": "Få en besøgsven",
      "description": "En frivillig besøgsven kommer hjem til dig hver eller hver anden uge til en snak, en gåtur eller et spil kort.",
      "interests": ["visiting_friend"],
      "target_groups": ["seniors", "living_alone"],
      "location": {"postcode": "7100", "city": "Vejle"},
      "transport": ["at_home"],
      "price_dkk": 0,
      "welcome": true,
      "updated_at": "2026-11-01"
    }
  ]
}
)json";

// A small valid activity that the error tests change one field at a time.
constexpr const char* kMinimalActivity = R"json(
{"id": "test-aktivitet", "association": "test-forening", "title": "Strikkecafé",
 "location": {"postcode": "7500"}}
)json";

class ListingParserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    vocab_ = new Vocabulary(Vocabulary::builtin());
    geo_ = new Geo(Geo::builtin());
  }
  static void TearDownTestSuite() {
    delete vocab_;
    delete geo_;
    vocab_ = nullptr;
    geo_ = nullptr;
  }

  static ListingParser parser() { return ListingParser(*vocab_, *geo_); }
  static json example() { return json::parse(kExampleListings); }
  static json minimal() { return json::parse(kMinimalActivity); }

  static Activity activity_ok(const json& record) {
    auto parsed = parser().activity(record);
    if (auto* errors = std::get_if<std::vector<FieldError>>(&parsed)) {
      std::string all;
      for (const auto& e : *errors) all += e.field + ": " + e.reason + "; ";
      ADD_FAILURE() << "unexpected errors: " << all << " in " << record.dump();
      return {};
    }
    return std::get<Activity>(parsed);
  }
  static Association association_ok(const json& record) {
    auto parsed = parser().association(record);
    if (auto* errors = std::get_if<std::vector<FieldError>>(&parsed)) {
      std::string all;
      for (const auto& e : *errors) all += e.field + ": " + e.reason + "; ";
      ADD_FAILURE() << "unexpected errors: " << all << " in " << record.dump();
      return {};
    }
    return std::get<Association>(parsed);
  }

  template <typename T>
  static std::vector<std::string> error_fields(const Parsed<T>& parsed) {
    std::vector<std::string> out;
    if (const auto* errors = std::get_if<std::vector<FieldError>>(&parsed)) {
      for (const auto& e : *errors) {
        EXPECT_FALSE(e.reason.empty()) << "no reason for " << e.field;
        out.push_back(e.field);
      }
    }
    return out;
  }
  static std::vector<std::string> activity_errors(const json& record) {
    return error_fields(parser().activity(record));
  }
  static std::vector<std::string> association_errors(const json& record) {
    return error_fields(parser().association(record));
  }

  static Vocabulary* vocab_;
  static Geo* geo_;
};

Vocabulary* ListingParserTest::vocab_ = nullptr;
Geo* ListingParserTest::geo_ = nullptr;

using Fields = std::vector<std::string>;

bool contains(const Fields& fields, const std::string& field) {
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

// --- the contract's example ----------------------------------------------------------------------

TEST_F(ListingParserTest, ParsesExampleAssociationWithAllFields) {
  const Association a = association_ok(example()["associations"][0]);
  EXPECT_EQ(a.id, "holstebro-gaaklub");
  EXPECT_EQ(a.name, "Holstebro Gåklub");
  EXPECT_EQ(a.description, "Vi går sammen i alt slags vejr og slutter altid med en kop kaffe.");
  EXPECT_EQ(a.municipality, "0661");
  EXPECT_EQ(a.website, "https://gaaklub.example.dk");
  EXPECT_EQ(a.email, "kontakt@gaaklub.example.dk");
  EXPECT_EQ(a.phone, "+45 20 11 22 33");
}

TEST_F(ListingParserTest, ParsesExampleAssociationWithFewFields) {
  const Association a = association_ok(example()["associations"][1]);
  EXPECT_EQ(a.id, "roede-kors-vejle-besoegsvenner");
  EXPECT_EQ(a.name, "Røde Kors Vejle – besøgsvenner");
  EXPECT_EQ(a.municipality, "0630");
  EXPECT_EQ(a.description, "");
  EXPECT_EQ(a.website, "");
  EXPECT_EQ(a.email, "");
  EXPECT_EQ(a.phone, "");
}

TEST_F(ListingParserTest, ParsesExampleWeeklyActivity) {
  const Activity a = activity_ok(example()["activities"][0]);
  EXPECT_EQ(a.id, "holstebro-gaaklub-tirsdag");
  EXPECT_EQ(a.association, "holstebro-gaaklub");
  EXPECT_EQ(a.title, "Tirsdagsturen ved Storåen");
  EXPECT_EQ(a.description,
            "En rolig gåtur på 3-4 km langs åen. Alle kan være med, og vi venter på hinanden.");
  EXPECT_EQ(a.interests, (Fields{"walking", "nature"}));
  EXPECT_EQ(a.target_groups, (Fields{"seniors"}));
  EXPECT_EQ(a.location.name, "Kulturhuset");
  EXPECT_EQ(a.location.address, "Nørregade 1");
  EXPECT_EQ(a.location.postcode, "7500");
  EXPECT_EQ(a.location.city, "Holstebro");
  ASSERT_TRUE(a.location.exact.has_value());
  EXPECT_DOUBLE_EQ(a.location.exact->lat, 56.3612);
  EXPECT_DOUBLE_EQ(a.location.exact->lon, 8.6170);
  EXPECT_DOUBLE_EQ(a.location.coordinate.lat, 56.3612);
  EXPECT_DOUBLE_EQ(a.location.coordinate.lon, 8.6170);
  EXPECT_EQ(a.location.municipality, "0661");
  ASSERT_EQ(a.schedule.size(), 1u);
  EXPECT_EQ(a.schedule[0].weekday, 1);
  EXPECT_EQ(a.schedule[0].start_minute, 10 * 60);
  EXPECT_EQ(a.schedule[0].end_minute, 11 * 60 + 30);
  EXPECT_EQ(a.schedule[0].every_weeks, 1);
  EXPECT_FALSE(a.schedule[0].week_of_month.has_value());
  EXPECT_FALSE(a.schedule[0].from.has_value());
  EXPECT_EQ(a.schedule_note, "Ikke i juli");
  EXPECT_EQ(a.transport, (Fields{"public_transport", "parking"}));
  EXPECT_TRUE(a.accessibility.empty());
  EXPECT_EQ(a.price_dkk, 0);
  EXPECT_EQ(a.price_note, "");
  EXPECT_EQ(a.contact.name, "Inge Madsen");
  EXPECT_EQ(a.contact.phone, "+45 20 11 22 34");
  EXPECT_EQ(a.contact.email, "");
  EXPECT_TRUE(a.welcome);
  EXPECT_EQ(a.updated_at, from_ymd({2026, 10, 1}));
}

TEST_F(ListingParserTest, ParsesExampleFortnightlyActivity) {
  const Activity a = activity_ok(example()["activities"][1]);
  EXPECT_EQ(a.id, "holstebro-gaaklub-stavgang");
  EXPECT_EQ(a.title, "Stavgang for begyndere");
  EXPECT_EQ(a.interests, (Fields{"walking", "exercise"}));
  EXPECT_TRUE(a.target_groups.empty());
  ASSERT_EQ(a.schedule.size(), 1u);
  EXPECT_EQ(a.schedule[0].weekday, 3);
  EXPECT_EQ(a.schedule[0].start_minute, 14 * 60);
  EXPECT_EQ(a.schedule[0].end_minute, 15 * 60);
  EXPECT_EQ(a.schedule[0].every_weeks, 2);
  EXPECT_EQ(a.transport, (Fields{"pickup"}));
  EXPECT_EQ(a.price_dkk, 20);
  EXPECT_EQ(a.price_note, "20 kr. pr. gang");
  EXPECT_FALSE(a.welcome);
  EXPECT_EQ(a.updated_at, from_ymd({2026, 9, 15}));
}

TEST_F(ListingParserTest, MissingCoordinateComesFromPostcode) {
  const Activity a = activity_ok(example()["activities"][1]);
  EXPECT_FALSE(a.location.exact.has_value());
  // data/geo/postcodes.csv: 7500 Holstebro at 56.363, 8.6301 in 0661.
  EXPECT_NEAR(a.location.coordinate.lat, 56.363, 1e-9);
  EXPECT_NEAR(a.location.coordinate.lon, 8.6301, 1e-9);
  EXPECT_EQ(a.location.municipality, "0661");
}

TEST_F(ListingParserTest, CityFilledFromPostcodeWhenAbsent) {
  const Activity a = activity_ok(example()["activities"][1]);
  EXPECT_EQ(a.location.city, "Holstebro");
  EXPECT_EQ(a.location.name, "");
  EXPECT_EQ(a.location.address, "");
}

TEST_F(ListingParserTest, GivenCityIsKept) {
  json r = minimal();
  r["location"]["city"] = "Måbjerg";
  EXPECT_EQ(activity_ok(r).location.city, "Måbjerg");
}

TEST_F(ListingParserTest, ParsesExampleActivityByArrangement) {
  const Activity a = activity_ok(example()["activities"][2]);
  EXPECT_EQ(a.id, "roede-kors-vejle-besoegsven");
  EXPECT_EQ(a.association, "roede-kors-vejle-besoegsvenner");
  EXPECT_EQ(a.title, "Få en besøgsven");
  EXPECT_EQ(a.interests, (Fields{"visiting_friend"}));
  EXPECT_EQ(a.target_groups, (Fields{"seniors", "living_alone"}));
  EXPECT_TRUE(a.schedule.empty());
  EXPECT_EQ(a.location.postcode, "7100");
  EXPECT_EQ(a.location.city, "Vejle");
  EXPECT_EQ(a.location.municipality, "0630");
  EXPECT_FALSE(a.location.exact.has_value());
  EXPECT_NEAR(a.location.coordinate.lat, 55.7042, 1e-9);
  EXPECT_NEAR(a.location.coordinate.lon, 9.5245, 1e-9);
  EXPECT_EQ(a.transport, (Fields{"at_home"}));
  EXPECT_EQ(a.price_dkk, 0);
  EXPECT_TRUE(a.welcome);
  EXPECT_EQ(a.updated_at, from_ymd({2026, 11, 1}));
}

TEST_F(ListingParserTest, ProjectCopyOfExampleFileParses) {
  std::ifstream in(std::string(PORTAL_SOURCE_DIR) + "/tests/data/example-listings.json");
  ASSERT_TRUE(in) << "tests/data/example-listings.json";
  std::stringstream buffer;
  buffer << in.rdbuf();
  const json doc = json::parse(buffer.str());
  ASSERT_EQ(doc.at("associations").size(), 2u);
  ASSERT_EQ(doc.at("activities").size(), 3u);
  for (const auto& r : doc.at("associations")) EXPECT_EQ(association_errors(r), Fields{});
  for (const auto& r : doc.at("activities")) EXPECT_EQ(activity_errors(r), Fields{});
  // The same records as the inline copy.
  EXPECT_EQ(doc, example());
}

TEST_F(ListingParserTest, UnknownFieldsAreIgnored) {
  json r = minimal();
  r["colour"] = "blue";
  r["location"]["floor"] = 2;
  EXPECT_EQ(activity_errors(r), Fields{});
}

// --- required fields -----------------------------------------------------------------------------

TEST_F(ListingParserTest, MinimalActivityIsValid) {
  const Activity a = activity_ok(minimal());
  EXPECT_EQ(a.id, "test-aktivitet");
  EXPECT_TRUE(a.interests.empty());
  EXPECT_TRUE(a.schedule.empty());
  EXPECT_FALSE(a.price_dkk.has_value());
  EXPECT_FALSE(a.updated_at.has_value());
  EXPECT_FALSE(a.welcome);
}

TEST_F(ListingParserTest, MissingActivityIdIsReported) {
  json r = minimal();
  r.erase("id");
  EXPECT_EQ(activity_errors(r), Fields{"id"});
}

TEST_F(ListingParserTest, MissingAssociationIsReported) {
  json r = minimal();
  r.erase("association");
  EXPECT_EQ(activity_errors(r), Fields{"association"});
}

TEST_F(ListingParserTest, MissingTitleIsReported) {
  json r = minimal();
  r.erase("title");
  EXPECT_EQ(activity_errors(r), Fields{"title"});
}

TEST_F(ListingParserTest, NullOrBlankTitleIsReported) {
  json r = minimal();
  r["title"] = nullptr;
  EXPECT_EQ(activity_errors(r), Fields{"title"});
  r["title"] = "   ";
  EXPECT_EQ(activity_errors(r), Fields{"title"});
  r["title"] = 42;
  EXPECT_EQ(activity_errors(r), Fields{"title"});
}

TEST_F(ListingParserTest, MissingPostcodeIsReported) {
  json r = minimal();
  r["location"].erase("postcode");
  EXPECT_EQ(activity_errors(r), Fields{"location.postcode"});
}

TEST_F(ListingParserTest, MissingLocationReportsPostcode) {
  json r = minimal();
  r.erase("location");
  EXPECT_EQ(activity_errors(r), Fields{"location.postcode"});
}

TEST_F(ListingParserTest, LocationNotAnObjectIsReported) {
  json r = minimal();
  r["location"] = "Holstebro";
  EXPECT_EQ(activity_errors(r), Fields{"location"});
}

TEST_F(ListingParserTest, MissingAssociationIdIsReported) {
  json r = example()["associations"][1];
  r.erase("id");
  EXPECT_EQ(association_errors(r), Fields{"id"});
}

TEST_F(ListingParserTest, MissingAssociationNameIsReported) {
  json r = example()["associations"][1];
  r.erase("name");
  EXPECT_EQ(association_errors(r), Fields{"name"});
}

TEST_F(ListingParserTest, RecordThatIsNotAnObjectIsRejected) {
  EXPECT_EQ(activity_errors(json::array({1, 2})).size(), 1u);
  EXPECT_EQ(association_errors(json("holstebro")).size(), 1u);
}

// --- codes ---------------------------------------------------------------------------------------

TEST_F(ListingParserTest, RejectsUnknownInterestCode) {
  json r = minimal();
  r["interests"] = {"walking", "knitting"};
  EXPECT_EQ(activity_errors(r), Fields{"interests[1]"});
}

TEST_F(ListingParserTest, RejectsUnknownCodesOfEveryKind) {
  json r = minimal();
  r["target_groups"] = {"kids"};
  r["transport"] = {"pickup", "parking", "helicopter"};
  r["accessibility"] = {"wheelchair", "elevator"};
  EXPECT_EQ(activity_errors(r), (Fields{"target_groups[0]", "transport[2]", "accessibility[1]"}));
}

TEST_F(ListingParserTest, RejectsCodeOfTheWrongKind) {
  json r = minimal();
  r["interests"] = {"seniors"};  // a target group, not an interest
  EXPECT_EQ(activity_errors(r), Fields{"interests[0]"});
}

TEST_F(ListingParserTest, CodesAreCaseSensitive) {
  json r = minimal();
  r["interests"] = {"Walking"};
  EXPECT_EQ(activity_errors(r), Fields{"interests[0]"});
}

TEST_F(ListingParserTest, RejectsCodeListThatIsNotAList) {
  json r = minimal();
  r["interests"] = "walking";
  EXPECT_EQ(activity_errors(r), Fields{"interests"});
  r["interests"] = {"walking", 7};
  EXPECT_EQ(activity_errors(r), Fields{"interests[1]"});
}

TEST_F(ListingParserTest, DuplicateCodesAreRemovedKeepingOrder) {
  json r = minimal();
  r["interests"] = {"nature", "walking", "nature", "walking", "music"};
  r["transport"] = {"pickup", "pickup"};
  const Activity a = activity_ok(r);
  EXPECT_EQ(a.interests, (Fields{"nature", "walking", "music"}));
  EXPECT_EQ(a.transport, (Fields{"pickup"}));
}

// --- location ------------------------------------------------------------------------------------

TEST_F(ListingParserTest, RejectsBadPostcodes) {
  for (const char* bad : {"0800", "9999", "750", "75000", "7500 ", "abcd", ""}) {
    json r = minimal();
    r["location"]["postcode"] = bad;
    EXPECT_EQ(activity_errors(r), Fields{"location.postcode"}) << bad;
  }
  json r = minimal();
  r["location"]["postcode"] = 7500;  // must be a string
  EXPECT_EQ(activity_errors(r), Fields{"location.postcode"});
}

TEST_F(ListingParserTest, RejectsLatWithoutLon) {
  json r = minimal();
  r["location"]["lat"] = 56.36;
  EXPECT_EQ(activity_errors(r), Fields{"location.lon"});
}

TEST_F(ListingParserTest, RejectsLonWithoutLat) {
  json r = minimal();
  r["location"]["lon"] = 8.61;
  EXPECT_EQ(activity_errors(r), Fields{"location.lat"});
}

TEST_F(ListingParserTest, RejectsCoordinateOutsideDenmark) {
  json r = minimal();
  r["location"]["lat"] = 52.52;  // Berlin
  r["location"]["lon"] = 13.40;
  EXPECT_EQ(activity_errors(r), Fields{"location.lat"});
  r["location"]["lat"] = 8.6;  // swapped lat/lon of Holstebro
  r["location"]["lon"] = 56.4;
  EXPECT_EQ(activity_errors(r), Fields{"location.lat"});
}

TEST_F(ListingParserTest, RejectsNonNumericCoordinate) {
  json r = minimal();
  r["location"]["lat"] = "56.36";
  r["location"]["lon"] = 8.61;
  EXPECT_EQ(activity_errors(r), Fields{"location.lat"});
}

TEST_F(ListingParserTest, ExactCoordinateIsKept) {
  json r = minimal();
  r["location"]["lat"] = 56.4;
  r["location"]["lon"] = 8.5;
  const Activity a = activity_ok(r);
  ASSERT_TRUE(a.location.exact.has_value());
  EXPECT_DOUBLE_EQ(a.location.exact->lat, 56.4);
  EXPECT_DOUBLE_EQ(a.location.coordinate.lon, 8.5);
  EXPECT_EQ(a.location.municipality, "0661");  // still from the postcode
}

// --- schedule ------------------------------------------------------------------------------------

json with_schedule(json r, json entry) {
  r["schedule"] = json::array({std::move(entry)});
  return r;
}

TEST_F(ListingParserTest, RejectsBadWeekday) {
  for (const char* bad : {"tirsdag", "Tue", "tuesday", ""}) {
    EXPECT_EQ(activity_errors(with_schedule(minimal(), {{"weekday", bad}, {"start", "10:00"}})),
              Fields{"schedule[0].weekday"})
        << bad;
  }
  EXPECT_EQ(activity_errors(with_schedule(minimal(), {{"start", "10:00"}})),
            Fields{"schedule[0].weekday"});
  EXPECT_EQ(activity_errors(with_schedule(minimal(), {{"weekday", 2}, {"start", "10:00"}})),
            Fields{"schedule[0].weekday"});
}

TEST_F(ListingParserTest, RejectsBadStartTime) {
  EXPECT_EQ(activity_errors(with_schedule(minimal(), {{"weekday", "tue"}, {"start", "25:00"}})),
            Fields{"schedule[0].start"});
  EXPECT_EQ(activity_errors(with_schedule(minimal(), {{"weekday", "tue"}, {"start", "10"}})),
            Fields{"schedule[0].start"});
  EXPECT_EQ(activity_errors(with_schedule(minimal(), {{"weekday", "tue"}})),
            Fields{"schedule[0].start"});
}

TEST_F(ListingParserTest, RejectsBadEndTime) {
  EXPECT_EQ(activity_errors(with_schedule(
                minimal(), {{"weekday", "tue"}, {"start", "10:00"}, {"end", "24:00"}})),
            Fields{"schedule[0].end"});
}

TEST_F(ListingParserTest, RejectsEndBeforeOrAtStart) {
  EXPECT_EQ(activity_errors(with_schedule(
                minimal(), {{"weekday", "tue"}, {"start", "10:00"}, {"end", "09:00"}})),
            Fields{"schedule[0].end"});
  EXPECT_EQ(activity_errors(with_schedule(
                minimal(), {{"weekday", "tue"}, {"start", "10:00"}, {"end", "10:00"}})),
            Fields{"schedule[0].end"});
  EXPECT_EQ(activity_errors(with_schedule(
                minimal(), {{"weekday", "tue"}, {"start", "10:00"}, {"end", "10:01"}})),
            Fields{});
}

TEST_F(ListingParserTest, RejectsEveryWeeksZero) {
  EXPECT_EQ(activity_errors(with_schedule(
                minimal(), {{"weekday", "tue"}, {"start", "10:00"}, {"every_weeks", 0}})),
            Fields{"schedule[0].every_weeks"});
  EXPECT_EQ(activity_errors(with_schedule(
                minimal(), {{"weekday", "tue"}, {"start", "10:00"}, {"every_weeks", -2}})),
            Fields{"schedule[0].every_weeks"});
  EXPECT_EQ(activity_errors(with_schedule(
                minimal(), {{"weekday", "tue"}, {"start", "10:00"}, {"every_weeks", 1.5}})),
            Fields{"schedule[0].every_weeks"});
  EXPECT_EQ(activity_errors(with_schedule(
                minimal(), {{"weekday", "tue"}, {"start", "10:00"}, {"every_weeks", "2"}})),
            Fields{"schedule[0].every_weeks"});
}

TEST_F(ListingParserTest, RejectsWeekOfMonthFive) {
  for (int bad : {5, 0, -2}) {
    EXPECT_EQ(activity_errors(with_schedule(
                  minimal(), {{"weekday", "tue"}, {"start", "10:00"}, {"week_of_month", bad}})),
              Fields{"schedule[0].week_of_month"})
        << bad;
  }
}

TEST_F(ListingParserTest, AcceptsEveryWeekOfMonthValue) {
  for (int ok : {1, 2, 3, 4, -1}) {
    const Activity a = activity_ok(with_schedule(
        minimal(), {{"weekday", "fri"}, {"start", "10:00"}, {"week_of_month", ok}}));
    ASSERT_EQ(a.schedule.size(), 1u);
    EXPECT_EQ(a.schedule[0].week_of_month, ok);
    EXPECT_EQ(a.schedule[0].weekday, 4);
  }
}

TEST_F(ListingParserTest, RejectsBothEveryWeeksAndWeekOfMonth) {
  const Fields fields = activity_errors(with_schedule(
      minimal(),
      {{"weekday", "tue"}, {"start", "10:00"}, {"every_weeks", 2}, {"week_of_month", 1}}));
  ASSERT_EQ(fields.size(), 1u);
  EXPECT_TRUE(fields[0] == "schedule[0].week_of_month" || fields[0] == "schedule[0].every_weeks")
      << fields[0];
}

TEST_F(ListingParserTest, RejectsBadFromDate) {
  EXPECT_EQ(activity_errors(with_schedule(
                minimal(), {{"weekday", "tue"}, {"start", "10:00"}, {"from", "2026-02-30"}})),
            Fields{"schedule[0].from"});
}

TEST_F(ListingParserTest, ScheduleErrorsNameTheEntry) {
  json r = minimal();
  r["schedule"] = json::array({{{"weekday", "mon"}, {"start", "09:00"}},
                               {{"weekday", "wed"}, {"start", "9:00"}},
                               "thursday"});
  EXPECT_EQ(activity_errors(r), (Fields{"schedule[1].start", "schedule[2]"}));
  r["schedule"] = "every tuesday";
  EXPECT_EQ(activity_errors(r), Fields{"schedule"});
}

TEST_F(ListingParserTest, ParsesSeveralScheduleEntries) {
  json r = minimal();
  r["schedule"] = json::array(
      {{{"weekday", "mon"}, {"start", "09:00"}},
       {{"weekday", "sun"}, {"start", "19:30"}, {"end", "21:00"}, {"every_weeks", 3},
        {"from", "2026-12-06"}},
       {{"weekday", "sat"}, {"start", "13:00"}, {"week_of_month", -1}}});
  const Activity a = activity_ok(r);
  ASSERT_EQ(a.schedule.size(), 3u);
  EXPECT_EQ(a.schedule[0].weekday, 0);
  EXPECT_FALSE(a.schedule[0].end_minute.has_value());
  EXPECT_EQ(a.schedule[1].weekday, 6);
  EXPECT_EQ(a.schedule[1].start_minute, 19 * 60 + 30);
  EXPECT_EQ(a.schedule[1].every_weeks, 3);
  EXPECT_EQ(a.schedule[1].from, from_ymd({2026, 12, 6}));
  EXPECT_EQ(a.schedule[2].weekday, 5);
  EXPECT_EQ(a.schedule[2].week_of_month, -1);
}

// --- price, welcome, updated_at ------------------------------------------------------------------

TEST_F(ListingParserTest, RejectsNegativePrice) {
  json r = minimal();
  r["price_dkk"] = -10;
  EXPECT_EQ(activity_errors(r), Fields{"price_dkk"});
}

TEST_F(ListingParserTest, RejectsNonIntegerPrice) {
  for (const json& bad : {json(12.5), json("20"), json(true), json::array({20})}) {
    json r = minimal();
    r["price_dkk"] = bad;
    EXPECT_EQ(activity_errors(r), Fields{"price_dkk"}) << bad.dump();
  }
}

TEST_F(ListingParserTest, PriceAbsentIsUnknownAndZeroIsFree) {
  EXPECT_FALSE(activity_ok(minimal()).price_dkk.has_value());
  json r = minimal();
  r["price_dkk"] = 0;
  EXPECT_EQ(activity_ok(r).price_dkk, 0);
  r["price_dkk"] = 45;
  EXPECT_EQ(activity_ok(r).price_dkk, 45);
}

TEST_F(ListingParserTest, RejectsNonBoolWelcome) {
  for (const json& bad : {json("yes"), json(1), json("true")}) {
    json r = minimal();
    r["welcome"] = bad;
    EXPECT_EQ(activity_errors(r), Fields{"welcome"}) << bad.dump();
  }
}

TEST_F(ListingParserTest, RejectsBadUpdatedAt) {
  for (const json& bad : {json("2026-13-01"), json("01-10-2026"), json("2026-10-01T12:00:00Z"),
                          json(20261001), json("i går")}) {
    json r = minimal();
    r["updated_at"] = bad;
    EXPECT_EQ(activity_errors(r), Fields{"updated_at"}) << bad.dump();
  }
}

// --- ids and text --------------------------------------------------------------------------------

TEST_F(ListingParserTest, RejectsBadIdShapes) {
  for (const std::string& bad : {std::string("Holstebro-gaaklub"), std::string("-gaaklub"),
                                 std::string("gaa klub"), std::string("gaa_klub"),
                                 std::string("gåklub"), std::string(129, 'a')}) {
    json r = minimal();
    r["id"] = bad;
    EXPECT_EQ(activity_errors(r), Fields{"id"}) << bad;
    json a = example()["associations"][1];
    a["id"] = bad;
    EXPECT_EQ(association_errors(a), Fields{"id"}) << bad;
  }
}

TEST_F(ListingParserTest, AcceptsIdOfMaximumLength) {
  json r = minimal();
  r["id"] = std::string(128, 'a');
  EXPECT_EQ(activity_ok(r).id, std::string(128, 'a'));
  r["id"] = "7";
  EXPECT_EQ(activity_ok(r).id, "7");
}

TEST_F(ListingParserTest, RejectsBadAssociationReference) {
  json r = minimal();
  r["association"] = "Test Forening";
  EXPECT_EQ(activity_errors(r), Fields{"association"});
}

TEST(ValidIdTest, MatchesThePattern) {
  EXPECT_TRUE(valid_id("a"));
  EXPECT_TRUE(valid_id("0"));
  EXPECT_TRUE(valid_id("holstebro-gaaklub-tirsdag"));
  EXPECT_TRUE(valid_id("a-"));
  EXPECT_TRUE(valid_id(std::string(128, 'z')));
  EXPECT_FALSE(valid_id(""));
  EXPECT_FALSE(valid_id("-a"));
  EXPECT_FALSE(valid_id("A"));
  EXPECT_FALSE(valid_id("aB"));
  EXPECT_FALSE(valid_id("a.b"));
  EXPECT_FALSE(valid_id("a/b"));
  EXPECT_FALSE(valid_id(std::string(129, 'z')));
}

TEST_F(ListingParserTest, RejectsOverlongTitle) {
  json r = minimal();
  r["title"] = std::string(201, 'x');
  EXPECT_EQ(activity_errors(r), Fields{"title"});
  r["title"] = std::string(200, 'x');
  EXPECT_EQ(activity_errors(r), Fields{});
}

TEST_F(ListingParserTest, TitleLengthCountsCharactersNotBytes) {
  std::string title;
  for (int i = 0; i < 200; ++i) title += "å";  // 400 bytes, 200 characters
  json r = minimal();
  r["title"] = title;
  EXPECT_EQ(activity_ok(r).title, title);
  r["title"] = title + "ø";
  EXPECT_EQ(activity_errors(r), Fields{"title"});
}

TEST_F(ListingParserTest, RejectsControlCharactersInTitle) {
  for (const char* bad : {"Tirsdags\nturen", "Tirsdags\tturen", "Tirsdags\x01turen",
                          "Tirsdags\x1f-turen"}) {
    json r = minimal();
    r["title"] = bad;
    EXPECT_EQ(activity_errors(r), Fields{"title"}) << bad;
  }
}

TEST_F(ListingParserTest, DescriptionMayHaveLineBreaks) {
  json r = minimal();
  r["description"] = "Første linje.\nAnden linje.";
  EXPECT_EQ(activity_ok(r).description, "Første linje.\nAnden linje.");
  r["description"] = "Bip\x07";
  EXPECT_EQ(activity_errors(r), Fields{"description"});
}

TEST_F(ListingParserTest, TextIsTrimmed) {
  json r = minimal();
  r["title"] = "  Strikkecafé \n";
  EXPECT_EQ(activity_ok(r).title, "Strikkecafé");
}

TEST_F(ListingParserTest, RejectsBadContactDetails) {
  json r = minimal();
  r["contact"] = {{"email", "inge-at-example"}, {"phone", "12"}};
  const Fields fields = activity_errors(r);
  EXPECT_TRUE(contains(fields, "contact.email"));
  EXPECT_TRUE(contains(fields, "contact.phone"));
  EXPECT_EQ(fields.size(), 2u);
  r["contact"] = "Inge";
  EXPECT_EQ(activity_errors(r), Fields{"contact"});
}

TEST_F(ListingParserTest, RejectsBadAssociationFields) {
  json a = example()["associations"][0];
  a["municipality"] = "9999";
  a["website"] = "gaaklub.dk";
  a["email"] = "kontakt";
  a["phone"] = "ring til Inge";
  const Fields fields = association_errors(a);
  EXPECT_EQ(fields.size(), 4u);
  for (const char* f : {"municipality", "website", "email", "phone"}) {
    EXPECT_TRUE(contains(fields, f)) << f;
  }
}

TEST_F(ListingParserTest, ReportsMultipleErrorsTogether) {
  json r = minimal();
  r["id"] = "Bad Id";
  r["interests"] = {"walking", "knitting"};
  r["location"]["postcode"] = "0000";
  r["price_dkk"] = -5;
  r["welcome"] = "ja";
  r["schedule"] = json::array({{{"weekday", "xyz"}, {"start", "10:00"}}});
  const Fields fields = activity_errors(r);
  EXPECT_EQ(fields.size(), 6u);
  for (const char* f : {"id", "interests[1]", "location.postcode", "price_dkk", "welcome",
                        "schedule[0].weekday"}) {
    EXPECT_TRUE(contains(fields, f)) << f;
  }
}

TEST_F(ListingParserTest, ErrorReasonsAreDanish) {
  json r = minimal();
  r.erase("title");
  const auto parsed = parser().activity(r);
  const auto* errors = std::get_if<std::vector<FieldError>>(&parsed);
  ASSERT_NE(errors, nullptr);
  ASSERT_EQ(errors->size(), 1u);
  EXPECT_EQ(errors->front().reason, "mangler");
}

// --- to_json -------------------------------------------------------------------------------------

TEST_F(ListingParserTest, ToJsonIsCanonicalForExampleActivities) {
  for (const auto& record : example()["activities"]) {
    const json first = to_json(activity_ok(record));
    const json second = to_json(activity_ok(json::parse(first.dump())));
    EXPECT_EQ(first, second) << record["id"];
    EXPECT_EQ(first.dump(), second.dump());
  }
}

TEST_F(ListingParserTest, ToJsonIsCanonicalForExampleAssociations) {
  for (const auto& record : example()["associations"]) {
    const json first = to_json(association_ok(record));
    EXPECT_EQ(first, record) << "every field of the example association is kept as given";
    const json second = to_json(association_ok(json::parse(first.dump())));
    EXPECT_EQ(first.dump(), second.dump());
  }
}

TEST_F(ListingParserTest, ToJsonKeepsDanishLettersAsUtf8) {
  const json out = to_json(activity_ok(example()["activities"][0]));
  EXPECT_EQ(out["title"], "Tirsdagsturen ved Storåen");
  EXPECT_EQ(out["location"]["address"], "Nørregade 1");
  const std::string text = out.dump();
  EXPECT_NE(text.find("Storåen"), std::string::npos) << text;
  EXPECT_NE(text.find("Nørregade"), std::string::npos) << text;
  const json assoc = to_json(association_ok(example()["associations"][1]));
  EXPECT_NE(assoc.dump().find("Røde Kors Vejle – besøgsvenner"), std::string::npos);
}

TEST_F(ListingParserTest, ToJsonOfExampleMatchesInput) {
  const json in = example()["activities"][0];
  const json out = to_json(activity_ok(in));
  for (const char* key : {"id", "association", "title", "description", "interests",
                          "target_groups", "schedule", "schedule_note", "transport",
                          "accessibility", "price_dkk", "contact", "welcome", "updated_at"}) {
    EXPECT_EQ(out.at(key), in.at(key)) << key;
  }
  EXPECT_EQ(out["location"], in["location"]);
}

TEST_F(ListingParserTest, ToJsonLeavesAbsentFieldsAbsent) {
  const json out = to_json(activity_ok(minimal()));
  EXPECT_FALSE(out.contains("price_dkk")) << out.dump();
  EXPECT_FALSE(out.contains("price_note"));
  EXPECT_FALSE(out.contains("description"));
  EXPECT_FALSE(out.contains("schedule_note"));
  EXPECT_FALSE(out.contains("updated_at"));
  EXPECT_FALSE(out.contains("contact"));
  EXPECT_FALSE(out["location"].contains("lat"));
  EXPECT_FALSE(out["location"].contains("lon"));
  EXPECT_FALSE(out["location"].contains("name"));
  EXPECT_FALSE(out["location"].contains("address"));
  EXPECT_EQ(out["location"]["postcode"], "7500");
  // Re-parsing keeps the price unknown, not free.
  EXPECT_FALSE(activity_ok(out).price_dkk.has_value());
}

TEST_F(ListingParserTest, ToJsonKeepsZeroPrice) {
  json r = minimal();
  r["price_dkk"] = 0;
  const json out = to_json(activity_ok(r));
  ASSERT_TRUE(out.contains("price_dkk"));
  EXPECT_EQ(out["price_dkk"], 0);
  EXPECT_EQ(activity_ok(out).price_dkk, 0);
}

TEST_F(ListingParserTest, ToJsonRoundTripsEveryScheduleShape) {
  json r = minimal();
  r["schedule"] = json::array(
      {{{"weekday", "mon"}, {"start", "09:00"}},
       {{"weekday", "sun"}, {"start", "19:30"}, {"end", "21:00"}, {"every_weeks", 3},
        {"from", "2026-12-06"}},
       {{"weekday", "sat"}, {"start", "13:00"}, {"week_of_month", -1}}});
  const json out = to_json(activity_ok(r));
  EXPECT_EQ(out["schedule"], r["schedule"]);
  EXPECT_EQ(to_json(activity_ok(out)).dump(), out.dump());
}

TEST(ScheduleToJsonTest, WritesOnlyWhatIsSet) {
  ScheduleEntry e;
  e.weekday = 1;
  e.start_minute = 600;
  EXPECT_EQ(to_json(e), (json{{"weekday", "tue"}, {"start", "10:00"}}));
  e.end_minute = 690;
  e.every_weeks = 2;
  EXPECT_EQ(to_json(e),
            (json{{"weekday", "tue"}, {"start", "10:00"}, {"end", "11:30"}, {"every_weeks", 2}}));
  ScheduleEntry m;
  m.weekday = 4;
  m.start_minute = 17 * 60 + 5;
  m.week_of_month = -1;
  m.from = from_ymd({2027, 1, 1});
  EXPECT_EQ(to_json(m), (json{{"weekday", "fri"},
                              {"start", "17:05"},
                              {"week_of_month", -1},
                              {"from", "2027-01-01"}}));
}

// --- schedule until / except (extension) -----------------------------------------------------------

TEST_F(ListingParserTest, ScheduleUntilAndExceptAreParsedAndWrittenCanonically) {
  json r = minimal();
  r["schedule"] = {{{"weekday", "tue"}, {"start", "10:00"}, {"from", "2026-09-01"}, {"until", "2026-12-15"},
                    {"except", {"2026-12-08", "2026-10-13", "2026-12-08"}}}};
  const Activity a = activity_ok(r);
  ASSERT_EQ(a.schedule.size(), 1u);
  ASSERT_TRUE(a.schedule[0].until);
  EXPECT_EQ(format_date(*a.schedule[0].until), "2026-12-15");
  ASSERT_EQ(a.schedule[0].except.size(), 2u);
  EXPECT_EQ(format_date(a.schedule[0].except[0]), "2026-10-13");
  const json out = to_json(a).at("schedule")[0];
  EXPECT_EQ(out.at("until"), "2026-12-15");
  EXPECT_EQ(out.at("except"), json({"2026-10-13", "2026-12-08"}));
  // Parsing the canonical form again gives the same document.
  json again = r;
  again["schedule"] = to_json(a).at("schedule");
  EXPECT_EQ(to_json(activity_ok(again)), to_json(a));
}

TEST_F(ListingParserTest, ScheduleWithoutUntilOrExceptWritesNeither) {
  json r = minimal();
  r["schedule"] = {{{"weekday", "tue"}, {"start", "10:00"}}};
  const json out = to_json(activity_ok(r)).at("schedule")[0];
  EXPECT_FALSE(out.contains("until"));
  EXPECT_FALSE(out.contains("except"));
}

TEST_F(ListingParserTest, ScheduleUntilAndExceptErrorsNameTheField) {
  json r = minimal();
  r["schedule"] = {{{"weekday", "tue"}, {"start", "10:00"}, {"until", "15-12-2026"}},
                   {{"weekday", "wed"}, {"start", "10:00"}, {"except", {"2026-10-14", "2026-02-30", 7}}},
                   {{"weekday", "thu"}, {"start", "10:00"}, {"except", "2026-10-15"}},
                   {{"weekday", "fri"}, {"start", "10:00"}, {"from", "2026-10-01"}, {"until", "2026-09-01"}}};
  const Fields fields = activity_errors(r);
  EXPECT_TRUE(contains(fields, "schedule[0].until"));
  EXPECT_TRUE(contains(fields, "schedule[1].except[1]"));
  EXPECT_TRUE(contains(fields, "schedule[1].except[2]"));
  EXPECT_FALSE(contains(fields, "schedule[1].except[0]"));
  EXPECT_TRUE(contains(fields, "schedule[2].except"));
  EXPECT_TRUE(contains(fields, "schedule[3].until"));
}

}  // namespace
}  // namespace portal::core
