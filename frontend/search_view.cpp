#include "frontend/search_view.h"

#include <cmath>
#include <cstdio>
#include <map>

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

}  // namespace portal::frontend
