// The staff pages rendered in the layout: both text sizes, hashed asset URLs, gzip and ETag.
#include "frontend/staff_pages.h"

#include <gtest/gtest.h>

namespace portal::frontend {
namespace {

TEST(StaffPages, EveryPageIsRenderedInTheLayoutWithHashedAssets) {
  const StaffPages pages{Renderer()};
  for (const char* path : {"/forening", "/koordinator", "/besoeg", "/invitation"}) {
    SCOPED_TRACE(path);
    const Asset* page = pages.find(path, false);
    ASSERT_NE(page, nullptr);
    EXPECT_EQ(page->content_type, "text/html; charset=utf-8");
    EXPECT_EQ(page->cache_control, "no-cache");
    EXPECT_EQ(page->etag, "\"" + content_hash(page->body) + "\"");
    EXPECT_FALSE(page->gzip.empty());
    EXPECT_NE(page->body.find("<link rel=\"stylesheet\" href=\"" + asset_url("/assets/portal.css") + "\">"),
              std::string::npos);
    EXPECT_NE(page->body.find("<script src=\"" + asset_url("/shared.js") + "\" defer>"), std::string::npos);
    EXPECT_EQ(page->body.find("/style.css"), std::string::npos);
    EXPECT_NE(page->body.find("<body class=\"staff"), std::string::npos);
    EXPECT_NE(page->body.find("class=\"skipnav\" href=\"#indhold\""), std::string::npos);
    EXPECT_NE(page->body.find("<main id=\"indhold\""), std::string::npos);
    EXPECT_NE(page->body.find("<footer>"), std::string::npos);
    EXPECT_NE(page->body.find("name=\"tilbage\" value=\"" + std::string(path) + "\""), std::string::npos);
    EXPECT_NE(page->body.find("Større tekst"), std::string::npos);

    const Asset* large = pages.find(path, true);
    ASSERT_NE(large, nullptr);
    EXPECT_NE(large->body.find("<html lang=\"da\" class=\"tekst-stor\">"), std::string::npos);
    EXPECT_NE(large->body.find("Normal tekst"), std::string::npos);
    EXPECT_NE(large->etag, page->etag);
  }
  EXPECT_NE(pages.find("/koordinator", false)->body.find(asset_url("/statistik.js")), std::string::npos);
  EXPECT_NE(pages.find("/koordinator", false)->body.find("id=\"log-ud\""), std::string::npos);
  EXPECT_EQ(pages.find("/invitation", false)->body.find("id=\"log-ud\""), std::string::npos);
  // The visit page's print views stand outside <main>, so printing can hide everything else.
  const std::string& visit = pages.find("/besoeg", false)->body;
  EXPECT_LT(visit.find("</main>"), visit.find("id=\"print-kort\""));
  EXPECT_EQ(pages.find("/k", false), nullptr);
  EXPECT_EQ(pages.find("/forening/", false), nullptr);
}

}  // namespace
}  // namespace portal::frontend
