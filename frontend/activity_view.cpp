#include "frontend/activity_view.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/text.h"

namespace portal::frontend {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 12> kMonths = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                                                      "juli",   "august",  "september", "oktober", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {"mandag", "tirsdag", "onsdag", "torsdag",
                                                       "fredag", "lørdag",  "søndag"};
// "om tirsdagen" forms are not needed: "hver tirsdag" reads naturally.

std::string text(const json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string time_span(const json& entry_or_occurrence) {
  const auto start = core::parse_time(text(entry_or_occurrence, "start"));
  if (!start) return {};
  std::string out = "kl. " + danish_time(*start);
  if (const auto end = core::parse_time(text(entry_or_occurrence, "end"))) out += "–" + danish_time(*end);
  return out;
}

json labels(const json& codes, const core::Vocabulary& vocabulary, core::CodeKind kind) {
  json out = json::array();
  if (!codes.is_array()) return out;
  for (const auto& c : codes) {
    if (c.is_string()) out.push_back({{"code", c}, {"label", vocabulary.label_da(kind, c.get<std::string>())}});
  }
  return out;
}

bool has_code(const json& codes, std::string_view code) {
  if (!codes.is_array()) return false;
  for (const auto& c : codes) {
    if (c.is_string() && c.get<std::string>() == code) return true;
  }
  return false;
}

std::string coordinate(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.5f", v);
  return buffer;
}

json paragraphs(const std::string& description) {
  json out = json::array();
  size_t pos = 0;
  while (pos <= description.size()) {
    const size_t end = std::min(description.find('\n', pos), description.size());
    std::string line = description.substr(pos, end - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) out.push_back({{"text", line}});
    pos = end + 1;
  }
  return out;
}

json freshness_view(const json& freshness) {
  if (!freshness.is_object()) return nullptr;
  const auto confirmed = core::parse_date(text(freshness, "last_confirmed"));
  if (!confirmed) return nullptr;
  const std::string state = text(freshness, "state");
  const std::string date = danish_date(*confirmed);
  json out = {{"state", state}, {"stale", state == "stale"}, {"hidden", state == "hidden"}};
  if (state == "hidden") {
    out["text"] = "Foreningen har ikke bekræftet oplysningerne siden " + date +
                  ". Derfor vises aktiviteten ikke længere i søgningen. Ring og spørg, om den stadig findes.";
  } else if (state == "stale") {
    out["text"] = "Sidst bekræftet af foreningen " + date +
                  ". Oplysningerne kan være forældede, så ring gerne og spørg, før du tager af sted.";
  } else {
    out["text"] = "Sidst bekræftet af foreningen " + date + ".";
  }
  return out;
}

}  // namespace

std::string danish_date(core::Date date, bool with_weekday, bool with_year) {
  const core::Ymd ymd = core::to_ymd(date);
  std::string out;
  if (with_weekday) out = std::string(kWeekdays[static_cast<size_t>(core::weekday(date))]) + " ";
  out += std::to_string(ymd.day) + ". " + std::string(kMonths[ymd.month - 1]);
  if (with_year) out += " " + std::to_string(ymd.year);
  return out;
}

std::string danish_time(int minutes) {
  const std::string hhmm = core::format_time(minutes);  // "10:00"
  return hhmm.substr(0, 2) + "." + hhmm.substr(3, 2);
}

std::string occurrence_text(const json& occurrence) {
  const auto date = core::parse_date(text(occurrence, "date"));
  if (!date) return {};
  std::string out = danish_date(*date, true, false);
  if (const std::string span = time_span(occurrence); !span.empty()) out += " " + span;
  return out;
}

std::string schedule_text(const json& entry) {
  const auto day = core::parse_weekday(text(entry, "weekday"));
  if (!day) return {};
  const std::string weekday(kWeekdays[static_cast<size_t>(*day)]);
  const auto from = core::parse_date(text(entry, "from"));
  const auto until = core::parse_date(text(entry, "until"));
  const std::string span = time_span(entry);
  std::string out;
  if (from && until && *from == *until) {
    out = capitalised(danish_date(*from, true, true));
    if (!span.empty()) out += " " + span;
    return out;
  }
  const int every = entry.contains("every_weeks") && entry["every_weeks"].is_number_integer()
                        ? entry["every_weeks"].get<int>()
                        : 1;
  if (entry.contains("week_of_month") && entry["week_of_month"].is_number_integer()) {
    static constexpr std::array<std::string_view, 4> kOrdinal = {"første", "anden", "tredje", "fjerde"};
    const int n = entry["week_of_month"].get<int>();
    const std::string which = n == -1 ? "sidste" : n >= 1 && n <= 4 ? std::string(kOrdinal[static_cast<size_t>(n - 1)]) : "";
    out = capitalised(which) + " " + weekday + " i måneden";
  } else if (every == 2) {
    out = "Hver anden " + weekday;
  } else if (every > 2) {
    out = "Hver " + std::to_string(every) + ". uge om " + weekday + "en";
  } else {
    out = "Hver " + weekday;
  }
  if (!span.empty()) out += " " + span;
  if (from) out += ", fra " + danish_date(*from);
  if (until) out += ", til og med " + danish_date(*until);
  if (entry.contains("except") && entry["except"].is_array() && !entry["except"].empty()) {
    std::string dates;
    const auto& except = entry["except"];
    for (size_t i = 0; i < except.size(); ++i) {
      const auto d = except[i].is_string() ? core::parse_date(except[i].get<std::string>()) : std::nullopt;
      if (!d) continue;
      if (!dates.empty()) dates += i + 1 == except.size() ? " og " : ", ";
      dates += danish_date(*d);
    }
    if (!dates.empty()) out += ". Aflyst " + dates;
  }
  return out;
}

std::string phone_display(std::string_view phone) {
  std::string digits;
  for (const char c : phone) {
    if (c >= '0' && c <= '9') digits += c;
  }
  std::string_view trimmed = phone;
  while (!trimmed.empty() && trimmed.front() == ' ') trimmed.remove_prefix(1);
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
  const bool danish = (digits.size() == 8 && trimmed.front() != '+') ||
                      (digits.size() == 10 && digits.starts_with("45") && trimmed.starts_with("+45")) ||
                      (digits.size() == 12 && digits.starts_with("0045"));
  if (!danish) return std::string(trimmed);
  const std::string local = digits.substr(digits.size() - 8);
  return local.substr(0, 2) + " " + local.substr(2, 2) + " " + local.substr(4, 2) + " " + local.substr(6, 2);
}

std::string tel_href(std::string_view phone) {
  std::string digits;
  for (const char c : phone) {
    if (c >= '0' && c <= '9') digits += c;
  }
  if (digits.empty()) return {};
  size_t first = phone.find_first_not_of(' ');
  if (first != std::string_view::npos && phone[first] == '+') return "tel:+" + digits;
  if (digits.starts_with("00")) return "tel:+" + digits.substr(2);
  if (digits.size() == 8) return "tel:+45" + digits;
  return "tel:" + digits;
}

std::string same_site_path(std::string_view candidate) {
  if (candidate.empty() || candidate[0] != '/') return "/";
  if (candidate.size() > 1 && (candidate[1] == '/' || candidate[1] == '\\')) return "/";
  if (candidate.size() > 2000) return "/";
  for (const char c : candidate) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F || c == '\\') return "/";
  }
  return std::string(candidate);
}

std::string search_back_link(std::string_view referer, std::string_view host) {
  for (const std::string_view scheme : {"http://", "https://"}) {
    if (!referer.starts_with(scheme) || host.empty()) continue;
    const std::string_view rest = referer.substr(scheme.size());
    if (!rest.starts_with(host)) return "/";
    const std::string_view path = rest.substr(host.size());
    if (path.empty()) return "/";
    if (path == "/" || path.starts_with("/?")) return same_site_path(path);
    return "/";
  }
  return "/";
}

json activity_view(const json& a, const core::Vocabulary& vocabulary, const ActivityLinks& links) {
  json v;
  v["id"] = text(a, "id");
  v["title"] = text(a, "title");
  const json& assoc = a.contains("association") ? a["association"] : json::object();
  v["association_name"] = text(assoc, "name");
  v["association_website"] = text(assoc, "website");
  v["description_paragraphs"] = paragraphs(text(a, "description"));
  v["page_url"] = links.page_url;
  v["back_href"] = links.back_href;
  v["calendar_href"] = links.calendar_href;

  // When
  json schedule = json::array();
  if (a.contains("schedule") && a["schedule"].is_array()) {
    for (const auto& e : a["schedule"]) {
      if (std::string t = schedule_text(e); !t.empty()) schedule.push_back({{"text", t}});
    }
  }
  v["schedule"] = schedule;
  v["by_arrangement"] = schedule.empty();
  v["schedule_note"] = text(a, "schedule_note");
  json next = json::array();
  if (a.contains("next_occurrences") && a["next_occurrences"].is_array()) {
    for (const auto& o : a["next_occurrences"]) {
      if (std::string t = occurrence_text(o); !t.empty()) next.push_back({{"text", t}, {"date", text(o, "date")}});
    }
  }
  v["next"] = next;
  v["has_next"] = !next.empty();
  v["no_coming_dates"] = !schedule.empty() && next.empty();

  // Where and how to get there
  const json& loc = a.contains("location") ? a["location"] : json::object();
  const json& transport = a.contains("transport") ? a["transport"] : json::array();
  const bool at_home = has_code(transport, "at_home");
  v["at_home"] = at_home;
  v["place_name"] = text(loc, "name");
  v["address"] = text(loc, "address");
  std::string postcode_city = text(loc, "postcode");
  if (const std::string city = text(loc, "city"); !city.empty()) postcode_city += " " + city;
  v["postcode_city"] = postcode_city;
  const bool approximate = loc.value("approximate", false);
  v["approximate"] = approximate;
  if (!approximate && loc.contains("lat") && loc["lat"].is_number() && loc.contains("lon") && loc["lon"].is_number()) {
    const std::string ll = coordinate(loc["lat"].get<double>()) + "," + coordinate(loc["lon"].get<double>());
    v["directions_href"] = "https://www.openstreetmap.org/directions?route=%3B" + core::percent_encode(ll);
  } else {
    std::string query = text(loc, "address");
    query += (query.empty() ? "" : ", ") + postcode_city;
    v["directions_href"] = "https://www.openstreetmap.org/search?query=" + core::percent_encode(query);
  }
  json transport_view = json::array();
  for (const auto& t : labels(transport, vocabulary, core::CodeKind::transport)) {
    json item = t;
    const std::string code = t["code"];
    if (code == "pickup") {
      item["explanation"] = "Foreningen kan hente dig og køre dig hjem igen. Ring og aftal det.";
    } else if (code == "at_home") {
      item["explanation"] = "Du skal ikke nogen steder hen: aktiviteten foregår hjemme hos dig, i telefonen eller på nettet.";
    } else if (code == "flextur") {
      item["explanation"] = "Flextur bestilles hos trafikselskabet, gerne dagen før.";
    }
    transport_view.push_back(std::move(item));
  }
  v["transport"] = transport_view;
  v["has_transport"] = !transport_view.empty();

  // Price, welcome, accessibility, target groups
  if (a.contains("price_dkk") && a["price_dkk"].is_number()) {
    const double price = a["price_dkk"].get<double>();
    v["price_text"] = price <= 0 ? std::string("Gratis") : std::to_string(static_cast<long long>(price)) + " kr.";
  } else {
    v["price_text"] = "Prisen er ikke oplyst. Spørg foreningen.";
  }
  v["price_note"] = text(a, "price_note");
  if (a.contains("welcome") && a["welcome"].is_boolean() && a["welcome"].get<bool>()) {
    v["welcome_text"] = "Ja. En fast person tager imod dig, når du kommer første gang.";
  } else {
    v["welcome_text"] = "Det er ikke oplyst. Ring gerne først, så de ved, at du kommer.";
  }
  v["accessibility"] = labels(a.value("accessibility", json::array()), vocabulary, core::CodeKind::accessibility);
  v["has_accessibility"] = !v["accessibility"].empty();
  v["target_groups"] = labels(a.value("target_groups", json::array()), vocabulary, core::CodeKind::target_group);
  v["has_target_groups"] = !v["target_groups"].empty();
  v["interests"] = labels(a.value("interests", json::array()), vocabulary, core::CodeKind::interest);

  // Contact: the activity's, else the association's
  const json& contact = a.contains("contact") && a["contact"].is_object() ? a["contact"] : json::object();
  std::string phone = text(contact, "phone");
  std::string email = text(contact, "email");
  v["contact_name"] = text(contact, "name");
  if (phone.empty()) phone = text(assoc, "phone");
  if (email.empty()) email = text(assoc, "email");
  if (!phone.empty() && !tel_href(phone).empty()) {
    v["phone"] = phone_display(phone);
    v["tel_href"] = tel_href(phone);
  }
  if (!email.empty()) {
    v["email"] = email;
    v["mailto_href"] = "mailto:" + email;
  }
  v["has_contact"] = v.contains("phone") || v.contains("email");

  if (a.contains("freshness")) v["freshness"] = freshness_view(a["freshness"]);
  // Mustache sections treat "" as true: leave empty texts out.
  for (auto it = v.begin(); it != v.end();) {
    it = it->is_string() && it->get_ref<const std::string&>().empty() ? v.erase(it) : std::next(it);
  }
  return v;
}

}  // namespace portal::frontend
