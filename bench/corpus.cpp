#include "bench/corpus.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "bench_embedded.h"

namespace portal::bench {

using ojson = nlohmann::ordered_json;
using nlohmann::json;

uint64_t Rng::next() {
  uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

size_t Rng::below(size_t n) {
  __extension__ using U128 = unsigned __int128;  // multiply-shift: no modulo bias worth noting
  return static_cast<size_t>((static_cast<U128>(next()) * n) >> 64);
}

double Rng::unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

std::string slug(const std::string& text) {
  static const std::pair<const char*, const char*> kFold[] = {
      {"æ", "ae"}, {"Æ", "ae"}, {"ø", "oe"}, {"Ø", "oe"}, {"å", "aa"}, {"Å", "aa"},
      {"é", "e"},  {"É", "e"},  {"ü", "u"},  {"ö", "oe"}, {"ä", "ae"}};
  std::string out;
  bool dash = false;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    std::string piece;
    if (c < 0x80) {
      piece = std::string(1, static_cast<char>(std::tolower(c)));
      ++i;
    } else {
      size_t len = (c >= 0xf0) ? 4 : (c >= 0xe0) ? 3 : 2;
      const std::string ch = text.substr(i, len);
      for (const auto& [from, to] : kFold) {
        if (ch == from) piece = to;
      }
      i += len;
    }
    for (char p : piece) {
      if ((p >= 'a' && p <= 'z') || (p >= '0' && p <= '9')) {
        if (dash && !out.empty()) out += '-';
        dash = false;
        out += p;
      } else {
        dash = true;
      }
    }
    if (piece.empty()) dash = true;
  }
  return out.empty() ? "x" : out;
}

namespace {

struct Template {
  std::vector<std::string> titles, core, extra, interests, interests_opt, targets, targets_opt, days, prices, venues,
      accessibility, notes;
  std::vector<std::pair<std::string, std::string>> times;
  double sched[4] = {80, 10, 10, 0};
  double pickup = 0, welcome = 0.5;
  bool home = false;
};

struct Kind {
  std::vector<std::string> names, descriptions;
  std::vector<size_t> core, opt;
  std::vector<std::string> venue_pref;
  double weight = 1;
};

struct Vocab {
  std::vector<Template> templates;
  std::vector<Kind> kinds;
  std::vector<double> kind_weights;
  std::vector<std::string> first_f, first_m, surnames, mobile, general, generic_notes, streets;
  std::map<std::string, std::vector<std::string>> conditional, venues;
};

std::vector<std::string> strings(const json& j) { return j.get<std::vector<std::string>>(); }

Vocab load_vocab() {
  const json j = json::parse(embedded::corpus_vocabulary());
  Vocab v;
  for (const auto& t : j.at("templates")) {
    Template x;
    x.titles = strings(t.at("titles"));
    x.core = strings(t.at("core"));
    x.extra = strings(t.at("extra"));
    x.interests = strings(t.at("int"));
    x.interests_opt = strings(t.at("int_opt"));
    x.targets = strings(t.at("tg"));
    x.targets_opt = strings(t.at("tg_opt"));
    x.days = strings(t.at("days"));
    x.prices = strings(t.at("price"));
    x.venues = strings(t.at("venue"));
    x.accessibility = strings(t.at("acc"));
    x.notes = strings(t.at("notes"));
    for (const auto& p : t.at("times")) x.times.emplace_back(p.at(0).get<std::string>(), p.at(1).get<std::string>());
    for (int i = 0; i < 4; ++i) x.sched[i] = t.at("sched").at(static_cast<size_t>(i)).get<double>();
    x.pickup = t.at("pickup").get<double>();
    x.welcome = t.at("welcome").get<double>();
    x.home = t.at("home").get<bool>();
    v.templates.push_back(std::move(x));
  }
  for (const auto& k : j.at("kinds")) {
    Kind x;
    x.names = strings(k.at("names"));
    x.descriptions = strings(k.at("adesc"));
    x.core = k.at("core").get<std::vector<size_t>>();
    x.opt = k.at("opt").get<std::vector<size_t>>();
    x.venue_pref = strings(k.at("venue_pref"));
    x.weight = k.at("weight").get<double>();
    v.kind_weights.push_back(x.weight);
    v.kinds.push_back(std::move(x));
  }
  v.first_f = strings(j.at("first_f"));
  v.first_m = strings(j.at("first_m"));
  v.surnames = strings(j.at("surnames"));
  v.mobile = strings(j.at("mobile_prefix"));
  v.general = strings(j.at("general_sentences"));
  v.generic_notes = strings(j.at("generic_notes"));
  v.streets = strings(j.at("streets"));
  for (const auto& [key, list] : j.at("conditional_sentences").items()) v.conditional[key] = strings(list);
  for (const auto& [key, list] : j.at("venues").items()) v.venues[key] = strings(list);
  return v;
}

size_t weighted(Rng& rng, const std::vector<double>& weights) {
  double total = 0;
  for (double w : weights) total += w;
  double x = rng.unit() * total;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return weights.size() - 1;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
}

size_t word_count(const std::string& s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

double round5(double x) { return std::round(x * 1e5) / 1e5; }

struct Person {
  std::string first, name, phone, email;
};

class Generator {
 public:
  Generator(const CorpusConfig& config, const core::Geo& geo) : config_(config), vocab_(load_vocab()), rng_(config.seed) {
    std::map<std::string, std::vector<const core::Postcode*>> by_municipality;
    for (const auto& pc : geo.postcodes()) by_municipality[pc.municipality].push_back(&pc);
    for (const auto& m : geo.municipalities()) {
      auto it = by_municipality.find(m.code);
      if (it == by_municipality.end()) continue;
      municipalities_.push_back({&m, it->second});
      municipality_weights_.push_back(2.0 + std::sqrt(static_cast<double>(it->second.size())));
    }
  }

  // Appends one association and its activities to the file being built.
  size_t association(ojson& associations, ojson& activities, size_t remaining) {
    const auto& [municipality, postcodes] = municipalities_[weighted(rng_, municipality_weights_)];
    const core::Postcode& pc = *postcodes[rng_.below(postcodes.size())];
    const Kind& kind = vocab_.kinds[weighted(rng_, vocab_.kind_weights)];
    place_ = pc.name;
    town_ = municipality->name;
    const std::string name = fill(rng_.pick(kind.names), "", "");
    const std::string id = slug(name).substr(0, 80) + "-" + std::to_string(++associations_);
    ojson a;
    a["id"] = id;
    a["name"] = name;
    a["description"] = fill(rng_.pick(kind.descriptions), "", "");
    a["municipality"] = municipality->code;
    if (rng_.chance(0.4)) a["website"] = "https://www." + slug(name).substr(0, 40) + ".dk";
    if (rng_.chance(0.6)) a["email"] = "kontakt@" + slug(name).substr(0, 40) + ".dk";
    a["phone"] = phone();
    associations.push_back(std::move(a));

    // 2-8 activities (mean 5): the kind's core templates first, then its optional ones.
    const size_t want = std::min(remaining, 2 + rng_.below(7));
    std::vector<size_t> plan = kind.core;
    for (size_t i = 0; i < kind.opt.size() && plan.size() < want; ++i) plan.push_back(kind.opt[rng_.below(kind.opt.size())]);
    while (plan.size() < want) plan.push_back(plan[rng_.below(plan.size())]);
    plan.resize(want);
    const Venue home = venue(kind.venue_pref.empty() ? std::vector<std::string>{"medborger", "aktiv", "sogn", "kultur"}
                                                     : kind.venue_pref,
                             pc);
    for (size_t i = 0; i < plan.size(); ++i) {
      activities.push_back(activity(id + "-" + std::to_string(i + 1), id, vocab_.templates[plan[i]], pc, home));
    }
    return plan.size();
  }

 private:
  struct Venue {
    std::string type, name, address;
    double lat = 0, lon = 0;
  };

  std::string fill(std::string s, const std::string& cf, const std::string& venue_name) {
    replace_all(s, "{place}", place_);
    replace_all(s, "{town}", town_);
    replace_all(s, "{museum}", town_ + " Museum");
    replace_all(s, "{venue}", venue_name.empty() ? "Medborgerhuset" : venue_name);
    replace_all(s, "{cf}", cf.empty() ? "os" : cf);
    return s;
  }

  std::string phone(const std::string& prefix = "") {
    char buf[32];
    std::snprintf(buf, sizeof buf, "+45 %s %02zu %02zu %02zu", prefix.empty() ? rng_.pick(vocab_.mobile).c_str() : prefix.c_str(),
                  10 + rng_.below(90), rng_.below(100), rng_.below(100));
    return buf;
  }

  Person person() {
    Person p;
    const bool female = rng_.chance(0.58);
    p.first = rng_.pick(female ? vocab_.first_f : vocab_.first_m);
    const std::string last = rng_.pick(vocab_.surnames);
    p.name = p.first + " " + last;
    p.phone = phone();
    p.email = slug(p.first) + "." + slug(last) + std::to_string(rng_.below(100)) + "@mail.dk";
    replace_all(p.email, "-", ".");
    return p;
  }

  Venue venue(const std::vector<std::string>& types, const core::Postcode& pc) {
    Venue v;
    v.type = rng_.pick(types);
    auto it = vocab_.venues.find(v.type);
    v.name = fill(it == vocab_.venues.end() ? "Medborgerhuset" : rng_.pick(it->second), "", "");
    v.address = rng_.pick(vocab_.streets) + " " + std::to_string(1 + rng_.below(120));
    // Uniform in a disc of 2 km around the postcode's coordinate.
    const double d = 2.0 * std::sqrt(rng_.unit());
    const double angle = rng_.unit() * 2 * M_PI;
    v.lat = round5(pc.coordinate.lat + d * std::cos(angle) / 111.32);
    v.lon = round5(pc.coordinate.lon + d * std::sin(angle) / (111.32 * std::cos(pc.coordinate.lat * M_PI / 180)));
    return v;
  }

  ojson schedule(const Template& t, ojson& out) {
    // Weekly dominates; fortnightly/monthly damped as in the demo generator.
    const size_t freq = weighted(rng_, {t.sched[0], t.sched[1] * 0.6, t.sched[2] * 0.75, t.sched[3]});
    ojson note;
    if (freq == 3 || t.days.empty() || t.times.empty()) {
      if (!t.notes.empty()) note = rng_.pick(t.notes);
      return note;
    }
    const auto& [start, end] = rng_.pick(t.times);
    ojson entry;
    entry["weekday"] = rng_.pick(t.days);
    entry["start"] = start;
    entry["end"] = end;
    if (freq == 1) entry["every_weeks"] = 2;
    if (freq == 2) entry["week_of_month"] = std::vector<int>{1, 1, 1, 2, 3, 4, -1, -1}[rng_.below(8)];
    out.push_back(entry);
    if (freq == 0 && rng_.chance(0.12)) {  // some meet twice a week
      ojson second = entry;
      second["weekday"] = rng_.pick(t.days);
      if (second["weekday"] != entry["weekday"]) out.push_back(second);
    }
    if (rng_.chance(0.2)) note = rng_.pick(t.notes.empty() ? vocab_.generic_notes : t.notes);
    return note;
  }

  void price(const Template& t, ojson& a) {
    if (rng_.chance(0.12)) return;  // unknown
    const std::string kind = t.prices.empty() ? "free" : rng_.pick(t.prices);
    auto one = [&](std::vector<int> v) { return v[rng_.below(v.size())]; };
    int p = 0;
    std::string note;
    if (kind == "free") {
      note = rng_.chance(0.5) ? "" : "Gratis – kaffe på kanden";
    } else if (kind == "coffee") {
      p = one({10, 10, 15, 20, 20, 25});
      note = "Kaffe og kage " + std::to_string(p) + " kr.";
    } else if (kind == "per") {
      p = one({20, 25, 30, 30, 35, 40, 50, 60});
      note = std::to_string(p) + " kr. pr. gang";
    } else if (kind == "member") {
      p = one({100, 125, 150, 150, 175, 200, 200, 250, 250, 300, 350});
      note = "Kontingent " + std::to_string(p) + " kr. om året";
    } else if (kind == "season") {
      p = one({250, 300, 325, 350, 400, 450});
      note = "Sæsonpris " + std::to_string(p) + " kr.";
    } else if (kind == "meal") {
      p = one({40, 45, 50, 60, 65, 70, 75, 80, 90, 95, 110});
      note = std::to_string(p) + " kr. for mad og kaffe";
    } else {
      p = one({150, 175, 200, 250, 275, 300, 350, 395, 425, 450});
      note = std::to_string(p) + " kr. inkl. bus, frokost og kaffe";
    }
    a["price_dkk"] = p;
    if (!note.empty()) a["price_note"] = note;
  }

  ojson activity(const std::string& id, const std::string& association, const Template& t, const core::Postcode& pc,
                 const Venue& home) {
    const Person contact = person();
    const Venue v = (!t.venues.empty() && !(rng_.chance(0.6) && std::find(t.venues.begin(), t.venues.end(), home.type) != t.venues.end()))
                        ? venue(t.venues, pc)
                        : home;
    ojson a;
    a["id"] = id;
    a["association"] = association;
    a["title"] = fill(rng_.pick(t.titles), contact.first, v.name);

    // Transport and accessibility codes.
    std::vector<std::string> transport, access = t.accessibility;
    if (t.home) {
      transport.push_back("at_home");
    } else {
      if (rng_.chance(0.6)) transport.push_back("public_transport");
      if (rng_.chance(0.7)) transport.push_back("parking");
      if (rng_.chance(0.25)) transport.push_back("disabled_parking");
      if (rng_.chance(t.pickup)) transport.push_back("pickup");
      if (rng_.chance(0.2)) transport.push_back("flextur");
      static const std::vector<std::string> kOutdoor = {"natur", "strand", "have"};
      if (std::find(kOutdoor.begin(), kOutdoor.end(), v.type) == kOutdoor.end()) {
        if (rng_.chance(0.65)) access.push_back("wheelchair");
        if (rng_.chance(0.5)) access.push_back("accessible_toilet");
        if (rng_.chance(0.2)) access.push_back("hearing_loop");
      }
    }
    std::sort(access.begin(), access.end());
    access.erase(std::unique(access.begin(), access.end()), access.end());
    const bool welcome = rng_.chance(t.welcome);

    // Description: a core sentence, then extra, conditional and general sentences until 20-80 words.
    std::string description = fill(rng_.pick(t.core), contact.first, v.name);
    std::vector<std::string> more;
    for (size_t i = 0; i < t.extra.size(); ++i) {
      if (rng_.chance(0.5)) more.push_back(t.extra[i]);
    }
    auto conditional = [&](const char* key) {
      auto it = vocab_.conditional.find(key);
      if (it != vocab_.conditional.end()) more.push_back(rng_.pick(it->second));
    };
    for (const auto& code : transport) {
      if ((code == "pickup" || code == "flextur" || code == "public_transport") && rng_.chance(0.5)) conditional(code.c_str());
    }
    if (welcome) conditional(t.home ? "welcome_home" : "welcome");
    more.push_back(rng_.pick(vocab_.general));
    more.push_back(rng_.pick(vocab_.general));
    for (const auto& s : more) {
      const std::string sentence = fill(s, contact.first, v.name);
      const size_t words = word_count(description);
      if (words >= 20 && rng_.chance(0.3)) break;
      if (words + word_count(sentence) > 80) continue;
      if (description.find(sentence) == std::string::npos) description += " " + sentence;
    }
    for (int tries = 0; tries < 30 && word_count(description) < 20; ++tries) {  // short templates
      const std::string& sentence = rng_.pick(vocab_.general);
      if (description.find(sentence) == std::string::npos) description += " " + sentence;
    }
    a["description"] = description;

    std::vector<std::string> interests = t.interests;
    if (!t.interests_opt.empty() && interests.size() < 3 && rng_.chance(0.5)) interests.push_back(rng_.pick(t.interests_opt));
    interests.erase(std::unique(interests.begin(), interests.end()), interests.end());
    std::vector<std::string> targets = t.targets;
    if (!t.targets_opt.empty() && rng_.chance(0.4)) targets.push_back(rng_.pick(t.targets_opt));
    std::sort(targets.begin(), targets.end());
    targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
    a["interests"] = interests;
    a["target_groups"] = targets;

    ojson location;
    if (!t.home) {
      location["name"] = v.name;
      location["address"] = v.address;
    }
    location["postcode"] = pc.code;
    location["city"] = pc.name;
    location["lat"] = t.home ? round5(pc.coordinate.lat) : v.lat;
    location["lon"] = t.home ? round5(pc.coordinate.lon) : v.lon;
    a["location"] = location;

    ojson sched = ojson::array();
    const ojson note = schedule(t, sched);
    if (!sched.empty()) a["schedule"] = sched;
    if (!note.is_null()) a["schedule_note"] = note;
    a["transport"] = transport;
    a["accessibility"] = access;
    price(t, a);
    ojson c;
    c["name"] = contact.name;
    c["phone"] = contact.phone;
    if (rng_.chance(0.5)) c["email"] = contact.email;
    a["contact"] = c;
    a["welcome"] = welcome;
    return a;
  }

  const CorpusConfig& config_;
  Vocab vocab_;
  Rng rng_;
  std::vector<std::pair<const core::Municipality*, std::vector<const core::Postcode*>>> municipalities_;
  std::vector<double> municipality_weights_;
  size_t associations_ = 0;
  std::string place_, town_;
};

}  // namespace

CorpusSummary write_corpus(const CorpusConfig& config, const core::Geo& geo, const std::filesystem::path& out) {
  namespace fs = std::filesystem;
  fs::create_directories(out);
  for (const auto& entry : fs::directory_iterator(out)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("listings-", 0) == 0 && entry.path().extension() == ".json") fs::remove(entry.path());
  }
  Generator gen(config, geo);
  CorpusSummary summary;
  const size_t per_file = std::max<size_t>(config.per_file, 8);
  while (summary.activities < config.size) {
    ojson associations = ojson::array(), activities = ojson::array();
    size_t in_file = 0;
    // An association has at most 8 activities, so a file stays within per_file.
    while (summary.activities < config.size && in_file + 8 <= per_file) {
      const size_t n = gen.association(associations, activities, config.size - summary.activities);
      in_file += n;
      summary.activities += n;
      ++summary.associations;
    }
    char name[32];
    std::snprintf(name, sizeof name, "listings-%05zu.json", summary.files.size() + 1);
    const fs::path path = out / name;
    std::ofstream file(path, std::ios::binary);
    ojson doc;
    doc["associations"] = std::move(associations);
    doc["activities"] = std::move(activities);
    file << doc.dump(1) << '\n';
    if (!file) throw std::runtime_error("cannot write " + path.string());
    summary.files.push_back(path);
  }
  return summary;
}

}  // namespace portal::bench
