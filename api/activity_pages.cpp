// Citizen pages rendered on the server (docs/frontend.md): the activity page and its calendar
// file, the card page /k/CODE, the larger-text switch /tekst and the about page /om. Thin
// handlers: read the index or the card store, build the view model (frontend/activity_view.h),
// render. Unknown ids and codes answer a Danish 404 page, never a 500.
#include <algorithm>
#include <chrono>
#include <set>
#include <variant>

#include <spdlog/spdlog.h>

#include "api/error_mapping.h"
#include "api/http_util.h"
#include "api/server.h"
#include "frontend/activity_view.h"
#include "frontend/assets.h"
#include "frontend/calendar_file.h"
#include "frontend/search_view.h"
#include "store/card_store.h"

namespace portal::api {

using nlohmann::json;
using Pistache::Http::Code;
namespace Http = Pistache::Http;

namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr const char* kCsp = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

std::string escape_location(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : path) {
    if (c >= 0x80 || c == ' ' || c == '"') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

template <typename R>
R with_cache(R reply, const char* policy) {
  reply.headers.emplace_back("Cache-Control", policy);
  return reply;
}

json not_found_model(const std::string& heading, const std::string& message) {
  return {{"title", heading}, {"heading", heading}, {"message", message}};
}

}  // namespace

void Server::activity_routes() {
  page("/aktivitet/:id", [this](const Call& c) { return activity_html(c); });
  page("/aktivitet/:id/kalender.ics", [this](const Call& c) { return activity_ics(c); });
  page("/api/v1/activities/:id/calendar.ics", [this](const Call& c) {
    Reply reply = activity_ics(c);
    if (reply.status == Code::Not_Found) {
      throw core::Error(core::ErrorCode::not_found,
                        "Aktiviteten findes ikke, eller den har ingen faste datoer, der kan føjes til en kalender.", "id");
    }
    return reply;
  });
  offload(Http::Method::Get, "/k", [this](const Call& c) { return card_html(c); });
  offload(Http::Method::Get, "/k/:id", [this](const Call& c) { return card_html(c); });
  page("/tekst", [this](const Call& c) { return text_size(c); });
  page("/om", [this](const Call& c) { return about_html(c); });
}

Server::Reply Server::html_page(Code status, std::string_view name, json model, const Call& call) const {
  model["text_large"] = frontend::large_text(call.cookie);
  if (!model.contains("path")) model["path"] = "/";
  model["scripts"] = json::array({{{"src", frontend::asset_url("/aktivitet.js")}}});
  return {status,
          renderer_.page(name, model),
          {{"Content-Type", kHtml}, {"Content-Security-Policy", kCsp}}};
}

Server::Reply Server::activity_html(const Call& call) {
  const auto data = core::valid_id(call.id) ? services_.searcher.document(call.id) : std::nullopt;
  if (!data) {
    return with_cache(html_page(Code::Not_Found, "not_found",
                                not_found_model("Aktiviteten findes ikke",
                                                "Vi kan ikke finde aktiviteten. Den kan være slettet, eller adressen "
                                                "kan være skrevet forkert. Prøv at søge efter den."),
                                call),
                      "no-cache");
  }
  const json activity = activity_page(*data);
  frontend::ActivityLinks links;
  links.page_url = public_url() + "/aktivitet/" + call.id;
  links.back_href = frontend::search_back_link(call.referer, call.host);
  if (!activity["next_occurrences"].empty()) links.calendar_href = "/aktivitet/" + call.id + "/kalender.ics";
  json model = frontend::activity_view(activity, services_.vocabulary, links);
  model["path"] = "/aktivitet/" + call.id;
  model["page_class"] = "side-aktivitet";
  if (const std::string description = activity.value("description", ""); !description.empty()) {
    model["description"] = description.substr(0, std::min<size_t>(description.size(), 150));
    // a cut inside a UTF-8 character would be invalid: cut back to a character boundary
    std::string& d = model["description"].get_ref<std::string&>();
    while (!d.empty() && d.size() < description.size() && (static_cast<unsigned char>(description[d.size()]) & 0xC0) == 0x80) {
      d.pop_back();
    }
  }
  return with_cache(html_page(Code::Ok, "activity", model, call), "no-cache");
}

Server::Reply Server::activity_ics(const Call& call) {
  const auto data = core::valid_id(call.id) ? services_.searcher.document(call.id) : std::nullopt;
  if (!data) {
    return with_cache(html_page(Code::Not_Found, "not_found",
                                not_found_model("Aktiviteten findes ikke",
                                                "Vi kan ikke finde aktiviteten, så den kan ikke føjes til din kalender."),
                                call),
                      "no-cache");
  }
  const auto parsed = parser_.activity((*data)["activity"]);
  const auto* activity = std::get_if<core::Activity>(&parsed);
  if (!activity) throw std::runtime_error("stored activity " + call.id + " does not parse");
  const json& association = (*data)["association"];
  frontend::CalendarSource source{*activity, association.value("name", ""), public_url() + "/aktivitet/" + call.id,
                                  core::Contact{"", association.value("phone", ""), association.value("email", "")}};
  const auto now = std::chrono::system_clock::now();
  const auto text = frontend::activity_calendar(source, core::copenhagen_time(now), now);
  if (!text) {
    json model = not_found_model("Ingen faste datoer",
                                 "Aktiviteten foregår efter aftale eller har ingen kommende datoer, så der er "
                                 "intet at føje til kalenderen. Ring eller skriv til foreningen og aftal en tid.");
    return with_cache(html_page(Code::Not_Found, "not_found", model, call), "no-cache");
  }
  return {Code::Ok,
          *text,
          {{"Content-Type", "text/calendar; charset=utf-8"},
           {"Content-Disposition", "attachment; filename=\"" + frontend::calendar_file_name(call.id) + "\""},
           {"Cache-Control", "no-cache"}}};
}

Server::Reply Server::card_html(const Call& call) {
  json model = {{"title", "Dit kort"}, {"path", "/k"}, {"page_class", "side-kort"}};
  auto form = [&](Code status, const std::string& typed, const std::string& error) {
    model["kortet"] = false;  // not "card": partials share the names of the templates
    model["typed"] = typed;
    if (!error.empty()) model["error"] = error;
    return with_cache(html_page(status, "card", model, call), "no-store");
  };
  std::string typed = call.id;
  if (typed.empty()) {
    const auto kode = call.query.find("kode");
    if (kode == call.query.end() || kode->second.find_first_not_of(' ') == std::string::npos) {
      return form(Code::Ok, "", "");
    }
    typed = kode->second;
    if (const auto code = store::normalize_card_code(typed)) {
      return {Code::See_Other, "", {{"Location", "/k/" + *code}, {"Cache-Control", "no-store"}}};
    }
  }
  if (typed.size() > 40) typed = typed.substr(0, 40);
  const auto code = store::normalize_card_code(typed);
  if (!code) {
    return form(Code::Not_Found, typed,
                "\"" + typed + "\" er ikke en gyldig kode. Koden har 8 tegn, fx K7MX-P4RT. Tallet 0 og bogstavet O "
                "bruges ikke, heller ikke 1, I og L.");
  }
  json card;
  try {
    card = card_data(*code);
  } catch (const core::Error& e) {
    if (e.code() != core::ErrorCode::not_found) throw;
    return form(Code::Not_Found, store::display_card_code(*code),
                "Vi kan ikke finde et kort med koden " + store::display_card_code(*code) +
                    ". Tjek koden og prøv igen.");
  }
  // Each activity as the search's result card (frontend/search_view.h) with its contact (the
  // activity page's view model) below it, for the printed card.
  const auto view_of = [this](const json& result) -> std::optional<json> {
    const auto data = services_.searcher.document(result.value("id", ""));
    if (!data) return std::nullopt;
    json v = frontend::result_view(result, services_.vocabulary);
    const json page = frontend::activity_view(activity_page(*data), services_.vocabulary, frontend::ActivityLinks{});
    for (const char* key : {"contact_name", "phone", "tel_href", "email", "mailto_href"}) {
      v[key] = page.contains(key) ? page[key] : json(false);
    }
    v["has_contact"] = page.value("has_contact", false);
    v["both"] = page.contains("tel_href") && page.contains("mailto_href");
    return v;
  };
  json chosen = json::array();
  std::set<std::string> ids;
  for (const auto& a : card["activities"]) {
    if (auto v = view_of(a)) {
      chosen.push_back(std::move(*v));
      ids.insert(a.value("id", ""));
    }
  }
  json more = json::array();
  if (card["search_results"].is_object()) {
    for (const auto& r : card["search_results"]["results"]) {
      if (ids.contains(r.value("id", ""))) continue;
      if (auto v = view_of(r)) more.push_back(std::move(*v));
    }
  }
  const bool large_print = call.query.contains("udskrift") && call.query.at("udskrift") == "stor";
  const std::string created = card.value("created", "");
  json view = {{"code", card["code"]},
               {"code_path", *code},
               {"chosen", chosen},
               {"has_chosen", !chosen.empty()},
               {"has_search", card["search_results"].is_object()},
               {"more", more},
               {"has_more", !more.empty()},
               {"large_print", large_print},
               {"card_url", public_url() + "/k/" + *code}};
  if (const auto d = core::parse_date(created)) view["created_text"] = frontend::danish_date(*d);
  model["kortet"] = view;
  model["title"] = "Dit kort " + card["code"].get<std::string>();
  model["path"] = "/k/" + *code;
  if (large_print) model["page_class"] = "side-kort kort-stor-skrift";
  return with_cache(html_page(Code::Ok, "card", model, call), "no-store");
}

Server::Reply Server::text_size(const Call& call) {
  const auto size = call.query.find("stoerrelse");
  const auto back = call.query.find("tilbage");
  const std::string path = frontend::same_site_path(back == call.query.end() ? std::string_view() : back->second);
  Reply reply{Code::See_Other, "", {{"Location", escape_location(path)}, {"Cache-Control", "no-store"}}};
  if (size != call.query.end() && size->second == "stor") {
    reply.headers.emplace_back("Set-Cookie", "tekst=stor; Path=/; Max-Age=31536000; SameSite=Lax");
  } else if (size != call.query.end() && size->second == "normal") {
    reply.headers.emplace_back("Set-Cookie", "tekst=; Path=/; Max-Age=0; SameSite=Lax");
  }
  return reply;
}

Server::Reply Server::about_html(const Call& call) {
  return with_cache(html_page(Code::Ok, "about", {{"title", "Om portalen"}, {"path", "/om"}, {"page_class", "side-om"}}, call),
                    "no-cache");
}

}  // namespace portal::api
