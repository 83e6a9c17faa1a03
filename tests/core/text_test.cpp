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

TEST(PercentEncodeTest, KeepsUnreservedAndEncodesTheRestAsUtf8Bytes) {
  EXPECT_EQ(percent_encode("gåtur i Århus"), "g%C3%A5tur%20i%20%C3%85rhus");
  EXPECT_EQ(percent_encode("A-z_0.9~"), "A-z_0.9~");
  EXPECT_EQ(percent_encode("a&b=c/d?e"), "a%26b%3Dc%2Fd%3Fe");
  EXPECT_EQ(percent_encode("music,dance"), "music%2Cdance");
  EXPECT_EQ(percent_encode("music,dance", ","), "music,dance");
  EXPECT_EQ(percent_encode(""), "");
}

}  // namespace
}  // namespace portal::core
