// The search page's view models: the result card's Danish wording, and its HTML.
#include "frontend/search_view.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

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

// --- the page ----------------------------------------------------------------------------------

const core::Geo& geo() {
  static const core::Geo g = core::Geo::builtin();
  return g;
}

PageContext context() { return PageContext{vocab(), geo(), "https://tile.example/{z}/{x}/{y}.png", "© Kort"}; }

SearchState state(const std::map<std::string, std::string>& params) { return SearchState::from_params(params); }

json answer(uint64_t total, int page = 1, int per_page = 20) {
  json a = {{"total", total}, {"page", page}, {"per_page", per_page}, {"results", json::array()},
            {"facets", {{"interest", {{"walking", 3}, {"music", 1}}}, {"transport", {{"pickup", 2}}},
                        {"municipality", {{"0661", 3}}}}}};
  if (total > 0) a["results"].push_back(walk());
  return a;
}

const json* find_by(const json& list, const char* key, const std::string& value) {
  for (const auto& item : list) {
    if (item.value(key, "") == value) return &item;
  }
  return nullptr;
}

TEST(SearchState, UrlIsStableSharedAndDropsWhatMeansNothing) {
  const auto s = state({{"page", "1"}, {"interest", "walking, nature,walking"}, {"q", " gåtur "}, {"postcode", ""},
                        {"radius_km", "10"}, {"sort", "distance"}, {"free", "false"}, {"visning", "resultater"}});
  EXPECT_EQ(s.url(), "/?q=g%C3%A5tur&interest=walking,nature");
  EXPECT_EQ(state({}).url(), "/");
  EXPECT_TRUE(state({{"sort", "next"}, {"page", "3"}}).empty());
  const auto place = state({{"postcode", "7500"}, {"radius_km", "10"}, {"sort", "distance"}, {"page", "2"}});
  EXPECT_EQ(place.url(), "/?postcode=7500&radius_km=10&sort=distance&page=2");
  EXPECT_EQ(place.params().at("radius_km"), "10");
  EXPECT_EQ(s.without("interest", "walking").url(), "/?q=g%C3%A5tur&interest=nature");
  EXPECT_EQ(state({{"q", "a&b=c#d"}}).url(), "/?q=a%26b%3Dc%23d");
}

TEST(SearchPageView, FacetsHaveLabelsAndCounts) {
  const auto s = state({{"interest", "walking"}, {"municipality", "0661"}});
  const json v = search_page_view(s, answer(3), nullptr, nullptr, context());
  const json* walking = find_by(v["interests"], "code", "walking");
  ASSERT_NE(walking, nullptr);
  EXPECT_EQ((*walking)["label"], vocab().label_da(core::CodeKind::interest, "walking"));
  EXPECT_EQ((*walking)["count"], "3");
  EXPECT_EQ((*walking)["checked"], true);
  EXPECT_EQ((*find_by(v["interests"], "code", "dance"))["count"], "0");
  EXPECT_EQ((*find_by(v["transport"], "code", "pickup"))["label"], "Jeg skal hentes");
  EXPECT_EQ(v["transport"][0]["code"], "public_transport");
  EXPECT_EQ((*find_by(v["transport"], "code", "at_home"))["label"], "Det foregår hjemme hos mig");
  const json* holstebro = find_by(v["municipalities"], "code", "0661");
  ASSERT_NE(holstebro, nullptr);
  EXPECT_EQ((*holstebro)["name"], "Holstebro (3)");
  EXPECT_EQ((*holstebro)["selected"], true);
  EXPECT_EQ(v["count_text"], "3 aktiviteter");
  EXPECT_EQ(v["filters_open"], true);
  EXPECT_EQ(json::parse(v["facets_json"].get<std::string>())["interest-walking"], "3");
}

TEST(SearchPageView, PagingLinksKeepTheState) {
  const auto s = state({{"q", "kor"}, {"page", "3"}});
  const json v = search_page_view(s, answer(95, 3), nullptr, nullptr, context());
  const json& p = v["pagination"];
  EXPECT_EQ(p["pages"], "5");
  EXPECT_EQ(p["previous"], "/?q=kor&page=2");
  EXPECT_EQ(p["next"], "/?q=kor&page=4");
  std::vector<std::string> shown;
  for (const auto& item : p["items"]) shown.push_back(item["gap"] == true ? "…" : item["number"].get<std::string>());
  EXPECT_EQ(shown, (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  EXPECT_EQ(p["items"][0]["url"], "/?q=kor");
  const json far = search_page_view(state({{"q", "kor"}, {"page", "10"}}), answer(400, 10), nullptr, nullptr, context());
  shown.clear();
  for (const auto& item : far["pagination"]["items"]) shown.push_back(item["gap"] == true ? "…" : item["number"].get<std::string>());
  EXPECT_EQ(shown, (std::vector<std::string>{"1", "…", "9", "10", "11", "…", "20"}));
  EXPECT_EQ(search_page_view(s, answer(20), nullptr, nullptr, context())["pagination"], false);
}

TEST(SearchPageView, NothingFoundOffersDropFilterWiderAreaAndDidYouMean) {
  const auto s = state({{"q", "strikning"}, {"postcode", "7500"}, {"radius_km", "5"}, {"free", "true"},
                        {"transport", "pickup"}, {"page", "2"}});
  json a = answer(0);
  a["did_you_mean"] = "strikke";
  const json v = search_page_view(s, a, nullptr, nullptr, context());
  EXPECT_EQ(v["did_you_mean"]["url"], "/?q=strikke&postcode=7500&radius_km=5&transport=pickup&free=true");
  const json& none = v["none"];
  ASSERT_TRUE(none.is_object());
  EXPECT_EQ(none["wider"]["url"], "/?q=strikning&postcode=7500&radius_km=10&transport=pickup&free=true");
  std::vector<std::string> drops;
  for (const auto& d : none["drop"]) drops.push_back(d["text"].get<std::string>() + " " + d["url"].get<std::string>());
  EXPECT_EQ(drops, (std::vector<std::string>{
                       "Fjern filteret: Jeg skal hentes /?q=strikning&postcode=7500&radius_km=5&free=true",
                       "Fjern filteret: Gratis /?q=strikning&postcode=7500&radius_km=5&transport=pickup"}));
  const json widest = search_page_view(state({{"postcode", "7500"}, {"radius_km", "50"}}), answer(0), nullptr, nullptr, context());
  EXPECT_EQ(widest["none"]["wider"]["url"], "/");
  EXPECT_EQ(search_page_view(s, answer(2), nullptr, nullptr, context())["none"], false);
}

TEST(SearchPageView, ErrorNamesTheFieldInDanish) {
  const json v = search_page_view(state({{"postcode", "75"}}), nullptr, {{"field", "postcode"}, {"message", "x"}},
                                  nullptr, context());
  EXPECT_EQ(v["error"]["href"], "#postcode");
  EXPECT_EQ(v["error_postcode"], v["error"]["message"]);
  EXPECT_EQ(v["postcode"], "75");
  EXPECT_EQ(v["searched"], false);
  EXPECT_EQ(v["first_visit"], false);
  const std::string html = Renderer{}.page("search", v);
  EXPECT_NE(html.find("alert alert-error"), std::string::npos);
  EXPECT_NE(html.find("form-group form-error"), std::string::npos);
}

TEST(SearchPageView, FirstVisitShortcutsAndEscaping) {
  const json v = search_page_view(state({}), nullptr, nullptr, answer(4), context());
  ASSERT_EQ(v["shortcuts"].size(), 2u);
  EXPECT_EQ(v["shortcuts"][0]["url"], "/?interest=walking");
  EXPECT_EQ(v["shortcuts"][0]["count"], "3 aktiviteter");
  EXPECT_EQ(v["first_visit"], true);
  json evil = answer(1);
  evil["did_you_mean"] = "<b>x</b>";
  const json w = search_page_view(state({{"q", "\"><script>"}}), evil, nullptr, nullptr, context());
  const std::string html = Renderer{}.page("search", w);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<b>x"), std::string::npos);
  EXPECT_NE(html.find("value=\"&quot;&gt;&lt;script&gt;\""), std::string::npos);
  EXPECT_NE(html.find("data-tiles=\"https://tile.example/{z}/{x}/{y}.png\""), std::string::npos);
  EXPECT_EQ(count_text(1), "1 aktivitet");
  EXPECT_EQ(count_text(0), "0 aktiviteter");
}

}  // namespace
}  // namespace portal::frontend
