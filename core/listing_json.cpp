#include "core/listing_json.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace portal::core {
namespace {

using nlohmann::json;

constexpr size_t kMaxTitle = 200;
constexpr size_t kMaxShortText = 500;
constexpr size_t kMaxDescription = 5000;
constexpr size_t kMaxCodes = 30;
constexpr size_t kMaxSchedule = 14;
constexpr size_t kMaxExcept = 366;

// Counts code points; the input is valid UTF-8 (nlohmann rejects anything else).
size_t utf8_length(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string trim(const std::string& s) {
  const char* ws = " \t\r\n";
  const auto b = s.find_first_not_of(ws);
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

class Checker {
 public:
  explicit Checker(std::vector<FieldError>& errors) : errors_(errors) {}

  void fail(std::string field, std::string reason) {
    errors_.push_back({std::move(field), std::move(reason)});
  }

  // Reads an optional string field; returns "" when absent or null.
  std::string text(const json& obj, const std::string& key, const std::string& path, size_t max_len,
                   bool multiline = false) {
    if (!obj.contains(key) || obj.at(key).is_null()) return {};
    const json& v = obj.at(key);
    if (!v.is_string()) {
      fail(path, "skal være en tekst");
      return {};
    }
    std::string s = trim(v.get<std::string>());
    for (unsigned char c : s) {
      if (c < 0x20 && !(multiline && (c == '\n' || c == '\t' || c == '\r'))) {
        fail(path, multiline ? "indeholder et ugyldigt kontroltegn" : "må ikke indeholde linjeskift eller kontroltegn");
        return {};
      }
    }
    if (utf8_length(s) > max_len) {
      fail(path, "er for lang (højst " + std::to_string(max_len) + " tegn)");
      return {};
    }
    return s;
  }

  std::string required_text(const json& obj, const std::string& key, const std::string& path,
                            size_t max_len) {
    if (!obj.contains(key) || obj.at(key).is_null()) {
      fail(path, "mangler");
      return {};
    }
    const size_t before = errors_.size();
    std::string s = text(obj, key, path, max_len);
    if (s.empty() && errors_.size() == before) fail(path, "må ikke være tom");
    return s;
  }

  std::vector<std::string> codes(const json& obj, const std::string& key, const Vocabulary& vocab,
                                 CodeKind kind) {
    std::vector<std::string> out;
    if (!obj.contains(key) || obj.at(key).is_null()) return out;
    const json& v = obj.at(key);
    if (!v.is_array()) {
      fail(key, "skal være en liste af koder");
      return out;
    }
    if (v.size() > kMaxCodes) {
      fail(key, "har for mange koder");
      return out;
    }
    std::set<std::string> seen;
    for (size_t i = 0; i < v.size(); ++i) {
      const std::string path = key + "[" + std::to_string(i) + "]";
      if (!v[i].is_string()) {
        fail(path, "skal være en kode (tekst)");
        continue;
      }
      const auto code = v[i].get<std::string>();
      if (!vocab.has(kind, code)) {
        fail(path, "ukendt kode '" + code.substr(0, 60) + "'");
        continue;
      }
      if (seen.insert(code).second) out.push_back(code);
    }
    return out;
  }

 private:
  std::vector<FieldError>& errors_;
};

bool plausible_email(const std::string& s) {
  const auto at = s.find('@');
  return at != std::string::npos && at > 0 && s.find('.', at) != std::string::npos &&
         s.find(' ') == std::string::npos && s.back() != '.';
}

bool plausible_url(const std::string& s) {
  return (s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0) && s.size() > 10 &&
         s.find(' ') == std::string::npos;
}

bool plausible_phone(const std::string& s) {
  size_t digits = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 8 && digits <= 15;
}

void check_contact_fields(Checker& check, const std::string& prefix, const std::string& email,
                          const std::string& phone) {
  if (!email.empty() && !plausible_email(email)) check.fail(prefix + "email", "er ikke en gyldig e-mailadresse");
  if (!phone.empty() && !plausible_phone(phone)) check.fail(prefix + "phone", "er ikke et gyldigt telefonnummer");
}

std::optional<int> integer(const json& v) {
  if (v.is_number_integer()) {
    const auto n = v.get<long long>();
    if (n >= INT32_MIN && n <= INT32_MAX) return static_cast<int>(n);
    return std::nullopt;
  }
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (std::floor(d) == d && std::abs(d) < 1e9) return static_cast<int>(d);
  }
  return std::nullopt;
}

}  // namespace

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  auto ok = [](char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (!first && c == '-');
  };
  if (!ok(id[0], true)) return false;
  return std::all_of(id.begin() + 1, id.end(), [&](char c) { return ok(c, false); });
}

Parsed<Association> ListingParser::association(const json& r) const {
  std::vector<FieldError> errors;
  Checker check(errors);
  if (!r.is_object()) return std::vector<FieldError>{{"", "skal være et JSON-objekt"}};
  Association a;
  a.id = check.required_text(r, "id", "id", 128);
  if (!a.id.empty() && !valid_id(a.id)) check.fail("id", "må kun indeholde a-z, 0-9 og bindestreg og skal starte med et bogstav eller tal");
  a.name = check.required_text(r, "name", "name", kMaxTitle);
  a.description = check.text(r, "description", "description", kMaxDescription, true);
  a.municipality = check.text(r, "municipality", "municipality", 4);
  if (!a.municipality.empty() && !geo_.municipality(a.municipality)) {
    check.fail("municipality", "ukendt kommunekode '" + a.municipality + "' (fire cifre, fx 0661)");
  }
  a.website = check.text(r, "website", "website", kMaxShortText);
  if (!a.website.empty() && !plausible_url(a.website)) check.fail("website", "skal være en webadresse, der starter med https://");
  a.email = check.text(r, "email", "email", 254);
  a.phone = check.text(r, "phone", "phone", 40);
  check_contact_fields(check, "", a.email, a.phone);
  if (!errors.empty()) return errors;
  return a;
}

Parsed<Activity> ListingParser::activity(const json& r) const {
  std::vector<FieldError> errors;
  Checker check(errors);
  if (!r.is_object()) return std::vector<FieldError>{{"", "skal være et JSON-objekt"}};
  Activity a;
  a.id = check.required_text(r, "id", "id", 128);
  if (!a.id.empty() && !valid_id(a.id)) check.fail("id", "må kun indeholde a-z, 0-9 og bindestreg og skal starte med et bogstav eller tal");
  a.association = check.required_text(r, "association", "association", 128);
  if (!a.association.empty() && !valid_id(a.association)) check.fail("association", "er ikke et gyldigt forenings-id");
  a.title = check.required_text(r, "title", "title", kMaxTitle);
  a.description = check.text(r, "description", "description", kMaxDescription, true);
  a.interests = check.codes(r, "interests", vocab_, CodeKind::interest);
  a.target_groups = check.codes(r, "target_groups", vocab_, CodeKind::target_group);
  a.transport = check.codes(r, "transport", vocab_, CodeKind::transport);
  a.accessibility = check.codes(r, "accessibility", vocab_, CodeKind::accessibility);

  // Location.
  if (!r.contains("location") || !r.at("location").is_object()) {
    check.fail(r.contains("location") ? "location" : "location.postcode",
               r.contains("location") ? "skal være et objekt" : "mangler");
  } else {
    const json& loc = r.at("location");
    a.location.name = check.text(loc, "name", "location.name", kMaxTitle);
    a.location.address = check.text(loc, "address", "location.address", kMaxTitle);
    a.location.city = check.text(loc, "city", "location.city", 100);
    if (!loc.contains("postcode") || loc.at("postcode").is_null()) {
      check.fail("location.postcode", "mangler");
    } else if (!loc.at("postcode").is_string()) {
      check.fail("location.postcode", "skal være fire cifre i anførselstegn, fx \"7500\"");
    } else {
      a.location.postcode = loc.at("postcode").get<std::string>();
      if (const Postcode* pc = geo_.postcode(a.location.postcode)) {
        a.location.coordinate = pc->coordinate;
        a.location.municipality = pc->municipality;
        if (a.location.city.empty()) a.location.city = pc->name;
      } else {
        check.fail("location.postcode", "ukendt postnummer '" + a.location.postcode.substr(0, 10) + "'");
      }
    }
    const bool has_lat = loc.contains("lat") && !loc.at("lat").is_null();
    const bool has_lon = loc.contains("lon") && !loc.at("lon").is_null();
    if (has_lat != has_lon) {
      check.fail(has_lat ? "location.lon" : "location.lat", "mangler (lat og lon skal angives sammen)");
    } else if (has_lat) {
      if (!loc.at("lat").is_number() || !loc.at("lon").is_number()) {
        check.fail("location.lat", "lat og lon skal være tal");
      } else {
        Coordinate c{loc.at("lat").get<double>(), loc.at("lon").get<double>()};
        if (!std::isfinite(c.lat) || !std::isfinite(c.lon) || !in_denmark(c)) {
          check.fail("location.lat", "koordinaten ligger ikke i Danmark");
        } else {
          a.location.exact = c;
          a.location.coordinate = c;
        }
      }
    }
  }

  // Schedule.
  if (r.contains("schedule") && !r.at("schedule").is_null()) {
    const json& sched = r.at("schedule");
    if (!sched.is_array()) {
      check.fail("schedule", "skal være en liste");
    } else if (sched.size() > kMaxSchedule) {
      check.fail("schedule", "har for mange tidspunkter (højst " + std::to_string(kMaxSchedule) + ")");
    } else {
      for (size_t i = 0; i < sched.size(); ++i) {
        const std::string p = "schedule[" + std::to_string(i) + "]";
        const json& e = sched[i];
        if (!e.is_object()) {
          check.fail(p, "skal være et objekt");
          continue;
        }
        ScheduleEntry entry;
        bool ok = true;
        const auto day = e.contains("weekday") && e.at("weekday").is_string()
                             ? parse_weekday(e.at("weekday").get<std::string>())
                             : std::nullopt;
        if (!day) {
          check.fail(p + ".weekday", "skal være en ugedag: mon, tue, wed, thu, fri, sat eller sun");
          ok = false;
        } else {
          entry.weekday = *day;
        }
        const auto start = e.contains("start") && e.at("start").is_string()
                               ? parse_time(e.at("start").get<std::string>())
                               : std::nullopt;
        const bool has_start = start.has_value();
        if (!has_start) {
          check.fail(p + ".start", "skal være et klokkeslæt som \"10:00\"");
          ok = false;
        } else {
          entry.start_minute = *start;
        }
        if (e.contains("end") && !e.at("end").is_null()) {
          const auto end = e.at("end").is_string() ? parse_time(e.at("end").get<std::string>()) : std::nullopt;
          if (!end) {
            check.fail(p + ".end", "skal være et klokkeslæt som \"11:30\"");
            ok = false;
          } else if (has_start && *end <= entry.start_minute) {
            check.fail(p + ".end", "skal ligge efter starttidspunktet");
            ok = false;
          } else {
            entry.end_minute = *end;
          }
        }
        if (e.contains("every_weeks") && !e.at("every_weeks").is_null()) {
          const auto n = integer(e.at("every_weeks"));
          if (!n || *n < 1 || *n > 8) {
            check.fail(p + ".every_weeks", "skal være et helt tal fra 1 til 8");
            ok = false;
          } else {
            entry.every_weeks = *n;
          }
        }
        if (e.contains("week_of_month") && !e.at("week_of_month").is_null()) {
          const auto n = integer(e.at("week_of_month"));
          if (!n || !((*n >= 1 && *n <= 4) || *n == -1)) {
            check.fail(p + ".week_of_month", "skal være 1, 2, 3, 4 eller -1 (den sidste i måneden)");
            ok = false;
          } else if (entry.every_weeks > 1) {
            check.fail(p + ".week_of_month", "kan ikke kombineres med every_weeks");
            ok = false;
          } else {
            entry.week_of_month = *n;
          }
        }
        if (e.contains("from") && !e.at("from").is_null()) {
          const auto d = e.at("from").is_string() ? parse_date(e.at("from").get<std::string>()) : std::nullopt;
          if (!d) {
            check.fail(p + ".from", "skal være en dato som \"2026-09-01\"");
            ok = false;
          } else {
            entry.from = d;
          }
        }
        if (e.contains("until") && !e.at("until").is_null()) {
          const auto d = e.at("until").is_string() ? parse_date(e.at("until").get<std::string>()) : std::nullopt;
          if (!d) {
            check.fail(p + ".until", "skal være en dato som \"2026-12-15\"");
            ok = false;
          } else if (entry.from && *d < *entry.from) {
            check.fail(p + ".until", "skal ligge på eller efter datoen i from");
            ok = false;
          } else {
            entry.until = d;
          }
        }
        if (e.contains("except") && !e.at("except").is_null()) {
          const json& ex = e.at("except");
          if (!ex.is_array()) {
            check.fail(p + ".except", "skal være en liste af datoer som \"2026-12-24\"");
            ok = false;
          } else if (ex.size() > kMaxExcept) {
            check.fail(p + ".except", "har for mange aflyste datoer (højst " + std::to_string(kMaxExcept) + ")");
            ok = false;
          } else {
            for (size_t k = 0; k < ex.size(); ++k) {
              const auto d = ex[k].is_string() ? parse_date(ex[k].get<std::string>()) : std::nullopt;
              if (!d) {
                check.fail(p + ".except[" + std::to_string(k) + "]", "skal være en dato som \"2026-12-24\"");
                ok = false;
              } else {
                entry.except.push_back(*d);
              }
            }
            std::sort(entry.except.begin(), entry.except.end());
            entry.except.erase(std::unique(entry.except.begin(), entry.except.end()), entry.except.end());
          }
        }
        if (ok) a.schedule.push_back(entry);
      }
    }
  }
  a.schedule_note = check.text(r, "schedule_note", "schedule_note", kMaxShortText);

  if (r.contains("price_dkk") && !r.at("price_dkk").is_null()) {
    const auto n = integer(r.at("price_dkk"));
    if (!n || *n < 0 || *n > 100000) {
      check.fail("price_dkk", "skal være et helt antal kroner (0 betyder gratis)");
    } else {
      a.price_dkk = n;
    }
  }
  a.price_note = check.text(r, "price_note", "price_note", kMaxShortText);

  if (r.contains("contact") && !r.at("contact").is_null()) {
    const json& c = r.at("contact");
    if (!c.is_object()) {
      check.fail("contact", "skal være et objekt");
    } else {
      a.contact.name = check.text(c, "name", "contact.name", kMaxTitle);
      a.contact.phone = check.text(c, "phone", "contact.phone", 40);
      a.contact.email = check.text(c, "email", "contact.email", 254);
      check_contact_fields(check, "contact.", a.contact.email, a.contact.phone);
    }
  }
  if (r.contains("welcome") && !r.at("welcome").is_null()) {
    if (!r.at("welcome").is_boolean()) {
      check.fail("welcome", "skal være true eller false");
    } else {
      a.welcome = r.at("welcome").get<bool>();
    }
  }
  if (r.contains("updated_at") && !r.at("updated_at").is_null()) {
    const auto d = r.at("updated_at").is_string() ? parse_date(r.at("updated_at").get<std::string>()) : std::nullopt;
    if (!d) {
      check.fail("updated_at", "skal være en dato som \"2026-10-01\"");
    } else {
      a.updated_at = d;
    }
  }
  if (!errors.empty()) return errors;
  return a;
}

namespace {
void put(json& obj, const char* key, const std::string& value) {
  if (!value.empty()) obj[key] = value;
}
}  // namespace

json to_json(const Association& a) {
  json j = json::object();
  j["id"] = a.id;
  j["name"] = a.name;
  put(j, "description", a.description);
  put(j, "municipality", a.municipality);
  put(j, "website", a.website);
  put(j, "email", a.email);
  put(j, "phone", a.phone);
  return j;
}

json to_json(const ScheduleEntry& e) {
  json j = json::object();
  j["weekday"] = weekday_codes()[static_cast<size_t>(e.weekday)];
  j["start"] = format_time(e.start_minute);
  if (e.end_minute) j["end"] = format_time(*e.end_minute);
  if (e.every_weeks > 1) j["every_weeks"] = e.every_weeks;
  if (e.week_of_month) j["week_of_month"] = *e.week_of_month;
  if (e.from) j["from"] = format_date(*e.from);
  if (e.until) j["until"] = format_date(*e.until);
  if (!e.except.empty()) {
    std::vector<Date> except = e.except;
    std::sort(except.begin(), except.end());
    except.erase(std::unique(except.begin(), except.end()), except.end());
    json dates = json::array();
    for (const Date d : except) dates.push_back(format_date(d));
    j["except"] = std::move(dates);
  }
  return j;
}

json to_json(const Activity& a) {
  json j = json::object();
  j["id"] = a.id;
  j["association"] = a.association;
  j["title"] = a.title;
  put(j, "description", a.description);
  j["interests"] = a.interests;
  j["target_groups"] = a.target_groups;
  json loc = json::object();
  put(loc, "name", a.location.name);
  put(loc, "address", a.location.address);
  loc["postcode"] = a.location.postcode;
  put(loc, "city", a.location.city);
  if (a.location.exact) {
    loc["lat"] = a.location.exact->lat;
    loc["lon"] = a.location.exact->lon;
  }
  j["location"] = loc;
  j["schedule"] = json::array();
  for (const auto& e : a.schedule) j["schedule"].push_back(to_json(e));
  put(j, "schedule_note", a.schedule_note);
  j["transport"] = a.transport;
  j["accessibility"] = a.accessibility;
  if (a.price_dkk) j["price_dkk"] = *a.price_dkk;
  put(j, "price_note", a.price_note);
  json contact = json::object();
  put(contact, "name", a.contact.name);
  put(contact, "phone", a.contact.phone);
  put(contact, "email", a.contact.email);
  if (!contact.empty()) j["contact"] = contact;
  j["welcome"] = a.welcome;
  if (a.updated_at) j["updated_at"] = format_date(*a.updated_at);
  return j;
}

InvalidListing::InvalidListing(std::vector<FieldError> errors)
    : Error(ErrorCode::invalid_body, errors.empty() ? std::string("Ugyldige oplysninger.") : errors.front().reason,
            errors.empty() ? std::string() : errors.front().field),
      errors_(std::move(errors)) {}

}  // namespace portal::core
