#include "core/privacy.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace portal::core {
namespace {

TEST(PrivacyTest, FindsCprNumbersInEveryUsualSpelling) {
  EXPECT_TRUE(contains_cpr("010170-1234"));
  EXPECT_TRUE(contains_cpr("010170 1234"));
  EXPECT_TRUE(contains_cpr("0101701234"));
  EXPECT_TRUE(contains_cpr("Borger 311299-4321 ønsker besøg"));
  EXPECT_TRUE(contains_cpr("cpr:290200-1111"));  // 29 February 2000
}

TEST(PrivacyTest, LeavesOrdinaryNumbersAlone) {
  EXPECT_FALSE(contains_cpr("Ring på 20 30 40 50"));
  EXPECT_FALSE(contains_cpr("+45 97 42 12 34"));
  EXPECT_FALSE(contains_cpr("7500 Holstebro"));
  EXPECT_FALSE(contains_cpr("320170-1234"));     // no 32nd day
  EXPECT_FALSE(contains_cpr("011370-1234"));     // no 13th month
  EXPECT_FALSE(contains_cpr("290201-1111"));     // 2001 is no leap year
  EXPECT_FALSE(contains_cpr("12010170-1234"));   // inside a longer number
  EXPECT_FALSE(contains_cpr("010170-12345"));
  EXPECT_FALSE(contains_cpr("010170-123"));
  EXPECT_FALSE(contains_cpr("ref-a7"));
  EXPECT_FALSE(contains_cpr(""));
}

TEST(PrivacyTest, RefusalNamesTheFieldInDanish) {
  try {
    refuse_cpr("Hans 010170-1234", "reference");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_parameter);
    EXPECT_EQ(e.field(), "reference");
    EXPECT_NE(std::string(e.what()).find("CPR-nummer"), std::string::npos);
  }
  EXPECT_NO_THROW(refuse_cpr("tirsdag kl. 10", "note"));
}

}  // namespace
}  // namespace portal::core
