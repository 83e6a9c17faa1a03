// A national-scale corpus of realistic Danish listings for benchmarks (docs/benchmarks.md).
// Deterministic: the same (size, seed) gives the same bytes on every machine (own PRNG, no
// std:: distributions). Listings are spread over all 98 municipalities by a population proxy
// (2 + sqrt(number of postcodes)), around ~5 activities per association, with the text of the
// demo generator (bench/corpus_vocabulary.json, exported from tools/demo-data). Every listing
// is valid for the importer. Written as listing files of at most `per_file` activities, each
// file holding its associations whole, so importing keeps memory bounded.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/geo.h"

namespace portal::bench {

struct CorpusConfig {
  size_t size = 10000;     // activities
  uint64_t seed = 1;
  size_t per_file = 5000;  // activities per file (at most)
};

struct CorpusSummary {
  size_t activities = 0;
  size_t associations = 0;
  std::vector<std::filesystem::path> files;
};

// Writes listings-NNNNN.json files into `out` (created if needed; existing listings-*.json
// there are removed first). Throws std::runtime_error when a file cannot be written.
CorpusSummary write_corpus(const CorpusConfig& config, const core::Geo& geo, const std::filesystem::path& out);

// Small deterministic PRNG (splitmix64) shared by the corpus and the query mix.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next();
  size_t below(size_t n);     // uniform in [0, n); n > 0
  double unit();              // uniform in [0, 1)
  bool chance(double p) { return unit() < p; }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

 private:
  uint64_t state_;
};

// ASCII slug of Danish text ("Ældre Sagen" → "aeldre-sagen").
std::string slug(const std::string& text);

}  // namespace portal::bench
