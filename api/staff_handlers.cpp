// Staff: portal cards with QR codes and the "Fællesskab" tag (docs/api-staff.md). Thin handlers:
// decode and validate the body, call CardStore, shape the answer.
#include <algorithm>
#include <chrono>
#include <set>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "api/http_util.h"
#include "api/qr_svg.h"
#include "api/roles.h"
#include "api/server.h"
#include "core/calendar.h"
#include "core/errors.h"
#include "core/privacy.h"
#include "search/request.h"

namespace portal::api {

using nlohmann::json;
using Pistache::Http::Code;

namespace {

inline constexpr size_t kMaxCardActivities = 12;
// The parameters of GET /api/v1/search a card may save (contract section 3).
const std::set<std::string> kSearchKeys = {"q",        "interest", "transport", "accessibility", "target",
                                           "municipality", "postcode", "near", "radius_km", "day",
                                           "time_of_day", "free", "sort", "per_page", "page"};

[[noreturn]] void bad(const std::string& message, const std::string& field) {
  throw core::Error(core::ErrorCode::invalid_parameter, message, field);
}

// The card's "search" object as the search endpoint's parameters: strings, numbers and booleans
// as text, arrays of strings joined by commas (like repeated parameters).
search::SearchParams search_params(const json& search) {
  if (!search.is_object()) bad("Søgningen skal være et JSON-objekt med søgeparametre.", "search");
  search::SearchParams params;
  for (const auto& [key, value] : search.items()) {
    if (!kSearchKeys.contains(key)) bad("Søgningen kan ikke gemme parameteren '" + key + "'.", "search." + key);
    std::string text;
    if (value.is_string()) {
      text = value.get<std::string>();
    } else if (value.is_number() || value.is_boolean()) {
      text = value.dump();
    } else if (value.is_array() && std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); })) {
      for (const auto& v : value) text += (text.empty() ? "" : ",") + v.get<std::string>();
    } else {
      bad("Søgeparameteren '" + key + "' skal være tekst.", "search." + key);
    }
    if (!text.empty()) params[key] = text;
  }
  return params;
}

std::string card_code_from_path(const std::string& raw) {
  const auto code = store::normalize_card_code(raw);
  if (!code) throw core::Error(core::ErrorCode::not_found, "Kortet findes ikke. Tjek koden på kortet.", "code");
  return *code;
}

// The first ~180 bytes of a description, cut at a UTF-8 character boundary.
std::string short_snippet(const json& data) {
  std::string text = data["activity"].value("description", "");
  if (text.size() <= 180) return text;
  size_t cut = 180;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

bool optional_bool(const json& body, const char* name, bool fallback) {
  if (!body.contains(name) || body[name].is_null()) return fallback;
  if (!body[name].is_boolean()) bad(std::string("Feltet '") + name + "' skal være true eller false.", name);
  return body[name].get<bool>();
}

}  // namespace

void Server::require_card_services() const {
  require_services(services_.accounts != nullptr && services_.cards != nullptr);
}

std::string Server::public_url() const {
  if (!config_.public_url.empty()) {
    std::string url = config_.public_url;
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
  }
  return "http://127.0.0.1:" + std::to_string(port());
}

Server::Reply Server::create_card(const Call& call) {
  require_card_services();
  const store::Account account = authenticate(call);
  require_staff_or_coordinator(account);
  const json body = parse_body(call);
  store::NewCard card;
  if (body.contains("activity_ids") && !body["activity_ids"].is_null()) {
    const json& ids = body["activity_ids"];
    if (!ids.is_array()) bad("activity_ids skal være en liste af aktiviteters id.", "activity_ids");
    for (const auto& id : ids) {
      if (!id.is_string() || !core::valid_id(id.get<std::string>())) {
        bad("activity_ids skal være en liste af aktiviteters id.", "activity_ids");
      }
      const std::string text = id.get<std::string>();
      if (std::find(card.activity_ids.begin(), card.activity_ids.end(), text) != card.activity_ids.end()) continue;
      if (!services_.searcher.document(text)) {
        bad("Aktiviteten '" + text + "' findes ikke. Den kan være slettet.", "activity_ids");
      }
      card.activity_ids.push_back(text);
    }
    if (card.activity_ids.size() > kMaxCardActivities) {
      bad("Et kort kan højst have " + std::to_string(kMaxCardActivities) + " aktiviteter.", "activity_ids");
    }
  }
  if (body.contains("search") && !body["search"].is_null()) {
    const search::SearchParams params = search_params(body["search"]);
    if (const auto q = params.find("q"); q != params.end()) core::refuse_cpr(q->second, "search.q");
    try {
      search::parse_search_request(params, services_.vocabulary, services_.geo);
    } catch (const core::Error& e) {
      throw core::Error(e.code(), e.what(), e.field().empty() ? "search" : "search." + e.field());
    }
    for (const auto& [key, value] : params) card.search[key] = value;
  }
  if (card.activity_ids.empty() && card.search.empty()) {
    bad("Vælg mindst én aktivitet eller gem en søgning på kortet.", "activity_ids");
  }
  const store::Card stored = services_.cards->create_card(account, card);
  spdlog::info("card {} created by {}", stored.code, account.username);
  return {Code::Created,
          dump({{"code", store::display_card_code(stored.code)},
                {"url", "/k/" + stored.code},
                {"qr_svg", "/api/v1/cards/" + stored.code + "/qr.svg"}}),
          {{"Location", "/api/v1/cards/" + stored.code}}};
}

Server::Reply Server::card(const Call& call) {
  require_card_services();
  return {Code::Ok, dump(card_data(card_code_from_path(call.id))), {{"Cache-Control", "no-store"}}};
}

json Server::card_data(const std::string& code) {
  require_card_services();
  const auto card = services_.cards->card(code);
  if (!card) throw core::Error(core::ErrorCode::not_found, "Kortet findes ikke. Tjek koden på kortet.", "code");
  services_.cards->count_view(code);
  const auto now = core::copenhagen_time(std::chrono::system_clock::now());
  json activities = json::array();
  for (const auto& id : card->activity_ids) {
    const auto data = services_.searcher.document(id);
    if (!data) continue;  // deleted since
    const auto freshness = search::document_freshness(*data, now.date, config_.freshness);
    if (freshness && freshness->state == core::FreshnessState::hidden) continue;
    json result = search::result_json(*data, short_snippet(*data), std::nullopt, now);
    if (freshness) result["freshness"] = search::freshness_json(*freshness);
    activities.push_back(std::move(result));
  }
  json results = nullptr;
  if (!card->search.empty()) {
    search::SearchParams params;
    for (const auto& [key, value] : card->search.items()) params[key] = value.get<std::string>();
    params.erase("page");  // the first page
    results = services_.searcher.search(search::parse_search_request(params, services_.vocabulary, services_.geo), now);
  }
  return {{"code", store::display_card_code(card->code)},
          {"created", core::format_date(card->created)},
          {"activities", activities},
          {"search", card->search},
          {"search_results", results}};
}

Server::Reply Server::card_qr(const Call& call) {
  require_card_services();
  const std::string code = card_code_from_path(call.id);
  if (!services_.cards->card(code)) {
    throw core::Error(core::ErrorCode::not_found, "Kortet findes ikke. Tjek koden på kortet.", "code");
  }
  return {Code::Ok,
          qr_svg(public_url() + "/k/" + code),
          {{"Content-Type", "image/svg+xml"}, {"Cache-Control", "public, max-age=86400"}}};
}

Server::Reply Server::create_tag(const Call& call) {
  require_card_services();
  const store::Account account = authenticate(call);
  require_staff_or_coordinator(account);
  const json body = parse_body(call);
  store::NewTag tag;
  if (body.contains("tag") && body["tag"] != "faellesskab") bad("Mærket skal være \"faellesskab\".", "tag");
  if (!body.contains("date") || !body["date"].is_string()) bad("Angiv datoen for besøget (ÅÅÅÅ-MM-DD).", "date");
  const auto date = core::parse_date(body["date"].get<std::string>());
  if (!date) bad("Datoen skal skrives som ÅÅÅÅ-MM-DD, fx 2026-11-20.", "date");
  const core::Date today = core::copenhagen_time(std::chrono::system_clock::now()).date;
  if (*date > today) bad("Datoen må ikke ligge i fremtiden.", "date");
  if (date->days < today.days - 365) bad("Datoen må højst være et år gammel.", "date");
  tag.date = *date;
  if (body.contains("card_code") && !body["card_code"].is_null()) {
    if (!body["card_code"].is_string()) bad("Kortets kode skal være tekst.", "card_code");
    const std::string typed = body["card_code"].get<std::string>();
    core::refuse_cpr(typed, "card_code");
    const auto code = store::normalize_card_code(typed);
    if (!code) bad("Kortets kode findes ikke. Den har 8 tegn, fx K7MX-P4RT.", "card_code");
    tag.card_code = *code;
  }
  tag.card_given = optional_bool(body, "card_given", !tag.card_code.empty());
  tag.conversation = optional_bool(body, "conversation", false);
  tag.follow_up = optional_bool(body, "follow_up", false);
  tag.referral = optional_bool(body, "referral", false);
  if (body.contains("interests") && !body["interests"].is_null()) {
    if (!body["interests"].is_array()) bad("Interesserne skal være en liste af koder.", "interests");
    for (const auto& value : body["interests"]) {
      const std::string code = value.is_string() ? value.get<std::string>() : value.dump();
      if (!value.is_string() || !services_.vocabulary.has(core::CodeKind::interest, code)) {
        bad("Ukendt interesse: " + code + ".", "interests");
      }
      if (std::find(tag.interests.begin(), tag.interests.end(), code) == tag.interests.end()) {
        tag.interests.push_back(code);
      }
    }
  }
  if (body.contains("postcode") && !body["postcode"].is_null()) {
    if (!body["postcode"].is_string() || !services_.geo.postcode(body["postcode"].get<std::string>())) {
      bad("Postnummeret findes ikke. Skriv fire cifre, fx 7500.", "postcode");
    }
    tag.postcode = body["postcode"].get<std::string>();
  }
  const int64_t id = services_.cards->create_tag(account, tag);
  return {Code::Created, dump({{"id", id}}), {}};
}

}  // namespace portal::api
