// Synonyms: parse_synonyms() of the file format, and Synonyms reloading its file when it changes.
// (Synonyms at work in searches: danish_search_test.cpp.)
#include "search/synonyms.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "search/analyzer.h"
#include "search_fixtures.h"

namespace portal::search {
namespace {

namespace t = portal::search::testing;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

// The alternatives of `phrase`, or an empty list when it has none.
std::vector<std::string> alternatives(const SynonymTable& table, const std::string& phrase) {
  auto it = table.alternatives.find(phrase);
  return it == table.alternatives.end() ? std::vector<std::string>{} : it->second;
}

class ParseSynonymsTest : public ::testing::Test {
 protected:
  SynonymTable parse(const std::string& text) { return parse_synonyms(text, analyzer_); }
  Analyzer analyzer_;
};

TEST_F(ParseSynonymsTest, EachLineIsAGroupOfInterchangeableWords) {
  const auto table = parse("kortspil, whist, bridge\nkaffe,café\n");
  EXPECT_THAT(alternatives(table, "kortspil"), ElementsAre("whist", "bridge"));
  EXPECT_THAT(alternatives(table, "whist"), ElementsAre("kortspil", "bridge"));
  EXPECT_THAT(alternatives(table, "bridge"), ElementsAre("kortspil", "whist"));
  EXPECT_THAT(alternatives(table, "kaffe"), ElementsAre("cafe"));  // normalized: é → e
  EXPECT_THAT(alternatives(table, "cafe"), ElementsAre("kaffe"));
  EXPECT_EQ(table.alternatives.size(), 5u);
  EXPECT_EQ(table.longest_phrase, 1u);
}

TEST_F(ParseSynonymsTest, CommentsAndBlankLinesAreSkipped) {
  const auto table = parse("# kaffe, te\n\n   \n  # indented, comment\nsang, kor\n");
  EXPECT_THAT(alternatives(table, "kaffe"), IsEmpty());
  EXPECT_THAT(alternatives(table, "indented"), IsEmpty());
  EXPECT_THAT(alternatives(table, "sang"), ElementsAre("kor"));
  EXPECT_EQ(table.alternatives.size(), 2u);
}

TEST_F(ParseSynonymsTest, MultiWordPhrasesAreNormalizedWordsJoinedBySpaces) {
  const auto table = parse("snak, Socialt   Samvær, square-dance\n");
  EXPECT_THAT(alternatives(table, "snak"), ElementsAre("socialt samvær", "square dance"));
  EXPECT_THAT(alternatives(table, "socialt samvær"), ElementsAre("snak", "square dance"));
  EXPECT_EQ(table.longest_phrase, 2u);
}

TEST_F(ParseSynonymsTest, StopwordsAreDroppedFromPhrases) {
  // As in queries: "gå en tur" is matched as "gå tur"; an item of stopwords only is dropped.
  const auto table = parse("gåtur, gå en tur, og\n");
  EXPECT_THAT(alternatives(table, "gåtur"), ElementsAre("gå tur"));
  EXPECT_THAT(alternatives(table, "gå tur"), ElementsAre("gåtur"));
  EXPECT_THAT(alternatives(table, "og"), IsEmpty());
  EXPECT_THAT(alternatives(table, "gå en tur"), IsEmpty());
}

TEST_F(ParseSynonymsTest, DuplicatesAndEmptyItemsAreIgnored) {
  const auto table = parse("bowls, , bowls, boccia,\n");
  EXPECT_THAT(alternatives(table, "bowls"), ElementsAre("boccia"));
  EXPECT_THAT(alternatives(table, "boccia"), ElementsAre("bowls"));
  EXPECT_EQ(table.alternatives.size(), 2u);
}

TEST_F(ParseSynonymsTest, AWordInTwoGroupsGetsBoth) {
  const auto table = parse("kaffe, te\nkaffe, café\n");
  EXPECT_THAT(alternatives(table, "kaffe"), ElementsAre("te", "cafe"));
  EXPECT_THAT(alternatives(table, "te"), ElementsAre("kaffe"));
}

TEST_F(ParseSynonymsTest, AGroupOfOneHasNoAlternatives) {
  const auto table = parse("ensom\n");
  EXPECT_THAT(alternatives(table, "ensom"), IsEmpty());
}

TEST_F(ParseSynonymsTest, TheBuiltinFileParses) {
  Synonyms builtin("");
  const auto table = builtin.current();
  ASSERT_TRUE(table);
  EXPECT_THAT(alternatives(*table, "petang"), ::testing::Contains("petanque"));
  EXPECT_THAT(alternatives(*table, "whist"), ::testing::Contains("kortspil"));
  // "spise sammen": "sammen" is a stopword.
  EXPECT_THAT(alternatives(*table, "spise"), ::testing::Contains("fællesspisning"));
  EXPECT_THAT(alternatives(*table, "socialt samvær"), ::testing::Contains("snak"));
  EXPECT_GE(table->longest_phrase, 2u);
}

// --- Synonyms(path): reloading --------------------------------------------------------------------

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::trunc);
  out << text;
}

// Moves the file's modification time `seconds` later than it was, so that a rewrite within the
// file system's time granularity is still seen as a change.
void touch_later(const std::filesystem::path& path, const std::filesystem::file_time_type& before, int seconds) {
  std::filesystem::last_write_time(path, before + std::chrono::seconds(seconds));
}

constexpr auto kPastCheckInterval = std::chrono::milliseconds(1100);

TEST(SynonymsFileTest, ReadsTheFile) {
  t::TempDir dir;
  const auto path = dir.path() / "synonyms.txt";
  write_file(path, "# test\nkakao, varm chokolade\n");
  Synonyms synonyms(path.string());
  EXPECT_EQ(synonyms.path(), path.string());
  const auto table = synonyms.current();
  EXPECT_THAT(alternatives(*table, "kakao"), ElementsAre("varm chokolade"));
  EXPECT_THAT(alternatives(*table, "petang"), IsEmpty());  // the file replaces the builtin table
}

TEST(SynonymsFileTest, ReloadsAfterTheFileChanges) {
  t::TempDir dir;
  const auto path = dir.path() / "synonyms.txt";
  write_file(path, "kakao, kaffe\n");
  Synonyms synonyms(path.string());
  const auto first = synonyms.current();
  EXPECT_THAT(alternatives(*first, "kakao"), ElementsAre("kaffe"));

  const auto before = std::filesystem::last_write_time(path);
  write_file(path, "kakao, kaffe, te\nkrolf, petanque\n");
  touch_later(path, before, 5);
  // Checked at most once a second: right after the first check the old table stays.
  EXPECT_THAT(alternatives(*synonyms.current(), "krolf"), IsEmpty());

  std::this_thread::sleep_for(kPastCheckInterval);
  const auto second = synonyms.current();
  EXPECT_THAT(alternatives(*second, "kakao"), ElementsAre("kaffe", "te"));
  EXPECT_THAT(alternatives(*second, "krolf"), ElementsAre("petanque"));
  // A table handed out earlier is unchanged (callers keep a consistent snapshot).
  EXPECT_THAT(alternatives(*first, "kakao"), ElementsAre("kaffe"));
  EXPECT_THAT(alternatives(*first, "krolf"), IsEmpty());
}

TEST(SynonymsFileTest, UnchangedFileIsNotReparsed) {
  t::TempDir dir;
  const auto path = dir.path() / "synonyms.txt";
  write_file(path, "kakao, kaffe\n");
  Synonyms synonyms(path.string());
  const auto first = synonyms.current();
  std::this_thread::sleep_for(kPastCheckInterval);
  EXPECT_EQ(synonyms.current().get(), first.get());
}

TEST(SynonymsFileTest, MissingFileFallsBackToTheBuiltinSynonyms) {
  t::TempDir dir;
  const auto path = dir.path() / "missing.txt";
  Synonyms synonyms(path.string());
  EXPECT_THAT(alternatives(*synonyms.current(), "petang"), ::testing::Contains("petanque"));

  // A file that appears later is picked up.
  write_file(path, "krolf, petanque\n");
  std::this_thread::sleep_for(kPastCheckInterval);
  EXPECT_THAT(alternatives(*synonyms.current(), "krolf"), ElementsAre("petanque"));
  EXPECT_THAT(alternatives(*synonyms.current(), "petang"), IsEmpty());
}

TEST(SynonymsFileTest, FileRemovedLaterKeepsTheLastTable) {
  t::TempDir dir;
  const auto path = dir.path() / "synonyms.txt";
  write_file(path, "krolf, petanque\n");
  Synonyms synonyms(path.string());
  EXPECT_THAT(alternatives(*synonyms.current(), "krolf"), ElementsAre("petanque"));
  std::filesystem::remove(path);
  std::this_thread::sleep_for(kPastCheckInterval);
  EXPECT_THAT(alternatives(*synonyms.current(), "krolf"), ElementsAre("petanque"));
}

TEST(SynonymsFileTest, EmptyPathIsTheBuiltinTable) {
  Synonyms synonyms("");
  EXPECT_TRUE(synonyms.path().empty());
  EXPECT_THAT(alternatives(*synonyms.current(), "petang"), ::testing::Contains("petanque"));
}

}  // namespace
}  // namespace portal::search
