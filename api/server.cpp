#include "api/server.h"

#include <ctime>
#include <thread>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "api/error_mapping.h"
#include "api/http_util.h"
#include "api/roles.h"
#include "core/calendar.h"
#include "core/listing_json.h"
#include "frontend/assets.h"
#include "search/document.h"
#include "search/request.h"

namespace portal::api {

using nlohmann::json;
using Pistache::Http::Code;
namespace Http = Pistache::Http;
namespace Rest = Pistache::Rest;

namespace {

const auto kJson = Http::Mime::MediaType::fromString("application/json; charset=utf-8");

// Pistache 0.0.5 writes only the typed headers of a response (Header::Collection::list());
// headers added with addRaw() are silently dropped. This typed header carries any name.
class NamedHeader : public Http::Header::Header {
 public:
  NamedHeader(std::string name, std::string value) : name_(std::move(name)), value_(std::move(value)) {}
  const char* name() const override { return name_.c_str(); }
  void write(std::ostream& os) const override { os << value_; }
#ifdef SAFE_HEADER_CAST
  uint64_t hash() const override { return Http::Header::detail::hash(name_.c_str()); }
#endif

 private:
  std::string name_;
  std::string value_;
};

void set_header(Http::ResponseWriter& response, std::string name, std::string value) {
  response.headers().add(std::make_shared<NamedHeader>(std::move(name), std::move(value)));
}

void common_headers(Http::ResponseWriter& response) {
  set_header(response, "X-Content-Type-Options", "nosniff");
  set_header(response, "Referrer-Policy", "same-origin");
}

// Set by Server::guarded() while a handler answers a HEAD request on this thread: Pistache
// sends whatever body it is given, and a body after a HEAD answer corrupts the connection.
thread_local bool t_head_request = false;

std::string payload(std::string body) { return t_head_request ? std::string() : std::move(body); }

void send_json(Http::ResponseWriter& response, Code code, const json& body) {
  common_headers(response);
  response.send(code, payload(body.dump(-1, ' ', false, json::error_handler_t::replace)), kJson);
}

void send_error(Http::ResponseWriter& response, const ErrorResponse& error) {
  common_headers(response);
  response.send(error.status, payload(error.body), kJson);
}

}  // namespace

Server::Server(ServerConfig config, Services services)
    : config_(std::move(config)),
      services_(services),
      parser_(services.vocabulary, services.geo),
      limiter_(config_.login_limits),
      work_(config_.work_threads),
      vocabulary_body_(services.vocabulary.json().dump()),
      staff_pages_(frontend::Renderer()) {  // also hashes and compresses the static assets (asset_url)
  routes();
}

Server::~Server() { shutdown(std::chrono::milliseconds(0)); }

Rest::Route::Handler Server::guarded(Handler handler) {
  return [this, handler](const Rest::Request& request, Http::ResponseWriter response) {
    ++in_flight_;
    t_head_request = request.method() == Http::Method::Head;
    try {
      if (draining_) {
        send_error(response, error_response(core::ErrorCode::unavailable, "Serveren lukker ned. Prøv igen om lidt."));
      } else {
        handler(request, response);
      }
    } catch (const core::Error& e) {
      send_error(response, error_response(e));
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", Http::methodString(request.method()), request.resource(), e.what());
      send_error(response, error_response(core::ErrorCode::internal, "Der opstod en fejl på serveren. Prøv igen."));
    }
    t_head_request = false;
    --in_flight_;
    return Rest::Route::Result::Ok;
  };
}

void Server::get(const std::string& path, Handler handler, bool writable) {
  Rest::Routes::Get(router_, path, guarded(handler));
  Rest::Routes::Head(router_, path, guarded(std::move(handler)));
  auto not_allowed = guarded([writable](const Rest::Request&, Http::ResponseWriter& response) {
    set_header(response, "Allow", writable ? "GET, HEAD, PUT, DELETE" : "GET, HEAD");
    send_error(response, ErrorResponse{Code::Method_Not_Allowed,
                                       error_response(core::ErrorCode::invalid_parameter,
                                                      writable ? "Denne adresse kan læses (GET), ændres (PUT) "
                                                                 "og slettes (DELETE)."
                                                               : "Denne adresse kan kun læses (GET).")
                                           .body});
  });
  Rest::Routes::Post(router_, path, not_allowed);
  if (!writable) {
    Rest::Routes::Put(router_, path, not_allowed);
    Rest::Routes::Delete(router_, path, not_allowed);
  }
  Rest::Routes::Patch(router_, path, not_allowed);
}

Server::Call Server::call_from(const Rest::Request& request) {
  Call call;
  call.body = request.body();
  call.address = request.address().host();
  call.query = query_params(request);
  if (request.hasParam(":id")) call.id = path_param(request.param(":id").as<std::string>(), "id");
  std::string authorization;
  if (const auto typed = request.headers().tryGet<Http::Header::Authorization>()) {
    authorization = typed->value();
  } else if (const auto raw = request.headers().tryGetRaw("Authorization")) {
    authorization = raw->value();
  }
  if (authorization.size() > 7 && (authorization.compare(0, 7, "Bearer ") == 0 ||
                                   authorization.compare(0, 7, "bearer ") == 0)) {
    call.bearer = authorization.substr(7);
    while (!call.bearer.empty() && call.bearer.back() == ' ') call.bearer.pop_back();
  }
  if (const auto raw = request.headers().tryGetRaw("Cookie")) call.cookie = raw->value();
  if (const auto raw = request.headers().tryGetRaw("Accept-Encoding")) call.gzip = frontend::accepts_gzip(raw->value());
  if (const auto raw = request.headers().tryGetRaw("Referer")) call.referer = raw->value();
  if (const auto host = request.headers().tryGet<Http::Header::Host>()) {
    call.host = host->host();
    const uint16_t port = host->port();
    if (port != 80 && port != 0) call.host += ":" + std::to_string(port);
  }
  return call;
}

void Server::send_reply(Http::ResponseWriter& writer, Reply reply, bool gzip) {
  common_headers(writer);
  auto type = kJson;
  for (auto& [name, value] : reply.headers) {
    if (name == "Content-Type") {
      type = Http::Mime::MediaType::fromString(value);
    } else {
      set_header(writer, name, value);
    }
  }
  if (type.sub() == Http::Mime::Subtype::Html) {
    set_header(writer, "Vary", "Accept-Encoding, Cookie");
    if (gzip && reply.body.size() >= 1024) {
      reply.body = frontend::gzip_compress(reply.body);
      set_header(writer, "Content-Encoding", "gzip");
    }
  }
  if (reply.body.empty()) {
    writer.send(reply.status);
  } else {
    writer.send(reply.status, payload(std::move(reply.body)), type);
  }
}

void Server::page(const std::string& path, CallHandler handler) {
  get(path, [handler = std::move(handler)](const Rest::Request& request, Http::ResponseWriter& response) {
    Call call = call_from(request);
    send_reply(response, handler(call), call.gzip);
  });
}

Server::Handler Server::offloaded(CallHandler handler) {
  return [this, handler = std::move(handler)](const Rest::Request& request, Http::ResponseWriter& response) {
    // Copy everything out of the request: it is a reference that dies with this call.
    Call call = call_from(request);
    auto writer = std::make_shared<Http::ResponseWriter>(std::move(response));
    ++in_flight_;
    const bool queued = work_.submit([this, handler, call = std::move(call), writer] {
      try {
        send_reply(*writer, handler(call), call.gzip);
      } catch (const core::Error& e) {
        if (e.code() == core::ErrorCode::unauthorized) set_header(*writer, "WWW-Authenticate", "Bearer");
        if (e.code() == core::ErrorCode::too_many_requests) set_header(*writer, "Retry-After", "900");
        send_error(*writer, error_response(e));
      } catch (const std::exception& e) {
        spdlog::error("{}: {}", "write request", e.what());
        send_error(*writer,
                   error_response(core::ErrorCode::internal, "Der opstod en fejl på serveren. Prøv igen."));
      }
      --in_flight_;
    });
    if (!queued) {
      --in_flight_;
      send_error(*writer, error_response(core::ErrorCode::unavailable, "Serveren lukker ned. Prøv igen om lidt."));
    }
  };
}

void Server::offload(Http::Method method, const std::string& path, CallHandler handler) {
  auto route = guarded(offloaded(std::move(handler)));
  switch (method) {
    case Http::Method::Get: Rest::Routes::Get(router_, path, std::move(route)); break;
    case Http::Method::Post: Rest::Routes::Post(router_, path, std::move(route)); break;
    case Http::Method::Put: Rest::Routes::Put(router_, path, std::move(route)); break;
    case Http::Method::Delete: Rest::Routes::Delete(router_, path, std::move(route)); break;
    default: throw std::logic_error("offload: unsupported method");
  }
}

void Server::routes() {
  get("/api/v1/search", [this](const auto& req, auto& res) { search(req, res); });
  // With a Bearer token, the activity's editors also see it pending or rejected (from PostgreSQL).
  get("/api/v1/activities/:id",
      [this, editor = offloaded([this](const Call& c) { return editor_activity(c); })](const auto& req, auto& res) {
        const bool token = req.headers().template tryGet<Http::Header::Authorization>() ||
                           req.headers().tryGetRaw("Authorization");
        if (token && req.method() == Http::Method::Get) {
          editor(req, res);
        } else {
          activity(req, res);
        }
      },
      true);
  offload(Http::Method::Post, "/api/v1/auth/login", [this](const Call& c) { return login(c); });
  offload(Http::Method::Post, "/api/v1/auth/logout", [this](const Call& c) { return logout(c); });
  offload(Http::Method::Post, "/api/v1/activities", [this](const Call& c) { return create_activity(c); });
  offload(Http::Method::Put, "/api/v1/activities/:id", [this](const Call& c) { return replace_activity(c); });
  offload(Http::Method::Delete, "/api/v1/activities/:id", [this](const Call& c) { return delete_activity(c); });
  // Accounts, associations and coordinator lists (docs/api-editing.md)
  offload(Http::Method::Get, "/api/v1/me", [this](const Call& c) { return me(c); });
  offload(Http::Method::Get, "/api/v1/associations/:id", [this](const Call& c) { return association(c); });
  offload(Http::Method::Put, "/api/v1/associations/:id", [this](const Call& c) { return replace_association(c); });
  offload(Http::Method::Get, "/api/v1/associations/:id/activities",
          [this](const Call& c) { return association_activities(c); });
  offload(Http::Method::Get, "/api/v1/coordinator/associations",
          [this](const Call& c) { return coordinator_associations(c); });
  offload(Http::Method::Get, "/api/v1/coordinator/reminders.csv", [this](const Call& c) { return reminders_csv(c); });
  offload(Http::Method::Get, "/api/v1/accounts", [this](const Call& c) { return list_accounts(c); });
  offload(Http::Method::Put, "/api/v1/accounts/:id/disabled", [this](const Call& c) { return set_disabled(c); });
  offload(Http::Method::Post, "/api/v1/invitations", [this](const Call& c) { return create_invitation(c); });
  offload(Http::Method::Get, "/api/v1/invitations/:id", [this](const Call& c) { return invitation(c); });
  offload(Http::Method::Post, "/api/v1/invitations/:id/accept", [this](const Call& c) { return accept_invitation(c); });
  offload(Http::Method::Post, "/api/v1/imports", [this](const Call& c) { return import_upload(c); });
  // Staff: cards and tags (docs/api-staff.md)
  offload(Http::Method::Post, "/api/v1/cards", [this](const Call& c) { return create_card(c); });
  offload(Http::Method::Get, "/api/v1/cards/:id", [this](const Call& c) { return card(c); });
  offload(Http::Method::Get, "/api/v1/cards/:id/qr.svg", [this](const Call& c) { return card_qr(c); });
  offload(Http::Method::Post, "/api/v1/tags", [this](const Call& c) { return create_tag(c); });
  offload(Http::Method::Post, "/api/v1/activities/validate", [this](const Call& c) { return validate_activity(c); });
  offload(Http::Method::Post, "/api/v1/activities/:id/confirm", [this](const Call& c) { return confirm_activity(c); });
  offload(Http::Method::Post, "/api/v1/activities/:id/approve", [this](const Call& c) { return approve_activity(c); });
  offload(Http::Method::Post, "/api/v1/activities/:id/reject", [this](const Call& c) { return reject_activity(c); });
  offload(Http::Method::Put, "/api/v1/associations/:id/review", [this](const Call& c) { return set_review_required(c); });
  offload(Http::Method::Get, "/api/v1/review", [this](const Call& c) { return review_queue(c); });
  offload(Http::Method::Get, "/api/v1/coordinator/stale", [this](const Call& c) { return stale_activities(c); });
  // Staff: follow-ups, referrals, screenings and statistics (docs/api-staff.md)
  offload(Http::Method::Post, "/api/v1/follow-ups", [this](const Call& c) { return create_follow_up(c); });
  offload(Http::Method::Get, "/api/v1/follow-ups", [this](const Call& c) { return list_follow_ups(c); });
  offload(Http::Method::Put, "/api/v1/follow-ups/:id", [this](const Call& c) { return complete_follow_up(c); });
  offload(Http::Method::Post, "/api/v1/referrals", [this](const Call& c) { return create_referral(c); });
  offload(Http::Method::Get, "/api/v1/referrals", [this](const Call& c) { return list_referrals(c); });
  offload(Http::Method::Put, "/api/v1/referrals/:id", [this](const Call& c) { return update_referral(c); });
  offload(Http::Method::Post, "/api/v1/screenings", [this](const Call& c) { return create_screening(c); });
  offload(Http::Method::Get, "/api/v1/stats", [this](const Call& c) { return stats(c); });
  offload(Http::Method::Get, "/api/v1/stats.csv", [this](const Call& c) { return stats_csv(c); });
  offload(Http::Method::Get, "/api/v1/stats/supply-demand", [this](const Call& c) { return supply_demand(c); });
  get("/api/v1/vocabulary", [this](const auto& req, auto& res) { vocabulary(req, res); });
  get("/api/v1/suggest", [this](const auto& req, auto& res) { suggest(req, res); });
  get("/", [this](const auto& req, auto& res) { search_page(req, res); });
  get("/healthz", [this](const auto& req, auto& res) { health(req, res); });
  activity_routes();
  router_.addNotFoundHandler(guarded([this](const Rest::Request& req, Http::ResponseWriter& res) {
    fallback(req, std::move(res));
  }));
}

void Server::search(const Rest::Request& request, Http::ResponseWriter& response) {
  const auto params = query_params(request);
  const auto parsed = search::parse_search_request(params, services_.vocabulary, services_.geo);
  const auto now = core::copenhagen_time(std::chrono::system_clock::now());
  const auto answer = services_.searcher.search_serialised(parsed, now);
  if (services_.search_misses) services_.search_misses->record(parsed, answer->total, now.date);
  set_header(response, "Cache-Control", "no-cache");
  common_headers(response);
  response.send(Code::Ok, payload(answer->text), kJson);
}

void Server::activity(const Rest::Request& request, Http::ResponseWriter& response) {
  const std::string id = path_param(request.param(":id").as<std::string>(), "id");
  if (!core::valid_id(id)) {
    throw core::Error(core::ErrorCode::not_found, "Aktiviteten findes ikke.", "id");
  }
  send_json(response, Code::Ok, public_activity(id));
}

json Server::public_activity(const std::string& id) const {
  const auto data = services_.searcher.document(id);
  if (!data) throw core::Error(core::ErrorCode::not_found, "Aktiviteten findes ikke. Den kan være slettet.", "id");
  return activity_page(*data);
}

json Server::activity_page(const json& data) const {
  const auto now = core::copenhagen_time(std::chrono::system_clock::now());
  json body = data["activity"];
  body["association"] = data["association"];
  body["location"]["municipality"] = data["municipality"];
  body["location"]["approximate"] = !body["location"].contains("lat");
  body["location"]["lat"] = data["coordinate"]["lat"];
  body["location"]["lon"] = data["coordinate"]["lon"];
  if (const auto f = search::document_freshness(data, now.date, config_.freshness)) {
    body["freshness"] = search::freshness_json(*f);
  }
  body["next_occurrences"] = json::array();
  {
    // Re-parse the stored schedule through the listing parser to compute several dates.
    const core::ListingParser parser(services_.vocabulary, services_.geo);
    const auto parsed = parser.activity(data["activity"]);
    if (const auto* activity = std::get_if<core::Activity>(&parsed)) {
      for (const auto& o : core::next_occurrences(activity->schedule, now, 5)) {
        json occurrence = {{"date", core::format_date(o.date)},
                           {"weekday", core::weekday_codes()[static_cast<size_t>(core::weekday(o.date))]},
                           {"start", core::format_time(o.start_minute)}};
        if (o.end_minute) occurrence["end"] = core::format_time(*o.end_minute);
        body["next_occurrences"].push_back(occurrence);
      }
    }
  }
  return body;
}

void Server::suggest(const Rest::Request& request, Http::ResponseWriter& response) {
  const auto params = query_params(request);
  const auto q = params.find("q");
  const std::string text = q == params.end() ? std::string() : q->second;
  if (text.size() > 100) {
    throw core::Error(core::ErrorCode::invalid_parameter, "Teksten er for lang til forslag (højst 100 tegn).", "q");
  }
  send_json(response, Code::Ok, services_.searcher.suggest(text, 8));
}

void Server::vocabulary(const Rest::Request&, Http::ResponseWriter& response) {
  common_headers(response);
  set_header(response, "Cache-Control", "public, max-age=3600");
  response.send(Code::Ok, payload(vocabulary_body_), kJson);
}

void Server::health(const Rest::Request&, Http::ResponseWriter& response) {
  json body = {{"status", "ok"}};
  try {
    body["index"] = {{"documents", services_.searcher.size()}};
  } catch (const core::Error& e) {
    body["status"] = "unavailable";
    body["index"] = {{"error", e.what()}};
  }
  if (services_.sync) {
    const auto status = services_.sync->status();
    body["index"]["writer"] = status.writer;
    body["index"]["change_position"] = status.position;
    body["database"] = status.database_ok ? "ok" : "unavailable";
  }
  send_json(response, body["status"] == "ok" ? Code::Ok : Code::Service_Unavailable, body);
}

void Server::fallback(const Rest::Request& request, Http::ResponseWriter response) {
  const std::string resource = request.resource();
  const bool readable = request.method() == Http::Method::Get || request.method() == Http::Method::Head;
  if (resource.rfind("/api/", 0) != 0 && readable) {
    // Staff pages come in two text sizes, chosen by the "tekst" cookie.
    const bool large = request.cookies().has("tekst") && request.cookies().get("tekst").value == "stor";
    const frontend::Asset* asset = staff_pages_.find(resource, large);
    const bool by_cookie = asset != nullptr;
    if (!asset) asset = frontend::find_asset(resource);
    if (asset) {
      common_headers(response);
      const auto match = request.headers().tryGetRaw("If-None-Match");
      set_header(response, "ETag", asset->etag);
      set_header(response, "Cache-Control", asset->cache_control);
      if (by_cookie) {
        set_header(response, "Vary", "Accept-Encoding, Cookie");
      } else if (!asset->gzip.empty()) {
        set_header(response, "Vary", "Accept-Encoding");
      }
      if (match && match->value() == asset->etag) {
        response.send(Code::Not_Modified);
        return;
      }
      if (asset->content_type.rfind("text/html", 0) == 0) {
        set_header(response, "Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
      }
      const auto accept = request.headers().tryGetRaw("Accept-Encoding");
      const bool gzip = !asset->gzip.empty() && accept && frontend::accepts_gzip(accept->value());
      if (gzip) set_header(response, "Content-Encoding", "gzip");
      const std::string& full = gzip ? asset->gzip : asset->body;
      const std::string body = request.method() == Http::Method::Head ? std::string() : full;
      // As a plain header: Pistache's MediaType does not know font/woff2.
      set_header(response, "Content-Type", asset->content_type);
      response.send(Code::Ok, body);
      return;
    }
  }
  send_error(response, error_response(core::ErrorCode::not_found, "Siden findes ikke."));
}

// --- accounts and listing writes (run on the WorkPool) ----------------------------------------

json Server::parse_body(const Call& call) const {
  if (call.body.size() > config_.max_write_body_bytes) {
    throw core::Error(core::ErrorCode::payload_too_large,
                      "Forespørgslen er for stor (højst " + std::to_string(config_.max_write_body_bytes / 1024) +
                          " KB).");
  }
  json body = json::parse(call.body, nullptr, false);  // also rejects invalid UTF-8
  if (body.is_discarded() || !body.is_object()) {
    throw core::Error(core::ErrorCode::invalid_body, "Indholdet skal være et JSON-objekt (UTF-8).");
  }
  return body;
}

store::Account Server::authenticate(const Call& call) {
  require_services(services_.accounts != nullptr);
  if (call.bearer.empty()) {
    throw core::Error(core::ErrorCode::unauthorized, "Log ind først, og send nøglen som 'Authorization: Bearer …'.");
  }
  auto account = services_.accounts->session_account(call.bearer);
  if (!account) {
    throw core::Error(core::ErrorCode::unauthorized, "Du er ikke logget ind, eller dit login er udløbet. Log ind igen.");
  }
  return *account;
}

Server::Reply Server::login(const Call& call) {
  require_services(services_.accounts != nullptr);
  const json body = parse_body(call);
  const std::string& username = string_field(body, "username");
  const std::string& password = string_field(body, "password");
  if (limiter_.blocked(username, call.address)) {
    throw core::Error(core::ErrorCode::too_many_requests,
                      "For mange mislykkede login-forsøg. Vent et kvarter, og prøv igen.");
  }
  const auto session = services_.accounts->login(username, password);
  if (!session) {
    limiter_.failed(username, call.address);
    // The same answer whether the user exists or not (contract section 3).
    throw core::Error(core::ErrorCode::unauthorized, "Forkert brugernavn eller adgangskode.");
  }
  limiter_.succeeded(username);
  json answer = {{"token", session->token},
                 {"role", store::to_string(session->account.role)},
                 {"expires_at", iso_utc(session->expires_at)},
                 {"username", session->account.username},
                 {"team", session->account.team},
                 {"municipality", session->account.municipality.empty() ? json(nullptr)
                                                                        : json(session->account.municipality)}};
  if (!session->account.association_id.empty()) answer["association"] = session->account.association_id;
  return {Code::Ok, dump(answer), {{"Cache-Control", "no-store"}}};
}

Server::Reply Server::logout(const Call& call) {
  authenticate(call);
  services_.accounts->delete_session(call.bearer);
  return {Code::No_Content, {}, {}};
}

core::Activity Server::activity_from(json body, const store::Account& account, const std::string& path_id) const {
  if (account.role == store::Role::association) {
    if (body.contains("association") && body["association"] != account.association_id) {
      throw core::Error(core::ErrorCode::forbidden, "Du kan kun oprette og ændre din egen forenings aktiviteter.",
                        "association");
    }
    body["association"] = account.association_id;  // an association account's association is its own
  }
  if (!path_id.empty()) {
    if (!body.contains("id")) body["id"] = path_id;
    if (body["id"] != path_id) {
      throw core::Error(core::ErrorCode::invalid_body, "Feltet 'id' skal være det samme som i adressen.", "id");
    }
  }
  auto parsed = parser_.activity(body);
  if (auto* errors = std::get_if<std::vector<core::FieldError>>(&parsed)) throw core::InvalidListing(std::move(*errors));
  return std::get<core::Activity>(std::move(parsed));
}


Server::Reply Server::create_activity(const Call& call) {
  const store::Account account = authenticate(call);
  require_editor(account);
  require_services(services_.listings != nullptr);
  const core::Activity activity = activity_from(parse_body(call), account, {});
  const auto result = services_.listings->put(activity, store::ListingStore::PutMode::create, owner_of(account));
  spdlog::info("activity {} created by {}", activity.id, account.username);
  Reply reply = written(activity, result, Code::Created);
  reply.headers.emplace_back("Location", "/api/v1/activities/" + activity.id);
  return reply;
}

Server::Reply Server::replace_activity(const Call& call) {
  const store::Account account = authenticate(call);
  require_editor(account);
  require_services(services_.listings != nullptr);
  if (!core::valid_id(call.id)) throw core::Error(core::ErrorCode::not_found, "Aktiviteten findes ikke.", "id");
  const core::Activity activity = activity_from(parse_body(call), account, call.id);
  const auto result = services_.listings->put(activity, store::ListingStore::PutMode::replace, owner_of(account));
  spdlog::info("activity {} replaced by {}", activity.id, account.username);
  return written(activity, result, Code::Ok);
}

Server::Reply Server::written(const core::Activity& activity, const store::PutResult& result, Code code) const {
  if (result.pending) {
    return {Code::Accepted, dump({{"id", activity.id}, {"review", {{"status", "pending"}}}}), {}};
  }
  return {code, dump(core::to_json(activity)), {}};
}

Server::Reply Server::delete_activity(const Call& call) {
  const store::Account account = authenticate(call);
  require_editor(account);
  require_services(services_.listings != nullptr);
  if (!core::valid_id(call.id) || !services_.listings->delete_activity(call.id, owner_of(account))) {
    throw core::Error(core::ErrorCode::not_found, "Aktiviteten findes ikke.", "id");
  }
  spdlog::info("activity {} deleted by {}", call.id, account.username);
  return {Code::No_Content, {}, {}};
}

// --- freshness and review (docs/api-editing.md; run on the WorkPool) -----------------------------

namespace {

core::Date today() { return core::copenhagen_time(std::chrono::system_clock::now()).date; }

json association_ref(const std::string& id, const std::string& name) { return {{"id", id}, {"name", name}}; }

}  // namespace

Server::Reply Server::editor_activity(const Call& call) {
  if (!core::valid_id(call.id)) throw core::Error(core::ErrorCode::not_found, "Aktiviteten findes ikke.", "id");
  try {
    const auto account = services_.accounts ? services_.accounts->session_account(call.bearer) : std::nullopt;
    if (account && account->role != store::Role::staff && services_.listings && services_.review) {
      const auto stored = services_.listings->activity(call.id);
      const auto review = services_.review->review(call.id);
      const std::string owner = owner_of(*account);
      if (stored && review && (owner.empty() || stored->association == owner)) {
        const auto association = services_.listings->association(stored->association);
        if (association) {
          json body = activity_page(search::document_data(*stored, *association));
          body["review"] = {{"status", review->status}, {"note", review->note}};
          return {Code::Ok, dump(body), {{"Cache-Control", "no-store"}}};
        }
      }
    }
  } catch (const core::Error& e) {
    if (e.code() != core::ErrorCode::unavailable) throw;  // PostgreSQL down: the public page
  }
  return {Code::Ok, dump(public_activity(call.id)), {}};
}

Server::Reply Server::confirm_activity(const Call& call) {
  const store::Account account = authenticate(call);
  require_editor(account);
  require_services(services_.review != nullptr);
  if (!core::valid_id(call.id)) throw core::Error(core::ErrorCode::not_found, "Aktiviteten findes ikke.", "id");
  const core::Date confirmed = services_.review->confirm(call.id, owner_of(account));
  spdlog::info("activity {} confirmed by {}", call.id, account.username);
  const auto f = core::freshness(confirmed, today(), config_.freshness);
  return {Code::Ok, dump({{"id", call.id}, {"freshness", search::freshness_json(f)}}), {}};
}

Server::Reply Server::validate_activity(const Call& call) {
  const store::Account account = authenticate(call);
  require_editor(account);
  const core::Activity activity = activity_from(parse_body(call), account, {});
  return {Code::Ok, dump({{"valid", true}, {"activity", core::to_json(activity)}}), {}};
}

Server::Reply Server::set_review_required(const Call& call) {
  const store::Account account = authenticate(call);
  require_coordinator(account);
  require_services(services_.review != nullptr);
  const json body = parse_body(call);
  if (!body.contains("required") || !body["required"].is_boolean()) {
    throw core::Error(core::ErrorCode::invalid_body, "Feltet 'required' skal være true eller false.", "required");
  }
  const bool required = body["required"].get<bool>();
  if (!core::valid_id(call.id) || !services_.review->set_review_required(call.id, required)) {
    throw core::Error(core::ErrorCode::not_found, "Foreningen findes ikke.", "id");
  }
  spdlog::info("association {} review_required={} by {}", call.id, required, account.username);
  return {Code::Ok, dump({{"id", call.id}, {"review_required", required}}), {}};
}

Server::Reply Server::review_queue(const Call& call) {
  require_coordinator(authenticate(call));
  require_services(services_.review != nullptr);
  json activities = json::array();
  for (auto& p : services_.review->pending()) {
    json a = std::move(p.activity);
    a["association"] = association_ref(p.association_id, p.association_name);
    a["submitted_at"] = p.submitted_at;
    activities.push_back(std::move(a));
  }
  return {Code::Ok, dump({{"activities", std::move(activities)}}), {{"Cache-Control", "no-store"}}};
}

Server::Reply Server::approve_activity(const Call& call) {
  const store::Account account = authenticate(call);
  require_coordinator(account);
  require_services(services_.review != nullptr);
  if (!core::valid_id(call.id)) throw core::Error(core::ErrorCode::not_found, "Aktiviteten findes ikke.", "id");
  services_.review->approve(call.id);
  spdlog::info("activity {} approved by {}", call.id, account.username);
  return {Code::Ok, dump({{"id", call.id}, {"review", {{"status", "public"}}}}), {}};
}

Server::Reply Server::reject_activity(const Call& call) {
  const store::Account account = authenticate(call);
  require_coordinator(account);
  require_services(services_.review != nullptr);
  const json body = parse_body(call);
  const std::string& note = string_field(body, "note");
  if (note.find_first_not_of(" \t\r\n") == std::string::npos || note.size() > 2000) {
    throw core::Error(core::ErrorCode::invalid_body,
                      "Skriv en kort begrundelse (højst 2000 tegn), så foreningen ved, hvad der skal rettes.", "note");
  }
  if (!core::valid_id(call.id)) throw core::Error(core::ErrorCode::not_found, "Aktiviteten findes ikke.", "id");
  services_.review->reject(call.id, note);
  spdlog::info("activity {} rejected by {}", call.id, account.username);
  return {Code::Ok, dump({{"id", call.id}, {"review", {{"status", "rejected"}, {"note", note}}}}), {}};
}

Server::Reply Server::stale_activities(const Call& call) {
  require_coordinator(authenticate(call));
  require_services(services_.review != nullptr);
  const core::Date day = today();
  json activities = json::array();
  for (const auto& a : services_.review->stale(day, config_.freshness)) {
    activities.push_back({{"id", a.id},
                          {"title", a.title},
                          {"association", association_ref(a.association_id, a.association_name)},
                          {"freshness", search::freshness_json(core::freshness(a.last_confirmed, day, config_.freshness))}});
  }
  return {Code::Ok, dump({{"activities", std::move(activities)}}), {{"Cache-Control", "no-store"}}};
}

void Server::start() {
  Pistache::Address address(config_.address, Pistache::Port(config_.port));
  endpoint_ = std::make_unique<Http::Endpoint>(address);
  auto options = Http::Endpoint::options()
                     .threads(config_.threads)
                     .flags(Pistache::Tcp::Options::ReuseAddr)
                     .maxRequestSize(config_.max_request_bytes)
                     .headerTimeout(std::chrono::seconds(20))
                     .bodyTimeout(std::chrono::seconds(30))
                     .keepaliveTimeout(std::chrono::seconds(15));
  endpoint_->init(options);
  endpoint_->setHandler(router_.handler());
  endpoint_->serveThreaded();
}

void Server::shutdown(std::chrono::milliseconds drain) {
  if (!endpoint_) {
    work_.stop();
    return;
  }
  draining_ = true;
  const auto deadline = std::chrono::steady_clock::now() + drain;
  while (in_flight_ > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // Queued jobs finish (and send through the still-running endpoint) before it stops.
  work_.stop();
  endpoint_->shutdown();
  endpoint_.reset();
}

uint16_t Server::port() const { return endpoint_ ? static_cast<uint16_t>(endpoint_->getPort()) : config_.port; }

}  // namespace portal::api
