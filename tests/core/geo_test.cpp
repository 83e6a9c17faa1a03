#include "core/geo.h"

#include <set>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace portal::core {
namespace {

class GeoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { geo_ = new Geo(Geo::builtin()); }
  static void TearDownTestSuite() {
    delete geo_;
    geo_ = nullptr;
  }
  static const Geo& geo() { return *geo_; }
  static Geo* geo_;
};
Geo* GeoTest::geo_ = nullptr;

bool four_digits(const std::string& s) {
  if (s.size() != 4) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

TEST_F(GeoTest, BuiltinHasAllPostcodesAndMunicipalities) {
  EXPECT_EQ(geo().postcodes().size(), 1089u);
  EXPECT_EQ(geo().municipalities().size(), 98u);
}

TEST_F(GeoTest, HolstebroPostcode) {
  const Postcode* pc = geo().postcode("7500");
  ASSERT_NE(pc, nullptr);
  EXPECT_EQ(pc->code, "7500");
  EXPECT_EQ(pc->name, "Holstebro");
  EXPECT_EQ(pc->municipality, "0661");
  EXPECT_NEAR(pc->coordinate.lat, 56.36, 0.05);
  EXPECT_NEAR(pc->coordinate.lon, 8.62, 0.05);
}

TEST_F(GeoTest, VejlePostcode) {
  const Postcode* pc = geo().postcode("7100");
  ASSERT_NE(pc, nullptr);
  EXPECT_EQ(pc->name, "Vejle");
  EXPECT_EQ(pc->municipality, "0630");
  EXPECT_NEAR(pc->coordinate.lat, 55.70, 0.05);
  EXPECT_NEAR(pc->coordinate.lon, 9.53, 0.05);
}

TEST_F(GeoTest, PostcodesWithDanishLetters) {
  const Postcode* ronne = geo().postcode("3700");
  ASSERT_NE(ronne, nullptr);
  EXPECT_EQ(ronne->name, "Rønne");
  EXPECT_EQ(ronne->municipality, "0400");
  const Postcode* kbh = geo().postcode("1050");
  ASSERT_NE(kbh, nullptr);
  EXPECT_EQ(kbh->name, "København K");
  EXPECT_EQ(kbh->municipality, "0101");
}

TEST_F(GeoTest, Municipalities) {
  const Municipality* holstebro = geo().municipality("0661");
  ASSERT_NE(holstebro, nullptr);
  EXPECT_EQ(holstebro->code, "0661");
  EXPECT_EQ(holstebro->name, "Holstebro");
  EXPECT_EQ(holstebro->region, "Region Midtjylland");
  EXPECT_NEAR(holstebro->coordinate.lat, 56.4, 0.2);
  const Municipality* vejle = geo().municipality("0630");
  ASSERT_NE(vejle, nullptr);
  EXPECT_EQ(vejle->name, "Vejle");
  EXPECT_EQ(vejle->region, "Region Syddanmark");
  const Municipality* kbh = geo().municipality("0101");
  ASSERT_NE(kbh, nullptr);
  EXPECT_EQ(kbh->name, "København");
}

TEST_F(GeoTest, UnknownCodesGiveNull) {
  for (const char* code : {"0800", "0000", "9999", "750", "75000", "", "7500 ", "abcd"}) {
    EXPECT_EQ(geo().postcode(code), nullptr) << code;
  }
  for (const char* code : {"661", "0000", "9999", "", "Holstebro", "7500"}) {
    EXPECT_EQ(geo().municipality(code), nullptr) << code;
  }
}

TEST_F(GeoTest, DataIsConsistent) {
  std::set<std::string> postcodes, used_municipalities, municipalities;
  for (const auto& m : geo().municipalities()) {
    EXPECT_TRUE(four_digits(m.code)) << m.code;
    EXPECT_FALSE(m.name.empty()) << m.code;
    EXPECT_TRUE(in_denmark(m.coordinate)) << m.code;
    EXPECT_TRUE(municipalities.insert(m.code).second) << "duplicate " << m.code;
    EXPECT_EQ(geo().municipality(m.code), &m);
  }
  for (const auto& p : geo().postcodes()) {
    EXPECT_TRUE(four_digits(p.code)) << p.code;
    EXPECT_FALSE(p.name.empty()) << p.code;
    EXPECT_TRUE(in_denmark(p.coordinate)) << p.code;
    EXPECT_NE(geo().municipality(p.municipality), nullptr) << p.code << " " << p.municipality;
    EXPECT_TRUE(postcodes.insert(p.code).second) << "duplicate " << p.code;
    EXPECT_EQ(geo().postcode(p.code), &p);
    used_municipalities.insert(p.municipality);
  }
  // Every municipality has at least one postcode.
  EXPECT_EQ(used_municipalities, municipalities);
}

TEST(GeoParseTest, ParsesGivenCsv) {
  const Geo geo(
      "postcode,name,lat,lon,municipality_code\r\n"
      "7500,Holstebro,56.363,8.6301,0661\r\n"
      "\r\n"
      "7100,Vejle,55.7042,9.5245,0630\r\n",
      "code,name,region,lat,lon\n0661,Holstebro,Region Midtjylland,56.43,8.83\n");
  ASSERT_EQ(geo.postcodes().size(), 2u);
  ASSERT_EQ(geo.municipalities().size(), 1u);
  const Postcode* vejle = geo.postcode("7100");
  ASSERT_NE(vejle, nullptr);
  EXPECT_EQ(vejle->municipality, "0630");
  EXPECT_DOUBLE_EQ(vejle->coordinate.lat, 55.7042);
  EXPECT_DOUBLE_EQ(vejle->coordinate.lon, 9.5245);
  EXPECT_EQ(geo.municipality("0661")->region, "Region Midtjylland");
  EXPECT_EQ(geo.postcode("postcode"), nullptr) << "the header is not a row";
}

TEST(GeoParseTest, ThrowsOnMalformedRows) {
  const char* header = "postcode,name,lat,lon,municipality_code\n";
  const char* muni = "code,name,region,lat,lon\n";
  EXPECT_THROW(Geo(std::string(header) + "7500,Holstebro,56.3,8.6\n", muni), std::invalid_argument);
  EXPECT_THROW(Geo(std::string(header) + "7500,Holstebro,56.3x,8.6,0661\n", muni),
               std::invalid_argument);
  EXPECT_THROW(Geo(std::string(header) + "7500,Holstebro,,8.6,0661\n", muni), std::invalid_argument);
  EXPECT_THROW(Geo(header, std::string(muni) + "0661,Holstebro,Region Midtjylland,56.4\n"),
               std::invalid_argument);
}

// --- distance_km -------------------------------------------------------------------------------

TEST(DistanceTest, HolstebroToVejleIsAbout92Km) {
  const Geo geo = Geo::builtin();
  const double km = distance_km(geo.postcode("7500")->coordinate, geo.postcode("7100")->coordinate);
  // Computed separately (equirectangular approximation, R = 6371 km) from the postcodes'
  // coordinates 56.363,8.6301 and 55.7042,9.5245: 91.94 km.
  EXPECT_NEAR(km, 91.9, 0.5);
}

TEST(DistanceTest, KnownDistancesOnTheSphere) {
  // One degree of a great circle is 6371.0088 * pi / 180 = 111.195 km.
  EXPECT_NEAR(distance_km({0, 0}, {0, 1}), 111.195, 0.01);
  EXPECT_NEAR(distance_km({55, 10}, {56, 10}), 111.195, 0.01);
  // Along a parallel the distance shrinks with cos(latitude): at 60 degrees by half (a little
  // more along the great circle than the parallel's 55.6 km).
  EXPECT_NEAR(distance_km({60, 10}, {60, 11}), 55.6, 0.1);
  // Pole to equator is a quarter of the circumference.
  EXPECT_NEAR(distance_km({0, 0}, {90, 0}), 10007.5, 1.0);
  // Antipodes: half the circumference, without NaN from rounding.
  EXPECT_NEAR(distance_km({0, 0}, {0, 180}), 20015.1, 1.0);
}

TEST(DistanceTest, ZeroAndSymmetric) {
  const Coordinate a{56.363, 8.6301}, b{55.1065, 14.7247};
  EXPECT_DOUBLE_EQ(distance_km(a, a), 0.0);
  EXPECT_DOUBLE_EQ(distance_km(a, b), distance_km(b, a));
  EXPECT_GT(distance_km(a, b), 350.0);  // Holstebro to Rønne, across the country
  EXPECT_LT(distance_km(a, b), 450.0);
}

// --- in_denmark --------------------------------------------------------------------------------

TEST(InDenmarkTest, DanishPlaces) {
  EXPECT_TRUE(in_denmark({55.6761, 12.5683}));  // København
  EXPECT_TRUE(in_denmark({57.7208, 10.5621}));  // Skagen
  EXPECT_TRUE(in_denmark({55.1065, 14.7247}));  // Rønne
  EXPECT_TRUE(in_denmark({54.5700, 11.9300}));  // Gedser
  EXPECT_TRUE(in_denmark({55.5550, 8.0850}));   // Blåvandshuk area
  EXPECT_TRUE(in_denmark({56.363, 8.6301}));    // Holstebro
}

TEST(InDenmarkTest, PlacesElsewhere) {
  EXPECT_FALSE(in_denmark({52.52, 13.40}));  // Berlin
  EXPECT_FALSE(in_denmark({53.55, 9.99}));   // Hamburg
  EXPECT_FALSE(in_denmark({59.91, 10.75}));  // Oslo
  EXPECT_FALSE(in_denmark({0, 0}));
  EXPECT_FALSE(in_denmark({8.63, 56.36}));   // Holstebro with lat and lon swapped
  EXPECT_FALSE(in_denmark({-56.36, 8.63}));
}

}  // namespace
}  // namespace portal::core
