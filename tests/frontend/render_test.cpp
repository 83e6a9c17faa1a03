#include "frontend/render.h"

#include <gtest/gtest.h>

namespace frontend = portal::frontend;
using nlohmann::json;

TEST(RendererTest, EveryTemplateParses) { EXPECT_NO_THROW(frontend::Renderer{}); }

TEST(RendererTest, PageWrapsContentInLayoutAndEscapesData) {
  const frontend::Renderer renderer;
  const std::string html = renderer.page(
      "not_found", {{"title", "Findes ikke"}, {"heading", "Siden <findes> ikke"}, {"message", "Prøv \"igen\" & søg"},
                    {"path", "/x"}, {"page_class", "side"}});
  EXPECT_NE(html.find("<html lang=\"da\">"), std::string::npos);
  EXPECT_NE(html.find("<title>Findes ikke – Fællesskabsportalen</title>"), std::string::npos);
  EXPECT_NE(html.find("Siden &lt;findes&gt; ikke"), std::string::npos);
  EXPECT_NE(html.find("Prøv &quot;igen&quot; &amp; søg"), std::string::npos);
  EXPECT_EQ(html.find("<findes>"), std::string::npos);
  EXPECT_NE(html.find("href=\"/assets/portal"), std::string::npos);
  EXPECT_NE(html.find("value=\"stor\">Større tekst"), std::string::npos);
}

TEST(RendererTest, LargeTextPutsClassOnHtml) {
  const frontend::Renderer renderer;
  const std::string html = renderer.page("not_found", {{"title", "x"}, {"text_large", true}});
  EXPECT_NE(html.find("<html lang=\"da\" class=\"tekst-stor\">"), std::string::npos);
  EXPECT_NE(html.find("value=\"normal\">Normal tekst"), std::string::npos);
}

TEST(RendererTest, UnknownTemplateThrows) {
  const frontend::Renderer renderer;
  EXPECT_THROW((void)renderer.page("nope", json::object()), std::invalid_argument);
  EXPECT_THROW((void)renderer.fragment("nope", json::object()), std::invalid_argument);
}

TEST(RendererTest, FragmentHasNoLayout) {
  const frontend::Renderer renderer;
  const std::string html = renderer.fragment("not_found", {{"heading", "Hej"}});
  EXPECT_EQ(html.find("<html"), std::string::npos);
  EXPECT_NE(html.find("<h1>Hej</h1>"), std::string::npos);
}

TEST(LargeTextTest, ReadsTheCookie) {
  EXPECT_TRUE(frontend::large_text("tekst=stor"));
  EXPECT_TRUE(frontend::large_text("a=b; tekst=stor; c=d"));
  EXPECT_FALSE(frontend::large_text("tekst=normal"));
  EXPECT_FALSE(frontend::large_text("xtekst=stor"));
  EXPECT_FALSE(frontend::large_text(""));
}
