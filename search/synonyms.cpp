#include "search/synonyms.h"

#include <fstream>
#include <sstream>

#include <spdlog/spdlog.h>

#include "search/analyzer.h"
#include "search/lexicon.h"
#include "search_embedded.h"

namespace portal::search {

SynonymTable parse_synonyms(const std::string& text, Analyzer& analyzer) {
  SynonymTable table;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    std::vector<std::string> group;
    std::stringstream items(line);
    std::string item;
    while (std::getline(items, item, ',')) {
      // Stopwords are dropped as they are from queries ("gå en tur" is matched as "gå tur").
      std::vector<std::string> words;
      for (auto& w : analyzer.words(item)) {
        if (!analyzer.lexicon().is_stopword(w)) words.push_back(std::move(w));
      }
      if (words.empty()) continue;
      std::string phrase;
      for (const auto& w : words) phrase += (phrase.empty() ? "" : " ") + w;
      if (std::find(group.begin(), group.end(), phrase) == group.end()) group.push_back(phrase);
      table.longest_phrase = std::max(table.longest_phrase, words.size());
    }
    for (const auto& phrase : group) {
      auto& alternatives = table.alternatives[phrase];
      for (const auto& other : group) {
        if (other != phrase && std::find(alternatives.begin(), alternatives.end(), other) == alternatives.end()) {
          alternatives.push_back(other);
        }
      }
    }
  }
  return table;
}

Synonyms::Synonyms(std::string path) : path_(std::move(path)) {
  std::lock_guard lock(mu_);
  load_locked();
}

void Synonyms::load_locked() {
  std::string text;
  if (path_.empty()) {
    text = std::string(embedded::synonyms_txt());
  } else {
    std::error_code ec;
    loaded_mtime_ = std::filesystem::last_write_time(path_, ec);
    std::ifstream in(path_);
    if (!in) {
      spdlog::warn("synonyms file {} cannot be read; using the built-in synonyms", path_);
      text = std::string(embedded::synonyms_txt());
    } else {
      std::ostringstream content;
      content << in.rdbuf();
      text = content.str();
    }
  }
  Analyzer analyzer;
  table_ = std::make_shared<const SynonymTable>(parse_synonyms(text, analyzer));
}

std::shared_ptr<const SynonymTable> Synonyms::current() {
  std::lock_guard lock(mu_);
  if (!path_.empty() && std::chrono::steady_clock::now() >= next_check_) {
    next_check_ = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    std::error_code ec;
    const auto mtime = std::filesystem::last_write_time(path_, ec);
    if (!ec && mtime != loaded_mtime_) load_locked();
  }
  return table_;
}

}  // namespace portal::search
