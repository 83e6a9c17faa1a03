#include "core/text.h"

#include <string>

#include <gtest/gtest.h>

namespace portal::core {
namespace {

TEST(TextTest, AcceptsAsciiAndDanishLetters) {
  EXPECT_TRUE(valid_utf8(""));
  EXPECT_TRUE(valid_utf8("gåtur"));
  EXPECT_TRUE(valid_utf8("ÆØÅ æøå 🧶"));
}

TEST(TextTest, RejectsWindows1252AndBrokenSequences) {
  EXPECT_FALSE(valid_utf8("G\xE5tur"));            // Windows-1252 å
  EXPECT_FALSE(valid_utf8("\xC3"));                // truncated
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));            // overlong '/'
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));        // surrogate U+D800
  EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));    // past U+10FFFF
  EXPECT_FALSE(valid_utf8("\x80"));                // lone continuation byte
}

}  // namespace
}  // namespace portal::core
