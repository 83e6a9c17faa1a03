#include "search/places.h"

#include <set>
#include <sstream>

#include "search/analyzer.h"
#include "search/lexicon.h"
#include "search_embedded.h"

namespace portal::search {
namespace {

std::string phrase_of(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

Places::Places(const core::Geo& geo, Analyzer& analyzer) : Places(geo, analyzer, std::string(embedded::place_exceptions_txt())) {}

Places::Places(const core::Geo& geo, Analyzer& analyzer, const std::string& exceptions_text) {
  std::set<std::string> exceptions;
  std::istringstream in(exceptions_text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    exceptions.insert(fold_danish(phrase_of(analyzer.words(line))));
  }
  auto add = [&](const std::string& name, const std::string* postcode, const std::string* municipality) {
    const auto words = analyzer.words(name);
    if (words.empty()) return;
    const std::string key = fold_danish(phrase_of(words));
    if (exceptions.count(key) || utf8_length(key) < 3) return;
    Place& place = places_[key];
    if (postcode) place.postcodes.push_back(*postcode);
    if (municipality) place.municipalities.push_back(*municipality);
    longest_ = std::max(longest_, words.size());
  };
  for (const auto& pc : geo.postcodes()) add(pc.name, &pc.code, nullptr);
  for (const auto& m : geo.municipalities()) add(m.name, nullptr, &m.code);
}

const Place* Places::find(const std::string& phrase) const {
  auto it = places_.find(fold_danish(phrase));
  return it == places_.end() ? nullptr : &it->second;
}

std::string Places::weekday_of(const std::string& word) {
  static const std::vector<std::pair<std::string, std::string>> kDays = {
      {"mandag", "mon"}, {"tirsdag", "tue"}, {"onsdag", "wed"}, {"torsdag", "thu"},
      {"fredag", "fri"}, {"lørdag", "sat"},  {"søndag", "sun"}};
  const std::string w = fold_danish(word);
  for (const auto& [base, code] : kDays) {
    // Typed without Danish letters, ø is "oe" (the folded form) or plain "o": lørdag, loerdag, lordag.
    const std::string b = fold_danish(base);
    std::string plain;
    for (size_t i = 0; i < base.size(); ++i) {
      const bool oe = base.compare(i, 2, "ø") == 0;
      plain += oe ? 'o' : base[i];
      i += oe ? 1 : 0;
    }
    for (const char* suffix : {"", "e", "en", "s", "ene", "ens"}) {
      if (w == b + suffix || w == plain + suffix) return code;
    }
  }
  return "";
}

std::string Places::time_of_day_of(const std::string& word) {
  static const std::map<std::string, std::string> kTimes = {
      {"formiddag", "morning"}, {"formiddagen", "morning"}, {"formiddage", "morning"},
      {"morgen", "morning"},    {"morgenen", "morning"},    {"eftermiddag", "afternoon"},
      {"eftermiddagen", "afternoon"}, {"eftermiddage", "afternoon"}, {"aften", "evening"},
      {"aftenen", "evening"},   {"aftener", "evening"},     {"aftnerne", "evening"}};
  auto it = kTimes.find(word);
  return it == kTimes.end() ? "" : it->second;
}

}  // namespace portal::search
