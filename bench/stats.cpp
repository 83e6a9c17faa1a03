#include "bench/stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace portal::bench {

Summary summarize(std::vector<double> samples) {
  Summary s;
  s.count = samples.size();
  if (samples.empty()) return s;
  std::sort(samples.begin(), samples.end());
  const auto rank = [&](double p) {
    const auto index = static_cast<size_t>(std::ceil(p * static_cast<double>(samples.size())));
    return samples[std::min(samples.size() - 1, index == 0 ? 0 : index - 1)];
  };
  s.mean_ms = std::accumulate(samples.begin(), samples.end(), 0.0) / static_cast<double>(samples.size());
  s.p50_ms = rank(0.50);
  s.p95_ms = rank(0.95);
  s.p99_ms = rank(0.99);
  s.max_ms = samples.back();
  return s;
}

std::string table_header() {
  char line[160];
  std::snprintf(line, sizeof line, "%-28s %7s %9s %9s %9s %9s %9s", "measure", "count", "mean ms", "p50 ms",
                "p95 ms", "p99 ms", "max ms");
  return line;
}

std::string table_row(const std::string& name, const Summary& s) {
  char line[200];
  std::snprintf(line, sizeof line, "%-28s %7zu %9.2f %9.2f %9.2f %9.2f %9.2f", name.c_str(), s.count, s.mean_ms,
                s.p50_ms, s.p95_ms, s.p99_ms, s.max_ms);
  return line;
}

}  // namespace portal::bench
