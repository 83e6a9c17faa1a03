#include "search/analyzer.h"

#include <stdexcept>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "search/lexicon.h"

namespace portal::search {

namespace {

std::shared_ptr<const Lexicon> shared_builtin_lexicon() {
  // Loaded once per process: the hunspell dictionary is large, and the lexicon is immutable.
  static const std::shared_ptr<const Lexicon> kLexicon = Lexicon::builtin();
  return kLexicon;
}

constexpr size_t kFormsCacheLimit = 100000;

}  // namespace

Analyzer::Analyzer() : Analyzer(shared_builtin_lexicon()) {}

Analyzer::Analyzer(std::shared_ptr<const Lexicon> lexicon) : lexicon_(std::move(lexicon)), stemmer_("danish") {
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
  // The accent transliterator is the costliest step of indexing, and only letters from U+00C0
  // up (other than æ, ø, å) can carry or be accents: no code point below U+00C0 has a
  // canonical decomposition or is a nonspacing mark. Text without such letters (most Danish
  // text after case folding) is skipped unchanged.
  bool plain = true;
  for (int32_t i = 0, n = folded.length(); i < n && plain; ++i) {
    const char16_t c = folded.charAt(i);
    plain = c < 0xC0 || c == u'æ' || c == u'ø' || c == u'å';
  }
  if (!plain) strip.transliterate(folded);
  return folded;
}
}  // namespace

std::string Analyzer::normalize(std::string_view utf8) {
  std::string out;
  normalize_unicode(*casefold_, *strip_accents_, utf8).toUTF8String(out);
  return out;
}

std::vector<Analyzer::Token> Analyzer::tokens(std::string_view utf8) {
  std::vector<Token> out;
  const icu::UnicodeString text = normalize_unicode(*casefold_, *strip_accents_, utf8);
  word_breaker_->setText(text);
  int32_t start = word_breaker_->first();
  int32_t previous_word_end = -1;
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
    const bool hyphen = previous_word_end >= 0 && start == previous_word_end + 1 &&
                        (text.charAt(previous_word_end) == u'-' || text.charAt(previous_word_end) == u'\u2010');
    out.push_back({std::move(word), hyphen});
    previous_word_end = end;
  }
  return out;
}

std::vector<std::string> Analyzer::words(std::string_view utf8) {
  std::vector<std::string> out;
  for (auto& t : tokens(utf8)) out.push_back(std::move(t.word));
  return out;
}

std::vector<std::string> Analyzer::index_words(std::string_view utf8) {
  std::vector<std::string> out;
  std::string joined;
  for (auto& t : tokens(utf8)) {
    if (t.hyphen_before && !joined.empty()) {
      joined += t.word;
      out.push_back(t.word);
      if (joined.size() <= kMaxWordBytes) out.push_back(joined);
    } else {
      joined = t.word;
      out.push_back(std::move(t.word));
    }
  }
  return out;
}

std::vector<std::vector<std::string>> Analyzer::query_words(std::string_view utf8) {
  std::vector<std::vector<std::string>> out;
  for (auto& t : tokens(utf8)) {
    if (t.hyphen_before && !out.empty()) {
      out.back().push_back(std::move(t.word));
    } else {
      out.push_back({std::move(t.word)});
    }
  }
  return out;
}

std::string Analyzer::stem(const std::string& normalized_word) {
  if (const std::string* override_stem = lexicon_->stem_override(normalized_word)) return *override_stem;
  return stemmer_(normalized_word);
}

std::vector<WordForm> Analyzer::forms(const std::string& word) {
  if (auto it = forms_cache_.find(word); it != forms_cache_.end()) return it->second;
  std::vector<WordForm> out;
  const std::string stemmed = stem(word);
  out.push_back({WordForm::Kind::exact, word});
  out.push_back({WordForm::Kind::stem, stemmed});
  out.push_back({WordForm::Kind::folded, fold_danish(stemmed)});
  for (const auto& part : lexicon_->split(word)) {
    const std::string term = fold_danish(stem(part));
    bool seen = false;
    for (const auto& f : out) seen = seen || (f.kind == WordForm::Kind::part && f.term == term);
    if (!seen) out.push_back({WordForm::Kind::part, term});
  }
  if (forms_cache_.size() >= kFormsCacheLimit) forms_cache_.clear();
  forms_cache_.emplace(word, out);
  return out;
}

}  // namespace portal::search
