// GET / : the citizen search page. The form's parameters are the search API's, parsed by the
// same search::parse_search_request, so the URL is the whole state and can be shared. The page's
// script fetches the same URL with &visning=resultater to get only the results fragment.
#include <chrono>
#include <string>

#include <spdlog/spdlog.h>

#include "api/error_mapping.h"
#include "api/http_util.h"
#include "api/server.h"
#include "core/calendar.h"
#include "core/errors.h"
#include "frontend/assets.h"
#include "frontend/search_view.h"
#include "search/request.h"

namespace portal::api {
namespace {

using nlohmann::json;
namespace Http = Pistache::Http;
namespace Rest = Pistache::Rest;

// "https://{s}.tile.example.org/{z}/{x}/{y}.png" → "https://*.tile.example.org"; "" when the
// template is not an http(s) URL (then no external image host is allowed).
std::string tile_origin(const std::string& tiles) {
  const auto scheme_end = tiles.find("://");
  if (scheme_end == std::string::npos) return "";
  const std::string scheme = tiles.substr(0, scheme_end);
  if (scheme != "https" && scheme != "http") return "";
  const auto host_end = tiles.find('/', scheme_end + 3);
  std::string host = tiles.substr(scheme_end + 3, host_end == std::string::npos ? std::string::npos : host_end - scheme_end - 3);
  if (const auto s = host.find("{s}"); s != std::string::npos) host.replace(s, 3, "*");
  for (const char c : host) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                    c == ':' || c == '*' || c == '[' || c == ']';
    if (!ok) return "";  // never let a flag write arbitrary text into the CSP header
  }
  return host.empty() ? "" : scheme + "://" + host;
}

// The page, gzip-compressed when the client allows it (a results page is ~20 KB, ~4 KB compressed).
void send_html(const Rest::Request& request, Http::ResponseWriter& response, Http::Code code, std::string body,
               const std::string& csp) {
  const bool head = request.method() == Http::Method::Head;
  const auto accept = request.headers().tryGetRaw("Accept-Encoding");
  add_header(response, "Vary", "Accept-Encoding, Cookie");
  if (accept && frontend::accepts_gzip(accept->value()) && body.size() >= 1024) {
    body = frontend::gzip_compress(body);
    add_header(response, "Content-Encoding", "gzip");
  }
  add_header(response, "X-Content-Type-Options", "nosniff");
  add_header(response, "Referrer-Policy", "same-origin");
  add_header(response, "Cache-Control", "no-cache");
  add_header(response, "Content-Security-Policy", csp);
  response.send(code, head ? std::string() : std::move(body), MIME(Text, Html));
}

}  // namespace

void Server::search_page(const Rest::Request& request, Http::ResponseWriter& response) {
  const std::string tiles = config_.map_tiles == "none" ? "" : config_.map_tiles;
  const std::string origin = tile_origin(tiles);
  const std::string csp = "default-src 'self'; img-src 'self' data:" + (origin.empty() ? "" : " " + origin) +
                          "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
  const frontend::PageContext context{services_.vocabulary, services_.geo, origin.empty() ? "" : tiles,
                                      config_.map_attribution};
  const auto now = core::copenhagen_time(std::chrono::system_clock::now());

  search::SearchParams raw;
  json error;  // null, or {"field","message"}
  try {
    raw = query_params(request);
  } catch (const core::Error& e) {
    error = {{"field", e.field()}, {"message", e.what()}};
  }
  const bool fragment = raw.count("visning") && raw.at("visning") == "resultater";
  const auto state = frontend::SearchState::from_params(raw);

  json answer;
  json everything;
  if (error.is_null() && !state.empty()) {
    try {
      const auto parsed = search::parse_search_request(state.params(), services_.vocabulary, services_.geo);
      answer = services_.searcher.search(parsed, now);
      if (services_.search_misses) services_.search_misses->record(parsed, answer.value("total", uint64_t{0}), now.date);
    } catch (const core::Error& e) {
      if (e.code() != core::ErrorCode::invalid_parameter) throw;
      error = {{"field", e.field()}, {"message", e.what()}};
    }
  } else if (error.is_null()) {
    // The first visit: the interest shortcuts count everything there is.
    search::SearchRequest all;
    all.per_page = 1;
    everything = services_.searcher.search(all, now);
  }

  json view = frontend::search_page_view(state, answer, error, everything, context);
  const Http::Code code = error.is_null() ? Http::Code::Ok : Http::Code::Bad_Request;
  if (fragment) {
    send_html(request, response, code, renderer_.fragment("search_results", view), csp);
    return;
  }
  const auto header = request.headers().tryGetRaw("Cookie");
  view["text_large"] = header && frontend::large_text(header->value());
  view["scripts"] = json::array({{{"src", frontend::asset_url("/assets/soeg.js")}}});
  view["leaflet_js"] = frontend::asset_url("/assets/leaflet.js");
  view["leaflet_css"] = frontend::asset_url("/assets/leaflet.css");
  view["marker_icon"] = frontend::asset_url("/assets/img/marker-icon.png");
  view["marker_icon_2x"] = frontend::asset_url("/assets/img/marker-icon-2x.png");
  view["marker_shadow"] = frontend::asset_url("/assets/img/marker-shadow.png");
  view["description"] = "Find fællesskaber, foreninger og aktiviteter nær dig.";
  send_html(request, response, code, renderer_.page("search", view), csp);
}

}  // namespace portal::api
