#include "core/vocabulary.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/calendar.h"

namespace portal::core {
namespace {

using Codes = std::vector<std::string>;

// Every code of shared/contract/vocabulary.json, in the file's order.
const Codes kInterests = {"exercise", "walking", "sports",  "dance",           "music",
                          "games",    "crafts",  "food",    "nature",          "culture",
                          "reading",  "digital", "social",  "visiting_friend", "phone_friend",
                          "trips",    "volunteering", "faith", "support"};
const Codes kTransport = {"public_transport", "parking", "disabled_parking",
                          "pickup",           "flextur", "at_home"};
const Codes kAccessibility = {"wheelchair", "accessible_toilet", "hearing_loop",
                              "dementia_friendly"};
const Codes kTargetGroups = {"seniors", "men",    "women",     "living_alone",
                             "bereaved", "carers", "newcomers", "dementia"};
const Codes kTimesOfDay = {"morning", "afternoon", "evening"};

const std::vector<std::pair<CodeKind, const Codes*>> kAll = {
    {CodeKind::interest, &kInterests},
    {CodeKind::transport, &kTransport},
    {CodeKind::accessibility, &kAccessibility},
    {CodeKind::target_group, &kTargetGroups},
    {CodeKind::time_of_day, &kTimesOfDay}};

// True when `expected` appears in `actual` in the same relative order (the portal may add codes).
bool in_order(const Codes& actual, const Codes& expected) {
  auto it = actual.begin();
  for (const auto& code : expected) {
    it = std::find(it, actual.end(), code);
    if (it == actual.end()) return false;
    ++it;
  }
  return true;
}

class VocabularyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { vocab_ = new Vocabulary(Vocabulary::builtin()); }
  static void TearDownTestSuite() {
    delete vocab_;
    vocab_ = nullptr;
  }
  static const Vocabulary& vocab() { return *vocab_; }
  static Vocabulary* vocab_;
};
Vocabulary* VocabularyTest::vocab_ = nullptr;

TEST_F(VocabularyTest, BuiltinHasEveryContractCode) {
  for (const auto& [kind, codes] : kAll) {
    for (const auto& code : *codes) {
      EXPECT_TRUE(vocab().has(kind, code)) << json_key(kind) << " " << code;
    }
  }
}

TEST_F(VocabularyTest, CodesKeepTheFilesOrder) {
  EXPECT_EQ(vocab().codes(CodeKind::interest).front(), "exercise");
  EXPECT_EQ(vocab().codes(CodeKind::transport).front(), "public_transport");
  EXPECT_EQ(vocab().codes(CodeKind::time_of_day).front(), "morning");
  for (const auto& [kind, codes] : kAll) {
    EXPECT_TRUE(in_order(vocab().codes(kind), *codes)) << json_key(kind);
    EXPECT_GE(vocab().codes(kind).size(), codes->size()) << json_key(kind);
  }
}

TEST_F(VocabularyTest, CodesListsAreExactlyTheKnownCodes) {
  for (const auto& [kind, codes] : kAll) {
    for (const auto& code : vocab().codes(kind)) {
      EXPECT_TRUE(vocab().has(kind, code)) << code;
    }
    const Codes& listed = vocab().codes(kind);
    Codes sorted = listed;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end())
        << "duplicate code in " << json_key(kind);
  }
}

TEST_F(VocabularyTest, DanishLabels) {
  EXPECT_EQ(vocab().label_da(CodeKind::interest, "walking"), "Gåture og vandring");
  EXPECT_EQ(vocab().label_da(CodeKind::interest, "exercise"), "Motion og gymnastik");
  EXPECT_EQ(vocab().label_da(CodeKind::interest, "visiting_friend"), "Besøgsven");
  EXPECT_EQ(vocab().label_da(CodeKind::interest, "support"), "Støtte- og samtalegrupper");
  EXPECT_EQ(vocab().label_da(CodeKind::transport, "pickup"), "Kørsel arrangeres (afhentning)");
  EXPECT_EQ(vocab().label_da(CodeKind::transport, "flextur"), "Kan nås med Flextur/telebus");
  EXPECT_EQ(vocab().label_da(CodeKind::accessibility, "hearing_loop"), "Teleslynge");
  EXPECT_EQ(vocab().label_da(CodeKind::target_group, "men"), "Mænd");
  EXPECT_EQ(vocab().label_da(CodeKind::target_group, "carers"), "Pårørende");
  EXPECT_EQ(vocab().label_da(CodeKind::time_of_day, "morning"), "Formiddag (før 12)");
}

TEST_F(VocabularyTest, EveryCodeHasALabelOtherThanItsCode) {
  for (const auto& [kind, codes] : kAll) {
    for (const auto& code : *codes) {
      const std::string label = vocab().label_da(kind, code);
      EXPECT_FALSE(label.empty()) << code;
      EXPECT_NE(label, code) << code;
    }
  }
}

TEST_F(VocabularyTest, UnknownCodes) {
  EXPECT_FALSE(vocab().has(CodeKind::interest, "knitting"));
  EXPECT_FALSE(vocab().has(CodeKind::interest, "Walking"));
  EXPECT_FALSE(vocab().has(CodeKind::interest, ""));
  EXPECT_FALSE(vocab().has(CodeKind::interest, "seniors"));  // a target group
  EXPECT_FALSE(vocab().has(CodeKind::target_group, "walking"));
  EXPECT_FALSE(vocab().has(CodeKind::transport, "wheelchair"));
  EXPECT_FALSE(vocab().has(CodeKind::time_of_day, "night"));
  EXPECT_EQ(vocab().label_da(CodeKind::interest, "knitting"), "knitting");
}

TEST_F(VocabularyTest, Weekdays) {
  EXPECT_EQ(vocab().weekdays(), (Codes{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}));
  EXPECT_EQ(vocab().weekdays(), weekday_codes());
}

TEST_F(VocabularyTest, TimeOfDayCodesAreInTheVocabulary) {
  for (int minute : {0, 11 * 60 + 59, 12 * 60, 17 * 60, 23 * 60 + 59}) {
    EXPECT_TRUE(vocab().has(CodeKind::time_of_day, time_of_day(minute))) << minute;
  }
}

TEST_F(VocabularyTest, JsonIsTheWholeDocument) {
  const auto& doc = vocab().json();
  for (const char* key : {"interests", "transport", "accessibility", "target_groups", "weekdays",
                          "times_of_day"}) {
    EXPECT_TRUE(doc.contains(key)) << key;
  }
  EXPECT_EQ(doc["interests"]["walking"]["da"], "Gåture og vandring");
  EXPECT_EQ(doc["interests"]["walking"]["en"], "Walks and hiking");
}

TEST(JsonKeyTest, NamesTheSections) {
  EXPECT_EQ(json_key(CodeKind::interest), "interests");
  EXPECT_EQ(json_key(CodeKind::transport), "transport");
  EXPECT_EQ(json_key(CodeKind::accessibility), "accessibility");
  EXPECT_EQ(json_key(CodeKind::target_group), "target_groups");
  EXPECT_EQ(json_key(CodeKind::time_of_day), "times_of_day");
}

nlohmann::json small_document() {
  return nlohmann::json::parse(R"json({
    "interests": {"walking": {"da": "Gåture", "en": "Walks"}, "chess": {"en": "Chess"}},
    "transport": {"pickup": {"da": "Kørsel"}},
    "accessibility": {},
    "target_groups": {"seniors": {"da": "Seniorer"}},
    "weekdays": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    "times_of_day": {"morning": {"da": "Formiddag"}}
  })json");
}

TEST(VocabularyConstructorTest, ParsesAGivenDocument) {
  const Vocabulary v(small_document());
  EXPECT_TRUE(v.has(CodeKind::interest, "walking"));
  EXPECT_TRUE(v.has(CodeKind::interest, "chess"));
  EXPECT_FALSE(v.has(CodeKind::interest, "exercise"));
  EXPECT_EQ(v.label_da(CodeKind::interest, "walking"), "Gåture");
  EXPECT_EQ(v.label_da(CodeKind::interest, "chess"), "chess");  // no Danish label
  EXPECT_TRUE(v.codes(CodeKind::accessibility).empty());
  EXPECT_EQ(v.codes(CodeKind::interest).size(), 2u);
}

TEST(VocabularyConstructorTest, ThrowsOnMissingSection) {
  for (const char* key : {"interests", "transport", "accessibility", "target_groups", "weekdays",
                          "times_of_day"}) {
    nlohmann::json doc = small_document();
    doc.erase(key);
    EXPECT_THROW(Vocabulary{doc}, std::invalid_argument) << key;
  }
}

TEST(VocabularyConstructorTest, ThrowsOnSectionOfTheWrongType) {
  nlohmann::json doc = small_document();
  doc["interests"] = nlohmann::json::array({"walking"});
  EXPECT_THROW(Vocabulary{doc}, std::invalid_argument);
  doc = small_document();
  doc["weekdays"] = "mon";
  EXPECT_THROW(Vocabulary{doc}, std::invalid_argument);
}

TEST(VocabularyConstructorTest, BuiltinDocumentAlsoParsesDirectly) {
  const Vocabulary v(Vocabulary::builtin().json());
  for (const auto& [kind, codes] : kAll) {
    for (const auto& code : *codes) EXPECT_TRUE(v.has(kind, code)) << code;
  }
}

}  // namespace
}  // namespace portal::core
