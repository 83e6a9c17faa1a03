// Write-to-searchable latency: how long after an API write starts the change is found by
// search. Talks to a running portal-server; prints nothing itself.
//
// Each round takes one activity, appends a unique made-up word to its description with
// PUT /api/v1/activities/{id}, then polls GET /api/v1/search?q=WORD until that activity is the
// first result (or `timeout_ms` passes: counted as a miss). Optional reader threads search a
// fixed mix meanwhile, so the figure includes read load. Original descriptions are written back
// at the end. Throws std::runtime_error when login or setup fails.
#pragma once

#include <string>
#include <vector>

#include "bench/stats.h"

namespace portal::bench {

struct WriteLatencyConfig {
  std::string base_url = "http://127.0.0.1:8080";
  std::string username;  // a coordinator (may edit any activity) or an association editor
  std::string password;
  size_t rounds = 200;
  size_t activities = 20;  // how many different activities the rounds cycle through
  size_t readers = 0;      // threads searching meanwhile
  int timeout_ms = 5000;
  int wait_seconds = 0;    // first wait until GET /healthz answers 200
};

struct WriteLatencyResult {
  Summary put;       // PUT round trip
  Summary visible;   // from sending the PUT until search finds the new word
  size_t misses = 0; // rounds not searchable within timeout_ms
  Summary reads;     // the readers' searches
  double read_seconds = 0;
};

WriteLatencyResult measure_write_latency(const WriteLatencyConfig& config);

}  // namespace portal::bench
