#include "search/analyzer.h"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace portal::search {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class AnalyzerTest : public ::testing::Test {
 protected:
  Analyzer analyzer;
};

TEST_F(AnalyzerTest, FoldsCaseAndAccentsButKeepsAeOeAa) {
  EXPECT_EQ(analyzer.normalize("ÅRHUS"), "århus");
  EXPECT_EQ(analyzer.normalize("Æblegården"), "æblegården");
  EXPECT_EQ(analyzer.normalize("SØNDERBORG"), "sønderborg");
  EXPECT_EQ(analyzer.normalize("Café"), "cafe");
  EXPECT_EQ(analyzer.normalize("Über"), "uber");
  EXPECT_EQ(analyzer.normalize("naïve crème brûlée"), "naive creme brulee");
}

TEST_F(AnalyzerTest, AppliesNfkcCompatibilityFolding) {
  EXPECT_EQ(analyzer.normalize("ﬁskeklub"), "fiskeklub");  // U+FB01 ligature
  EXPECT_EQ(analyzer.normalize("ＡＢＣ"), "abc");            // full-width letters
  EXPECT_EQ(analyzer.normalize("Straße"), "strasse");       // case folding, not lower-casing
}

TEST_F(AnalyzerTest, ComposesDecomposedAaBeforeStripping) {
  // "A" + COMBINING RING ABOVE must end up as å, not a (the ring is no accent in Danish).
  EXPECT_EQ(analyzer.normalize("A\xCC\x8A"
                               "rhus"),
            "århus");
  // "e" + COMBINING ACUTE is stripped like the precomposed é.
  EXPECT_EQ(analyzer.normalize("cafe\xCC\x81"), "cafe");
}

TEST_F(AnalyzerTest, WordsDropsPunctuationAndSpaces) {
  EXPECT_THAT(analyzer.words("Hej, verden! Kaffe/te -- og (kage)?"),
              ElementsAre("hej", "verden", "kaffe", "te", "og", "kage"));
  EXPECT_THAT(analyzer.words("senior-gymnastik"), ElementsAre("senior", "gymnastik"));
  EXPECT_THAT(analyzer.words("  \t\n ... !!! "), IsEmpty());
  EXPECT_THAT(analyzer.words(""), IsEmpty());
}

TEST_F(AnalyzerTest, WordsKeepsNumbers) {
  EXPECT_THAT(analyzer.words("3-4 km, 2026"), ElementsAre("3", "4", "km", "2026"));
  EXPECT_THAT(analyzer.words("Postnummer 7500 Holstebro"), ElementsAre("postnummer", "7500", "holstebro"));
}

TEST_F(AnalyzerTest, WordsAreNormalized) {
  EXPECT_THAT(analyzer.words("Café ÆBLEGÅRDEN"), ElementsAre("cafe", "æblegården"));
}

TEST_F(AnalyzerTest, WordsCutsOverLongWordsAtTheLimit) {
  const std::string limit(Analyzer::kMaxWordBytes, 'a');
  const std::string too_long(Analyzer::kMaxWordBytes + 1, 'b');
  EXPECT_THAT(analyzer.words("kort " + limit + " " + too_long + " ord"),
              ElementsAre("kort", limit, std::string(Analyzer::kMaxWordBytes, 'b'), "ord"));
  // The limit counts bytes and never cuts a character in two: 33 × "å" (66 bytes) → 32 × "å".
  std::string long_aa, cut_aa;
  for (int i = 0; i < 33; ++i) long_aa += "å";
  for (int i = 0; i < 32; ++i) cut_aa += "å";
  EXPECT_THAT(analyzer.words(long_aa + " ja"), ElementsAre(cut_aa, "ja"));
}

TEST_F(AnalyzerTest, WordsDropsEmoji) {
  EXPECT_THAT(analyzer.words("🧶 strik 🧶"), ElementsAre("strik"));
}

TEST_F(AnalyzerTest, StemsDanishWords) {
  // Observed stems of Xapian::Stem("danish") (shared/notes/danish-search.md).
  EXPECT_EQ(analyzer.stem("gåture"), "gåtur");
  EXPECT_EQ(analyzer.stem("gåturen"), "gåtur");
  EXPECT_EQ(analyzer.stem("gåtur"), "gåtur");
  EXPECT_EQ(analyzer.stem("strikker"), "strik");
  EXPECT_EQ(analyzer.stem("strikke"), "strik");
  EXPECT_EQ(analyzer.stem("sangere"), "sang");
  EXPECT_EQ(analyzer.stem("gymnastik"), "gymnastik");
}

TEST_F(AnalyzerTest, FormsGivesExactStemFoldedThenParts) {
  const auto forms = analyzer.forms("gåture");
  ASSERT_EQ(forms.size(), 5u);
  EXPECT_EQ(forms[0].kind, WordForm::Kind::exact);
  EXPECT_EQ(forms[0].term, "gåture");
  EXPECT_EQ(forms[1].kind, WordForm::Kind::stem);
  EXPECT_EQ(forms[1].term, "gåtur");
  EXPECT_EQ(forms[2].kind, WordForm::Kind::folded);
  EXPECT_EQ(forms[2].term, "gaatur");
  // gå + ture: the parts' folded stems.
  EXPECT_EQ(forms[3].kind, WordForm::Kind::part);
  EXPECT_EQ(forms[3].term, "gaa");
  EXPECT_EQ(forms[4].kind, WordForm::Kind::part);
  EXPECT_EQ(forms[4].term, "tur");
}

TEST_F(AnalyzerTest, FormsOfAnUnstemmableSimpleWordRepeatTheWord) {
  const auto forms = analyzer.forms("gymnastik");
  ASSERT_EQ(forms.size(), 3u);
  EXPECT_EQ(forms[0].term, "gymnastik");
  EXPECT_EQ(forms[1].kind, WordForm::Kind::stem);
  EXPECT_EQ(forms[1].term, "gymnastik");
  EXPECT_EQ(forms[2].kind, WordForm::Kind::folded);
  EXPECT_EQ(forms[2].term, "gymnastik");
}

TEST_F(AnalyzerTest, IsReusableAcrossCalls) {
  // The break iterator and transliterator keep state; a second text must not see the first.
  EXPECT_THAT(analyzer.words("første tekst her"), ElementsAre("første", "tekst", "her"));
  EXPECT_THAT(analyzer.words("anden"), ElementsAre("anden"));
  EXPECT_EQ(analyzer.normalize("ÉN"), "en");
  EXPECT_EQ(analyzer.normalize("TO"), "to");
}

}  // namespace
}  // namespace portal::search
