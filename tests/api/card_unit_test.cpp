// Portal card codes (store/card_store.h) and the QR code SVG (api/qr_svg.h), without a database.
#include <regex>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "api/qr_svg.h"
#include "store/card_store.h"

namespace portal {
namespace {

TEST(CardCode, RandomCodesUseOnlyTheUnambiguousAlphabet) {
  std::set<std::string> seen;
  std::set<char> letters;
  for (int i = 0; i < 2000; ++i) {
    const std::string code = store::random_card_code();
    ASSERT_EQ(code.size(), 8u);
    ASSERT_TRUE(std::regex_match(code, std::regex("^[A-HJKMNP-Z2-9]{8}$"))) << code;  // the table's CHECK
    seen.insert(code);
    letters.insert(code.begin(), code.end());
  }
  EXPECT_EQ(seen.size(), 2000u);     // 31^8 codes: a repeat here would mean a broken generator
  EXPECT_EQ(letters.size(), 31u);    // every letter of the alphabet turns up in 16000 draws
  for (const char c : std::string("0O1IL")) EXPECT_EQ(letters.count(c), 0u) << c;
}

TEST(CardCode, NormalisationAcceptsCaseDashesAndSpaces) {
  EXPECT_EQ(store::normalize_card_code("K7MX-P4RT"), "K7MXP4RT");
  EXPECT_EQ(store::normalize_card_code("k7mx-p4rt"), "K7MXP4RT");
  EXPECT_EQ(store::normalize_card_code(" k7mx p4rt "), "K7MXP4RT");
  EXPECT_EQ(store::normalize_card_code("K7MXP4RT"), "K7MXP4RT");
  EXPECT_EQ(store::normalize_card_code("K7M-XP4-RT"), "K7MXP4RT");
  EXPECT_EQ(store::normalize_card_code(""), std::nullopt);
  EXPECT_EQ(store::normalize_card_code("K7MX-P4R"), std::nullopt);      // 7 letters
  EXPECT_EQ(store::normalize_card_code("K7MX-P4RTA"), std::nullopt);    // 9 letters
  EXPECT_EQ(store::normalize_card_code("K7MX-P0RT"), std::nullopt);     // 0 is not in the alphabet
  EXPECT_EQ(store::normalize_card_code("K7MX-PIRT"), std::nullopt);     // nor I
  EXPECT_EQ(store::normalize_card_code("K7MX/P4RT"), std::nullopt);
  EXPECT_EQ(store::normalize_card_code("K7MX\xc3\x86P4R"), std::nullopt);  // Æ
  EXPECT_EQ(store::display_card_code("K7MXP4RT"), "K7MX-P4RT");
}

// The numbers of the SVG's viewBox/width/height, and its path data.
struct Svg {
  int view_w = 0, view_h = 0, width = 0, height = 0;
  std::string path;
};

Svg parse(const std::string& svg) {
  Svg s;
  std::smatch m;
  EXPECT_TRUE(std::regex_search(svg, m, std::regex("viewBox=\"0 0 (\\d+) (\\d+)\""))) << svg;
  if (m.size() == 3) {
    s.view_w = std::stoi(m[1]);
    s.view_h = std::stoi(m[2]);
  }
  EXPECT_TRUE(std::regex_search(svg, m, std::regex("width=\"(\\d+)\" height=\"(\\d+)\""))) << svg;
  if (m.size() == 3) {
    s.width = std::stoi(m[1]);
    s.height = std::stoi(m[2]);
  }
  EXPECT_TRUE(std::regex_search(svg, m, std::regex("<path fill=\"#000\" d=\"([^\"]*)\"/>"))) << svg;
  if (m.size() == 2) s.path = m[1];
  return s;
}

TEST(QrSvg, IsWellFormedSquareWithAQuietZone) {
  const std::string svg = api::qr_svg("http://127.0.0.1:8080/k/K7MXP4RT");
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_NE(svg.find("shape-rendering=\"crispEdges\""), std::string::npos);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  // Exactly one path and one background rect; nothing else drawn.
  EXPECT_EQ(std::regex_search(svg, std::regex("<path[\\s\\S]*<path")), false);
  const Svg s = parse(svg);
  EXPECT_EQ(s.view_w, s.view_h);
  EXPECT_EQ(s.width, s.view_w);
  EXPECT_EQ(s.height, s.view_h);
  // A QR code is 21 + 4k modules wide (versions 1-40), plus 4 quiet modules each side.
  const int modules = s.view_w - 8;
  EXPECT_GE(modules, 21);
  EXPECT_EQ((modules - 21) % 4, 0) << modules;
  // Every run starts inside the quiet zone's border and ends before it: x, y in [4, 4+modules).
  const std::regex run("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");
  int runs = 0;
  int min_xy = 1 << 30, max_x = 0, max_y = 0;
  std::string rest = s.path;
  for (std::sregex_iterator it(s.path.begin(), s.path.end(), run), end; it != end; ++it) {
    const int x = std::stoi((*it)[1]), y = std::stoi((*it)[2]), w = std::stoi((*it)[3]);
    EXPECT_EQ(w, std::stoi((*it)[4]));
    min_xy = std::min({min_xy, x, y});
    max_x = std::max(max_x, x + w);
    max_y = std::max(max_y, y + 1);
    ++runs;
  }
  EXPECT_GT(runs, 20);
  EXPECT_EQ(std::regex_replace(s.path, run, ""), "") << "unexpected path commands";
  EXPECT_EQ(min_xy, 4);              // the finder patterns touch the quiet zone's inner edge
  EXPECT_EQ(max_x, 4 + modules);
  EXPECT_EQ(max_y, 4 + modules);
}

TEST(QrSvg, DifferentUrlsGiveDifferentPaths) {
  const Svg a = parse(api::qr_svg("http://127.0.0.1:8080/k/K7MXP4RT"));
  const Svg b = parse(api::qr_svg("http://127.0.0.1:8080/k/K7MXP4RA"));
  EXPECT_FALSE(a.path.empty());
  EXPECT_NE(a.path, b.path);
  EXPECT_EQ(parse(api::qr_svg("http://127.0.0.1:8080/k/K7MXP4RT")).path, a.path);  // deterministic
}

}  // namespace
}  // namespace portal
