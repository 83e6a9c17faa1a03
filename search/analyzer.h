// The one Danish text analyzer, used both to index documents and to build queries, so the two
// sides always agree on terms.
//
// normalize(): NFKC case folding, accents removed except on æ, ø and å (é → e, ü → u).
// words(): ICU word segmentation of normalized text; punctuation and spaces dropped.
// forms(): the index terms one word stands for, strongest first. Today the exact word and its
// Snowball "danish" stem; compound parts, folded spellings and synonyms slot in here.
//
// Not thread-safe (ICU transliterators and break iterators hold state): use one per thread.
// The constructor throws std::runtime_error when ICU data cannot be loaded.
#pragma once

#include <memory>
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

struct WordForm {
  enum class Kind { exact, stem };
  Kind kind;
  std::string term;  // unprefixed; callers add a field prefix
};

class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  std::string normalize(std::string_view utf8);
  // Normalized words of `utf8`, in order. Words longer than kMaxWordBytes are cut there.
  std::vector<std::string> words(std::string_view utf8);
  std::vector<WordForm> forms(const std::string& normalized_word);
  std::string stem(const std::string& normalized_word);

  static constexpr size_t kMaxWordBytes = 64;

 private:
  const icu::Normalizer2* casefold_;
  std::unique_ptr<icu::Transliterator> strip_accents_;
  std::unique_ptr<icu::BreakIterator> word_breaker_;
  Xapian::Stem stemmer_;
};

}  // namespace portal::search
