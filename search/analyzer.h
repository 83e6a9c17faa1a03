// The one Danish text analyzer, used both to index documents and to build queries, so the two
// sides always agree on terms.
//
// normalize(): NFKC case folding, accents removed except on æ, ø and å (é → e, ü → u).
// words(): ICU word segmentation of normalized text; punctuation and spaces dropped.
// forms(): the terms one word stands for, strongest first: the exact word, its stem (Snowball
// "danish" with the lexicon's overrides), its folded stem (æ→ae, ø→oe, å→aa), and the folded
// stems of its compound parts (seniorgymnastik → senior, gymnastik). The index stores them all;
// a query word asks for its exact, stem and folded forms, and for itself as a compound part.
//
// Not thread-safe (ICU transliterators and break iterators hold state): use one per thread.
// The constructor throws std::runtime_error when ICU data cannot be loaded.
#pragma once

#include <memory>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Normalizer2;
class Transliterator;
class BreakIterator;
U_NAMESPACE_END

namespace portal::search {

class Lexicon;

struct WordForm {
  enum class Kind { exact, stem, folded, part };
  Kind kind;
  std::string term;  // unprefixed; callers add a field prefix
};

class Analyzer {
 public:
  // Uses the compiled-in lexicon (shared by every Analyzer of the process).
  Analyzer();
  explicit Analyzer(std::shared_ptr<const Lexicon> lexicon);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  std::string normalize(std::string_view utf8);
  // Normalized words of `utf8`, in order. Words longer than kMaxWordBytes are cut there.
  std::vector<std::string> words(std::string_view utf8);
  // As words(), plus the joined form after each hyphenated compound ("senior-gymnastik" gives
  // senior, gymnastik, seniorgymnastik). Used on the index side.
  std::vector<std::string> index_words(std::string_view utf8);
  // Groups of words for queries: a hyphenated compound is one group of its parts.
  std::vector<std::vector<std::string>> query_words(std::string_view utf8);
  std::vector<WordForm> forms(const std::string& normalized_word);
  std::string stem(const std::string& normalized_word);
  const Lexicon& lexicon() const { return *lexicon_; }

  static constexpr size_t kMaxWordBytes = 64;

 private:
  struct Token {
    std::string word;
    bool hyphen_before = false;  // joined to the previous token by a hyphen, no spaces
  };
  std::vector<Token> tokens(std::string_view utf8);

  std::shared_ptr<const Lexicon> lexicon_;
  std::unordered_map<std::string, std::vector<WordForm>> forms_cache_;
  const icu::Normalizer2* casefold_;
  std::unique_ptr<icu::Transliterator> strip_accents_;
  std::unique_ptr<icu::BreakIterator> word_breaker_;
  Xapian::Stem stemmer_;
};

}  // namespace portal::search
