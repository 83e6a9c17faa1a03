#include "bench/write_latency.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "bench/http_session.h"

namespace portal::bench {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

json parse(const HttpResult& r, const std::string& what) {
  auto body = json::parse(r.body, nullptr, false);
  if (r.status < 200 || r.status >= 300 || body.is_discarded()) {
    throw std::runtime_error(what + ": HTTP " + std::to_string(r.status) + " " + r.body.substr(0, 300));
  }
  return body;
}

// The activity page's JSON turned back into the listing format accepted by PUT.
json listing_of(json page) {
  page["association"] = page["association"]["id"];
  for (const char* extra : {"next_occurrences", "freshness", "review"}) page.erase(extra);
  auto& location = page["location"];
  if (location.value("approximate", false)) {
    location.erase("lat");
    location.erase("lon");
  }
  location.erase("approximate");
  location.erase("municipality");
  return page;
}

// A word no listing contains: "zqv" plus letters from the round number and a per-run salt.
std::string marker(uint64_t salt, size_t round) {
  std::string word = "zqv";
  for (uint64_t n = salt * 100000 + round; n > 0; n /= 26) word.push_back(static_cast<char>('a' + n % 26));
  return word;
}

const char* const kReadMix[] = {
    "/api/v1/search?q=g%C3%A5tur",
    "/api/v1/search?q=strik&municipality=0661",
    "/api/v1/search?interest=walking&postcode=7500&radius_km=10&sort=distance",
    "/api/v1/search?q=kor&free=true",
    "/api/v1/search?q=kortspil%20om%20tirsdagen",
    "/api/v1/search?day=tue&time_of_day=morning&page=2",
};

}  // namespace

WriteLatencyResult measure_write_latency(const WriteLatencyConfig& config) {
  HttpSession http(config.base_url);
  for (const auto deadline = Clock::now() + std::chrono::seconds(config.wait_seconds);;) {
    try {
      if (http.get("/healthz").status == 200) break;
    } catch (const std::runtime_error&) {
      // not listening yet
    }
    if (Clock::now() >= deadline) throw std::runtime_error("the server does not answer " + config.base_url + "/healthz");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const json login = parse(
      http.send("POST", "/api/v1/auth/login", json{{"username", config.username}, {"password", config.password}}.dump()),
      "login");
  const std::string token = login.at("token");

  // The activities to edit: the first search results (an editor sees its own first when searching
  // everything is not possible, so it takes what the search gives and keeps those PUT accepts).
  const json found = parse(http.get("/api/v1/search?per_page=100"), "search");
  std::vector<json> originals;
  for (const auto& result : found.at("results")) {
    if (originals.size() >= config.activities) break;
    const std::string id = result.at("id");
    originals.push_back(listing_of(parse(http.get("/api/v1/activities/" + id), "activity " + id)));
  }
  if (originals.empty()) throw std::runtime_error("no activities to edit: import listings first");

  std::atomic<bool> stop{false};
  std::mutex reads_mutex;
  std::vector<double> read_samples;
  std::vector<std::thread> readers;
  const auto read_start = Clock::now();
  for (size_t r = 0; r < config.readers; ++r) {
    readers.emplace_back([&, r] {
      HttpSession reader(config.base_url);
      std::vector<double> mine;
      for (size_t i = r; !stop.load(); ++i) {
        const auto start = Clock::now();
        reader.get(kReadMix[i % std::size(kReadMix)]);
        mine.push_back(ms_since(start));
      }
      std::lock_guard lock(reads_mutex);
      read_samples.insert(read_samples.end(), mine.begin(), mine.end());
    });
  }

  WriteLatencyResult result;
  std::vector<double> put_samples, visible_samples;
  const auto salt = static_cast<uint64_t>(std::chrono::system_clock::now().time_since_epoch().count() / 1000000 % 100000);
  std::exception_ptr failure;
  try {
    for (size_t round = 0; round < config.rounds; ++round) {
      const json& original = originals[round % originals.size()];
      const std::string id = original.at("id");
      const std::string word = marker(salt, round);
      json changed = original;
      changed["description"] = original.value("description", "") + " " + word;
      const auto start = Clock::now();
      parse(http.send("PUT", "/api/v1/activities/" + id, changed.dump(), token), "PUT " + id);
      put_samples.push_back(ms_since(start));
      const std::string query = "/api/v1/search?per_page=1&q=" + word;
      bool seen = false;
      while (ms_since(start) < config.timeout_ms) {
        const json answer = parse(http.get(query), "search " + word);
        if (!answer["results"].empty() && answer["results"][0].value("id", "") == id) {
          seen = true;
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      if (seen) {
        visible_samples.push_back(ms_since(start));
      } else {
        ++result.misses;
      }
    }
  } catch (...) {
    failure = std::current_exception();
  }
  stop = true;
  for (auto& t : readers) t.join();
  result.read_seconds = std::chrono::duration<double>(Clock::now() - read_start).count();
  for (const auto& original : originals) {
    const std::string id = original.at("id");
    const auto restored = http.send("PUT", "/api/v1/activities/" + id, original.dump(), token);
    if (!failure && restored.status != 200) {
      failure = std::make_exception_ptr(std::runtime_error("restoring " + id + ": HTTP " + std::to_string(restored.status)));
    }
  }
  if (failure) std::rethrow_exception(failure);

  result.put = summarize(std::move(put_samples));
  result.visible = summarize(std::move(visible_samples));
  result.reads = summarize(std::move(read_samples));
  return result;
}

}  // namespace portal::bench
