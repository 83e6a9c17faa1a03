#include "bench/mix.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "bench/corpus.h"
#include "core/text.h"

namespace portal::bench {

namespace {

using nlohmann::json;

const std::vector<std::string> kInterests = {"exercise", "walking", "sports", "dance", "music", "games",
                                             "crafts", "food", "nature", "culture", "reading", "digital",
                                             "social", "visiting_friend", "phone_friend", "trips", "volunteering",
                                             "faith", "support"};
const std::vector<std::string> kTransport = {"public_transport", "parking", "disabled_parking", "pickup", "flextur",
                                             "at_home"};
const std::vector<std::string> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
const std::set<std::string> kStopwords = {
    "og", "i", "på", "til", "med", "for", "af", "en", "et", "der", "det", "den", "de", "du", "vi", "har", "er",
    "som", "om", "at", "kan", "vil", "alle", "dig", "os", "man", "ikke", "eller", "så", "hvis", "fra", "også",
    "efter", "over", "under", "hver", "have", "være", "lidt", "gerne", "bare", "selv", "hvor", "hvad", "mens",
    "ved", "ind", "op", "ud", "sig", "sin", "sine", "min", "din", "jeres", "vores", "hos", "nye", "mere", "meget"};

// Lower-case ASCII and Danish capitals; splits on anything but letters, digits and UTF-8.
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      // Æ Ø Å (C3 86, C3 98, C3 85) → æ ø å
      if (c == 0xC3 && i + 1 < text.size()) {
        unsigned char d = static_cast<unsigned char>(text[i + 1]);
        if (d == 0x86 || d == 0x98 || d == 0x85) d = static_cast<unsigned char>(d + 0x20);
        cur += static_cast<char>(c);
        cur += static_cast<char>(d);
        ++i;
      } else {
        cur += static_cast<char>(c);
      }
    } else if (std::isalnum(c)) {
      cur += static_cast<char>(std::tolower(c));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

size_t utf8_chars(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool good_word(const std::string& w) {
  return utf8_chars(w) >= 4 && !kStopwords.count(w) && !std::isdigit(static_cast<unsigned char>(w[0]));
}

// A plausible typo: two adjacent ASCII letters swapped, or one dropped.
std::string misspell(const std::string& w, Rng& rng) {
  std::vector<size_t> spots;
  for (size_t i = 1; i + 1 < w.size(); ++i) {
    if (static_cast<unsigned char>(w[i]) < 0x80 && static_cast<unsigned char>(w[i + 1]) < 0x80 && w[i] != w[i + 1]) {
      spots.push_back(i);
    }
  }
  if (spots.empty()) return w;
  std::string out = w;
  const size_t i = rng.pick(spots);
  if (rng.chance(0.5)) {
    std::swap(out[i], out[i + 1]);
  } else {
    out.erase(i, 1);
  }
  return out;
}

struct Material {
  std::vector<std::string> title_words;  // with repetition: frequent words come up often
  std::vector<std::string> text_words;
  std::vector<std::string> postcodes;     // with repetition
  std::vector<std::string> municipalities;
  std::vector<std::pair<double, double>> coordinates;
};

Material read_corpus(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("listings-", 0) == 0 && e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  Material m;
  size_t seen = 0;
  for (const auto& f : files) {
    if (seen >= 20000) break;
    std::ifstream in(f, std::ios::binary);
    const json doc = json::parse(in);
    for (const auto& a : doc.at("activities")) {
      ++seen;
      for (auto& w : words(a.at("title").get<std::string>())) {
        if (good_word(w)) m.title_words.push_back(std::move(w));
      }
      if (seen % 4 == 0) {
        for (auto& w : words(a.value("description", ""))) {
          if (good_word(w)) m.text_words.push_back(std::move(w));
        }
      }
      const auto& loc = a.at("location");
      m.postcodes.push_back(loc.at("postcode").get<std::string>());
      if (loc.contains("lat")) m.coordinates.emplace_back(loc.at("lat").get<double>(), loc.at("lon").get<double>());
    }
    for (const auto& a : doc.at("associations")) {
      if (a.contains("municipality")) m.municipalities.push_back(a.at("municipality").get<std::string>());
    }
  }
  if (m.title_words.empty() || m.coordinates.empty() || m.municipalities.empty()) {
    throw std::runtime_error("no listings-*.json with activities in " + dir.string());
  }
  // Sorted for determinism regardless of directory order (already), and the text words trimmed.
  return m;
}

class Builder {
 public:
  Builder(const Material& m, Rng& rng) : m_(m), rng_(rng) {}

  std::string text(size_t max_words, bool typo) {
    const size_t n = 1 + rng_.below(max_words);
    std::string q = rng_.pick(m_.title_words);
    for (size_t i = 1; i < n; ++i) q += " " + (rng_.chance(0.5) ? rng_.pick(m_.title_words) : rng_.pick(m_.text_words));
    if (typo) {
      auto ws = words(q);
      size_t longest = 0;
      for (size_t i = 0; i < ws.size(); ++i) {
        if (ws[i].size() > ws[longest].size()) longest = i;
      }
      ws[longest] = misspell(ws[longest], rng_);
      q.clear();
      for (const auto& w : ws) q += (q.empty() ? "" : " ") + w;
    }
    return q;
  }

  // One filter: interest, transport, municipality, day or free.
  void filter(std::vector<std::pair<std::string, std::string>>& p) {
    switch (rng_.below(5)) {
      case 0: p.emplace_back("interest", rng_.pick(kInterests)); break;
      case 1: p.emplace_back("transport", rng_.pick(kTransport)); break;
      case 2: p.emplace_back("municipality", rng_.pick(m_.municipalities)); break;
      case 3: p.emplace_back("day", rng_.pick(kDays)); break;
      default: p.emplace_back("free", "true"); break;
    }
  }

  std::string radius() { return std::vector<std::string>{"5", "10", "10", "25"}[rng_.below(4)]; }

  std::string near() {
    const auto& [lat, lon] = rng_.pick(m_.coordinates);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f,%.4f", lat, lon);
    return buf;
  }

  std::vector<std::pair<std::string, std::string>> query(size_t kind) {
    std::vector<std::pair<std::string, std::string>> p;
    if (kind < 25) {  // free text, 1-3 words
      p.emplace_back("q", text(3, false));
    } else if (kind < 30) {  // misspelt free text
      p.emplace_back("q", text(2, true));
    } else if (kind < 45) {  // text and one filter
      p.emplace_back("q", text(2, false));
      filter(p);
    } else if (kind < 55) {  // text and two filters
      p.emplace_back("q", text(2, false));
      filter(p);
      filter(p);
    } else if (kind < 65) {  // filters only
      p.emplace_back("interest", rng_.pick(kInterests));
      filter(p);
    } else if (kind < 75) {  // postcode and radius, half with text
      if (rng_.chance(0.5)) p.emplace_back("q", text(2, false));
      p.emplace_back("postcode", rng_.pick(m_.postcodes));
      p.emplace_back("radius_km", radius());
      if (rng_.chance(0.5)) p.emplace_back("sort", "distance");
    } else if (kind < 85) {  // near=lat,lon, radius, sorted by distance; half with text, else an interest
      if (rng_.chance(0.5)) {
        p.emplace_back("q", text(2, false));
      } else {
        p.emplace_back("interest", rng_.pick(kInterests));
      }
      p.emplace_back("near", near());
      p.emplace_back("radius_km", radius());
      p.emplace_back("sort", "distance");
    } else if (kind < 90) {  // postcode area with an interest
      p.emplace_back("postcode", rng_.pick(m_.postcodes));
      p.emplace_back("interest", rng_.pick(kInterests));
    } else {  // paging: pages 2-5 of a text or interest search
      if (rng_.chance(0.7)) {
        p.emplace_back("q", text(1, false));
      } else {
        p.emplace_back("interest", rng_.pick(kInterests));
      }
      p.emplace_back("page", std::to_string(2 + rng_.below(4)));
    }
    // A repeated filter key is merged into one comma-separated value, as the contract allows.
    std::vector<std::pair<std::string, std::string>> merged;
    for (auto& [k, v] : p) {
      auto it = std::find_if(merged.begin(), merged.end(), [&](const auto& e) { return e.first == k; });
      if (it == merged.end()) {
        merged.emplace_back(k, v);
      } else if (k != "free" && (it->second + ",").find(v + ",") == std::string::npos &&
                 it->second.find(v) == std::string::npos) {
        it->second += "," + v;
      }
    }
    return merged;
  }

 private:
  const Material& m_;
  Rng& rng_;
};

}  // namespace

namespace {

// Strict, as the comparators need: a malformed escape names the line.
std::string percent_decode(std::string_view s) {
  auto decoded = core::percent_decode(s, true);
  if (!decoded) throw std::invalid_argument("malformed percent escape in '" + std::string(s) + "'");
  return *decoded;
}

}  // namespace

search::SearchParams decode_query_string(std::string_view line) {
  search::SearchParams params;
  while (!line.empty()) {
    const size_t amp = line.find('&');
    const std::string_view pair = line.substr(0, amp);
    line = amp == std::string_view::npos ? std::string_view() : line.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    const std::string key = percent_decode(pair.substr(0, eq));
    const std::string value = eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1));
    auto [it, inserted] = params.emplace(key, value);
    if (!inserted) it->second += "," + value;
  }
  return params;
}

std::vector<std::string> read_mix(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  }
  if (lines.empty()) throw std::runtime_error(file.string() + " holds no queries");
  return lines;
}

std::vector<std::string> make_mix(const std::filesystem::path& corpus_dir, const MixConfig& config) {
  const Material material = read_corpus(corpus_dir);
  Rng rng(config.seed ^ 0x6d6978ULL);
  Builder builder(material, rng);
  std::vector<std::string> lines;
  lines.reserve(config.count);
  for (size_t i = 0; i < config.count; ++i) {
    std::string line;
    for (const auto& [k, v] : builder.query(rng.below(100))) {
      line += (line.empty() ? "" : "&") + k + "=" + core::percent_encode(v);
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace portal::bench
