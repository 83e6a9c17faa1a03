// The embedded pages: fixed paths (the card page /k/CODE is rendered, not an asset).
#include "frontend/assets.h"

#include <gtest/gtest.h>

namespace portal::frontend {
namespace {

TEST(Assets, StaffPagesAreServedWithTheirTypes) {
  for (const char* path : {"/besoeg", "/koordinator"}) {
    const Asset* a = find_asset(path);
    ASSERT_NE(a, nullptr) << path;
    EXPECT_EQ(a->content_type, "text/html; charset=utf-8") << path;
  }
  for (const char* path : {"/besoeg.js", "/aktivitet.js", "/statistik.js"}) {
    const Asset* a = find_asset(path);
    ASSERT_NE(a, nullptr) << path;
    EXPECT_EQ(a->content_type, "text/javascript; charset=utf-8") << path;
  }
  EXPECT_NE(find_asset("/besoeg")->body.find("/besoeg.js"), std::string_view::npos);
  EXPECT_NE(find_asset("/koordinator")->body.find("/statistik.js"), std::string_view::npos);
}

TEST(Assets, CardPagesAreRenderedNotAssets) {
  for (const char* path : {"/k", "/k/K7MXP4RT", "/kort.js"}) EXPECT_EQ(find_asset(path), nullptr) << path;
}

}  // namespace
}  // namespace portal::frontend
