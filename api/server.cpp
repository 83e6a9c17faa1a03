#include "api/server.h"

#include <thread>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "api/error_mapping.h"
#include "api/http_util.h"
#include "core/calendar.h"
#include "core/listing_json.h"
#include "frontend/assets.h"
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
    : config_(std::move(config)), services_(services), vocabulary_body_(services.vocabulary.json().dump()) {
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

void Server::get(const std::string& path, Handler handler) {
  Rest::Routes::Get(router_, path, guarded(handler));
  Rest::Routes::Head(router_, path, guarded(std::move(handler)));
  auto not_allowed = guarded([](const Rest::Request&, Http::ResponseWriter& response) {
    set_header(response, "Allow", "GET, HEAD");
    send_error(response, ErrorResponse{Code::Method_Not_Allowed,
                                       error_response(core::ErrorCode::invalid_parameter,
                                                      "Denne adresse kan kun læses (GET).").body});
  });
  Rest::Routes::Post(router_, path, not_allowed);
  Rest::Routes::Put(router_, path, not_allowed);
  Rest::Routes::Delete(router_, path, not_allowed);
  Rest::Routes::Patch(router_, path, not_allowed);
}

void Server::routes() {
  get("/api/v1/search", [this](const auto& req, auto& res) { search(req, res); });
  get("/api/v1/activities/:id", [this](const auto& req, auto& res) { activity(req, res); });
  get("/api/v1/vocabulary", [this](const auto& req, auto& res) { vocabulary(req, res); });
  get("/api/v1/suggest", [this](const auto& req, auto& res) { suggest(req, res); });
  get("/healthz", [this](const auto& req, auto& res) { health(req, res); });
  router_.addNotFoundHandler(guarded([this](const Rest::Request& req, Http::ResponseWriter& res) {
    fallback(req, std::move(res));
  }));
}

void Server::search(const Rest::Request& request, Http::ResponseWriter& response) {
  const auto params = query_params(request);
  const auto parsed = search::parse_search_request(params, services_.vocabulary, services_.geo);
  const json answer = services_.searcher.search(parsed, core::copenhagen_time(std::chrono::system_clock::now()));
  set_header(response, "Cache-Control", "no-cache");
  send_json(response, Code::Ok, answer);
}

void Server::activity(const Rest::Request& request, Http::ResponseWriter& response) {
  const std::string id = path_param(request.param(":id").as<std::string>(), "id");
  if (!core::valid_id(id)) {
    throw core::Error(core::ErrorCode::not_found, "Aktiviteten findes ikke.", "id");
  }
  const auto data = services_.searcher.document(id);
  if (!data) throw core::Error(core::ErrorCode::not_found, "Aktiviteten findes ikke. Den kan være slettet.", "id");

  const auto now = core::copenhagen_time(std::chrono::system_clock::now());
  json body = (*data)["activity"];
  body["association"] = (*data)["association"];
  body["location"]["municipality"] = (*data)["municipality"];
  body["location"]["approximate"] = !body["location"].contains("lat");
  body["location"]["lat"] = (*data)["coordinate"]["lat"];
  body["location"]["lon"] = (*data)["coordinate"]["lon"];
  body["next_occurrences"] = json::array();
  {
    // Re-parse the stored schedule through the listing parser to compute several dates.
    const core::ListingParser parser(services_.vocabulary, services_.geo);
    const auto parsed = parser.activity((*data)["activity"]);
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
  send_json(response, Code::Ok, body);
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
    if (const auto* asset = frontend::find_asset(resource)) {
      common_headers(response);
      const auto match = request.headers().tryGetRaw("If-None-Match");
      set_header(response, "ETag", asset->etag);
      set_header(response, "Cache-Control", "no-cache");
      if (match && match->value() == asset->etag) {
        response.send(Code::Not_Modified);
        return;
      }
      if (asset->content_type.rfind("text/html", 0) == 0) {
        set_header(response, "Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
      }
      const std::string body = request.method() == Http::Method::Head ? std::string() : std::string(asset->body);
      response.send(Code::Ok, body, Http::Mime::MediaType::fromString(std::string(asset->content_type)));
      return;
    }
  }
  send_error(response, error_response(core::ErrorCode::not_found, "Siden findes ikke."));
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
  if (!endpoint_) return;
  draining_ = true;
  const auto deadline = std::chrono::steady_clock::now() + drain;
  while (in_flight_ > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  endpoint_->shutdown();
  endpoint_.reset();
}

uint16_t Server::port() const { return endpoint_ ? static_cast<uint16_t>(endpoint_->getPort()) : config_.port; }

}  // namespace portal::api
