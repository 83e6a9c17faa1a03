// Lexicon (data/search: stem overrides, stopwords, compound splitting with curated heads and
// hunspell-da) and fold_danish().
#include "search/lexicon.h"

#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "search/analyzer.h"

namespace portal::search {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

const Lexicon& builtin() {
  static const std::shared_ptr<const Lexicon> lexicon = Lexicon::builtin();
  return *lexicon;
}

// --- fold_danish ------------------------------------------------------------------------------

TEST(FoldDanishTest, FoldsAeOeAa) {
  EXPECT_EQ(fold_danish("åbenrå"), "aabenraa");
  EXPECT_EQ(fold_danish("fællesspisning"), "faellesspisning");
  EXPECT_EQ(fold_danish("søndag"), "soendag");
  EXPECT_EQ(fold_danish("blåbærsyltetøj"), "blaabaersyltetoej");
}

TEST(FoldDanishTest, FoldedSpellingsAreLeftAlone) {
  // Folding only goes from the letter to its two-letter spelling, never back: "aa" in
  // "ekstraarbejde" (ekstra + arbejde) must not become "å".
  EXPECT_EQ(fold_danish("ekstraarbejde"), "ekstraarbejde");
  EXPECT_EQ(fold_danish("aabenraa"), "aabenraa");
  EXPECT_EQ(fold_danish("faellesspisning"), "faellesspisning");
  EXPECT_THAT(fold_danish("ekstraarbejde"), Not(HasSubstr("å")));
  EXPECT_EQ(fold_danish(fold_danish("åbenrå")), "aabenraa");  // idempotent
}

TEST(FoldDanishTest, OtherLettersAndBrokenUtf8AreKept) {
  EXPECT_EQ(fold_danish(""), "");
  EXPECT_EQ(fold_danish("gymnastik 2026"), "gymnastik 2026");
  EXPECT_EQ(fold_danish("über"), "über");              // ü is C3 BC: not one of æøå
  EXPECT_EQ(fold_danish("ÆØÅ"), "ÆØÅ");                // capitals: words are normalized first
  EXPECT_EQ(fold_danish("ab\xC3"), "ab\xC3");          // a lone lead byte at the end
}

TEST(Utf8LengthTest, CountsCodePoints) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("gåtur"), 5u);
  EXPECT_EQ(utf8_length("åbenrå"), 6u);
  EXPECT_EQ(utf8_length("🧶"), 1u);
}

// --- stem overrides and stopwords ---------------------------------------------------------------

TEST(LexiconTest, BuiltinHasTheHunspellDictionary) { EXPECT_TRUE(builtin().has_dictionary()); }

TEST(LexiconTest, StemOverridesOfTheBuiltinFile) {
  ASSERT_NE(builtin().stem_override("dans"), nullptr);
  EXPECT_EQ(*builtin().stem_override("dans"), "dans");
  EXPECT_EQ(*builtin().stem_override("cykling"), "cykel");
  EXPECT_EQ(*builtin().stem_override("strikning"), "strik");
  EXPECT_EQ(builtin().stem_override("gymnastik"), nullptr);
  EXPECT_EQ(builtin().stem_override(""), nullptr);
}

class StemOverrideTest : public ::testing::Test {
 protected:
  Analyzer analyzer;
};

TEST_F(StemOverrideTest, DansDanseDanserShareAStem) {
  // Snowball alone gives dans → "dan" and danse/danser → "dans".
  const std::string s = analyzer.stem("dans");
  EXPECT_EQ(analyzer.stem("danse"), s);
  EXPECT_EQ(analyzer.stem("danser"), s);
  EXPECT_EQ(analyzer.stem("dansen"), s);
  EXPECT_EQ(s, "dans");
}

TEST_F(StemOverrideTest, CykelCyklerCyklingShareAStem) {
  const std::string s = analyzer.stem("cykel");
  EXPECT_EQ(analyzer.stem("cykler"), s);
  EXPECT_EQ(analyzer.stem("cykling"), s);
  EXPECT_EQ(analyzer.stem("cyklen"), s);
}

TEST_F(StemOverrideTest, StrikStrikningStrikkerShareAStem) {
  const std::string s = analyzer.stem("strik");
  EXPECT_EQ(analyzer.stem("strikning"), s);
  EXPECT_EQ(analyzer.stem("strikker"), s);
  EXPECT_EQ(analyzer.stem("strikke"), s);
}

TEST_F(StemOverrideTest, KorsIsNotKor) {
  // Snowball stems kors (cross, as in Røde Kors) to "kor" (choir).
  EXPECT_NE(analyzer.stem("kors"), analyzer.stem("kor"));
  EXPECT_NE(analyzer.stem("korset"), analyzer.stem("koret"));
  EXPECT_EQ(analyzer.stem("korset"), analyzer.stem("kors"));
}

TEST_F(StemOverrideTest, FormsUseTheOverride) {
  const auto forms = analyzer.forms("danser");
  ASSERT_GE(forms.size(), 3u);
  EXPECT_EQ(forms[1].kind, WordForm::Kind::stem);
  EXPECT_EQ(forms[1].term, "dans");
}

TEST(LexiconTest, Stopwords) {
  for (const char* w : {"og", "i", "med", "noget", "om", "en", "sammen"}) EXPECT_TRUE(builtin().is_stopword(w)) << w;
  for (const char* w : {"kaffe", "snak", "strik", "", "#"}) EXPECT_FALSE(builtin().is_stopword(w)) << w;
}

// --- compound splitting with the builtin lexicon and hunspell-da ----------------------------------

TEST(LexiconTest, SplitsSolidCompoundWithListedHead) {
  EXPECT_THAT(builtin().split("seniorgymnastik"), ElementsAre("senior", "gymnastik"));
  EXPECT_THAT(builtin().split("stolegymnastik"), ElementsAre("stol", "gymnastik"));
}

TEST(LexiconTest, SplitsFaellesspisning) {
  EXPECT_THAT(builtin().split("fællesspisning"), ElementsAre("fælles", "spisning"));
}

TEST(LexiconTest, SplitsWithLinkingS) {
  EXPECT_THAT(builtin().split("besøgsven"), ElementsAre("besøg", "ven"));
}

TEST(LexiconTest, SplitsWithLinkingE) {
  EXPECT_THAT(builtin().split("mandegruppe"), ElementsAre("mand", "gruppe"));
}

TEST(LexiconTest, SplitsKortaften) { EXPECT_THAT(builtin().split("kortaften"), ElementsAre("kort", "aften")); }

TEST(LexiconTest, SplitsWithAListedShortModifier) {
  // "gå" is too short for the dictionary check; compound_modifiers.txt lists it.
  EXPECT_THAT(builtin().split("gåtur"), ElementsAre("gå", "tur"));
}

TEST(LexiconTest, NeverSplitsWeekdays) {
  for (const char* day : {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"}) {
    EXPECT_THAT(builtin().split(day), IsEmpty()) << day;
  }
}

TEST(LexiconTest, NeverSplitsListedExceptions) {
  for (const char* word : {"petanque", "holstebro", "vejle", "velkommen", "sammen", "hinanden"}) {
    EXPECT_THAT(builtin().split(word), IsEmpty()) << word;
  }
}

TEST(LexiconTest, ShortWordsAreNotSplit) {
  for (const char* word : {"", "gå", "kor", "hold", "snak", "gåhø"}) {
    ASSERT_LT(utf8_length(word), 5u) << word;
    EXPECT_THAT(builtin().split(word), IsEmpty()) << word;
  }
  // The limit in a lexicon where the parts are listed: see LexiconFilesTest.
}

TEST(LexiconTest, SimpleWordsAreNotSplit) {
  for (const char* word : {"gymnastik", "kaffe", "strikker"}) {
    EXPECT_THAT(builtin().split(word), IsEmpty()) << word;
  }
}

TEST(LexiconTest, SplitIsStableAcrossCalls) {
  // The second call comes from the cache.
  const auto first = builtin().split("seniorgymnastik");
  EXPECT_EQ(builtin().split("seniorgymnastik"), first);
  EXPECT_THAT(builtin().split("mandag"), IsEmpty());
  EXPECT_THAT(builtin().split("mandag"), IsEmpty());
}

// --- a lexicon from test files, without a dictionary -------------------------------------------------

LexiconFiles test_files() {
  LexiconFiles f;
  f.stem_overrides = "# comment\nstrikning\tstrik\nno tab here\n  dans\tdans  \r\n";
  f.stopwords = "# comment\nog\n\n  med  \r\n";
  f.compound_heads = "# heads\ngymnastik\nven\ngruppe\naften\ntur\nur\n";
  f.compound_modifiers = "# modifiers\nsenior\nbesøg\nmand\nkort\ngå\n";
  f.compound_exceptions = "# exceptions\nkortgruppe\nmand\n";
  return f;
}

TEST(LexiconFilesTest, EmptyHunspellDirHasNoDictionary) {
  const Lexicon lexicon(test_files(), "");
  EXPECT_FALSE(lexicon.has_dictionary());
  const Lexicon missing(test_files(), "/nonexistent/hunspell");
  EXPECT_FALSE(missing.has_dictionary());
}

TEST(LexiconFilesTest, SplitsWithListedHeadsAndModifiersOnly) {
  const Lexicon lexicon(test_files(), "");
  EXPECT_THAT(lexicon.split("seniorgymnastik"), ElementsAre("senior", "gymnastik"));
  EXPECT_THAT(lexicon.split("besøgsven"), ElementsAre("besøg", "ven"));   // linking -s-
  EXPECT_THAT(lexicon.split("kortaften"), ElementsAre("kort", "aften"));
  EXPECT_THAT(lexicon.split("gåtur"), ElementsAre("gå", "tur"));
  // Neither part listed, and no dictionary to ask.
  EXPECT_THAT(lexicon.split("stolegymnastik"), IsEmpty());
  EXPECT_THAT(lexicon.split("fællesspisning"), IsEmpty());
  EXPECT_THAT(lexicon.split("gymnastik"), IsEmpty());
}

TEST(LexiconFilesTest, ExceptionsAreNeverSplitNorUsedAsModifiers) {
  const Lexicon lexicon(test_files(), "");
  EXPECT_THAT(lexicon.split("kortgruppe"), IsEmpty());   // listed as an exception
  EXPECT_THAT(lexicon.split("mandegruppe"), IsEmpty());  // "mand" is an exception
}

TEST(LexiconFilesTest, LengthLimitCountsLettersNotBytes) {
  const Lexicon lexicon(test_files(), "");
  // "gåur" is 5 bytes but 4 letters: too short to split although gå and ur are listed.
  EXPECT_THAT(lexicon.split("gåur"), IsEmpty());
  EXPECT_THAT(lexicon.split("gåtur"), ElementsAre("gå", "tur"));
}

TEST(LexiconFilesTest, ReadsOverridesAndStopwordsIgnoringCommentsAndSpaces) {
  const Lexicon lexicon(test_files(), "");
  ASSERT_NE(lexicon.stem_override("strikning"), nullptr);
  EXPECT_EQ(*lexicon.stem_override("strikning"), "strik");
  ASSERT_NE(lexicon.stem_override("dans"), nullptr);
  EXPECT_EQ(*lexicon.stem_override("dans"), "dans");  // trailing spaces and CR trimmed
  EXPECT_EQ(lexicon.stem_override("no tab here"), nullptr);
  EXPECT_EQ(lexicon.stem_override("# comment"), nullptr);
  EXPECT_TRUE(lexicon.is_stopword("og"));
  EXPECT_TRUE(lexicon.is_stopword("med"));
  EXPECT_FALSE(lexicon.is_stopword("# comment"));
  EXPECT_FALSE(lexicon.is_stopword(""));
  EXPECT_FALSE(lexicon.is_stopword("noget"));  // only in the builtin list
}

TEST(LexiconFilesTest, AnalyzerWithATestLexiconIndexesParts) {
  Analyzer analyzer(std::make_shared<const Lexicon>(test_files(), ""));
  const auto forms = analyzer.forms("seniorgymnastik");
  std::vector<std::string> parts;
  for (const auto& f : forms) {
    if (f.kind == WordForm::Kind::part) parts.push_back(f.term);
  }
  EXPECT_THAT(parts, ElementsAre("senior", "gymnastik"));
  EXPECT_EQ(analyzer.stem("strikning"), "strik");
}

}  // namespace
}  // namespace portal::search
