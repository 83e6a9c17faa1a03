// The embedded pages: fixed paths, and every /k/CODE served as the card page.
#include "frontend/assets.h"

#include <string>

#include <gtest/gtest.h>

#include "tests/support/gunzip.h"

namespace portal::frontend {
namespace {

TEST(Assets, PagesAndScriptsAreServedWithTheirTypes) {
  for (const char* path : {"/", "/k"}) {
    const Asset* a = find_asset(path);
    ASSERT_NE(a, nullptr) << path;
    EXPECT_EQ(a->content_type, "text/html; charset=utf-8") << path;
  }
  for (const char* path : {"/besoeg.js", "/kort.js", "/statistik.js"}) {
    const Asset* a = find_asset(path);
    ASSERT_NE(a, nullptr) << path;
    EXPECT_EQ(a->content_type, "text/javascript; charset=utf-8") << path;
  }
  EXPECT_NE(find_asset("/k")->body.find(asset_url("/kort.js")), std::string_view::npos);
  EXPECT_EQ(find_asset("/forening"), nullptr) << "the staff pages are rendered (staff_pages.h)";
}

TEST(Assets, EveryCardCodePathIsTheCardPage) {
  const Asset* card = find_asset("/k");
  ASSERT_NE(card, nullptr);
  for (const char* path : {"/k/K7MXP4RT", "/k/k7mx-p4rt", "/k/K7MX%20P4RT", "/k/A"}) {
    EXPECT_EQ(find_asset(path), card) << path;
  }
  for (const char* path : {"/k/", "/k/a/b", "/k/K7MX.P4RT", "/k/AAAAAAAAAAAAAAAAAAAAA", "/kx", "/k/../besoeg"}) {
    EXPECT_EQ(find_asset(path), nullptr) << path;
  }
  EXPECT_EQ(find_asset("/k/AAAAAAAAAAAAAAAAAAAA"), card);  // 20 characters: the longest accepted
}

using portal::testing::gunzip;

TEST(Assets, HashIsTenHexDigitsAndChangesWithTheContent) {
  const std::string a = content_hash("body { color: black; }");
  EXPECT_EQ(a.size(), 10u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos) << a;
  EXPECT_EQ(content_hash("body { color: black; }"), a);
  EXPECT_NE(content_hash("body { color: black;}"), a);
  EXPECT_NE(content_hash(""), a);
}

TEST(Assets, HashedPathKeepsTheExtensionAndTheFolder) {
  EXPECT_EQ(hashed_path("/shared.js", "0123456789"), "/assets/shared.0123456789.js");
  EXPECT_EQ(hashed_path("/assets/portal.css", "abcdefabcd"), "/assets/portal.abcdefabcd.css");
  EXPECT_EQ(hashed_path("/assets/fonts/IBMPlexSans-Bold-Latin1.woff2", "aaaaaaaaaa"),
            "/assets/fonts/IBMPlexSans-Bold-Latin1.aaaaaaaaaa.woff2");
  EXPECT_EQ(hashed_path("/noext", "bbbbbbbbbb"), "/assets/noext.bbbbbbbbbb");
}

TEST(Assets, EveryStaticAssetHasAnImmutableHashedUrlWithTheSameBody) {
  for (const char* path : {"/assets/portal.css", "/shared.js", "/statistik.js", "/style.css", "/assets/leaflet.js",
                           "/assets/fonts/IBMPlexSans-Regular-Latin1.woff2", "/assets/img/marker-icon.png"}) {
    const std::string url = asset_url(path);
    ASSERT_NE(url, path);
    EXPECT_EQ(url.rfind("/assets/", 0), 0u) << url;
    const Asset* plain = find_asset(path);
    const Asset* hashed = find_asset(url);
    ASSERT_NE(plain, nullptr) << path;
    ASSERT_NE(hashed, nullptr) << url;
    EXPECT_EQ(hashed->body, plain->body) << url;
    EXPECT_EQ(hashed->cache_control, "public, max-age=31536000, immutable") << url;
    EXPECT_EQ(plain->cache_control, "no-cache") << path;
    EXPECT_EQ(hashed->etag, "\"" + content_hash(hashed->body) + "\"") << url;
    EXPECT_NE(url.find(content_hash(hashed->body)), std::string::npos) << url;
  }
}

TEST(Assets, PagesAreNotHashedAndReferToHashedAssets) {
  EXPECT_EQ(asset_url("/forening"), "/forening");
  EXPECT_EQ(asset_url("/unknown.css"), "/unknown.css");
  for (const char* page : {"/", "/k"}) {
    const Asset* a = find_asset(page);
    ASSERT_NE(a, nullptr) << page;
    EXPECT_EQ(a->cache_control, "no-cache") << page;
    EXPECT_NE(a->body.find("href=\"" + asset_url("/style.css") + "\""), std::string::npos) << page;
    EXPECT_NE(a->body.find("src=\"" + asset_url("/shared.js") + "\""), std::string::npos) << page;
    EXPECT_EQ(a->body.find("src=\"/shared.js\""), std::string::npos) << page;
  }
  // The stylesheet's fonts are hashed too, so the CSS hash changes when a font does.
  const Asset* css = find_asset("/assets/portal.css");
  EXPECT_NE(css->body.find(asset_url("/assets/fonts/IBMPlexSans-Regular-Latin1.woff2")), std::string::npos);
}

TEST(Assets, TextAssetsCarryAGzipCopyThatInflatesToTheBody) {
  for (const char* path : {"/", "/assets/portal.css", "/shared.js", "/assets/leaflet.js"}) {
    const Asset* a = find_asset(path);
    ASSERT_NE(a, nullptr) << path;
    ASSERT_FALSE(a->gzip.empty()) << path;
    EXPECT_LT(a->gzip.size(), a->body.size()) << path;
    EXPECT_EQ(gunzip(a->gzip), a->body) << path;
  }
  EXPECT_TRUE(find_asset("/assets/fonts/IBMPlexSans-Bold-Latin1.woff2")->gzip.empty());
  EXPECT_EQ(gunzip(gzip_compress("")), "");
  EXPECT_EQ(gunzip(gzip_compress("æøå æøå æøå")), "æøå æøå æøå");
}

TEST(Assets, AcceptEncodingNegotiation) {
  EXPECT_TRUE(accepts_gzip("gzip"));
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br"));
  EXPECT_TRUE(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_FALSE(accepts_gzip(""));
  EXPECT_FALSE(accepts_gzip("identity"));
  EXPECT_FALSE(accepts_gzip("br, deflate"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip; q=0.000, *"));
  EXPECT_FALSE(accepts_gzip("*;q=0"));
  EXPECT_FALSE(accepts_gzip("gzipx"));
}

}  // namespace
}  // namespace portal::frontend
