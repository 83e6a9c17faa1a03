// The static assets over real HTTP: a page's stylesheet and scripts at content-hashed URLs
// cached for a year, gzip when the browser accepts it, HEAD and 304 answers, and the old
// unhashed paths still served (no-cache).
#include <memory>
#include <regex>
#include <stdexcept>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/gunzip.h"
#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_database.h"

namespace portal::api::tests {
namespace {

namespace pt = portal::testing;
using pt::HttpResponse;
using ::testing::HasSubstr;

constexpr const char* kImmutable = "public, max-age=31536000, immutable";

using portal::testing::gunzip;

class AssetsHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<pt::TestDatabase>();
    server_ = std::make_unique<pt::ServerProcess>(db_->url());
  }
  void TearDown() override {
    if (HasFailure() && server_) std::cerr << "--- portal-server log ---\n" << server_->log() << "---\n";
    server_.reset();
    db_.reset();
  }
  HttpResponse request(const std::string& method, const std::string& target, const pt::Headers& headers = {}) {
    return pt::http_request(server_->port(), method, target, headers);
  }
  // The first URL in `html` matching `pattern` (one capture group).
  static std::string find_url(const std::string& html, const std::string& pattern) {
    std::smatch m;
    if (!std::regex_search(html, m, std::regex(pattern))) return "";
    return m[1].str();
  }

  std::unique_ptr<pt::TestDatabase> db_;
  std::unique_ptr<pt::ServerProcess> server_;
};

TEST_F(AssetsHttpTest, PageLinksItsHashedStylesheetWhichIsImmutableAndGzipped) {
  const HttpResponse page = request("GET", "/koordinator");
  ASSERT_EQ(page.status, 200) << page.describe();
  EXPECT_EQ(page.header("cache-control"), "no-cache");
  EXPECT_FALSE(page.header("etag").empty());
  EXPECT_EQ(page.header("content-encoding"), "");  // not asked for
  const std::string css = find_url(page.body, R"re(href="(/assets/portal\.[0-9a-f]{10}\.css)")re");
  ASSERT_FALSE(css.empty()) << page.body.substr(0, 800);
  const std::string script = find_url(page.body, R"re(src="(/assets/shared\.[0-9a-f]{10}\.js)")re");
  ASSERT_FALSE(script.empty());
  EXPECT_THAT(page.body, ::testing::Not(HasSubstr("href=\"/style.css\"")));

  const HttpResponse plain = request("GET", css);
  ASSERT_EQ(plain.status, 200) << plain.describe();
  EXPECT_EQ(plain.header("cache-control"), kImmutable);
  EXPECT_THAT(plain.header("content-type"), HasSubstr("text/css"));
  EXPECT_EQ(plain.header("vary"), "Accept-Encoding");
  EXPECT_EQ(plain.header("content-encoding"), "");
  EXPECT_THAT(plain.body, HasSubstr(".button"));

  const HttpResponse zipped = request("GET", css, {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_EQ(zipped.status, 200) << zipped.describe();
  EXPECT_EQ(zipped.header("content-encoding"), "gzip");
  EXPECT_EQ(zipped.header("cache-control"), kImmutable);
  EXPECT_EQ(zipped.header("vary"), "Accept-Encoding");
  EXPECT_EQ(zipped.header("content-length"), std::to_string(zipped.body.size()));
  EXPECT_LT(zipped.body.size() * 3, plain.body.size()) << "gzip should shrink the stylesheet to under a third";
  EXPECT_EQ(gunzip(zipped.body), plain.body);

  const HttpResponse refused = request("GET", css, {{"Accept-Encoding", "gzip;q=0, identity"}});
  EXPECT_EQ(refused.header("content-encoding"), "");
  EXPECT_EQ(refused.body, plain.body);

  const HttpResponse js = request("GET", script, {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(js.status, 200) << js.describe();
  EXPECT_EQ(js.header("cache-control"), kImmutable);
  EXPECT_THAT(js.header("content-type"), HasSubstr("text/javascript"));
  EXPECT_THAT(gunzip(js.body), HasSubstr("window.Portal"));

  const HttpResponse page_zipped = request("GET", "/koordinator", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(page_zipped.header("content-encoding"), "gzip");
  EXPECT_EQ(page_zipped.header("cache-control"), "no-cache");
  EXPECT_EQ(gunzip(page_zipped.body), page.body);
}

TEST_F(AssetsHttpTest, HeadAnd304StayRight) {
  const std::string css = find_url(request("GET", "/forening").body, R"re(href="(/assets/portal\.[0-9a-f]{10}\.css)")re");
  ASSERT_FALSE(css.empty());
  const HttpResponse head = request("HEAD", css, {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(head.status, 200) << head.describe();
  EXPECT_EQ(head.body, "");
  EXPECT_EQ(head.header("content-encoding"), "gzip");
  EXPECT_EQ(head.header("cache-control"), kImmutable);
  const std::string etag = head.header("etag");
  ASSERT_FALSE(etag.empty());

  const HttpResponse again = request("GET", css, {{"If-None-Match", etag}, {"Accept-Encoding", "gzip"}});
  EXPECT_EQ(again.status, 304) << again.describe();
  EXPECT_EQ(again.body, "");
  EXPECT_EQ(again.header("etag"), etag);
  EXPECT_EQ(again.header("cache-control"), kImmutable);

  const HttpResponse page = request("GET", "/forening");
  const HttpResponse page_again = request("GET", "/forening", {{"If-None-Match", page.header("etag")}});
  EXPECT_EQ(page_again.status, 304) << page_again.describe();
}

TEST_F(AssetsHttpTest, StaffPagesFollowTheLargerTextCookie) {
  const HttpResponse normal = request("GET", "/besoeg");
  ASSERT_EQ(normal.status, 200) << normal.describe();
  EXPECT_EQ(normal.header("vary"), "Accept-Encoding, Cookie");
  EXPECT_THAT(normal.body, HasSubstr("<html lang=\"da\">"));
  const HttpResponse large = request("GET", "/besoeg", {{"Cookie", "a=b; tekst=stor"}});
  ASSERT_EQ(large.status, 200) << large.describe();
  EXPECT_THAT(large.body, HasSubstr("<html lang=\"da\" class=\"tekst-stor\">"));
  EXPECT_NE(large.header("etag"), normal.header("etag"));
  // The normal page's ETag does not validate the large one.
  EXPECT_EQ(request("GET", "/besoeg", {{"Cookie", "tekst=stor"}, {"If-None-Match", normal.header("etag")}}).status, 200);
}

TEST_F(AssetsHttpTest, OldUnhashedPathsStillWorkWithoutLongCaching) {
  for (const char* path : {"/assets/portal.css", "/shared.js", "/statistik.js", "/assets/fonts/IBMPlexSans-Regular-Latin1.woff2"}) {
    SCOPED_TRACE(path);
    const HttpResponse r = request("GET", path);
    EXPECT_EQ(r.status, 200) << r.describe();
    EXPECT_EQ(r.header("cache-control"), "no-cache");
    EXPECT_FALSE(r.body.empty());
  }
  const HttpResponse font = request("GET", "/assets/fonts/IBMPlexSans-Regular-Latin1.woff2", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(font.header("content-encoding"), "") << "fonts are compressed already";
  EXPECT_EQ(request("GET", "/assets/portal.0000000000.css").status, 404);
}

}  // namespace
}  // namespace portal::api::tests
