// The citizen search page GET / over real HTTP, without JavaScript: the contract's example
// listings plus tests/api/data/more-listings.json (see http_test.cpp for the seven activities).
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "tests/support/gunzip.h"
#include "tests/support/http_client.h"
#include "tests/support/process.h"
#include "tests/support/server_process.h"
#include "tests/support/test_database.h"

namespace portal::api::tests {
namespace {

namespace fs = std::filesystem;
namespace pt = portal::testing;
using pt::HttpResponse;
using ::testing::HasSubstr;
using ::testing::Not;

class SearchPageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<pt::TestDatabase>();
    tmp_ = std::make_unique<pt::TempDir>();
    const auto r = pt::run_indexer({"import", (fs::path(PORTAL_SOURCE_DIR) / "tests" / "data" / "example-listings.json").string(),
                                    (fs::path(PORTAL_API_TEST_DATA) / "more-listings.json").string()},
                                   db_->url(), tmp_->path() / "index");
    ASSERT_EQ(r.exit_code, 0) << r.describe();
    pt::ServerProcess::Options options;
    options.index_dir = tmp_->path() / "index";
    options.extra_env = {{"PORTAL_MAP_TILES", "https://{s}.kort.example.dk/{z}/{x}/{y}.png"}};
    server_ = std::make_unique<pt::ServerProcess>(db_->url(), options);
  }
  void TearDown() override {
    if (HasFailure() && server_) std::cerr << "--- portal-server log ---\n" << server_->log() << "---\n";
    server_.reset();
    db_.reset();
  }
  HttpResponse page(const std::string& target) {
    const HttpResponse r = server_->get(target);
    EXPECT_THAT(r.header("content-type"), HasSubstr("text/html")) << target;
    return r;
  }
  static size_t occurrences(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
  }

  std::unique_ptr<pt::TestDatabase> db_;
  std::unique_ptr<pt::TempDir> tmp_;
  std::unique_ptr<pt::ServerProcess> server_;
};

TEST_F(SearchPageTest, FirstVisitShowsTheFormAndInterestShortcutsWithCounts) {
  const HttpResponse r = page("/");
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_THAT(r.body, HasSubstr("<html lang=\"da\""));
  EXPECT_THAT(r.body, HasSubstr("<label class=\"form-label\" for=\"q\">Hvad har du lyst til?</label>"));
  EXPECT_THAT(r.body, HasSubstr("action=\"/\""));
  // Four activities are about walking in the test data.
  EXPECT_THAT(r.body, HasSubstr("href=\"/?interest=walking\">Gåture og vandring <span class=\"facet-count\">(4 aktiviteter)"));
  EXPECT_THAT(r.body, Not(HasSubstr("class=\"result\"")));
  EXPECT_THAT(r.header("content-security-policy"), HasSubstr("img-src 'self' data: https://*.kort.example.dk;"));
  EXPECT_THAT(r.header("content-security-policy"), HasSubstr("default-src 'self'"));
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_THAT(r.body, HasSubstr("data-tiles=\"https://{s}.kort.example.dk/{z}/{x}/{y}.png\""));
}

TEST_F(SearchPageTest, SearchWithoutJavaScriptFindsWalksNearHolstebro) {
  const HttpResponse r = page("/?q=" + pt::url_encode("gåtur") + "&postcode=7500&radius_km=10");
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_THAT(r.body, HasSubstr("href=\"/aktivitet/holstebro-gaaklub-tirsdag\""));
  EXPECT_THAT(r.body, HasSubstr("Tirsdagsturen ved Storåen"));
  EXPECT_THAT(r.body, HasSubstr("Hver tirsdag kl. 10.00–11.30"));
  EXPECT_THAT(r.body, HasSubstr("data-lat=\"56.361200\""));
  EXPECT_THAT(r.body, Not(HasSubstr("aarhus-faellessang")));
  EXPECT_THAT(r.body, HasSubstr("aktiviteter</h2>"));
  // The form keeps the search.
  EXPECT_THAT(r.body, HasSubstr("id=\"q\" name=\"q\" type=\"text\" value=\"gåtur\""));
  EXPECT_THAT(r.body, HasSubstr("<option value=\"10\" selected>"));
  EXPECT_THAT(r.body, HasSubstr("value=\"7500\""));
}

TEST_F(SearchPageTest, RepeatedCheckboxesFromThePlainFormAreOneFilter) {
  const HttpResponse r = page("/?q=&interest=music&interest=games&postcode=&radius_km=10&sort=relevance");
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_THAT(r.body, HasSubstr("2 aktiviteter</h2>"));
  EXPECT_THAT(r.body, HasSubstr("id=\"interest-music\" name=\"interest\" value=\"music\" checked"));
  EXPECT_THAT(r.body, HasSubstr("id=\"interest-games\" name=\"interest\" value=\"games\" checked"));
  EXPECT_THAT(r.body, HasSubstr("/aktivitet/aarhus-faellessang"));
  EXPECT_THAT(r.body, HasSubstr("/aktivitet/holstebro-bridge"));
}

TEST_F(SearchPageTest, InvalidPostcodeGivesTheFormWithADanishErrorAnd400) {
  const HttpResponse r = page("/?q=kaffe&postcode=75");
  ASSERT_EQ(r.status, 400) << r.describe();
  EXPECT_THAT(r.body, HasSubstr("class=\"alert alert-error\""));
  EXPECT_THAT(r.body, HasSubstr("href=\"#postcode\">Postnummeret findes ikke"));
  EXPECT_THAT(r.body, HasSubstr("form-error-message\" id=\"postcode-fejl\""));
  EXPECT_THAT(r.body, HasSubstr("value=\"75\""));
  EXPECT_THAT(r.body, HasSubstr("value=\"kaffe\""));
  EXPECT_THAT(r.body, HasSubstr("<title>Fejl: "));
}

TEST_F(SearchPageTest, MarkupInTheQueryIsEscaped) {
  const HttpResponse r = page("/?q=" + pt::url_encode("<script>alert(1)</script>\"'"));
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_THAT(r.body, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(r.body, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;&quot;"));
  EXPECT_EQ(occurrences(r.body, "<script"), 1u) << "only the page's own script";
}

TEST_F(SearchPageTest, PagingLinksKeepTheSearch) {
  const HttpResponse r = page("/?interest=walking&per_page=2");
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_THAT(r.body, HasSubstr("4 aktiviteter</h2>"));
  EXPECT_EQ(occurrences(r.body, "class=\"result\""), 2u);
  EXPECT_THAT(r.body, HasSubstr("href=\"/?interest=walking&amp;per_page=2&amp;page=2\" class=\"button button-arrow button-next\""));
  EXPECT_THAT(r.body, HasSubstr("aria-current=\"page\""));
  const HttpResponse second = page("/?interest=walking&per_page=2&page=2");
  ASSERT_EQ(second.status, 200) << second.describe();
  EXPECT_THAT(second.body, HasSubstr("href=\"/?interest=walking&amp;per_page=2\" class=\"button button-arrow button-previous\""));
  EXPECT_THAT(second.body, Not(HasSubstr("button-next")));
}

TEST_F(SearchPageTest, FragmentModeGivesOnlyTheResults) {
  const HttpResponse r = page("/?interest=games&visning=resultater");
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_THAT(r.body, Not(HasSubstr("<html")));
  EXPECT_THAT(r.body, Not(HasSubstr("<form")));
  EXPECT_THAT(r.body, HasSubstr("data-count=\"1 aktivitet\""));
  EXPECT_THAT(r.body, HasSubstr("/aktivitet/holstebro-bridge"));
  EXPECT_THAT(r.body, HasSubstr("data-facets=\"{&quot;interest-"));
  const HttpResponse bad = page("/?postcode=75&visning=resultater");
  EXPECT_EQ(bad.status, 400) << bad.describe();
}

TEST_F(SearchPageTest, NothingFoundOffersWaysOnAndIsCounted) {
  const HttpResponse r =
      page("/?q=" + pt::url_encode("mandegruppe træsløjd") + "&postcode=7830&radius_km=5&free=true&interest=crafts");
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_THAT(r.body, HasSubstr("0 aktiviteter</h2>"));
  EXPECT_THAT(r.body, HasSubstr("Søg i et større område (inden for 10 km)"));
  EXPECT_THAT(r.body, HasSubstr("radius_km=10"));
  EXPECT_THAT(r.body, HasSubstr(">Fjern filteret: Gratis</a>"));
  EXPECT_THAT(r.body, HasSubstr(">Fjern filteret: Kreativitet og håndarbejde</a>"));
  EXPECT_THAT(r.body, HasSubstr("Søg uden ordene »mandegruppe træsløjd«"));
  int64_t misses = 0;
  for (int i = 0; i < 100 && misses < 1; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    pqxx::connection conn(db_->url());
    pqxx::work t(conn);
    misses = t.exec("SELECT coalesce(sum(count), 0) FROM search_misses WHERE query = 'mandegruppe træsløjd'")[0][0].as<int64_t>();
  }
  EXPECT_EQ(misses, 1);
}

TEST_F(SearchPageTest, MisspeltWordsOfferDidYouMean) {
  const HttpResponse r = page("/?q=" + pt::url_encode("fællesang"));
  ASSERT_EQ(r.status, 200) << r.describe();
  EXPECT_THAT(r.body, HasSubstr("Mente du <a href=\"/?q="));
}

TEST_F(SearchPageTest, PageIsGzippedWhenTheBrowserAllowsIt) {
  const HttpResponse plain = pt::http_get(server_->port(), "/?q=g%C3%A5tur&postcode=7500&radius_km=10");
  ASSERT_EQ(plain.status, 200) << plain.describe();
  EXPECT_EQ(plain.header("content-encoding"), "");
  const HttpResponse packed =
      pt::http_get(server_->port(), "/?q=g%C3%A5tur&postcode=7500&radius_km=10", {{"Accept-Encoding", "gzip, br"}});
  ASSERT_EQ(packed.status, 200) << packed.describe();
  EXPECT_EQ(packed.header("content-encoding"), "gzip");
  EXPECT_THAT(packed.header("vary"), ::testing::HasSubstr("Accept-Encoding"));
  EXPECT_LT(packed.body.size(), plain.body.size() / 3);
  EXPECT_EQ(pt::gunzip(packed.body), plain.body);
}

TEST_F(SearchPageTest, HeadHasNoBody) {
  const HttpResponse r = pt::http_request(server_->port(), "HEAD", "/?q=kaffe");
  EXPECT_EQ(r.status, 200) << r.describe();
  EXPECT_EQ(r.body, "");
}

}  // namespace
}  // namespace portal::api::tests
