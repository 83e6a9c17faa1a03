// The benchmark query mix (docs/benchmarks.md, "Query mix"): one search a line, as the URL query
// string of GET /api/v1/search with the contract's parameter names, UTF-8 percent-encoded
// (e.g. `q=strikke%20caf%C3%A9&municipality=0661`). Every comparator (in-process, HTTP,
// PostgreSQL FTS, Sphinx) reads this same file. Deterministic for (corpus, count, seed).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "search/request.h"

namespace portal::bench {

struct MixConfig {
  size_t count = 1000;
  uint64_t seed = 1;
};

// The mix's lines, drawn from the words, places and codes of the corpus in `corpus_dir`
// (listings-*.json; reads files in name order until it has 20,000 activities).
// Throws std::runtime_error when the folder holds no listings.
std::vector<std::string> make_mix(const std::filesystem::path& corpus_dir, const MixConfig& config);

// UTF-8 percent-encoding of everything but A-Z a-z 0-9 - . _ ~ ; and its inverse ('+' is a space).
std::string percent_encode(const std::string& text);
std::string percent_decode(const std::string& text);

// One mix line as search parameters (a repeated parameter joined by commas, as the server does).
search::SearchParams parse_query_string(const std::string& line);

// The mix file's lines (empty lines and lines starting with '#' skipped). Throws when unreadable.
std::vector<std::string> read_mix(const std::filesystem::path& file);

}  // namespace portal::bench
