// Domain synonyms (data/search/synonyms.txt): groups of interchangeable words and phrases.
// A coordinator can extend the file; the server re-reads it when it changes, no rebuild
// needed, because synonyms are applied to queries only.
//
// Thread-safe. current() checks the file's modification time at most once a second.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace portal::search {

class Analyzer;

// Phrases are stored as their normalized words joined by single spaces.
struct SynonymTable {
  std::map<std::string, std::vector<std::string>> alternatives;  // phrase -> the other phrases
  size_t longest_phrase = 1;                                     // in words
};

// Parses the file format (comma-separated groups, '#' comments) with `analyzer` normalizing.
SynonymTable parse_synonyms(const std::string& text, Analyzer& analyzer);

class Synonyms {
 public:
  // `path` empty: the table compiled into the binary, never reloaded.
  explicit Synonyms(std::string path);
  std::shared_ptr<const SynonymTable> current();
  const std::string& path() const { return path_; }

 private:
  void load_locked();

  std::string path_;
  std::mutex mu_;
  std::shared_ptr<const SynonymTable> table_;
  std::chrono::steady_clock::time_point next_check_{};
  std::filesystem::file_time_type loaded_mtime_{};
};

}  // namespace portal::search
