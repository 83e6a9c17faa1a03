// Open Referral HSDS 3.0 → listing records (indexer/hsds.h), checked through the listing parser.
#include "indexer/hsds.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/listing_json.h"
#include "tests/indexer/source_records.h"

namespace portal::indexer {
namespace {

using nlohmann::json;
using namespace portal::indexer::tests;  // NOLINT(google-build-using-namespace)

json fixture() { return json::parse(fixture_text("aeldre-sagen-aarhus.hsds.json")); }

SourceRecords convert(const json& doc) { return hsds_to_records("test.json", doc, vocabulary()); }

core::Activity activity(const SourceRecords& r, size_t i) { return parsed_activity(r, i); }

core::Association association(const SourceRecords& r, size_t i) {
  auto parsed = parser().association(r.associations.at(i));
  if (auto* errors = std::get_if<std::vector<core::FieldError>>(&parsed)) {
    for (const auto& e : *errors) ADD_FAILURE() << e.field << ": " << e.reason;
    return {};
  }
  return std::get<core::Association>(parsed);
}

constexpr const char* kOrganizationId = "3f2b6c1e-9a4d-4e7b-8c21-5d0a7e9f1b23";

TEST(HsdsTest, OrganizationWithNestedServicesAndDanishLetters) {
  const SourceRecords r = convert(fixture());
  ASSERT_EQ(r.associations.size(), 1u);
  const core::Association a = association(r, 0);
  EXPECT_EQ(a.id, kOrganizationId);
  EXPECT_EQ(a.name, "Ældre Sagen Århus – frivillige");
  EXPECT_EQ(a.phone, "86 12 34 56");
  EXPECT_EQ(a.website, "https://www.aeldresagen.dk/lokalafdelinger/aarhus");
  EXPECT_EQ(r.association_labels[0], "organization");

  ASSERT_EQ(r.activities.size(), 3u);
  EXPECT_EQ(r.activity_labels[0], "organization.services[0]");
  const core::Activity strik = activity(r, 0);
  EXPECT_EQ(strik.id, "strikkecafe-graenseloes");
  EXPECT_EQ(strik.association, kOrganizationId);
  EXPECT_EQ(strik.title, "Strikkecafé på Grønnegade");
  EXPECT_EQ(strik.location.name, "Frivilligcenter Århus");
  EXPECT_EQ(strik.location.address, "Grønnegade 80");  // the physical address, not the postal one
  EXPECT_EQ(strik.location.postcode, "8000");
  ASSERT_TRUE(strik.location.exact);
  EXPECT_DOUBLE_EQ(strik.location.exact->lat, 56.1572);
  EXPECT_EQ(strik.contact.name, "Søren Ærbø");
  EXPECT_EQ(strik.contact.phone, "+45 20 30 40 50");
  ASSERT_TRUE(strik.updated_at);
  EXPECT_EQ(core::format_date(*strik.updated_at), "2026-08-20");
}

TEST(HsdsTest, SchedulesMapToWeeklyAndMonthlyEntries) {
  const SourceRecords r = convert(fixture());
  EXPECT_EQ(core::to_json(activity(r, 0)).at("schedule"),
            json::parse(R"([{"weekday":"mon","start":"13:30","end":"15:30","from":"2026-08-31"},
                            {"weekday":"thu","start":"13:30","end":"15:30","from":"2026-08-31"}])"));
  EXPECT_EQ(core::to_json(activity(r, 1)).at("schedule"),
            json::parse(R"([{"weekday":"tue","start":"10:00","end":"12:00","week_of_month":1},
                            {"weekday":"thu","start":"19:00","week_of_month":-1}])"));
  // FREQ=DAILY cannot be shown: the service is invalid, naming the field.
  ASSERT_EQ(r.activity_errors[2].size(), 1u);
  EXPECT_EQ(r.activity_errors[2][0].field, "schedules[0].freq");
}

TEST(HsdsTest, CostOptionsGivePriceAndNote) {
  const SourceRecords r = convert(fixture());
  const core::Activity free = activity(r, 0);
  EXPECT_EQ(free.price_dkk, 0);
  EXPECT_EQ(free.price_note, "Gratis – kaffe koster 5 kr.");
  const core::Activity paid = activity(r, 1);
  EXPECT_EQ(paid.price_dkk, 30);
  EXPECT_EQ(paid.price_note, "inkl. kaffe og kage");
}

TEST(HsdsTest, AttributesMapToInterestsAndUnknownTermsAreNotes) {
  const SourceRecords r = convert(fixture());
  EXPECT_EQ(activity(r, 0).interests, (std::vector<std::string>{"crafts", "social"}));
  EXPECT_EQ(activity(r, 1).interests, (std::vector<std::string>{"culture"}));
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_NE(r.notes[0].reason.find("Lokalhistorie"), std::string::npos);
  EXPECT_EQ(r.notes[0].record, "organization.services[1]");
}

TEST(HsdsTest, AnIdThatIsNoListingIdBecomesASlug) {
  const SourceRecords r = convert(fixture());
  EXPECT_EQ(activity(r, 1).id, std::string(kOrganizationId) + "-foredrag-om-aarhus-historie");
  const SourceRecords named = convert(json::parse(R"({"id": "Org 7", "name": "Ældre Sagen Århus", "services": []})"));
  EXPECT_EQ(named.associations[0].at("id"), "aeldre-sagen-aarhus");
}

TEST(HsdsTest, AcceptsEveryDocumentShape) {
  const json org = fixture();
  json service = org.at("services")[0];
  json bare_org = org;
  bare_org.erase("services");
  service["organization"] = bare_org;

  auto shape = [](const SourceRecords& r) { return std::make_pair(r.associations.size(), r.activities.size()); };
  EXPECT_EQ(shape(convert(json::array({org}))), std::make_pair(size_t{1}, size_t{3}));
  EXPECT_EQ(shape(convert(json{{"organizations", json::array({org})}})), std::make_pair(size_t{1}, size_t{3}));
  EXPECT_EQ(shape(convert(json::array({service, service}))), std::make_pair(size_t{1}, size_t{2}));
  const SourceRecords wrapped = convert(json{{"services", json::array({service})}});
  EXPECT_EQ(shape(wrapped), std::make_pair(size_t{1}, size_t{1}));
  EXPECT_EQ(wrapped.activity_labels[0], "services[0]");
  EXPECT_EQ(wrapped.association_labels[0], "services[0].organization");
  // A service's location_id is resolved in its nested organization's locations.
  EXPECT_EQ(activity(wrapped, 0).location.address, "Grønnegade 80");
  EXPECT_EQ(shape(convert(json{{"total_items", 1}, {"contents", json::array({service})}})),
            std::make_pair(size_t{1}, size_t{1}));
}

TEST(HsdsTest, OtherDocumentsAreAFileError) {
  EXPECT_THROW(convert(json{{"foo", 1}}), FileError);
  EXPECT_THROW(convert(json(42)), FileError);
  EXPECT_THROW(convert(json::parse("[1, 2, 3]")), FileError);
  EXPECT_THROW(convert(json::parse(R"({"organizations": ["x"]})")), FileError);
}

TEST(HsdsTest, FieldNamesAreMappedToHsds) {
  const SourceRecords r = convert(fixture());
  EXPECT_EQ(r.activity_field("location.postcode"), "location.addresses.postal_code");
  EXPECT_EQ(r.activity_field("title"), "name");
  EXPECT_EQ(r.activity_field("schedule[1].week_of_month"), "schedules[1].week_of_month");
}

}  // namespace
}  // namespace portal::indexer
