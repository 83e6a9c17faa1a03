// Danish word knowledge of the analyzer, loaded from data files (data/search, compiled in):
// stem overrides for Snowball's misses, query stopwords, and compound splitting with a curated
// head lexicon checked against the hunspell-da dictionary.
//
// Thread-safe: immutable after construction except for the split cache, which has its own
// lock. Construct once per process and share (the dictionary takes ~20 MB).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

class Hunspell;

namespace portal::search {

struct LexiconFiles {
  std::string stem_overrides;       // "word<TAB>stem" lines
  std::string stopwords;            // one word a line
  std::string compound_heads;       // one word a line
  std::string compound_modifiers;   // one word a line
  std::string compound_exceptions;  // one word a line
};

class Lexicon {
 public:
  // `hunspell_dir` holds da_DK.aff/.dic; without them, only the listed heads and modifiers
  // are known. Lines starting with '#' and blank lines in the files are ignored. The words in
  // the files must already be normalized (lowercase, NFC).
  Lexicon(const LexiconFiles& files, const std::string& hunspell_dir);
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // The files compiled into the binary, with /usr/share/hunspell.
  static std::shared_ptr<const Lexicon> builtin();

  // The override stem of a normalized word, or nullptr.
  const std::string* stem_override(const std::string& word) const;
  bool is_stopword(const std::string& word) const;
  bool has_dictionary() const { return dictionary_ != nullptr; }

  // The parts of a compound word, modifier(s) first and head last, with linking -e-/-s-
  // removed from modifiers; empty when the word is not a compound. Cached.
  std::vector<std::string> split(const std::string& word) const;

 private:
  bool known_word(const std::string& word) const;
  std::vector<std::string> modifier_candidates(const std::string& modifier) const;
  std::vector<std::string> split_uncached(const std::string& word, int depth) const;

  std::map<std::string, std::string, std::less<>> stem_overrides_;
  std::set<std::string, std::less<>> stopwords_;
  std::set<std::string, std::less<>> heads_;
  std::set<std::string, std::less<>> modifiers_;
  std::set<std::string, std::less<>> exceptions_;
  std::unique_ptr<Hunspell> dictionary_;
  mutable std::mutex mu_;  // guards dictionary_ calls and cache_
  mutable std::unordered_map<std::string, std::vector<std::string>> cache_;
};

// Folds æ→ae, ø→oe, å→aa, so that words typed without a Danish keyboard meet their proper
// spelling. Used for matching only (never shown), on both the index and the query side.
std::string fold_danish(std::string_view word);

// Number of Unicode code points in valid UTF-8.
size_t utf8_length(std::string_view text);

}  // namespace portal::search
