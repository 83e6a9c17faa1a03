#include "indexer/hsds.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

#include "core/calendar.h"
#include "core/listing_json.h"
#include "indexer/convert.h"

namespace portal::indexer {
namespace {

using nlohmann::json;

// A string member, trimmed; numbers are written as text (ids are sometimes numbers).
std::string str(const json& obj, const char* key) {
  if (!obj.is_object() || !obj.contains(key)) return {};
  const json& v = obj.at(key);
  if (v.is_string()) return trim(v.get<std::string>());
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  return {};
}

const json& array_of(const json& obj, const char* key) {
  static const json kEmpty = json::array();
  if (!obj.is_object() || !obj.contains(key) || !obj.at(key).is_array()) return kEmpty;
  return obj.at(key);
}

std::optional<double> number(const json& obj, const char* key) {
  if (!obj.is_object() || !obj.contains(key)) return std::nullopt;
  const json& v = obj.at(key);
  if (v.is_number()) return v.get<double>();
  if (v.is_string()) {
    try {
      size_t used = 0;
      const std::string s = trim(v.get<std::string>());
      const double d = std::stod(s, &used);
      if (used == s.size()) return d;
    } catch (const std::exception&) {
    }
  }
  return std::nullopt;
}

// The HSDS id lower-cased when it is a valid listing id, else a slug of the name.
std::string record_id(const json& obj, const std::string& prefix) {
  const std::string id = lower(str(obj, "id"));
  if (core::valid_id(id)) return id;
  return stable_id(prefix, str(obj, "name").empty() ? str(obj, "id") : str(obj, "name"));
}

std::string first_phone(const json& obj) {
  for (const json& p : array_of(obj, "phones")) {
    if (std::string n = str(p, "number"); !n.empty()) return n;
  }
  return {};
}

// "10:00", "10:00:00", "10:00:00+01:00" → "10:00".
std::optional<std::string> clock(const std::string& t) {
  if (t.size() < 5 || t[2] != ':') return std::nullopt;
  const std::string hhmm = t.substr(0, 5);
  if (!core::parse_time(hhmm)) return std::nullopt;
  return hhmm;
}

// "2026-09-01" or "2026-09-01T…" → "2026-09-01".
std::optional<std::string> day(const std::string& t) {
  if (t.size() < 10 || !core::parse_date(t.substr(0, 10))) return std::nullopt;
  return t.substr(0, 10);
}

const std::map<std::string, std::string>& rrule_days() {
  static const std::map<std::string, std::string> m = {{"MO", "mon"}, {"TU", "tue"}, {"WE", "wed"}, {"TH", "thu"},
                                                       {"FR", "fri"}, {"SA", "sat"}, {"SU", "sun"}};
  return m;
}

struct Service {
  json record = json::object();
  std::vector<core::FieldError> errors;
  std::vector<std::string> notes;
};

// Schedule entries of one HSDS schedule object; errors name `path` fields.
void convert_schedule(const json& s, const std::string& path, Service& out, json& entries, std::string& note) {
  const std::string freq = lower(str(s, "freq"));
  const std::string byday = str(s, "byday");
  const auto opens = clock(str(s, "opens_at"));
  if (freq.empty() && byday.empty()) {
    // Only a description ("efter aftale"): kept as the schedule note.
    if (std::string d = str(s, "description"); !d.empty()) note += (note.empty() ? "" : " ") + d;
    return;
  }
  auto fail = [&](const std::string& field, const std::string& reason) { out.errors.push_back({path + "." + field, reason}); };
  if (!freq.empty() && freq != "weekly" && freq != "monthly") {
    return fail("freq", "'" + str(s, "freq") + "' kan ikke vises; brug WEEKLY eller MONTHLY");
  }
  if (!str(s, "bymonthday").empty()) return fail("bymonthday", "en bestemt dato i måneden kan ikke vises; brug en ugedag");
  if (!opens) return fail("opens_at", "mangler eller er ikke et klokkeslæt som \"10:00\"");
  if (byday.empty()) return fail("byday", "mangler (ugedage som MO,TU)");
  std::optional<int> interval;
  if (s.contains("interval") && !s.at("interval").is_null()) {
    const auto n = number(s, "interval");
    if (!n || *n != std::floor(*n)) return fail("interval", "skal være et helt tal");
    interval = static_cast<int>(*n);
  }
  std::optional<int> setpos;
  if (s.contains("bysetpos") && !s.at("bysetpos").is_null()) {
    const auto n = number(s, "bysetpos");
    if (!n || *n != std::floor(*n)) return fail("bysetpos", "skal være 1, 2, 3, 4 eller -1");
    setpos = static_cast<int>(*n);
  }
  json base = {{"start", *opens}};
  if (auto closes = clock(str(s, "closes_at"))) base["end"] = *closes;
  std::optional<std::string> from = day(str(s, "valid_from"));
  if (!from) from = day(str(s, "dtstart"));
  std::optional<std::string> until = day(str(s, "valid_to"));
  if (!until) until = day(str(s, "until"));
  if (from) base["from"] = *from;
  if (until) base["until"] = *until;
  if (freq != "monthly" && interval && *interval > 1) base["every_weeks"] = *interval;
  if (freq == "monthly" && interval && *interval != 1) return fail("interval", "månedlig gentagelse skal være hver måned");

  for (const std::string& raw : [&] {
         std::vector<std::string> parts;
         std::string cur;
         for (char c : byday + ",") {
           if (c == ',' || c == ' ') {
             if (!cur.empty()) parts.push_back(cur);
             cur.clear();
           } else {
             cur += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
           }
         }
         return parts;
       }()) {
    const std::string code = raw.size() >= 2 ? raw.substr(raw.size() - 2) : raw;
    const auto d = rrule_days().find(code);
    if (d == rrule_days().end()) return fail("byday", "ukendt ugedag '" + raw + "' (brug MO, TU, WE, TH, FR, SA, SU)");
    json e = base;
    e["weekday"] = d->second;
    std::optional<int> pos = setpos;
    if (raw.size() > 2) {
      try {
        pos = std::stoi(raw.substr(0, raw.size() - 2));
      } catch (const std::exception&) {
        return fail("byday", "'" + raw + "' er ikke en ugedag som TU eller 1TU");
      }
    }
    if (pos) {
      if (freq != "monthly") return fail("byday", "et nummer foran ugedagen kræver freq MONTHLY");
      e["week_of_month"] = *pos;  // range checked by the listing parser
    }
    entries.push_back(std::move(e));
  }
}

json location_json(const json& loc) {
  json out = json::object();
  if (std::string n = str(loc, "name"); !n.empty()) out["name"] = n;
  const json* address = nullptr;
  for (const char* key : {"addresses", "physical_addresses"}) {
    for (const json& a : array_of(loc, key)) {
      if (!address || lower(str(a, "address_type")) == "physical") address = &a;
    }
  }
  if (address) {
    std::string line = str(*address, "address_1");
    if (std::string l2 = str(*address, "address_2"); !l2.empty()) line += (line.empty() ? "" : ", ") + l2;
    if (!line.empty()) out["address"] = line;
    out["postcode"] = str(*address, "postal_code");
    if (std::string c = str(*address, "city"); !c.empty()) out["city"] = c;
  }
  const auto lat = number(loc, "latitude");
  const auto lon = number(loc, "longitude");
  if (lat && lon) {
    out["lat"] = *lat;
    out["lon"] = *lon;
  }
  return out;
}

// The service's location: service_at_locations[].location (or a location_id resolved in the
// organization's locations), else service.locations, else the organization's only location.
std::optional<json> find_location(const json& service, const json& organization) {
  auto by_id = [&](const std::string& id) -> const json* {
    for (const json& l : array_of(organization, "locations")) {
      if (str(l, "id") == id) return &l;
    }
    return nullptr;
  };
  for (const json& sal : array_of(service, "service_at_locations")) {
    if (sal.contains("location") && sal.at("location").is_object()) return location_json(sal.at("location"));
    if (const json* l = by_id(str(sal, "location_id"))) return location_json(*l);
  }
  for (const json& l : array_of(service, "locations")) return location_json(l);
  if (array_of(organization, "locations").size() == 1) return location_json(array_of(organization, "locations")[0]);
  return std::nullopt;
}

Service convert_service(const json& s, const json& organization, const std::string& association,
                        const core::Vocabulary& vocabulary) {
  Service out;
  json& r = out.record;
  r["id"] = record_id(s, association);
  r["association"] = association;
  r["title"] = str(s, "name");
  std::string description = str(s, "description");
  if (description.empty()) description = str(s, "alternate_name");
  if (!description.empty()) r["description"] = description;

  if (auto loc = find_location(s, organization)) {
    r["location"] = *loc;
  } else {
    out.errors.push_back({"service_at_locations", "mangler et sted med adresse og postnummer"});
    r["location"] = json{{"postcode", ""}};
  }

  json schedule = json::array();
  std::string schedule_note;
  const json& schedules = array_of(s, "schedules");
  for (size_t i = 0; i < schedules.size(); ++i) {
    convert_schedule(schedules[i], "schedules[" + std::to_string(i) + "]", out, schedule, schedule_note);
  }
  for (size_t k = 0; k < array_of(s, "service_at_locations").size(); ++k) {
    const json& sal = array_of(s, "service_at_locations")[k];
    const json& ss = array_of(sal, "schedules");
    for (size_t i = 0; i < ss.size(); ++i) {
      convert_schedule(ss[i], "service_at_locations[" + std::to_string(k) + "].schedules[" + std::to_string(i) + "]",
                       out, schedule, schedule_note);
    }
  }
  r["schedule"] = schedule;
  if (!schedule_note.empty()) r["schedule_note"] = schedule_note;

  // Price: the first cost option with an amount (0 = free); descriptions as the price note.
  std::string price_note;
  for (const json& c : array_of(s, "cost_options")) {
    const auto amount = number(c, "amount");
    if (amount && !r.contains("price_dkk")) {
      const std::string currency = lower(str(c, "currency"));
      if (!currency.empty() && currency != "dkk") {
        out.errors.push_back({"cost_options.currency", "beløbet skal være i danske kroner (DKK)"});
      } else {
        r["price_dkk"] = static_cast<long long>(std::llround(*amount));
      }
    }
    for (const char* key : {"option", "amount_description"}) {
      if (std::string t = str(c, key); !t.empty()) price_note += (price_note.empty() ? "" : "; ") + t;
    }
  }
  if (price_note.empty()) price_note = str(s, "fees_description");
  if (!price_note.empty()) r["price_note"] = price_note;

  // Interests from attributes (their taxonomy term's code or name, or the attribute's label
  // or value) and from plain taxonomy_terms.
  json interests = json::array();
  std::set<std::string> seen;
  auto consider = [&](const std::vector<std::string>& candidates) {
    for (const auto& c : candidates) {
      if (c.empty()) continue;
      if (auto code = match_interest(vocabulary, c)) {
        if (seen.insert(*code).second) interests.push_back(*code);
        return;
      }
    }
    for (const auto& c : candidates) {
      if (!c.empty()) {
        out.notes.push_back("emnet '" + c + "' findes ikke blandt portalens interesser og er sprunget over");
        return;
      }
    }
  };
  for (const json& a : array_of(s, "attributes")) {
    const json term = a.contains("taxonomy_term") && a.at("taxonomy_term").is_object() ? a.at("taxonomy_term") : json::object();
    consider({str(term, "code"), str(term, "name"), str(a, "label"), str(a, "value")});
  }
  for (const json& t : array_of(s, "taxonomy_terms")) consider({str(t, "code"), str(t, "name")});
  r["interests"] = interests;

  json contact = json::object();
  if (!array_of(s, "contacts").empty()) {
    const json& c = array_of(s, "contacts")[0];
    if (std::string v = str(c, "name"); !v.empty()) contact["name"] = v;
    if (std::string v = str(c, "email"); !v.empty()) contact["email"] = v;
    if (std::string v = first_phone(c); !v.empty()) contact["phone"] = v;
  }
  if (!contact.contains("phone")) {
    if (std::string v = first_phone(s); !v.empty()) contact["phone"] = v;
  }
  if (!contact.contains("email")) {
    if (std::string v = str(s, "email"); !v.empty()) contact["email"] = v;
  }
  if (!contact.empty()) r["contact"] = contact;
  if (auto d = day(str(s, "last_modified"))) r["updated_at"] = *d;
  return out;
}

json association_json(const json& org) {
  json a = {{"id", record_id(org, "")}, {"name", str(org, "name")}};
  if (std::string v = str(org, "description"); !v.empty()) a["description"] = v;
  std::string website = str(org, "website");
  if (website.empty()) website = str(org, "url");
  if (!website.empty()) a["website"] = website;
  if (std::string v = str(org, "email"); !v.empty()) a["email"] = v;
  if (std::string v = first_phone(org); !v.empty()) a["phone"] = v;
  return a;
}

// The parser's field paths as HSDS field names.
std::string hsds_activity_field(const std::string& field) {
  static const std::vector<std::pair<std::string, std::string>> kMap = {
      {"id", "id"},
      {"title", "name"},
      {"location.postcode", "location.addresses.postal_code"},
      {"location.city", "location.addresses.city"},
      {"location.address", "location.addresses.address_1"},
      {"location.name", "location.name"},
      {"location.lat", "location.latitude"},
      {"location.lon", "location.longitude"},
      {"location", "location"},
      {"interests", "attributes"},
      {"price_dkk", "cost_options.amount"},
      {"price_note", "cost_options.option"},
      {"contact.phone", "contacts.phones.number"},
      {"contact", "contacts"},
      {"schedule_note", "schedules.description"},
      {"schedule", "schedules"},
      {"updated_at", "last_modified"}};
  for (const auto& [from, to] : kMap) {
    if (field.rfind(from, 0) == 0) return to + field.substr(from.size());
  }
  return field;
}

std::string hsds_association_field(const std::string& field) {
  if (field == "phone") return "phones.number";
  return field;
}

bool is_service(const json& item) {
  return item.is_object() && !item.contains("services") &&
         (item.contains("organization") || item.contains("organization_id") || item.contains("service_at_locations") ||
          item.contains("schedules"));
}

}  // namespace

SourceRecords hsds_to_records(const std::string& file_name, const json& doc, const core::Vocabulary& vocabulary) {
  // (record label, organization) and (record label, service, organization).
  std::vector<std::pair<std::string, json>> organizations;
  std::vector<std::tuple<std::string, json, json>> services;
  auto add_organization = [&](const std::string& label, const json& org) {
    organizations.emplace_back(label, org);
    const json& list = array_of(org, "services");
    for (size_t i = 0; i < list.size(); ++i) services.emplace_back(label + ".services[" + std::to_string(i) + "]", list[i], org);
  };
  const std::string not_hsds = file_name +
                              ": hverken en listefil (\"associations\"/\"activities\") eller HSDS (organisationer eller "
                              "services)";
  auto add_items = [&](const std::string& key, const json& items) {
    if (!std::all_of(items.begin(), items.end(), [](const json& item) { return item.is_object(); })) {
      throw FileError(not_hsds + ": listen skal indeholde objekter");
    }
    for (size_t i = 0; i < items.size(); ++i) {
      const std::string label = key + "[" + std::to_string(i) + "]";
      const json& item = items[i];
      if (is_service(item)) {
        const json org = item.contains("organization") && item.at("organization").is_object() ? item.at("organization")
                                                                                              : json::object();
        if (!org.empty()) organizations.emplace_back(label + ".organization", org);
        services.emplace_back(label, item, org);
      } else {
        add_organization(label, item);
      }
    }
  };

  if (doc.is_array()) {
    add_items("", doc);
  } else if (doc.is_object() && doc.contains("organizations") && doc.at("organizations").is_array()) {
    add_items("organizations", doc.at("organizations"));
  } else if (doc.is_object() && doc.contains("services") && doc.at("services").is_array() && !doc.contains("name")) {
    add_items("services", doc.at("services"));
  } else if (doc.is_object() && doc.contains("contents") && doc.at("contents").is_array()) {
    add_items("contents", doc.at("contents"));
  } else if (doc.is_object() && doc.contains("name")) {
    add_organization("organization", doc);
  } else {
    throw FileError(not_hsds);
  }

  SourceRecords out;
  out.activity_field = hsds_activity_field;
  out.association_field = hsds_association_field;
  std::set<std::string> association_ids;
  for (const auto& [label, org] : organizations) {
    json a = association_json(org);
    // The same organization nested in several services is one association.
    if (!association_ids.insert(a.at("id").get<std::string>()).second) continue;
    out.associations.push_back(std::move(a));
    out.association_labels.push_back(label);
  }
  for (const auto& [label, service, org] : services) {
    std::string association = org.empty() ? std::string{} : record_id(org, "");
    if (association.empty()) association = lower(str(service, "organization_id"));
    Service s = convert_service(service, org, association, vocabulary);
    if (association.empty()) s.errors.push_back({"organization", "mangler (hvilken organisation udbyder servicen?)"});
    for (const auto& reason : s.notes) {
      out.notes.push_back({file_name, label, s.record.at("id").get<std::string>(), "attributes", reason, true});
    }
    out.activities.push_back(std::move(s.record));
    out.activity_errors.push_back(std::move(s.errors));
    out.activity_labels.push_back(label);
  }
  return out;
}

}  // namespace portal::indexer
