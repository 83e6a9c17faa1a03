// The benchmark query mix (docs/benchmarks.md, "Query mix"): one search a line, as the URL query
// string of GET /api/v1/search with the contract's parameter names, UTF-8 percent-encoded
// (e.g. `q=strikke%20caf%C3%A9&municipality=0661`). Every comparator (in-process, HTTP,
// PostgreSQL FTS, Sphinx) reads this same file. Deterministic for (corpus, count, seed).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
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

// One mix line as search parameters: '+' is a space, %XX a byte; a repeated key's values are
// joined with commas, as the server does. Throws std::invalid_argument on a malformed escape.
search::SearchParams decode_query_string(std::string_view line);

// The mix file's lines (empty lines and lines starting with '#' skipped). Throws when unreadable.
std::vector<std::string> read_mix(const std::filesystem::path& file);

}  // namespace portal::bench
