// The citizen pages rendered by portal-server over real HTTP (docs/frontend.md): the activity
// page, its calendar file, the card page /k/CODE (a card made through the API), /tekst and /om.
#include <cctype>
#include <filesystem>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "tests/api/user_server_fixture.h"
#include "tests/support/gunzip.h"

namespace portal::api::tests {
namespace {

namespace fs = std::filesystem;
namespace pt = portal::testing;
using nlohmann::json;
using pt::HttpResponse;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kTirsdag = "holstebro-gaaklub-tirsdag";

class ActivityPagesHttpTest : public UserServerTest {
 protected:
  void SetUp() override {
    start({fs::path(PORTAL_SOURCE_DIR) / "tests/data/example-listings.json"},
          {{"dorte", "--role", "staff", "--team", "Forebyggende besøg Nord", "--municipality", "0661"}},
          {{"PORTAL_PUBLIC_URL", "https://portal.example.dk/"}});
  }
  HttpResponse get(const std::string& target, const pt::Headers& headers = {}) {
    return pt::http_get(server_->port(), target, headers);
  }
  int views() {
    pqxx::connection conn(db_->url());
    pqxx::work t(conn);
    const auto r = t.exec("SELECT coalesce(sum(views), 0) FROM card_views");
    return r[0][0].as<int>();
  }
};

TEST_F(ActivityPagesHttpTest, ActivityPageHasEverythingForTheReader) {
  const HttpResponse r = get(std::string("/aktivitet/") + kTirsdag);
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_THAT(r.header("content-security-policy"), HasSubstr("default-src 'self'"));
  EXPECT_THAT(r.body, HasSubstr("<h1 id=\"aktivitet-titel\">Tirsdagsturen ved Storåen</h1>"));
  EXPECT_THAT(r.body, HasSubstr("href=\"tel:+4520112234\">Ring til 20 11 22 34</a>"));
  EXPECT_THAT(r.body, HasSubstr("Hver tirsdag kl. 10.00–11.30"));
  // Five coming dates, each a Tuesday at 10.00–11.30.
  size_t dates = 0;
  for (size_t pos = r.body.find("<time datetime="); pos != std::string::npos; pos = r.body.find("<time datetime=", pos + 1)) {
    ++dates;
    EXPECT_THAT(r.body.substr(pos, 80), HasSubstr(">tirsdag "));
  }
  EXPECT_EQ(dates, 5u);
  EXPECT_THAT(r.body, HasSubstr("kl. 10.00–11.30</time>"));
  EXPECT_THAT(r.body, HasSubstr("href=\"/aktivitet/holstebro-gaaklub-tirsdag/kalender.ics\""));
  EXPECT_THAT(r.body, HasSubstr("https://www.openstreetmap.org/directions?route=%3B56.36120%2C8.61700"));
  EXPECT_THAT(r.body, HasSubstr("Sidst bekræftet af foreningen"));
  EXPECT_THAT(r.body, HasSubstr("<p class=\"print-only\">Siden findes på https://portal.example.dk/aktivitet/holstebro-gaaklub-tirsdag</p>"));
  EXPECT_THAT(r.body, HasSubstr("<a class=\"back-link\" href=\"/\">"));
  EXPECT_THAT(r.body, ::testing::ContainsRegex("<script src=\"/assets/aktivitet\\.[0-9a-f]{10}\\.js\" defer></script>"));
  EXPECT_THAT(r.body, Not(HasSubstr("style=")));
}

TEST_F(ActivityPagesHttpTest, ActivityPageIsGzippedWhenTheBrowserAllowsIt) {
  const std::string target = std::string("/aktivitet/") + kTirsdag;
  const HttpResponse plain = get(target);
  const HttpResponse packed = get(target, {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(packed.status, 200) << packed.describe();
  EXPECT_EQ(plain.header("content-encoding"), "");
  EXPECT_EQ(packed.header("content-encoding"), "gzip");
  EXPECT_EQ(pt::gunzip(packed.body), plain.body);
}

TEST_F(ActivityPagesHttpTest, BackLinkFollowsOnlyThisSitesSearch) {
  const std::string host = "127.0.0.1:" + std::to_string(server_->port());
  HttpResponse r = get(std::string("/aktivitet/") + kTirsdag, {{"Referer", "http://" + host + "/?q=g%C3%A5tur&page=2"}});
  EXPECT_THAT(r.body, HasSubstr("<a class=\"back-link\" href=\"/?q=g%C3%A5tur&amp;page=2\">"));
  r = get(std::string("/aktivitet/") + kTirsdag, {{"Referer", "https://evil.example/?q=x"}});
  EXPECT_THAT(r.body, HasSubstr("<a class=\"back-link\" href=\"/\">"));
}

TEST_F(ActivityPagesHttpTest, UnknownActivityIsA404PageWithALinkToSearch) {
  for (const char* target : {"/aktivitet/findes-ikke", "/aktivitet/UPPER%20case", "/aktivitet/findes-ikke/kalender.ics"}) {
    const HttpResponse r = get(target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8") << target;
    EXPECT_THAT(r.body, HasSubstr("Aktiviteten findes ikke")) << target;
    EXPECT_THAT(r.body, HasSubstr("<a href=\"/\">Gå til søgningen</a>")) << target;
  }
  const HttpResponse api = get("/api/v1/activities/findes-ikke/calendar.ics");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.json().at("error").at("code"), "not_found") << api.describe();
}

TEST_F(ActivityPagesHttpTest, CalendarFileHeadersAndBody) {
  for (const std::string& target : {std::string("/aktivitet/") + kTirsdag + "/kalender.ics",
                                   std::string("/api/v1/activities/") + kTirsdag + "/calendar.ics"}) {
    const HttpResponse r = get(target);
    ASSERT_EQ(r.status, 200) << target << r.describe();
    EXPECT_EQ(r.header("content-type"), "text/calendar; charset=utf-8");
    EXPECT_EQ(r.header("content-disposition"), "attachment; filename=\"aktivitet-holstebro-gaaklub-tirsdag.ics\"");
    EXPECT_THAT(r.body, HasSubstr("BEGIN:VCALENDAR\r\n"));
    EXPECT_THAT(r.body, HasSubstr("TZID:Europe/Copenhagen"));
    EXPECT_THAT(r.body, HasSubstr("RRULE:FREQ=WEEKLY;BYDAY=TU"));
    EXPECT_THAT(r.body, HasSubstr("DTSTART;TZID=Europe/Copenhagen:"));
    EXPECT_THAT(r.body, HasSubstr("SUMMARY:Tirsdagsturen ved Storåen"));
    EXPECT_THAT(r.body, HasSubstr("UID:holstebro-gaaklub-tirsdag-1@faellesskabsportal"));
    EXPECT_THAT(r.body, HasSubstr("URL:https://portal.example.dk/aktivitet/holstebro-gaaklub-tirsdag"));
  }
}

TEST_F(ActivityPagesHttpTest, ByArrangementHasNoCalendar) {
  // Røde Kors' visiting friends have no schedule: "by arrangement".
  const HttpResponse page = get("/aktivitet/roede-kors-vejle-besoegsven");
  ASSERT_EQ(page.status, 200) << page.describe();
  EXPECT_THAT(page.body, HasSubstr("Efter aftale"));
  EXPECT_THAT(page.body, Not(HasSubstr("kalender.ics")));
  const HttpResponse ics = get("/aktivitet/roede-kors-vejle-besoegsven/kalender.ics");
  EXPECT_EQ(ics.status, 404);
  EXPECT_THAT(ics.body, HasSubstr("Ingen faste datoer"));
}

TEST_F(ActivityPagesHttpTest, CardPageShowsTheCardAndCountsTheView) {
  const std::string token = login("dorte");
  const HttpResponse made = call("POST", "/api/v1/cards", token,
                                 {{"activity_ids", {kTirsdag}}, {"search", {{"postcode", "7500"}, {"radius_km", 25}}}});
  ASSERT_EQ(made.status, 201) << made.describe();
  const std::string url = made.json().at("url");
  const std::string code = made.json().at("code");
  ASSERT_EQ(views(), 0);
  const HttpResponse r = get(url);
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_EQ(views(), 1);
  EXPECT_EQ(r.header("cache-control"), "no-store");
  EXPECT_THAT(r.body, HasSubstr("Dit kort " + code));
  EXPECT_THAT(r.body, HasSubstr("Valgt til dig"));
  EXPECT_THAT(r.body, HasSubstr("<a href=\"/aktivitet/holstebro-gaaklub-tirsdag\">Tirsdagsturen ved Storåen</a>"));
  EXPECT_THAT(r.body, HasSubstr("Andre forslag"));
  EXPECT_THAT(r.body, HasSubstr("holstebro-gaaklub-stavgang"));  // from the saved search
  EXPECT_THAT(r.body, HasSubstr("?udskrift=stor\">Stor skrift til udskrift</a>"));
  const HttpResponse large = get(url + "?udskrift=stor");
  EXPECT_THAT(large.body, HasSubstr("class=\"side-kort kort-stor-skrift\""));
  EXPECT_EQ(views(), 2);
  // Typed by hand: lower case with a dash.
  std::string typed = code;
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(get("/k/" + typed).status, 200);
  const HttpResponse form = get("/k?kode=" + typed);
  EXPECT_EQ(form.status, 303);
  EXPECT_EQ(form.header("location"), url);
}

TEST_F(ActivityPagesHttpTest, UnknownOrMissingCodeShowsTheForm) {
  HttpResponse r = get("/k");
  EXPECT_EQ(r.status, 200);
  EXPECT_THAT(r.body, HasSubstr("<form method=\"get\" action=\"/k\""));
  r = get("/k/ABCD-EFGH");
  EXPECT_EQ(r.status, 404);
  EXPECT_THAT(r.body, HasSubstr("Vi kan ikke finde et kort med koden ABCD-EFGH"));
  EXPECT_THAT(r.body, HasSubstr("value=\"ABCD-EFGH\""));
  r = get("/k?kode=%3Cscript%3E");
  EXPECT_EQ(r.status, 404);
  EXPECT_THAT(r.body, HasSubstr("&quot;&lt;script&gt;&quot; er ikke en gyldig kode"));
  EXPECT_THAT(r.body, Not(HasSubstr("<script>")));
  EXPECT_EQ(views(), 0);
}

TEST_F(ActivityPagesHttpTest, TextSizeCookieAndSafeReturn) {
  HttpResponse r = get("/tekst?stoerrelse=stor&tilbage=%2Faktivitet%2Fholstebro-gaaklub-tirsdag");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/aktivitet/holstebro-gaaklub-tirsdag");
  EXPECT_EQ(r.header("set-cookie"), "tekst=stor; Path=/; Max-Age=31536000; SameSite=Lax");
  const HttpResponse next = get("/aktivitet/holstebro-gaaklub-tirsdag", {{"Cookie", "a=b; tekst=stor"}});
  EXPECT_THAT(next.body, HasSubstr("<html lang=\"da\" class=\"tekst-stor\">"));
  EXPECT_THAT(next.body, HasSubstr("value=\"normal\">Normal tekst</button>"));
  EXPECT_THAT(get("/aktivitet/holstebro-gaaklub-tirsdag").body, HasSubstr("<html lang=\"da\">"));
  r = get("/tekst?stoerrelse=normal&tilbage=%2Fom");
  EXPECT_EQ(r.header("set-cookie"), "tekst=; Path=/; Max-Age=0; SameSite=Lax");
  EXPECT_EQ(r.header("location"), "/om");
  for (const char* bad : {"%2F%2Fevil.example", "https%3A%2F%2Fevil.example%2F", "%5C%5Cevil.example", "", "%2F%5Cevil"}) {
    r = get(std::string("/tekst?stoerrelse=stor&tilbage=") + bad);
    EXPECT_EQ(r.status, 303) << bad;
    EXPECT_EQ(r.header("location"), "/") << bad;
  }
}

TEST_F(ActivityPagesHttpTest, AboutPageNamesSourcesAndPrivacy) {
  const HttpResponse r = get("/om");
  ASSERT_EQ(r.status, 200);
  EXPECT_THAT(r.body, HasSubstr("GeoNames"));
  EXPECT_THAT(r.body, HasSubstr("CC BY 4.0"));
  EXPECT_THAT(r.body, HasSubstr("OpenStreetMap"));
  EXPECT_THAT(r.body, HasSubstr("Dine oplysninger"));
}

}  // namespace
}  // namespace portal::api::tests
