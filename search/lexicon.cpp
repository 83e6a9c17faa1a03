#include "search/lexicon.h"

#include <algorithm>
#include <filesystem>

#include <hunspell/hunspell.hxx>

#include "search_embedded.h"

namespace portal::search {
namespace {

template <typename F>
void for_each_line(std::string_view text, F&& f) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    f(line);
  }
}

std::set<std::string, std::less<>> word_set(std::string_view text) {
  std::set<std::string, std::less<>> out;
  for_each_line(text, [&](std::string_view line) { out.emplace(line); });
  return out;
}

// Byte offsets at which a UTF-8 string can be cut.
std::vector<size_t> boundaries(const std::string& s) {
  std::vector<size_t> out;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  return out;
}

constexpr size_t kMinCompoundLength = 5;  // code points
constexpr size_t kMinDictionaryPart = 3;  // code points, for parts known only to hunspell
constexpr size_t kMinDictionaryHead = 4;

}  // namespace

size_t utf8_length(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string fold_danish(std::string_view word) {
  std::string out;
  out.reserve(word.size() + 4);
  for (size_t i = 0; i < word.size(); ++i) {
    if (i + 1 < word.size() && static_cast<unsigned char>(word[i]) == 0xC3) {
      const auto next = static_cast<unsigned char>(word[i + 1]);
      const char* replacement = next == 0xA6 ? "ae" : next == 0xB8 ? "oe" : next == 0xA5 ? "aa" : nullptr;
      if (replacement) {
        out += replacement;
        ++i;
        continue;
      }
    }
    out += word[i];
  }
  return out;
}

Lexicon::Lexicon(const LexiconFiles& files, const std::string& hunspell_dir)
    : stopwords_(word_set(files.stopwords)),
      heads_(word_set(files.compound_heads)),
      modifiers_(word_set(files.compound_modifiers)),
      exceptions_(word_set(files.compound_exceptions)) {
  for_each_line(files.stem_overrides, [&](std::string_view line) {
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return;
    stem_overrides_.emplace(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
  });
  const std::string aff = hunspell_dir + "/da_DK.aff";
  const std::string dic = hunspell_dir + "/da_DK.dic";
  if (!hunspell_dir.empty() && std::filesystem::exists(aff) && std::filesystem::exists(dic)) {
    dictionary_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  }
}

Lexicon::~Lexicon() = default;

std::shared_ptr<const Lexicon> Lexicon::builtin() {
  LexiconFiles files{std::string(embedded::stem_overrides_tsv()), std::string(embedded::stopwords_txt()),
                     std::string(embedded::compound_heads_txt()), std::string(embedded::compound_modifiers_txt()),
                     std::string(embedded::compound_exceptions_txt())};
  return std::make_shared<const Lexicon>(files, "/usr/share/hunspell");
}

const std::string* Lexicon::stem_override(const std::string& word) const {
  auto it = stem_overrides_.find(word);
  return it == stem_overrides_.end() ? nullptr : &it->second;
}

bool Lexicon::is_stopword(const std::string& word) const { return stopwords_.count(word) > 0; }

bool Lexicon::known_word(const std::string& word) const {
  // Caller holds mu_.
  return dictionary_ && dictionary_->spell(word);
}

std::vector<std::string> Lexicon::split(const std::string& word) const {
  if (utf8_length(word) < kMinCompoundLength || exceptions_.count(word)) return {};
  std::lock_guard lock(mu_);
  if (auto it = cache_.find(word); it != cache_.end()) return it->second;
  auto parts = split_uncached(word, 0);
  if (cache_.size() > 200000) cache_.clear();
  cache_.emplace(word, parts);
  return parts;
}

std::vector<std::string> Lexicon::modifier_candidates(const std::string& modifier) const {
  // Caller holds mu_. The spellings of a modifier to try, best first: without a linking -e-
  // (mand-e-gruppe, stol-e-gymnastik) when what is left is a word; without a linking -s-
  // (besøg-s-ven) only when the modifier is no word of its own but a form of what is left
  // (fælles is a word, not fælle + s). A listed modifier or head is kept as it is (have).
  std::vector<std::string> out = {modifier};
  if (modifier.size() <= 3 || (modifier.back() != 's' && modifier.back() != 'e')) return out;
  std::string bare = modifier.substr(0, modifier.size() - 1);
  bool bare_first = !modifiers_.count(modifier) && !heads_.count(modifier);
  if (bare_first && modifier.back() == 's' && dictionary_) {
    const auto stems = dictionary_->stem(modifier);
    bare_first = std::find(stems.begin(), stems.end(), modifier) == stems.end() &&
                 std::find(stems.begin(), stems.end(), bare) != stems.end();
  }
  out.insert(bare_first ? out.begin() : out.end(), std::move(bare));
  return out;
}

std::vector<std::string> Lexicon::split_uncached(const std::string& word, int depth) const {
  // Listed heads first, then dictionary heads (hunspell also accepts "taften" in kortaften and
  // its own compound "degruppe" in mandegruppe); within each, longest head first. A listed
  // head is taken as it is; a dictionary head must have 4+ letters. The modifier (less a
  // linking -s- or -e-) must be a listed modifier, a listed head, or a dictionary word of 3+
  // letters.
  const auto cuts = boundaries(word);
  for (const bool listed_pass : {true, false}) {
    for (size_t k = 1; k < cuts.size(); ++k) {
      const std::string modifier = word.substr(0, cuts[k]);
      const std::string head = word.substr(cuts[k]);
      const size_t head_len = utf8_length(head);
      const bool listed_head = heads_.count(head) > 0;
      if (listed_head != listed_pass) continue;
      if (!listed_head && (head_len < kMinDictionaryHead || !known_word(head))) continue;
      for (const auto& m : modifier_candidates(modifier)) {
        const bool listed_modifier = modifiers_.count(m) || heads_.count(m);
        const bool ok = listed_modifier || (utf8_length(m) >= kMinDictionaryPart && known_word(m));
        if (!ok || exceptions_.count(m)) continue;
        std::vector<std::string> parts;
        // A long modifier or head may itself be a compound (senior-strikke-klub,
        // senior-fælles-spisning).
        if (depth < 2 && !listed_modifier && utf8_length(m) >= 8) parts = split_uncached(m, depth + 1);
        if (parts.empty()) parts.push_back(m);
        std::vector<std::string> sub;
        if (depth < 2 && !listed_head && head_len >= 8) sub = split_uncached(head, depth + 1);
        if (sub.empty()) sub.push_back(head);
        parts.insert(parts.end(), sub.begin(), sub.end());
        return parts;
      }
    }
  }
  return {};
}

}  // namespace portal::search
