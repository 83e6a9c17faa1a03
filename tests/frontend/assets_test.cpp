// The embedded pages: fixed paths (the card page /k/CODE is rendered, not an asset).
#include "frontend/assets.h"

#include <string>

#include <gtest/gtest.h>

#include "tests/support/gunzip.h"

namespace portal::frontend {
namespace {

TEST(Assets, PagesAreRenderedScriptsAreServedWithTheirTypes) {
  for (const char* path : {"/", "/index.html", "/forening", "/besoeg"}) {
    EXPECT_EQ(find_asset(path), nullptr) << path << " is rendered (api/, frontend/staff_pages.h)";
  }
  for (const char* path : {"/besoeg.js", "/aktivitet.js", "/statistik.js"}) {
    const Asset* a = find_asset(path);
    ASSERT_NE(a, nullptr) << path;
    EXPECT_EQ(a->content_type, "text/javascript; charset=utf-8") << path;
  }
}

TEST(Assets, CardPagesAreRenderedNotAssets) {
  for (const char* path : {"/k", "/k/K7MXP4RT", "/kort.js"}) EXPECT_EQ(find_asset(path), nullptr) << path;
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
  for (const char* path : {"/assets/portal.css", "/shared.js", "/statistik.js", "/assets/soeg.js", "/assets/leaflet.js",
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

TEST(Assets, PagesAreNotHashedAndTheStylesheetReferToHashedFonts) {
  EXPECT_EQ(asset_url("/forening"), "/forening");
  EXPECT_EQ(asset_url("/unknown.css"), "/unknown.css");
  // The stylesheet's fonts are hashed too, so the CSS hash changes when a font does.
  const Asset* css = find_asset("/assets/portal.css");
  EXPECT_NE(css->body.find(asset_url("/assets/fonts/IBMPlexSans-Regular-Latin1.woff2")), std::string::npos);
}

TEST(Assets, TextAssetsCarryAGzipCopyThatInflatesToTheBody) {
  for (const char* path : {"/assets/soeg.js", "/assets/portal.css", "/shared.js", "/assets/leaflet.js"}) {
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
