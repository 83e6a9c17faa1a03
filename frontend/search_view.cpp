#include "frontend/search_view.h"

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"

namespace portal::frontend {
namespace {

using nlohmann::json;

const std::map<std::string, std::string, std::less<>>& weekdays() {
  static const std::map<std::string, std::string, std::less<>> kDays = {
      {"mon", "mandag"}, {"tue", "tirsdag"}, {"wed", "onsdag"}, {"thu", "torsdag"},
      {"fri", "fredag"}, {"sat", "lørdag"},  {"sun", "søndag"}};
  return kDays;
}

const char* const kMonths[] = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                               "juli",   "august",  "september", "oktober", "november", "december"};

std::string str(const json& object, const char* key) {
  if (!object.is_object()) return "";
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// "10:00" → "10.00" (the Danish way of writing a time).
std::string clock(const std::string& hhmm) {
  std::string out = hhmm;
  for (auto& c : out) {
    if (c == ':') c = '.';
  }
  return out;
}

std::string time_span(const json& entry) {
  const std::string start = str(entry, "start");
  if (start.empty()) return "";
  const std::string end = str(entry, "end");
  return "kl. " + clock(start) + (end.empty() ? "" : "–" + clock(end));
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// A number with a Danish decimal comma: 2.3 → "2,3"; whole numbers without decimals.
std::string danish_number(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string out = buf;
  for (auto& c : out) {
    if (c == '.') c = ',';
  }
  return out;
}

std::string coordinate_text(const json& value) {
  if (!value.is_number()) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", value.get<double>());
  return buf;
}

json labels(const core::Vocabulary& vocabulary, core::CodeKind kind, const json& codes) {
  json out = json::array();
  if (!codes.is_array()) return out;
  for (const auto& code : codes) {
    if (code.is_string()) out.push_back(vocabulary.label_da(kind, code.get<std::string>()));
  }
  return out;
}

std::string joined(const json& list, const char* separator) {
  std::string out;
  for (const auto& item : list) {
    if (!out.empty()) out += separator;
    out += item.get<std::string>();
  }
  return out;
}

std::string next_text(const json& next) {
  const std::string date = str(next, "date");
  if (date.size() != 10) return "";
  const int month = std::atoi(date.substr(5, 2).c_str());
  const int day = std::atoi(date.substr(8, 2).c_str());
  if (month < 1 || month > 12 || day < 1) return "";
  std::string text = "Næste gang: ";
  const std::string weekday = weekday_name(str(next, "weekday"));
  if (!weekday.empty()) text += weekday + " ";
  text += std::to_string(day) + ". " + kMonths[month - 1];
  const std::string span = time_span(next);
  return span.empty() ? text : text + " " + span;
}

}  // namespace

std::string weekday_name(const std::string& code) {
  const auto it = weekdays().find(code);
  return it == weekdays().end() ? code : it->second;
}

std::string schedule_line(const json& entry) {
  const std::string day = weekday_name(str(entry, "weekday"));
  std::string when;
  const int week_of_month = entry.is_object() && entry.value("week_of_month", json()).is_number_integer()
                                ? entry["week_of_month"].get<int>()
                                : 0;
  const int every = entry.is_object() && entry.value("every_weeks", json()).is_number_integer()
                        ? entry["every_weeks"].get<int>()
                        : 1;
  if (week_of_month == -1) {
    when = "Sidste " + day + " i måneden";
  } else if (week_of_month > 0) {
    when = std::to_string(week_of_month) + ". " + day + " i måneden";
  } else if (every > 1) {
    when = capitalised(day) + " hver " + std::to_string(every) + ". uge";
  } else {
    when = "Hver " + day;
  }
  const std::string span = time_span(entry);
  return span.empty() ? when : when + " " + span;
}

std::string price_text(const json& result) {
  const auto it = result.is_object() ? result.find("price_dkk") : result.end();
  if (!result.is_object() || it == result.end() || !it->is_number()) return "Pris ikke oplyst";
  const double price = it->get<double>();
  if (price == 0) return "Gratis";
  const bool whole = std::floor(price) == price;
  return danish_number(price, whole ? 0 : 2) + " kr.";
}

std::string distance_text(double km, bool approximate) {
  return std::string(approximate ? "Cirka " : "") + danish_number(km, km < 10 ? 1 : 0) + " km væk";
}

std::string transport_words(const core::Vocabulary& vocabulary, const std::string& code) {
  // Plain words from the citizen's side; other codes use the vocabulary's label.
  static const std::map<std::string, std::string, std::less<>> kWords = {
      {"public_transport", "Bus eller tog holder tæt på"},
      {"pickup", "Du kan blive hentet"},
      {"at_home", "Foregår hjemme hos dig, i telefonen eller på nettet"},
      {"flextur", "Du kan komme med Flextur"},
      {"parking", "Der er parkering"},
      {"disabled_parking", "Der er handicapparkering"}};
  const auto it = kWords.find(code);
  return it != kWords.end() ? it->second : vocabulary.label_da(core::CodeKind::transport, code);
}

json result_view(const json& r, const core::Vocabulary& vocabulary) {
  const json empty = json::object();
  const json& loc = r.is_object() && r.contains("location") && r["location"].is_object() ? r["location"] : empty;
  const std::string id = str(r, "id");
  json view = {
      {"id", id},
      {"title", str(r, "title").empty() ? "Aktivitet" : str(r, "title")},
      {"url", "/aktivitet/" + id},
      {"association", r.is_object() && r.contains("association") ? str(r["association"], "name") : ""},
      {"snippet", str(r, "snippet")},
  };
  view["interests"] = joined(labels(vocabulary, core::CodeKind::interest,
                                    r.is_object() ? r.value("interests", json::array()) : json::array()),
                             ", ");

  json where = json::array();
  for (const std::string& line :
       {str(loc, "name"), str(loc, "address"),
        str(loc, "postcode") + (str(loc, "city").empty() ? "" : " " + str(loc, "city"))}) {
    if (!line.empty() && line != " ") where.push_back(line);
  }
  view["where"] = where;
  const bool approximate = loc.value("approximate", false) == true;
  view["distance"] = r.is_object() && r.contains("distance_km") && r["distance_km"].is_number()
                         ? distance_text(r["distance_km"].get<double>(), approximate)
                         : "";

  json when = json::array();
  if (r.is_object() && r.contains("schedule") && r["schedule"].is_array()) {
    for (const auto& entry : r["schedule"]) when.push_back(schedule_line(entry));
  }
  if (when.empty()) when.push_back("Efter aftale");
  view["when"] = when;
  view["schedule_note"] = str(r, "schedule_note");
  view["next"] = r.is_object() && r.contains("next_occurrence") ? next_text(r["next_occurrence"]) : "";

  json transport = json::array();
  if (r.is_object() && r.contains("transport") && r["transport"].is_array()) {
    for (const auto& code : r["transport"]) {
      if (code.is_string()) transport.push_back(transport_words(vocabulary, code.get<std::string>()));
    }
  }
  view["transport"] = transport;
  view["accessibility"] = labels(vocabulary, core::CodeKind::accessibility,
                                 r.is_object() ? r.value("accessibility", json::array()) : json::array());
  view["has_transport"] = !view["transport"].empty();
  view["has_accessibility"] = !view["accessibility"].empty();
  view["price"] = price_text(r);
  view["price_note"] = str(r, "price_note");
  view["welcome"] = r.is_object() && r.value("welcome", json(false)) == true;
  view["lat"] = coordinate_text(loc.value("lat", json()));
  view["lon"] = coordinate_text(loc.value("lon", json()));
  view["has_map"] = !view["lat"].get<std::string>().empty() && !view["lon"].get<std::string>().empty();
  // Mustache renders a section for any string, even an empty one: what is not known is false.
  for (const char* key : {"association", "snippet", "interests", "distance", "schedule_note", "next", "price_note"}) {
    if (view[key] == "") view[key] = false;
  }
  return view;
}

// --- the search page ---------------------------------------------------------------------------

namespace {

// Parameters in URL order; lists hold several values.
const std::vector<std::string>& param_order() {
  static const std::vector<std::string> kOrder = {"q",         "interest",      "target",     "municipality",
                                                  "postcode",  "near",          "radius_km",  "transport",
                                                  "accessibility", "day",       "time_of_day", "free",
                                                  "sort",      "per_page",      "page"};
  return kOrder;
}

bool is_list(const std::string& name) {
  static const std::set<std::string> kLists = {"interest", "target", "transport", "accessibility", "day", "time_of_day"};
  return kLists.count(name) > 0;
}

}  // namespace

SearchState SearchState::from_params(const std::map<std::string, std::string>& params) {
  SearchState state;
  for (const auto& name : param_order()) {
    const auto it = params.find(name);
    if (it == params.end()) continue;
    std::vector<std::string> values;
    if (is_list(name)) {
      std::string item;
      std::string text = it->second + ",";
      for (const char c : text) {
        if (c != ',') {
          item += c;
          continue;
        }
        const auto b = item.find_first_not_of(' ');
        if (b != std::string::npos) {
          item = item.substr(b, item.find_last_not_of(' ') - b + 1);
          if (std::find(values.begin(), values.end(), item) == values.end()) values.push_back(item);
        }
        item.clear();
      }
    } else {
      std::string v = it->second;
      const auto b = v.find_first_not_of(' ');
      if (b != std::string::npos) values.push_back(v.substr(b, v.find_last_not_of(' ') - b + 1));
    }
    if (!values.empty()) state.values_[name] = std::move(values);
  }
  const bool place = state.values_.count("postcode") || state.values_.count("near");
  if (!place) state.values_.erase("radius_km");
  if (!place && state.value("sort") == "distance") state.values_.erase("sort");
  if (state.value("sort") == "relevance") state.values_.erase("sort");
  if (state.value("page") == "1") state.values_.erase("page");
  if (state.value("free") == "false") state.values_.erase("free");
  return state;
}

const std::vector<std::string>& SearchState::values(const std::string& name) const {
  static const std::vector<std::string> kNone;
  const auto it = values_.find(name);
  return it == values_.end() ? kNone : it->second;
}

std::string SearchState::value(const std::string& name) const {
  const auto& v = values(name);
  return v.empty() ? "" : v.front();
}

bool SearchState::has(const std::string& name, const std::string& value) const {
  const auto& v = values(name);
  return std::find(v.begin(), v.end(), value) != v.end();
}

SearchState SearchState::without(const std::string& name) const {
  SearchState copy = *this;
  copy.values_.erase(name);
  return copy;
}

SearchState SearchState::without(const std::string& name, const std::string& value) const {
  SearchState copy = *this;
  auto& v = copy.values_[name];
  v.erase(std::remove(v.begin(), v.end(), value), v.end());
  if (v.empty()) copy.values_.erase(name);
  return copy;
}

SearchState SearchState::with(const std::string& name, const std::string& value) const {
  SearchState copy = *this;
  copy.values_[name] = {value};
  return copy;
}

std::string SearchState::url() const {
  std::string query;
  for (const auto& name : param_order()) {
    const auto it = values_.find(name);
    if (it == values_.end()) continue;
    std::string joined;
    for (const auto& v : it->second) joined += (joined.empty() ? "" : ",") + core::percent_encode(v, ",");
    query += (query.empty() ? "?" : "&") + name + "=" + joined;
  }
  return "/" + query;
}

std::map<std::string, std::string> SearchState::params() const {
  std::map<std::string, std::string> out;
  for (const auto& [name, v] : values_) {
    std::string joined;
    for (const auto& item : v) joined += (joined.empty() ? "" : ",") + item;
    out[name] = joined;
  }
  return out;
}

bool SearchState::empty() const {
  for (const auto& [name, v] : values_) {
    if (name != "page" && name != "sort" && name != "per_page") return false;
  }
  return true;
}

std::string count_text(uint64_t total) {
  return std::to_string(total) + (total == 1 ? " aktivitet" : " aktiviteter");
}

namespace {

uint64_t facet_count(const json& answer, const char* facet, const std::string& code) {
  if (!answer.is_object() || !answer.contains("facets")) return 0;
  const json& f = answer["facets"];
  if (!f.is_object() || !f.contains(facet) || !f[facet].is_object()) return 0;
  const auto it = f[facet].find(code);
  return it != f[facet].end() && it->is_number_integer() && it->get<int64_t>() > 0 ? it->get<uint64_t>() : 0;
}

// Citizen wording of the transport choices; the vocabulary label for the rest.
std::string transport_choice(const core::Vocabulary& vocabulary, const std::string& code) {
  static const std::map<std::string, std::string, std::less<>> kChoices = {
      {"public_transport", "Jeg kan tage bussen eller toget"},
      {"pickup", "Jeg skal hentes"},
      {"at_home", "Det foregår hjemme hos mig"},
      {"flextur", "Jeg kan tage Flextur"},
      {"parking", "Jeg kommer i bil"},
      {"disabled_parking", "Jeg har brug for handicapparkering"}};
  const auto it = kChoices.find(code);
  return it != kChoices.end() ? it->second : vocabulary.label_da(core::CodeKind::transport, code);
}

// Checkbox options of a list parameter: {"name","code","label","id","checked","count"}.
json options(const SearchState& state, const json& answer, const std::string& name, const char* facet,
             const std::vector<std::pair<std::string, std::string>>& codes) {
  json out = json::array();
  const bool counted = facet != nullptr && answer.is_object();
  for (const auto& [code, label] : codes) {
    json o = {{"name", name},      {"code", code}, {"label", label}, {"id", name + "-" + code},
              {"checked", state.has(name, code)}, {"count", false}};
    if (counted) o["count"] = std::to_string(facet_count(answer, facet, code));
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> labelled(const core::Vocabulary& vocabulary, core::CodeKind kind) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& code : vocabulary.codes(kind)) out.emplace_back(code, vocabulary.label_da(kind, code));
  return out;
}

// A friendly Danish message for an invalid parameter, and the id of the field to jump to.
std::pair<std::string, std::string> error_text(const std::string& field, const std::string& api_message) {
  if (field == "q") return {"Søgeteksten er for lang. Skriv lidt færre ord.", "q"};
  if (field == "postcode") return {"Postnummeret findes ikke. Skriv fire cifre, for eksempel 7500.", "postcode"};
  if (field == "municipality") return {"Kommunen findes ikke. Vælg en kommune på listen.", "municipality"};
  if (field == "radius_km") return {"Afstanden kan ikke bruges. Vælg en afstand på listen.", "radius_km"};
  if (field == "near") {
    if (api_message.find("begge") != std::string::npos) {
      return {"Brug enten din placering eller et postnummer, ikke begge. Tøm feltet Postnummer.", "postcode"};
    }
    return {"Din placering kunne ikke bruges. Skriv et postnummer i stedet.", "postcode"};
  }
  if (field == "interest") return {"Et af valgene under \"Det har jeg lyst til\" findes ikke. Vælg igen.", "filter-interest"};
  if (field == "transport") return {"Et af valgene under \"Sådan kommer jeg derhen\" findes ikke. Vælg igen.", "filter-transport"};
  if (field == "accessibility") return {"Et af valgene under \"Tilgængelighed\" findes ikke. Vælg igen.", "filter-accessibility"};
  if (field == "day") return {"En af ugedagene findes ikke. Vælg igen.", "filter-day"};
  if (field == "time_of_day") return {"Et af tidspunkterne findes ikke. Vælg igen.", "filter-time"};
  if (field == "sort") return {"Rækkefølgen kan ikke bruges. Vælg en rækkefølge på listen.", "sort"};
  if (field == "page") return {"Siden findes ikke. Start søgningen forfra.", "q"};
  return {"Søgningen kunne ikke udføres med de valg. Prøv at ændre den.", "q"};
}

// DKFDS pagination: previous/next and the page numbers around the current one.
json pagination(const SearchState& state, int page, int pages) {
  json p = {{"page", std::to_string(page)}, {"pages", std::to_string(pages)}, {"previous", false}, {"next", false}};
  if (page > 1) p["previous"] = page == 2 ? state.without("page").url() : state.with("page", std::to_string(page - 1)).url();
  if (page < pages) p["next"] = state.with("page", std::to_string(page + 1)).url();
  json items = json::array();
  int last = 0;
  for (int n = 1; n <= pages; ++n) {
    if (n != 1 && n != pages && std::abs(n - page) > 1) continue;
    if (last && n > last + 1) items.push_back({{"gap", true}});
    items.push_back({{"gap", false},
                     {"number", std::to_string(n)},
                     {"current", n == page},
                     {"url", n == 1 ? state.without("page").url() : state.with("page", std::to_string(n)).url()}});
    last = n;
  }
  p["items"] = items;
  return p;
}

}  // namespace

json search_page_view(const SearchState& state, const json& answer, const json& error, const json& everything,
                      const PageContext& ctx) {
  const auto& vocab = ctx.vocabulary;
  json v;
  const std::string q = state.value("q");
  v["title"] = q.empty() ? "Find en aktivitet" : "Søgning: " + q;
  v["page_class"] = "search-page";
  v["path"] = state.url();
  v["q"] = q;
  v["postcode"] = state.value("postcode");
  v["near"] = state.value("near");
  v["has_near"] = !state.value("near").empty();
  v["map_tiles"] = ctx.map_tiles;
  v["map_attribution"] = ctx.map_attribution;

  const json& counts = answer.is_object() ? answer : json();
  v["interests"] = options(state, counts, "interest", "interest", labelled(vocab, core::CodeKind::interest));
  std::vector<std::pair<std::string, std::string>> transport;
  for (const auto& code : vocab.codes(core::CodeKind::transport)) transport.emplace_back(code, transport_choice(vocab, code));
  // The three a citizen asks about first.
  std::stable_sort(transport.begin(), transport.end(), [](const auto& a, const auto& b) {
    auto rank = [](const std::string& c) { return c == "public_transport" ? 0 : c == "pickup" ? 1 : c == "at_home" ? 2 : 3; };
    return rank(a.first) < rank(b.first);
  });
  v["transport"] = options(state, counts, "transport", "transport", transport);
  v["accessibility"] = options(state, counts, "accessibility", nullptr, labelled(vocab, core::CodeKind::accessibility));
  std::vector<std::pair<std::string, std::string>> days;
  for (const auto& code : vocab.weekdays()) days.emplace_back(code, capitalised(weekday_name(code)));
  v["days"] = options(state, counts, "day", nullptr, days);
  v["times"] = options(state, counts, "time_of_day", nullptr, labelled(vocab, core::CodeKind::time_of_day));
  v["free"] = state.value("free") == "true";

  std::vector<const core::Municipality*> municipalities;
  for (const auto& m : ctx.geo.municipalities()) municipalities.push_back(&m);
  std::sort(municipalities.begin(), municipalities.end(), [](auto* a, auto* b) { return a->name < b->name; });
  json mlist = json::array();
  for (const auto* m : municipalities) {
    std::string name = m->name;
    const uint64_t n = facet_count(counts, "municipality", m->code);
    if (n > 0) name += " (" + std::to_string(n) + ")";
    mlist.push_back({{"code", m->code}, {"name", name}, {"selected", state.has("municipality", m->code)}});
  }
  v["municipalities"] = mlist;
  json radius = json::array();
  radius.push_back({{"value", ""}, {"label", "Kun i postnummeret"}, {"selected", state.value("radius_km").empty()}});
  bool radius_known = state.value("radius_km").empty();
  for (const char* km : {"2", "5", "10", "25", "50"}) {
    radius.push_back({{"value", km}, {"label", std::string("Inden for ") + km + " km"}, {"selected", state.value("radius_km") == km}});
    radius_known = radius_known || state.value("radius_km") == km;
  }
  if (!radius_known) {  // a shared link with another distance keeps it
    radius.push_back({{"value", state.value("radius_km")}, {"label", "Inden for " + state.value("radius_km") + " km"}, {"selected", true}});
  }
  v["radius"] = radius;
  json sort = json::array();
  for (const auto& [code, label] : std::vector<std::pair<std::string, std::string>>{
           {"relevance", "Bedst passende først"}, {"distance", "Nærmest først"}, {"next", "Snarest først"}}) {
    sort.push_back({{"value", code}, {"label", label},
                    {"selected", state.value("sort") == code || (code == "relevance" && state.value("sort").empty())}});
  }
  v["sort"] = sort;
  // Hidden fields keep what the form has no control for (a shared link's target, per_page).
  json hidden = json::array();
  for (const char* name : {"target", "per_page"}) {
    std::string joined;
    for (const auto& x : state.values(name)) joined += (joined.empty() ? "" : ",") + x;
    if (!joined.empty()) hidden.push_back({{"name", name}, {"value", joined}});
  }
  v["hidden"] = hidden;
  bool filtered = false;
  for (const char* name : {"interest", "transport", "accessibility", "day", "time_of_day", "free", "municipality",
                           "postcode", "near", "target"}) {
    filtered = filtered || !state.values(name).empty();
  }
  v["filters_open"] = filtered;

  v["error"] = false;
  if (error.is_object()) {
    const auto [message, anchor] = error_text(error.value("field", ""), error.value("message", ""));
    v["error"] = {{"message", message}, {"href", "#" + anchor}};
    v["title"] = "Fejl: " + v["title"].get<std::string>();
    v["error_" + (anchor.rfind("filter-", 0) == 0 ? anchor.substr(7) : anchor)] = message;
  }

  // The results part (also the fragment the page's script fetches).
  v["searched"] = answer.is_object();
  v["first_visit"] = !answer.is_object() && !error.is_object();
  json shortcuts = json::array();
  if (everything.is_object()) {
    for (const auto& code : vocab.codes(core::CodeKind::interest)) {
      const uint64_t n = facet_count(everything, "interest", code);
      if (n == 0) continue;
      shortcuts.push_back({{"label", vocab.label_da(core::CodeKind::interest, code)},
                           {"count", count_text(n)},
                           {"url", SearchState{}.with("interest", code).url()}});
    }
  }
  v["shortcuts"] = shortcuts;
  v["has_shortcuts"] = !shortcuts.empty();
  v["results"] = json::array();
  v["count_text"] = "";
  v["pagination"] = false;
  v["none"] = false;
  v["did_you_mean"] = false;
  v["some_words"] = false;
  if (!answer.is_object()) return v;

  const uint64_t total = answer.value("total", uint64_t{0});
  v["count_text"] = count_text(total);
  json results = json::array();
  if (answer.contains("results") && answer["results"].is_array()) {
    for (const auto& r : answer["results"]) results.push_back(result_view(r, vocab));
  }
  v["results"] = results;
  json facet_counts = json::object();  // checkbox id → count, for the script's live update
  for (const char* group : {"interests", "transport"}) {
    for (const auto& o : v[group]) {
      if (o["count"].is_string()) facet_counts[o["id"].get<std::string>()] = o["count"];
    }
  }
  v["facets_json"] = facet_counts.dump();
  if (answer.contains("did_you_mean") && answer["did_you_mean"].is_string()) {
    const std::string dym = answer["did_you_mean"].get<std::string>();
    v["did_you_mean"] = {{"text", dym}, {"url", state.with("q", dym).without("page").url()}};
  }
  v["some_words"] = answer.value("matched_some_words", false) == true;
  const int per_page = std::max(1, answer.value("per_page", 20));
  const int page = std::max(1, answer.value("page", 1));
  const int pages = static_cast<int>(std::min<uint64_t>((total + static_cast<uint64_t>(per_page) - 1) / static_cast<uint64_t>(per_page),
                                                        static_cast<uint64_t>(10000 / per_page)));
  if (pages > 1) v["pagination"] = pagination(state, std::min(page, pages), pages);

  if (total == 0) {
    json help = {{"wider", false}, {"drop", json::array()}};
    const std::string radius_now = state.value("radius_km");
    if (!state.value("postcode").empty() || !state.value("near").empty()) {
      const double r = radius_now.empty() ? 0 : std::atof(radius_now.c_str());
      std::string bigger;
      for (const char* km : {"5", "10", "25", "50"}) {
        if (std::atof(km) > r) {
          bigger = km;
          break;
        }
      }
      if (!bigger.empty()) {
        help["wider"] = {{"text", "Søg i et større område (inden for " + bigger + " km)"},
                         {"url", state.with("radius_km", bigger).without("page").url()}};
      } else {
        help["wider"] = {{"text", "Søg i hele landet"},
                         {"url", state.without("postcode").without("near").without("radius_km").without("page").url()}};
      }
    } else if (!state.value("municipality").empty()) {
      help["wider"] = {{"text", "Søg i alle kommuner"}, {"url", state.without("municipality").without("page").url()}};
    }
    json drop = json::array();
    auto add = [&](const std::string& label, const SearchState& next) {
      drop.push_back({{"text", "Fjern filteret: " + label}, {"url", next.without("page").url()}});
    };
    for (const auto& code : state.values("interest")) add(vocab.label_da(core::CodeKind::interest, code), state.without("interest", code));
    for (const auto& code : state.values("target")) add(vocab.label_da(core::CodeKind::target_group, code), state.without("target", code));
    for (const auto& code : state.values("transport")) add(transport_choice(vocab, code), state.without("transport", code));
    for (const auto& code : state.values("accessibility")) add(vocab.label_da(core::CodeKind::accessibility, code), state.without("accessibility", code));
    for (const auto& code : state.values("day")) add(capitalised(weekday_name(code)), state.without("day", code));
    for (const auto& code : state.values("time_of_day")) add(vocab.label_da(core::CodeKind::time_of_day, code), state.without("time_of_day", code));
    if (v["free"] == true) add("Gratis", state.without("free"));
    if (const auto* m = ctx.geo.municipality(state.value("municipality"))) add(m->name + " Kommune", state.without("municipality"));
    help["drop"] = drop;
    help["has_drop"] = !drop.empty();
    help["q"] = q.empty() ? json(false) : json(q);
    help["without_q"] = q.empty() ? json(false) : json(state.without("q").without("page").url());
    v["none"] = help;
  }
  return v;
}

}  // namespace portal::frontend
