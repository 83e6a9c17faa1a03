// The search page's view models: the result card's Danish wording, and its HTML.
#include "frontend/search_view.h"

#include <gtest/gtest.h>

#include "frontend/render.h"

namespace portal::frontend {
namespace {

using nlohmann::json;

const core::Vocabulary& vocab() {
  static const core::Vocabulary v = core::Vocabulary::builtin();
  return v;
}

json walk() {
  return json::parse(R"({
    "id": "holstebro-gaaklub-tirsdag", "title": "Tirsdagsturen ved Storåen",
    "association": {"id": "holstebro-gaaklub", "name": "Holstebro Gåklub"},
    "snippet": "En rolig gåtur langs åen",
    "interests": ["walking", "nature"], "target_groups": ["seniors"],
    "transport": ["public_transport", "pickup"], "accessibility": ["wheelchair"],
    "location": {"name": "Kulturhuset", "address": "Nørregade 1", "postcode": "7500", "city": "Holstebro",
                 "lat": 56.3612, "lon": 8.617, "municipality": "0661", "approximate": false},
    "schedule": [{"weekday": "tue", "start": "10:00", "end": "11:30"}],
    "schedule_note": "Ikke i juli", "welcome": true, "price_dkk": 0,
    "next_occurrence": {"date": "2026-12-01", "weekday": "tue", "start": "10:00", "end": "11:30"},
    "distance_km": 2.3})");
}

TEST(ResultView, AnswersWhatWhereWhenHowAndPrice) {
  const json v = result_view(walk(), vocab());
  EXPECT_EQ(v["title"], "Tirsdagsturen ved Storåen");
  EXPECT_EQ(v["url"], "/aktivitet/holstebro-gaaklub-tirsdag");
  EXPECT_EQ(v["association"], "Holstebro Gåklub");
  EXPECT_EQ(v["interests"], vocab().label_da(core::CodeKind::interest, "walking") + ", " +
                                vocab().label_da(core::CodeKind::interest, "nature"));
  EXPECT_EQ(v["where"], json({"Kulturhuset", "Nørregade 1", "7500 Holstebro"}));
  EXPECT_EQ(v["distance"], "2,3 km væk");
  EXPECT_EQ(v["when"], json({"Hver tirsdag kl. 10.00–11.30"}));
  EXPECT_EQ(v["schedule_note"], "Ikke i juli");
  EXPECT_EQ(v["next"], "Næste gang: tirsdag 1. december kl. 10.00–11.30");
  EXPECT_EQ(v["transport"], json({"Bus eller tog holder tæt på", "Du kan blive hentet"}));
  EXPECT_EQ(v["accessibility"][0], vocab().label_da(core::CodeKind::accessibility, "wheelchair"));
  EXPECT_EQ(v["price"], "Gratis");
  EXPECT_EQ(v["welcome"], true);
  EXPECT_EQ(v["lat"], "56.361200");
  EXPECT_EQ(v["lon"], "8.617000");
  EXPECT_EQ(v["has_map"], true);
}

TEST(ResultView, ScheduleInWords) {
  EXPECT_EQ(schedule_line(json::parse(R"({"weekday":"thu","start":"14:00","end":"15:00","every_weeks":2})")),
            "Torsdag hver 2. uge kl. 14.00–15.00");
  EXPECT_EQ(schedule_line(json::parse(R"({"weekday":"tue","start":"10:00","week_of_month":1})")),
            "1. tirsdag i måneden kl. 10.00");
  EXPECT_EQ(schedule_line(json::parse(R"({"weekday":"fri","week_of_month":-1})")), "Sidste fredag i måneden");
  json r = walk();
  r["schedule"] = json::array();
  EXPECT_EQ(result_view(r, vocab())["when"], json({"Efter aftale"}));
}

TEST(ResultView, PriceWording) {
  EXPECT_EQ(price_text(json::parse(R"({"price_dkk": 25})")), "25 kr.");
  EXPECT_EQ(price_text(json::parse(R"({"price_dkk": 12.5})")), "12,50 kr.");
  EXPECT_EQ(price_text(json::parse(R"({"price_dkk": 0})")), "Gratis");
  EXPECT_EQ(price_text(json::object()), "Pris ikke oplyst");
  EXPECT_EQ(distance_text(0.4, true), "Cirka 0,4 km væk");
  EXPECT_EQ(distance_text(23.4, false), "23 km væk");
}

TEST(ResultView, MissingAndOddFieldsDoNotThrow) {
  for (const char* text : {R"({})", R"({"id": 3, "location": "x", "schedule": {"a": 1}, "transport": "bus"})",
                           R"([])", R"(null)"}) {
    json v;
    ASSERT_NO_THROW(v = result_view(json::parse(text), vocab())) << text;
    EXPECT_EQ(v["title"], "Aktivitet") << text;
    EXPECT_EQ(v["price"], "Pris ikke oplyst") << text;
    EXPECT_EQ(v["has_map"], false) << text;
    EXPECT_EQ(v["when"], json({"Efter aftale"})) << text;
  }
}

TEST(ResultView, CardHtmlEscapesAndCarriesMapData) {
  json r = walk();
  r["title"] = "Kaffe & <script>alert(1)</script>";
  r["association"]["name"] = "\"Klub\"";
  const std::string html = Renderer{}.fragment("result", result_view(r, vocab()));
  EXPECT_EQ(html.find("<script>"), std::string::npos) << html;
  EXPECT_NE(html.find("Kaffe &amp; &lt;script&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find("data-title=\"Kaffe &amp; &lt;script&gt;"), std::string::npos) << html;
  EXPECT_NE(html.find("&quot;Klub&quot;"), std::string::npos) << html;
  EXPECT_NE(html.find("data-lat=\"56.361200\" data-lon=\"8.617000\""), std::string::npos) << html;
  EXPECT_NE(html.find("href=\"/aktivitet/holstebro-gaaklub-tirsdag\""), std::string::npos) << html;
  EXPECT_NE(html.find("Der er en, der tager imod nye"), std::string::npos) << html;
  EXPECT_NE(html.find("Sådan kommer du derhen"), std::string::npos) << html;
}

TEST(ResultView, CardLeavesOutWhatIsNotKnown) {
  json r = json::parse(R"({"id": "x", "title": "Besøgsven", "location": {"postcode": "7100"}})");
  const std::string html = Renderer{}.fragment("result", result_view(r, vocab()));
  EXPECT_EQ(html.find("data-lat"), std::string::npos) << html;
  EXPECT_EQ(html.find("card-subheading"), std::string::npos) << html;
  EXPECT_EQ(html.find("tager imod nye"), std::string::npos) << html;
  EXPECT_EQ(html.find("Sådan kommer du derhen"), std::string::npos) << html;
  EXPECT_NE(html.find("Efter aftale"), std::string::npos) << html;
  EXPECT_NE(html.find("Pris ikke oplyst"), std::string::npos) << html;
}

}  // namespace
}  // namespace portal::frontend
