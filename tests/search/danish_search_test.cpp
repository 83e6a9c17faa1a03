// Danish search end to end through the Searcher: folded spellings, compounds, stem overrides,
// synonyms, automatic spelling correction, natural queries with places and days, ranking of the
// kinds of match, and autocomplete. Each test indexes its own few listings.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include "search/analyzer.h"
#include "search/document.h"
#include "search/lexicon.h"
#include "search/query_builder.h"
#include "search/searcher.h"
#include "search_fixtures.h"

namespace portal::search {
namespace {

namespace t = portal::search::testing;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;
using nlohmann::json;

std::vector<std::string> ids(const json& answer) {
  std::vector<std::string> out;
  for (const auto& r : answer.at("results")) out.push_back(r.at("id").get<std::string>());
  return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// A listing with just a title (and the fixture defaults: Holstebro, association gaaklub).
json titled(const std::string& id, const std::string& title, const json& patch = json::object()) {
  json record = t::activity_json(id, {{"title", title}});
  record.merge_patch(patch);
  return record;
}

class DanishSearchTest : public ::testing::Test {
 protected:
  void SetUp() override { temp_ = std::make_unique<t::TempDir>(); }
  void TearDown() override {
    searcher_.reset();
    temp_.reset();
  }

  void index(const std::vector<json>& records, SearcherOptions options = {}) {
    const auto assocs = t::associations(json::array({t::association_json()}));
    build_generation(IndexDirectory(temp_->path()), t::vocabulary(), t::activities(records), assocs, 1);
    if (!searcher_) searcher_ = std::make_unique<Searcher>(IndexDirectory(temp_->path()), t::vocabulary(), 2, options);
  }

  json search(const std::string& q, SearchParams params = {}) {
    params["q"] = q;
    params["per_page"] = "100";
    return searcher_->search(parse_search_request(params, t::vocabulary(), t::geo()), t::monday_9am());
  }
  std::vector<std::string> found(const std::string& q) { return ids(search(q)); }
  std::vector<std::string> matches(const std::string& q) { return sorted(found(q)); }

  json suggest(const std::string& text) { return searcher_->suggest(text, 8); }

  std::unique_ptr<t::TempDir> temp_;
  std::unique_ptr<Searcher> searcher_;
};

// --- normalisation ----------------------------------------------------------------------------------

TEST_F(DanishSearchTest, FoldedSpellingMatchesBothWays) {
  index({titled("danish", "Fællesspisning i Medborgerhuset"), titled("folded", "Faellesspisning for alle"),
         titled("tur", "Gåtur ved åen"), titled("other", "Kortspil")});
  for (const char* q : {"fællesspisning", "faellesspisning", "FÆLLESSPISNING", "Faellesspisning"}) {
    SCOPED_TRACE(q);
    const json answer = search(q);
    EXPECT_THAT(sorted(ids(answer)), ElementsAre("danish", "folded"));
    EXPECT_FALSE(answer.contains("did_you_mean"));
  }
  EXPECT_THAT(found("gaatur"), ElementsAre("tur"));
  // gåtur also has synonyms (gåklub, in every listing's association name), ranked lower.
  EXPECT_EQ(found("gåtur").front(), "tur");
}

TEST_F(DanishSearchTest, AabenraaEqualsAabenraaInText) {
  // In the text of a listing; the query side is tested on text_query() because Aabenraa in a
  // free-text search is read as a place (next test).
  Analyzer analyzer;
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const core::Association assoc = t::association(t::association_json());
  db.add_document(build_document(analyzer, t::vocabulary(),
                                 t::activity(t::activity_json("danish", {{"description", "Vi mødes ved Åbenrå Havn."}})),
                                 assoc));
  db.add_document(build_document(analyzer, t::vocabulary(),
                                 t::activity(t::activity_json("folded", {{"description", "Vi mødes ved Aabenraa Havn."}})),
                                 assoc));
  db.add_document(build_document(analyzer, t::vocabulary(),
                                 t::activity(t::activity_json("other", {{"description", "Vi mødes ved Vejle Havn."}})),
                                 assoc));
  auto matching = [&](const std::string& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(text_query(analyzer, analyzer.query_words(q), WordMode::all, nullptr));
    std::vector<std::string> out;
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      out.push_back(document_data(it.get_document())["activity"]["id"].get<std::string>());
    }
    return sorted(out);
  };
  EXPECT_THAT(matching("Aabenraa"), ElementsAre("danish", "folded"));
  EXPECT_THAT(matching("Åbenrå"), ElementsAre("danish", "folded"));
  EXPECT_THAT(matching("aabenraa havn"), ElementsAre("danish", "folded"));
}

TEST_F(DanishSearchTest, AabenraaEqualsAabenraaAsAPlace) {
  index({titled("holstebro", "Svømning"), titled("aabenraa", "Svømning", {{"location", {{"postcode", "6200"}}}}),
         titled("vejle", "Svømning", {{"location", {{"postcode", "7100"}}}})});
  for (const char* q : {"svømning i Åbenrå", "svømning i aabenraa", "svoemning aabenraa"}) {
    SCOPED_TRACE(q);
    const auto order = found(q);
    ASSERT_EQ(order.size(), 3u);
    EXPECT_EQ(order[0], "aabenraa");
  }
}

TEST_F(DanishSearchTest, EkstraarbejdeIsNotCorrupted) {
  index({titled("ekstra", "Ekstraarbejde i haven"), titled("aa", "Arbejde ved åen")});
  Analyzer analyzer;
  for (const auto& form : analyzer.forms("ekstraarbejde")) {
    EXPECT_THAT(form.term, Not(HasSubstr("å"))) << form.term;
  }
  const json answer = search("ekstraarbejde");
  EXPECT_THAT(ids(answer), ElementsAre("ekstra"));
  EXPECT_FALSE(answer.contains("did_you_mean"));
  EXPECT_THAT(found("Ekstraarbejde"), ElementsAre("ekstra"));
}

TEST_F(DanishSearchTest, HyphenatedAndSplitFormsFindTheSolidCompound) {
  index({titled("solid", "Seniorgymnastik"), titled("yoga", "Yoga"), titled("kort", "Kortspil")});
  for (const char* q : {"seniorgymnastik", "senior-gymnastik", "senior gymnastik", "Senior-Gymnastik"}) {
    SCOPED_TRACE(q);
    const json answer = search(q);
    EXPECT_THAT(ids(answer), ElementsAre("solid"));
    EXPECT_FALSE(answer.contains("did_you_mean"));
  }
}

TEST_F(DanishSearchTest, SolidCompoundFindsTheHyphenatedSpelling) {
  index({titled("hyphen", "Senior-gymnastik i hallen"), titled("yoga", "Yoga")});
  EXPECT_THAT(found("seniorgymnastik"), ElementsAre("hyphen"));
  EXPECT_THAT(found("senior-gymnastik"), ElementsAre("hyphen"));
}

// --- compounds --------------------------------------------------------------------------------------

TEST_F(DanishSearchTest, PartFindsCompoundsBelowTheExactWord) {
  index({titled("senior", "Seniorgymnastik"), titled("stole", "Stolegymnastik"), titled("exact", "Gymnastik"),
         titled("kort", "Kortspil")});
  const auto order = found("gymnastik");
  ASSERT_EQ(order.size(), 3u);
  EXPECT_EQ(order[0], "exact");
  EXPECT_THAT(order, UnorderedElementsAre("exact", "senior", "stole"));
}

TEST_F(DanishSearchTest, PartOfALinkedCompound) {
  // besøg-s-ven, mand-e-gruppe, kort-aften (not kor-taften): each part is found.
  index({titled("besoeg", "Besøgsven"), titled("maend", "Mandegruppe"), titled("kort", "Kortaften"),
         titled("yoga", "Yoga")});
  EXPECT_THAT(found("besøg"), Contains("besoeg"));
  EXPECT_THAT(found("ven"), ElementsAre("besoeg"));
  EXPECT_THAT(found("gruppe"), ElementsAre("maend"));
  EXPECT_THAT(found("kort"), Contains("kort"));
  EXPECT_THAT(found("kor"), Not(Contains("kort")));
}

TEST_F(DanishSearchTest, QueryCompoundFindsItsPartsTogether) {
  index({titled("together", "Café med strik"), titled("solid", "Strikkecafé"), titled("cafe", "Café")});
  const auto order = found("strikkecafé");
  ASSERT_THAT(sorted(order), ElementsAre("solid", "together"));
  EXPECT_EQ(order[0], "solid");
}

TEST_F(DanishSearchTest, StemOverridesMatchAcrossForms) {
  index({titled("dans", "Vi danser"), titled("cykel", "Cykler og kaffe"), titled("strik", "Strikning"),
         titled("kors", "Røde Kors")});
  EXPECT_THAT(found("dans"), ElementsAre("dans"));
  EXPECT_THAT(found("danse"), ElementsAre("dans"));
  EXPECT_THAT(found("cykling"), ElementsAre("cykel"));
  EXPECT_THAT(found("cykel"), ElementsAre("cykel"));
  EXPECT_THAT(found("strikker"), ElementsAre("strik"));
  EXPECT_THAT(found("kors"), ElementsAre("kors"));
  EXPECT_THAT(found("kor"), Not(Contains("kors")));
}

// --- synonyms ---------------------------------------------------------------------------------------

TEST_F(DanishSearchTest, SpiseSammenFindsFaellesspisning) {
  index({titled("faelles", "Fællesspisning i Medborgerhuset"), titled("kort", "Kortspil")});
  const json answer = search("spise sammen");
  EXPECT_THAT(ids(answer), ElementsAre("faelles"));
  EXPECT_FALSE(answer.contains("did_you_mean"));
}

TEST_F(DanishSearchTest, SynonymOnlyMatchRanksBelowDirectMatches) {
  // "rummy" is rarer than "bridge", so BM25 alone would put the synonym first.
  index({titled("rummy", "Rummy"), titled("bridge-1", "Bridge"), titled("bridge-2", "Bridge og kaffe"),
         titled("bridge-3", "Bridge for begyndere"), titled("yoga", "Yoga")});
  const auto order = found("bridge");
  ASSERT_EQ(order.size(), 4u);
  EXPECT_EQ(order.back(), "rummy");
  EXPECT_EQ(found("rummy").front(), "rummy");
}

TEST_F(DanishSearchTest, SearcherReadsItsSynonymsFileAgainWhenItChanges) {
  const auto file = temp_->path() / "synonyms.txt";
  std::ofstream(file) << "krolf, petanque\n";
  SearcherOptions options;
  options.synonyms = std::make_shared<Synonyms>(file.string());
  index({titled("petanque", "Petanque i parken"), titled("kroket", "Kroket")}, options);
  EXPECT_THAT(found("krolf"), ElementsAre("petanque"));

  const auto before = std::filesystem::last_write_time(file);
  std::ofstream(file, std::ios::trunc) << "krolf, kroket\n";
  std::filesystem::last_write_time(file, before + std::chrono::seconds(5));
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_THAT(found("krolf"), ElementsAre("kroket"));
}

// --- typo tolerance ---------------------------------------------------------------------------------

TEST_F(DanishSearchTest, GymnastkIsCorrected) {
  index({titled("gym", "Gymnastik for seniorer"), titled("kort", "Kortspil")});
  const json answer = search("gymnastk");
  EXPECT_THAT(ids(answer), ElementsAre("gym"));
  EXPECT_EQ(answer.value("did_you_mean", ""), "gymnastik");
}

TEST_F(DanishSearchTest, FaellespisningIsCorrected) {
  index({titled("faelles", "Fællesspisning i Medborgerhuset"), titled("kort", "Kortspil")});
  const json answer = search("fællespisning");
  EXPECT_THAT(ids(answer), ElementsAre("faelles"));
  EXPECT_EQ(answer.value("did_you_mean", ""), "fællesspisning");
}

TEST_F(DanishSearchTest, CorrectionKeepsTheOtherWords) {
  index({titled("gym", "Gymnastik i hallen"), titled("kort", "Kortspil")});
  const json answer = search("gymnastk hallen");
  EXPECT_THAT(ids(answer), ElementsAre("gym"));
  EXPECT_EQ(answer.value("did_you_mean", ""), "gymnastik hallen");
}

TEST_F(DanishSearchTest, AWordThatMatchesIsNeverCorrected) {
  // maling (painting) and måling (measuring) are one edit apart; each finds only itself.
  index({titled("maling", "Maling og tegning"), titled("maaling", "Måling af blodtryk")});
  for (const auto& [q, id] : {std::pair<std::string, std::string>{"maling", "maling"}, {"måling", "maaling"}}) {
    SCOPED_TRACE(q);
    const json answer = search(q);
    EXPECT_THAT(ids(answer), ElementsAre(id));
    EXPECT_FALSE(answer.contains("did_you_mean"));
  }
}

TEST_F(DanishSearchTest, FourLetterTyposAreNotCorrected) {
  index({titled("snak", "Kaffe og snak"), titled("hygge", "Hygge")});
  const json four = search("snek");
  EXPECT_EQ(four["total"], 0);
  EXPECT_FALSE(four.contains("did_you_mean"));
  // From five letters one edit is allowed.
  const json five = search("hyyge");
  EXPECT_THAT(ids(five), Contains("hygge"));
  EXPECT_EQ(five.value("did_you_mean", ""), "hygge");
}

TEST_F(DanishSearchTest, TwoEditsOnlyFromNineLetters) {
  index({titled("gym", "Gymnastik"), titled("faelles", "Fællesspisning")});
  EXPECT_EQ(search("gymnstik").value("did_you_mean", ""), "gymnastik");  // 8 letters, 1 edit
  const json seven = search("gymnstk");                                 // 7 letters, 2 edits
  EXPECT_EQ(seven["total"], 0);
  EXPECT_FALSE(seven.contains("did_you_mean"));
  EXPECT_EQ(search("fællespisnig").value("did_you_mean", ""), "fællesspisning");  // 12 letters, 2 edits
}

TEST_F(DanishSearchTest, PetangFindsPetanque) {
  index({titled("petanque", "Petanque i parken"), titled("kort", "Kortspil")});
  const json answer = search("petang");
  EXPECT_THAT(ids(answer), ElementsAre("petanque"));
  EXPECT_FALSE(answer.contains("did_you_mean"));  // a synonym, not a correction
}

TEST_F(DanishSearchTest, EnoughResultsAreNotCorrected) {
  index({titled("a", "Gymnastik"), titled("b", "Gymnastik og kaffe"), titled("c", "Gymnastik i hallen")});
  const json answer = search("gymnastik");
  EXPECT_EQ(answer["total"], 3);
  EXPECT_FALSE(answer.contains("did_you_mean"));
}

// --- natural queries --------------------------------------------------------------------------------

std::vector<json> kaffe_everywhere() {
  return {titled("holstebro", "Kaffe og snak", {{"schedule", {{{"weekday", "mon"}, {"start", "10:00"}}}}}),
          titled("vejle", "Kaffe og snak",
                 {{"location", {{"postcode", "7100"}}}, {"schedule", {{{"weekday", "tue"}, {"start", "10:00"}}}}}),
          titled("struer", "Kaffe og snak",
                 {{"location", {{"postcode", "7600"}}}, {"schedule", {{{"weekday", "wed"}, {"start", "19:00"}}}}})};
}

TEST_F(DanishSearchTest, PlaceWordRanksThatTownFirst) {
  index(kaffe_everywhere());
  for (const auto& [q, first] : {std::pair<std::string, std::string>{"kaffe i vejle", "vejle"},
                                 {"noget med kaffe og snak i struer", "struer"},
                                 {"kaffe holstebro", "holstebro"}}) {
    SCOPED_TRACE(q);
    const json answer = search(q);
    ASSERT_EQ(answer["total"], 3) << "a place prefers, it does not exclude";
    EXPECT_EQ(ids(answer)[0], first);
  }
}

TEST_F(DanishSearchTest, WeekdayWordRanksThatDayFirst) {
  index(kaffe_everywhere());
  for (const auto& [q, first] : {std::pair<std::string, std::string>{"kaffe om tirsdagen", "vejle"},
                                 {"kaffe onsdag", "struer"},
                                 {"kaffe mandage", "holstebro"},
                                 {"kaffe om aftenen", "struer"}}) {
    SCOPED_TRACE(q);
    const json answer = search(q);
    ASSERT_EQ(answer["total"], 3) << "a day prefers, it does not exclude";
    EXPECT_EQ(ids(answer)[0], first);
  }
}

TEST_F(DanishSearchTest, PlaceAloneListsEverythingWithThatTownFirst) {
  index(kaffe_everywhere());
  const json answer = search("i vejle");
  EXPECT_EQ(answer["total"], 3);
  EXPECT_EQ(ids(answer)[0], "vejle");
}

TEST_F(DanishSearchTest, PlaceExceptionIsSearchedAsAWord) {
  // "give" is a town (7323) and a verb; as a word it finds the listing that says it.
  // Read as a place it would list both listings.
  index({titled("give", "Vi vil gerne give en hånd"), titled("other", "Kortspil", {{"location", {{"postcode", "7100"}}}})});
  EXPECT_THAT(found("give"), ElementsAre("give"));
}

// --- ranking ----------------------------------------------------------------------------------------

TEST_F(DanishSearchTest, ExactAboveStemAboveCompoundPart) {
  index({titled("part", "Strikkeklub"), titled("stem", "Strikke"), titled("exact", "Strikker"),
         titled("none", "Gymnastik")});
  EXPECT_THAT(found("strikker"), ElementsAre("exact", "stem", "part"));
}

TEST_F(DanishSearchTest, CompoundPartAboveCorrection) {
  // "strikker" matches only a compound part; "gymnastk" needs a correction: the typed word's
  // match ranks first.
  index({titled("part", "Strikkeklub"), titled("fix", "Gymnastik")});
  const json answer = search("strikker gymnastk");
  EXPECT_EQ(answer.value("did_you_mean", ""), "strikker gymnastik");
  EXPECT_THAT(ids(answer), ElementsAre("part", "fix"));
}

TEST_F(DanishSearchTest, ExactAboveCorrection) {
  index({titled("exact", "Strikker"), titled("fix", "Gymnastik")});
  const json answer = search("strikker gymnastk");
  EXPECT_EQ(answer.value("did_you_mean", ""), "strikker gymnastik");
  EXPECT_THAT(ids(answer), ElementsAre("exact", "fix"));
}

// --- autocomplete -----------------------------------------------------------------------------------

bool has_suggestion(const json& answer, const std::string& type, const std::function<bool(const json&)>& test) {
  for (const auto& s : answer.at("suggestions")) {
    if (s.at("type") == type && test(s)) return true;
  }
  return false;
}

bool starts_with(const json& s, const std::string& prefix) {
  return s.at("text").get<std::string>().rfind(prefix, 0) == 0;
}

TEST_F(DanishSearchTest, SuggestStriGivesStrikWordsAndTheCraftsInterest) {
  index({titled("strik", "Strikkeklub", {{"description", "Vi strikker og hygger."}, {"interests", {"crafts"}}}),
         titled("kort", "Kortspil")});
  const json answer = suggest("stri");
  EXPECT_EQ(answer["q"], "stri");
  EXPECT_TRUE(has_suggestion(answer, "word", [](const json& s) { return starts_with(s, "strik"); }))
      << answer.dump();
  EXPECT_TRUE(has_suggestion(answer, "interest", [](const json& s) { return s.value("code", "") == "crafts"; }))
      << answer.dump();
  EXPECT_TRUE(has_suggestion(answer, "title", [](const json& s) { return s.value("id", "") == "strik"; }))
      << answer.dump();
  EXPECT_LE(answer["suggestions"].size(), 8u);
}

TEST_F(DanishSearchTest, SuggestFoldsLikeSearch) {
  index({titled("tur", "Gåtur ved åen"), titled("kort", "Kortspil")});
  const json answer = suggest("gaa");
  EXPECT_TRUE(has_suggestion(answer, "word", [](const json& s) { return starts_with(s, "gå"); })) << answer.dump();
  EXPECT_TRUE(has_suggestion(answer, "interest", [](const json& s) { return s.value("code", "") == "walking"; }))
      << answer.dump();
  EXPECT_TRUE(has_suggestion(answer, "word", [](const json& s) { return starts_with(s, "gå"); }));
  EXPECT_TRUE(has_suggestion(suggest("gå"), "word", [](const json& s) { return starts_with(s, "gåtur"); }));
}

TEST_F(DanishSearchTest, SuggestKeepsAaThatIsNoFoldedLetter) {
  index({titled("ekstra", "Ekstraarbejde i haven")});
  EXPECT_TRUE(has_suggestion(suggest("ekstraa"), "word", [](const json& s) { return s["text"] == "ekstraarbejde"; }));
}

TEST_F(DanishSearchTest, SuggestCompletesTheLastWord) {
  index({titled("strik", "Kaffe og strikning"), titled("kort", "Kaffe og kortspil")});
  const json answer = suggest("kaffe stri");
  EXPECT_TRUE(has_suggestion(answer, "word", [](const json& s) { return s["text"] == "kaffe strikning"; }))
      << answer.dump();
  EXPECT_FALSE(has_suggestion(answer, "word", [](const json& s) { return s["text"] == "kaffe kortspil"; }));
}

TEST_F(DanishSearchTest, SuggestNothingForEmptyTextOrAfterASpace) {
  index({titled("strik", "Strikkeklub", {{"interests", {"crafts"}}})});
  for (const char* text : {"", "   ", "?!", "stri ", "kaffe "}) {
    SCOPED_TRACE(text);
    const json answer = suggest(text);
    EXPECT_THAT(answer["suggestions"], IsEmpty());
    EXPECT_EQ(answer["q"], text);
  }
}

TEST_F(DanishSearchTest, SuggestRespectsTheLimit) {
  std::vector<json> records;
  for (int i = 0; i < 12; ++i) records.push_back(titled("s" + std::to_string(i), "Strik" + std::string(1, char('a' + i))));
  index(records);
  EXPECT_LE(searcher_->suggest("stri", 3)["suggestions"].size(), 3u);
  EXPECT_LE(searcher_->suggest("stri", 8)["suggestions"].size(), 8u);
}

}  // namespace
}  // namespace portal::search
