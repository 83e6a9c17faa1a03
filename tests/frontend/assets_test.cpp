// The embedded pages: fixed paths, and every /k/CODE served as the card page.
#include "frontend/assets.h"

#include <gtest/gtest.h>

namespace portal::frontend {
namespace {

TEST(Assets, StaffPagesAreServedWithTheirTypes) {
  for (const char* path : {"/besoeg", "/k"}) {
    const Asset* a = find_asset(path);
    ASSERT_NE(a, nullptr) << path;
    EXPECT_EQ(a->content_type, "text/html; charset=utf-8") << path;
  }
  for (const char* path : {"/besoeg.js", "/kort.js", "/statistik.js"}) {
    const Asset* a = find_asset(path);
    ASSERT_NE(a, nullptr) << path;
    EXPECT_EQ(a->content_type, "text/javascript; charset=utf-8") << path;
  }
  EXPECT_NE(find_asset("/besoeg")->body.find("/besoeg.js"), std::string_view::npos);
  EXPECT_NE(find_asset("/koordinator")->body.find("/statistik.js"), std::string_view::npos);
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

}  // namespace
}  // namespace portal::frontend
