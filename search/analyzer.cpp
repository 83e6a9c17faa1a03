#include "search/analyzer.h"

#include <stdexcept>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace portal::search {

Analyzer::Analyzer() : stemmer_("danish") {
  UErrorCode status = U_ZERO_ERROR;
  casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: no NFKC_Casefold normalizer");
  strip_accents_.reset(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8("[^æøåÆØÅ] NFD; [:Nonspacing Mark:] Remove; NFC"), UTRANS_FORWARD,
      status));
  if (U_FAILURE(status) || !strip_accents_) throw std::runtime_error("ICU: cannot create accent transliterator");
  word_breaker_.reset(icu::BreakIterator::createWordInstance(icu::Locale("da"), status));
  if (U_FAILURE(status) || !word_breaker_) throw std::runtime_error("ICU: cannot create word break iterator");
}

Analyzer::~Analyzer() = default;

namespace {
icu::UnicodeString normalize_unicode(const icu::Normalizer2& casefold, icu::Transliterator& strip,
                                     std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString folded = casefold.normalize(text, status);
  if (U_FAILURE(status)) return text;
  strip.transliterate(folded);
  return folded;
}
}  // namespace

std::string Analyzer::normalize(std::string_view utf8) {
  std::string out;
  normalize_unicode(*casefold_, *strip_accents_, utf8).toUTF8String(out);
  return out;
}

std::vector<std::string> Analyzer::words(std::string_view utf8) {
  std::vector<std::string> out;
  const icu::UnicodeString text = normalize_unicode(*casefold_, *strip_accents_, utf8);
  word_breaker_->setText(text);
  int32_t start = word_breaker_->first();
  for (int32_t end = word_breaker_->next(); end != icu::BreakIterator::DONE;
       start = end, end = word_breaker_->next()) {
    if (word_breaker_->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    std::string word;
    text.tempSubStringBetween(start, end).toUTF8String(word);
    if (word.size() > kMaxWordBytes) {
      size_t cut = kMaxWordBytes;
      while (cut > 0 && (static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) --cut;
      word.resize(cut);
    }
    out.push_back(std::move(word));
  }
  return out;
}

std::string Analyzer::stem(const std::string& normalized_word) { return stemmer_(normalized_word); }

std::vector<WordForm> Analyzer::forms(const std::string& normalized_word) {
  std::vector<WordForm> out;
  out.push_back({WordForm::Kind::exact, normalized_word});
  out.push_back({WordForm::Kind::stem, stem(normalized_word)});
  return out;
}

}  // namespace portal::search
