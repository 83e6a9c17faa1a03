// Latency samples and their summary (nearest-rank percentiles). Not thread-safe.
#pragma once

#include <string>
#include <vector>

namespace portal::bench {

struct Summary {
  size_t count = 0;
  double mean_ms = 0, p50_ms = 0, p95_ms = 0, p99_ms = 0, max_ms = 0;
};

// Nearest-rank percentiles of the samples (milliseconds); all zero when there are none.
Summary summarize(std::vector<double> samples_ms);

// One row of a plain-text table: "name  count  mean  p50  p95  p99  max".
std::string table_header();
std::string table_row(const std::string& name, const Summary& s);

}  // namespace portal::bench
