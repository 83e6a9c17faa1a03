#include "api/search_misses.h"

#include <spdlog/spdlog.h>

#include "core/privacy.h"

namespace portal::api {
namespace {

constexpr size_t kMaxQueryBytes = 200;

// ASCII and Æ Ø Å lower-cased, runs of white space as one space, trimmed, cut at 200 bytes on a
// character boundary.
std::string normalise(const std::string& text) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    if (c == 0xC3 && i + 1 < text.size()) {  // Æ Ø Å → æ ø å
      const auto next = static_cast<unsigned char>(text[i + 1]);
      out += static_cast<char>(c);
      out += static_cast<char>(next == 0x86 || next == 0x98 || next == 0x85 ? next + 0x20 : next);
      ++i;
      continue;
    }
    out += static_cast<char>(c);
  }
  if (out.size() > kMaxQueryBytes) {
    size_t cut = kMaxQueryBytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

}  // namespace

SearchMissCounter::SearchMissCounter(const core::Geo& geo, Sink sink) : geo_(geo), sink_(std::move(sink)) {}

std::string SearchMissCounter::query_of(const search::SearchRequest& request) {
  if (core::contains_cpr(request.q)) return {};
  std::string query = normalise(request.q);
  if (query.empty()) {
    for (const auto& interest : request.interests) query += (query.empty() ? "" : ",") + interest;
    if (query.size() > kMaxQueryBytes) query.clear();
  }
  return query;
}

void SearchMissCounter::record(const search::SearchRequest& request, uint64_t total, core::Date day) {
  if (total != 0) return;
  std::string query = query_of(request);
  if (query.empty()) return;
  std::string municipality;
  if (request.municipalities.size() == 1) {
    municipality = request.municipalities.front();
  } else if (request.postcode) {
    if (const auto* p = geo_.postcode(*request.postcode)) municipality = p->municipality;
  }
  std::lock_guard lock(mu_);
  Key key{day.days, std::move(municipality), std::move(query)};
  if (const auto it = pending_.find(key); it != pending_.end()) {
    ++it->second;
  } else if (pending_.size() < kMaxKeys) {
    pending_.emplace(std::move(key), 1);
  } else {
    ++dropped_;
  }
}

void SearchMissCounter::flush() {
  std::map<Key, int64_t> batch;
  size_t dropped = 0;
  {
    std::lock_guard lock(mu_);
    batch.swap(pending_);
    std::swap(dropped, dropped_);
  }
  if (dropped > 0) spdlog::warn("search misses: {} zero-result searches not counted (counter full)", dropped);
  if (batch.empty()) return;
  std::vector<store::SearchMiss> misses;
  misses.reserve(batch.size());
  for (const auto& [key, count] : batch) {
    misses.push_back({core::Date{std::get<0>(key)}, std::get<1>(key), std::get<2>(key), count});
  }
  try {
    sink_(misses);
  } catch (...) {
    std::lock_guard lock(mu_);
    for (auto& [key, count] : batch) {
      if (const auto it = pending_.find(key); it != pending_.end()) {
        it->second += count;
      } else if (pending_.size() < kMaxKeys) {
        pending_.emplace(key, count);
      }
    }
    throw;
  }
}

}  // namespace portal::api
