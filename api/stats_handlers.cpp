// Server handlers for staff and coordinators (docs/api-staff.md): follow-ups, referrals to the
// volunteer centre, the anonymous screening form, statistics (JSON and CSV) and supply and
// demand. They run on the WorkPool (see Server::offload) and stay thin: authenticate, check the
// role, decode and validate (free text through core::refuse_cpr), call one store function, shape
// the answer. Team and municipality always come from the account, never from the body.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "api/http_util.h"
#include "api/roles.h"
#include "api/server.h"
#include "core/calendar.h"
#include "core/errors.h"
#include "core/privacy.h"
#include "core/text.h"

namespace portal::api {

using nlohmann::json;
using Pistache::Http::Code;

namespace {

constexpr int kFollowUpWindowDays = 42;  // six weeks
constexpr int kOldestRecordDays = 366;   // a record's date may be at most a year back
constexpr int kMaxStatsDays = 3660;      // a statistics period of at most ten years
constexpr int64_t kSuppressBelow = 5;    // counts by team under this are not shown

core::Date today() { return core::copenhagen_time(std::chrono::system_clock::now()).date; }

[[noreturn]] void invalid(const std::string& message, const std::string& field) {
  throw core::Error(core::ErrorCode::invalid_body, message, field);
}

// Number of Unicode characters (code points) of valid UTF-8.
size_t characters(std::string_view text) {
  size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

core::Date date_field(const json& body, const char* name) {
  if (!body.contains(name) || !body[name].is_string()) invalid(std::string("Feltet '") + name + "' skal være en dato (ÅÅÅÅ-MM-DD).", name);
  const auto date = core::parse_date(body[name].get<std::string>());
  if (!date) invalid(std::string("Feltet '") + name + "' skal være en rigtig dato (ÅÅÅÅ-MM-DD).", name);
  return *date;
}

// A visit's date: not in the future, at most a year back.
core::Date recent_date_field(const json& body, const char* name) {
  const core::Date date = date_field(body, name);
  const core::Date now = today();
  if (date > now) invalid("Datoen må ikke ligge i fremtiden.", name);
  if (date.days < now.days - kOldestRecordDays) invalid("Datoen må højst ligge et år tilbage.", name);
  return date;
}

std::optional<bool> optional_bool(const json& body, const char* name) {
  if (!body.contains(name) || body[name].is_null()) return std::nullopt;
  if (!body[name].is_boolean()) invalid(std::string("Feltet '") + name + "' skal være true eller false.", name);
  return body[name].get<bool>();
}

bool required_bool(const json& body, const char* name) {
  const auto value = optional_bool(body, name);
  if (!value) invalid(std::string("Feltet '") + name + "' skal være true eller false.", name);
  return *value;
}

// An optional string field ("" when absent or null).
std::string optional_string(const json& body, const char* name) {
  if (!body.contains(name) || body[name].is_null()) return {};
  if (!body[name].is_string()) invalid(std::string("Feltet '") + name + "' skal være tekst.", name);
  return body[name].get<std::string>();
}

// Free text: at most `max` characters, no CPR number.
std::string free_text(const json& body, const char* name, size_t max) {
  std::string text = optional_string(body, name);
  core::refuse_cpr(text, name);
  if (characters(text) > max) invalid(std::string("Feltet '") + name + "' må højst have " + std::to_string(max) + " tegn.", name);
  return text;
}

// A list of vocabulary codes of one kind (absent: empty).
std::vector<std::string> codes_field(const json& body, const char* name, const core::Vocabulary& vocabulary,
                                     core::CodeKind kind) {
  std::vector<std::string> out;
  if (!body.contains(name) || body[name].is_null()) return out;
  if (!body[name].is_array() || body[name].size() > 30) invalid(std::string("Feltet '") + name + "' skal være en liste af koder.", name);
  for (const auto& code : body[name]) {
    if (!code.is_string() || !vocabulary.has(kind, code.get<std::string>())) {
      invalid(std::string("Feltet '") + name + "' indeholder en ukendt kode. Se /api/v1/vocabulary.", name);
    }
    if (std::find(out.begin(), out.end(), code.get<std::string>()) == out.end()) out.push_back(code.get<std::string>());
  }
  return out;
}

// One of `allowed`, or "" when absent and not `required`.
std::string choice_field(const json& body, const char* name, std::initializer_list<const char*> allowed, bool required) {
  const std::string value = optional_string(body, name);
  if (value.empty() && !required) return value;
  for (const char* a : allowed) {
    if (value == a) return value;
  }
  std::string list;
  for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  invalid(std::string("Feltet '") + name + "' skal være en af: " + list + ".", name);
}

int64_t record_id(const std::string& id, const char* message) {
  int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(id.data(), id.data() + id.size(), value);
  if (ec != std::errc() || ptr != id.data() + id.size() || value <= 0) {
    throw core::Error(core::ErrorCode::not_found, message, "id");
  }
  return value;
}

json nullable(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json follow_up_json(const store::FollowUp& f, core::Date now) {
  return {{"id", f.id},
          {"reference", f.reference},
          {"due", core::format_date(f.due)},
          {"overdue", !f.completed && f.due < now},
          {"outcome", nullable(f.outcome)},
          {"barrier", nullable(f.barrier)},
          {"completed", f.completed ? json(core::format_date(core::copenhagen_time(*f.completed).date)) : json(nullptr)}};
}

json referral_json(const store::Referral& r) {
  return {{"id", r.id},
          {"date", core::format_date(r.date)},
          {"team", r.team},
          {"postcode", nullable(r.postcode)},
          {"interests", r.interests},
          {"transport", r.transport},
          {"companion", r.companion},
          {"note", r.note},
          {"status", r.status},
          {"matched_association", r.matched_association_id.empty()
                                      ? json(nullptr)
                                      : json{{"id", r.matched_association_id}, {"name", r.matched_association_name}}},
          {"matched_scheme", r.matched_scheme}};
}

double round3(double value) { return std::round(value * 1000.0) / 1000.0; }

// Counts as the spec's JSON. With `suppress` (by team), a count under 5 is null, a rate from a
// suppressed count is null, and "suppressed" tells whether anything was hidden.
class CountsWriter {
 public:
  explicit CountsWriter(bool suppress) : suppress_(suppress) {}

  json count(int64_t value) {
    if (suppress_ && value < kSuppressBelow) {
      suppressed_ = true;
      return nullptr;
    }
    return value;
  }
  json rate(int64_t numerator, int64_t denominator) {
    if (denominator == 0) return nullptr;
    if (suppress_ && (numerator < kSuppressBelow || denominator < kSuppressBelow)) {
      suppressed_ = true;
      return nullptr;
    }
    return round3(static_cast<double>(numerator) / static_cast<double>(denominator));
  }

  json counts(const store::Counts& c) {
    json barriers = json::object();
    for (size_t i = 0; i < store::kBarriers.size(); ++i) barriers[store::kBarriers[i]] = count(c.barriers[i]);
    json out = {{"tags", count(c.tags)},
                {"cards", count(c.cards)},
                {"card_views", count(c.card_views)},
                {"conversations", count(c.conversations)},
                {"follow_ups_due", count(c.follow_ups_due)},
                {"follow_ups_done", count(c.follow_ups_done)},
                {"follow_up_outcomes",
                 {{"went", count(c.went)}, {"not_yet", count(c.not_yet)}, {"barrier", count(c.barrier)}, {"barriers", barriers}}},
                {"referrals", count(c.referrals)},
                {"referrals_matched", count(c.referrals_matched)},
                {"match_rate", rate(c.referrals_matched, c.referrals)},
                {"screenings",
                 {{"completed", count(c.screenings)},
                  {"answered", count(c.answered)},
                  {"excluded", count(c.excluded)},
                  {"lonely", count(c.lonely)},
                  {"share_lonely", rate(c.lonely, c.answered)}}}};
    if (suppress_) out["suppressed"] = suppressed_;
    return out;
  }

 private:
  bool suppress_;
  bool suppressed_ = false;
};

// CSV cells of one row of counts: "<5" for a suppressed count, Danish decimal commas.
std::vector<std::string> csv_counts(const json& c) {
  const auto cell = [](const json& v) -> std::string {
    if (v.is_null()) return "";
    if (v.is_number_float()) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.3f", v.get<double>());
      std::string s = buffer;
      for (auto& ch : s) {
        if (ch == '.') ch = ',';
      }
      return s;
    }
    return std::to_string(v.get<int64_t>());
  };
  const auto count = [&](const json& v) { return v.is_null() ? std::string("<5") : cell(v); };
  const json& o = c["follow_up_outcomes"];
  const json& s = c["screenings"];
  std::vector<std::string> out = {count(c["tags"]),          count(c["cards"]),           count(c["card_views"]),
                                  count(c["conversations"]), count(c["follow_ups_due"]),  count(c["follow_ups_done"]),
                                  count(o["went"]),          count(o["not_yet"]),         count(o["barrier"])};
  for (const char* b : store::kBarriers) out.push_back(count(o["barriers"][b]));
  for (const auto& v : {c["referrals"], c["referrals_matched"]}) out.push_back(count(v));
  out.push_back(cell(c["match_rate"]));
  for (const char* k : {"completed", "answered", "excluded", "lonely"}) out.push_back(count(s[k]));
  out.push_back(cell(s["share_lonely"]));
  return out;
}

const std::vector<std::string>& csv_header() {
  static const std::vector<std::string> header = {
      "Opdeling", "Måned eller team", "Fællesskab-mærkninger", "Portalkort", "Visninger af kort", "Samtaler om ensomhed",
      "Opfølgninger med frist", "Opfølgninger afsluttet", "Kom afsted", "Ikke endnu", "Barriere",
      "Barriere: transport", "Barriere: nervøsitet", "Barriere: helbred", "Barriere: tid", "Barriere: andet",
      "Henvisninger", "Henvisninger matchet", "Matchrate", "Screeninger gennemført", "Screeninger besvaret",
      "Screeninger udelukket", "Vurderet ensomme", "Andel ensomme"};
  return header;
}

}  // namespace

Server::Reply Server::create_follow_up(const Call& call) {
  const store::Account account = authenticate(call);
  require_staff(account);
  require_services(services_.follow_ups != nullptr);
  const json body = parse_body(call);
  if (!body.contains("reference") || !body["reference"].is_string()) {
    invalid("Skriv en kort reference (1-40 tegn), som du selv kan genkende. Aldrig navn eller CPR-nummer.", "reference");
  }
  const std::string reference = free_text(body, "reference", 40);
  if (reference.find_first_not_of(" \t\r\n") == std::string::npos) {
    invalid("Skriv en kort reference (1-40 tegn), som du selv kan genkende. Aldrig navn eller CPR-nummer.", "reference");
  }
  const core::Date due = date_field(body, "due");
  const core::Date now = today();
  if (due < now) invalid("Fristen må ikke ligge før i dag.", "due");
  if (due.days > now.days + kFollowUpWindowDays && !optional_bool(body, "allow_later").value_or(false)) {
    invalid("Fristen skal ligge inden for seks uger (42 dage). Send \"allow_later\": true for en senere frist.", "due");
  }
  int64_t tag_id = 0;
  if (body.contains("tag_id") && !body["tag_id"].is_null()) {
    if (!body["tag_id"].is_number_integer() || body["tag_id"].get<int64_t>() <= 0) invalid("Feltet 'tag_id' skal være et id.", "tag_id");
    tag_id = body["tag_id"].get<int64_t>();
  }
  const auto created = services_.follow_ups->create(account, reference, due, tag_id);
  return {Code::Created, dump({{"id", created.id}, {"reference", created.reference}, {"due", core::format_date(created.due)}}),
          {{"Location", "/api/v1/follow-ups/" + std::to_string(created.id)}}};
}

Server::Reply Server::list_follow_ups(const Call& call) {
  const store::Account account = authenticate(call);
  require_staff_or_coordinator(account);
  require_services(services_.follow_ups != nullptr);
  const auto it = call.query.find("status");
  const std::string status = it == call.query.end() || it->second.empty() ? "open" : it->second;
  if (status != "open" && status != "done") {
    throw core::Error(core::ErrorCode::invalid_parameter, "status skal være open eller done.", "status");
  }
  const core::Date now = today();
  json list = json::array();
  for (const auto& f : services_.follow_ups->list(account, status == "done")) list.push_back(follow_up_json(f, now));
  return {Code::Ok, dump({{"follow_ups", std::move(list)}}), {{"Cache-Control", "no-store"}}};
}

Server::Reply Server::complete_follow_up(const Call& call) {
  const store::Account account = authenticate(call);
  require_staff(account);
  require_services(services_.follow_ups != nullptr);
  const int64_t id = record_id(call.id, "Opfølgningen findes ikke.");
  const json body = parse_body(call);
  const std::string outcome = choice_field(body, "outcome", {"went", "not_yet", "barrier"}, true);
  const std::string barrier = choice_field(body, "barrier", {"transport", "nerves", "health", "time", "other"}, outcome == "barrier");
  if (outcome != "barrier" && !barrier.empty()) invalid("En barriere kan kun angives, når udfaldet er 'barrier'.", "barrier");
  const auto f = services_.follow_ups->complete(account, id, outcome, barrier);
  return {Code::Ok, dump(follow_up_json(f, today())), {}};
}

Server::Reply Server::create_referral(const Call& call) {
  const store::Account account = authenticate(call);
  require_staff(account);
  require_services(services_.referrals != nullptr);
  const json body = parse_body(call);
  store::NewReferral r;
  r.date = recent_date_field(body, "date");
  r.postcode = optional_string(body, "postcode");
  if (!r.postcode.empty() && !services_.geo.postcode(r.postcode)) invalid("Postnummeret findes ikke.", "postcode");
  r.interests = codes_field(body, "interests", services_.vocabulary, core::CodeKind::interest);
  r.transport = codes_field(body, "transport", services_.vocabulary, core::CodeKind::transport);
  r.companion = optional_bool(body, "companion").value_or(false);
  r.note = free_text(body, "note", 500);
  const int64_t id = services_.referrals->create(account, r);
  return {Code::Created, dump({{"id", id}}), {{"Location", "/api/v1/referrals/" + std::to_string(id)}}};
}

Server::Reply Server::list_referrals(const Call& call) {
  const store::Account account = authenticate(call);
  require_staff_or_coordinator(account);
  require_services(services_.referrals != nullptr);
  const auto it = call.query.find("status");
  const std::string status = it == call.query.end() ? std::string() : it->second;
  if (!status.empty() && status != "new" && status != "contacted" && status != "matched" && status != "declined") {
    throw core::Error(core::ErrorCode::invalid_parameter, "status skal være new, contacted, matched eller declined.", "status");
  }
  json list = json::array();
  for (const auto& r : services_.referrals->list(account, status)) list.push_back(referral_json(r));
  return {Code::Ok, dump({{"referrals", std::move(list)}}), {{"Cache-Control", "no-store"}}};
}

Server::Reply Server::update_referral(const Call& call) {
  const store::Account account = authenticate(call);
  require_staff_or_coordinator(account);
  require_coordinator(account);
  require_services(services_.referrals != nullptr);
  const int64_t id = record_id(call.id, "Henvisningen findes ikke.");
  const json body = parse_body(call);
  const std::string status = choice_field(body, "status", {"contacted", "matched", "declined"}, true);
  const std::string association = optional_string(body, "matched_association");
  if (!association.empty() && !core::valid_id(association)) {
    throw core::Error(core::ErrorCode::invalid_parameter, "Foreningen findes ikke.", "matched_association");
  }
  const std::string scheme = free_text(body, "matched_scheme", 100);
  if (status == "matched" && association.empty() && scheme.find_first_not_of(" \t\r\n") == std::string::npos) {
    invalid("Angiv den forening eller den frivilligordning (fx besøgsven), borgeren er matchet med.", "matched_association");
  }
  const auto r = services_.referrals->update(account, id, status, association, scheme);
  return {Code::Ok, dump(referral_json(r)), {}};
}

Server::Reply Server::create_screening(const Call& call) {
  const store::Account account = authenticate(call);
  require_staff(account);
  require_services(services_.stats != nullptr);
  const json body = parse_body(call);
  store::Screening s;
  s.date = recent_date_field(body, "date");
  s.excluded = required_bool(body, "excluded");
  if (s.excluded) {
    s.exclusion_reason = choice_field(body, "exclusion_reason", {"dementia", "too_ill", "declined", "language", "other"}, true);
    if (optional_bool(body, "lonely")) invalid("Et udelukket skema har ingen vurdering af ensomhed.", "lonely");
  } else {
    if (!optional_string(body, "exclusion_reason").empty()) {
      invalid("En årsag til udelukkelse kan kun angives, når skemaet er udelukket.", "exclusion_reason");
    }
    s.lonely = required_bool(body, "lonely");
  }
  const int64_t id = services_.stats->add_screening(account, s);
  return {Code::Created, dump({{"id", id}}), {}};
}

store::StatsQuery Server::stats_query(const Call& call, const store::Account& account) {
  const auto param = [&](const char* name) {
    const auto it = call.query.find(name);
    return it == call.query.end() ? std::string() : it->second;
  };
  const auto date = [&](const char* name, core::Date fallback) {
    const std::string text = param(name);
    if (text.empty()) return fallback;
    const auto parsed = core::parse_date(text);
    if (!parsed) throw core::Error(core::ErrorCode::invalid_parameter, std::string(name) + " skal være en dato (ÅÅÅÅ-MM-DD).", name);
    return *parsed;
  };
  const int year = core::to_ymd(today()).year;
  store::StatsQuery q;
  q.from = date("from", core::from_ymd({year, 1, 1}));
  q.to = date("to", core::from_ymd({year, 12, 31}));
  if (q.to < q.from) throw core::Error(core::ErrorCode::invalid_parameter, "to må ikke ligge før from.", "to");
  if (q.to.days - q.from.days > kMaxStatsDays) {
    throw core::Error(core::ErrorCode::invalid_parameter, "Perioden må højst være ti år.", "from");
  }
  q.team = param("team");
  if (characters(q.team) > 100) throw core::Error(core::ErrorCode::invalid_parameter, "team er for langt.", "team");
  const std::string asked = param("municipality");
  if (!asked.empty() && !services_.geo.municipality(asked)) {
    throw core::Error(core::ErrorCode::invalid_parameter, "Kommunekoden findes ikke (fx 0661).", "municipality");
  }
  const std::string& own = account.municipality;  // read with the session, on every request
  if (own.empty() && account.role != store::Role::coordinator) {
    throw core::Error(core::ErrorCode::forbidden, "Din konto er ikke knyttet til en kommune. Kontakt din koordinator.");
  }
  if (!own.empty() && !asked.empty() && asked != own) {
    throw core::Error(core::ErrorCode::forbidden, "Du kan kun se tal for din egen kommune.", "municipality");
  }
  q.municipality = own.empty() ? asked : own;
  return q;
}

Server::Reply Server::stats(const Call& call) {
  const store::Account account = authenticate(call);
  require_staff_or_coordinator(account);
  require_services(services_.stats != nullptr);
  const store::StatsQuery q = stats_query(call, account);
  const store::Stats s = services_.stats->stats(q);
  json body = CountsWriter(false).counts(s.totals);
  body["from"] = core::format_date(q.from);
  body["to"] = core::format_date(q.to);
  body["municipality"] = nullable(q.municipality);
  body["team"] = nullable(q.team);
  body["by_month"] = json::array();
  for (const auto& [month, counts] : s.by_month) {
    json row = {{"month", month}};
    row.update(CountsWriter(false).counts(counts));
    body["by_month"].push_back(std::move(row));
  }
  body["by_team"] = json::array();
  for (const auto& [team, counts] : s.by_team) {
    json row = {{"team", team}};
    row.update(CountsWriter(true).counts(counts));
    body["by_team"].push_back(std::move(row));
  }
  return {Code::Ok, dump(body), {{"Cache-Control", "no-store"}}};
}

Server::Reply Server::stats_csv(const Call& call) {
  const store::Account account = authenticate(call);
  require_staff_or_coordinator(account);
  require_services(services_.stats != nullptr);
  const store::StatsQuery q = stats_query(call, account);
  const store::Stats s = services_.stats->stats(q);
  std::string csv = "\xEF\xBB\xBF" + csv_row(csv_header());
  const auto add = [&csv](const std::string& kind, const std::string& key, const json& counts) {
    std::vector<std::string> cells = {kind, key};
    for (auto& cell : csv_counts(counts)) cells.push_back(std::move(cell));
    csv += csv_row(cells);
  };
  add("I alt", core::format_date(q.from) + " til " + core::format_date(q.to), CountsWriter(false).counts(s.totals));
  for (const auto& [month, counts] : s.by_month) add("Måned", month, CountsWriter(false).counts(counts));
  for (const auto& [team, counts] : s.by_team) add("Team", team.empty() ? "(uden team)" : team, CountsWriter(true).counts(counts));
  return {Code::Ok,
          csv,
          {{"Content-Type", "text/csv; charset=utf-8"},
           {"Content-Disposition",
            "attachment; filename=\"statistik-" + core::format_date(q.from) + "-" + core::format_date(q.to) + ".csv\""},
           {"Cache-Control", "no-store"}}};
}

Server::Reply Server::supply_demand(const Call& call) {
  const store::Account account = authenticate(call);
  require_staff_or_coordinator(account);
  require_coordinator(account);
  require_services(services_.stats != nullptr);
  const store::StatsQuery q = stats_query(call, account);
  json areas = json::array();
  for (const auto& a : services_.stats->supply_demand(q)) {
    areas.push_back({{"postcode", a.postcode},
                     {"name", a.name},
                     {"interest", a.interest},
                     {"asked", a.asked},
                     {"offered", a.offered},
                     {"misses", a.misses}});
  }
  return {Code::Ok,
          dump({{"from", core::format_date(q.from)}, {"to", core::format_date(q.to)}, {"areas", std::move(areas)}}),
          {{"Cache-Control", "no-store"}}};
}

}  // namespace portal::api
