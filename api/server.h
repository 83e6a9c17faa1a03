// portal-server's HTTP layer: routes, handlers and the Pistache endpoint.
//
// Handlers are thin: decode and validate, call one domain function, map the result; every
// handler's errors go through error_mapping. Search and activity pages are answered from the
// index alone. start() serves on Pistache worker threads; shutdown() stops taking new work,
// waits for requests in flight, then stops the endpoint.
//
// Calls that touch PostgreSQL (login, logout, listing writes) run on the Server's own WorkPool,
// not on a Pistache worker: the handler copies what it needs out of the request into a Call,
// moves the ResponseWriter into a shared_ptr and answers from the pool thread with send().
// Writes need `Authorization: Bearer TOKEN` (from POST /api/v1/auth/login); an association
// account may write only its own association's activities, a coordinator any, staff none.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <pistache/endpoint.h>
#include <pistache/router.h>

#include "api/login_limiter.h"
#include "api/search_misses.h"
#include "api/work_pool.h"
#include "core/freshness.h"
#include "core/geo.h"
#include "core/listing_json.h"
#include "core/vocabulary.h"
#include "frontend/render.h"
#include "frontend/staff_pages.h"
#include "indexer/index_sync.h"
#include "search/searcher.h"
#include "store/accounts.h"
#include "store/association_store.h"
#include "store/card_store.h"
#include "store/followup_store.h"
#include "store/listing_store.h"
#include "store/referral_store.h"
#include "store/review_store.h"
#include "store/stats_store.h"

namespace portal::api {

struct ServerConfig {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;
  int threads = 4;
  // Pistache reads an oversized request to the end before answering 413, holding a worker;
  // listing bodies are a few KB, so keep this small.
  size_t max_request_bytes = 1024 * 1024 + 16 * 1024;
  // Bodies of login and listing writes; one activity is a few KB.
  size_t max_write_body_bytes = 64 * 1024;
  // An uploaded listing file (CSV, iCalendar, HSDS, JSON) on the coordinator page.
  size_t max_import_body_bytes = 1024 * 1024;
  // Threads for PostgreSQL work and password hashing (Argon2id takes ~64 MB each).
  size_t work_threads = 4;
  LoginLimits login_limits;
  core::FreshnessPolicy freshness;  // docs/api-editing.md
  // Start of the card URLs in QR codes (docs/api-staff.md); "" → http://127.0.0.1:PORT.
  std::string public_url;
  // The search page's map (docs/frontend.md): a Leaflet tile URL template ("" = markers without
  // a background map) and its attribution. The tile origin is allowed in the page's img-src.
  std::string map_tiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  std::string map_attribution = "© OpenStreetMap-bidragydere";
};

struct Services {
  search::Searcher& searcher;
  const core::Vocabulary& vocabulary;
  const core::Geo& geo;
  const indexer::IndexSync* sync = nullptr;  // for /healthz; may be null
  store::AccountStore* accounts = nullptr;    // login and writes answer 503 when null
  store::ListingStore* listings = nullptr;    // writes answer 503 when null
  store::AssociationStore* associations = nullptr;  // association pages and lists: 503 when null
  store::ReviewStore* review = nullptr;       // confirm and review answer 503 when null
  store::CardStore* cards = nullptr;          // portal cards and tags answer 503 when null
  // Staff: follow-ups, referrals, screenings and statistics (docs/api-staff.md); 503 when null.
  store::FollowUpStore* follow_ups = nullptr;
  store::ReferralStore* referrals = nullptr;
  store::StatsStore* stats = nullptr;
  SearchMissCounter* search_misses = nullptr;  // zero-result searches are not counted when null
};

class Server {
 public:
  Server(ServerConfig config, Services services);
  ~Server();

  void start();
  void shutdown(std::chrono::milliseconds drain = std::chrono::seconds(5));
  uint16_t port() const;

 private:
  using Handler = std::function<void(const Pistache::Rest::Request&, Pistache::Http::ResponseWriter&)>;

  // What an off-loaded call needs, copied out of the request on the Pistache worker.
  struct Call {
    std::string body;
    std::string bearer;   // the token of `Authorization: Bearer TOKEN`, or ""
    std::string address;  // the client's IP address
    std::string id;       // the decoded :id path parameter, or ""
    search::SearchParams query;  // the decoded query parameters
    std::string cookie;   // the Cookie header, or "" (rendered pages: the larger-text switch)
    std::string referer;  // the Referer header, or ""
    std::string host;     // the Host header, or ""
    bool gzip = false;    // Accept-Encoding allows gzip (rendered pages are sent compressed)
  };
  struct Reply {
    Pistache::Http::Code status = Pistache::Http::Code::Ok;
    std::string body;  // JSON; empty for 204
    std::vector<std::pair<std::string, std::string>> headers;
  };
  using CallHandler = std::function<Reply(const Call&)>;

  Pistache::Rest::Route::Handler guarded(Handler handler);
  // GET and HEAD; other methods answer 405 unless `writable` (then PUT and DELETE are left to
  // the caller's routes).
  void get(const std::string& path, Handler handler, bool writable = false);
  // A route whose handler runs on the WorkPool (GET, POST, PUT, DELETE). A reply header
  // "Content-Type" replaces the default JSON type.
  // A route whose handler runs on the WorkPool (GET, POST, PUT or DELETE).
  void offload(Pistache::Http::Method method, const std::string& path, CallHandler handler);
  void routes();
  // The handler of an offload()ed route, without the guard (for routes that offload sometimes).
  Handler offloaded(CallHandler handler);
  // A GET/HEAD route answered on the Pistache worker with a Reply (pages that need no database).
  void page(const std::string& path, CallHandler handler);
  // What a handler needs from the request, copied (the request dies with the Pistache call).
  static Call call_from(const Pistache::Rest::Request& request);
  // Sends a Reply: common headers, its headers ("Content-Type" replaces JSON), its body.
  // Sends the reply; an HTML body of 1 KB or more goes gzip-compressed when `gzip` (the
  // client's Accept-Encoding allows it).
  static void send_reply(Pistache::Http::ResponseWriter& writer, Reply reply, bool gzip = false);

  Reply login(const Call& call);
  Reply logout(const Call& call);
  Reply create_activity(const Call& call);
  Reply replace_activity(const Call& call);
  Reply delete_activity(const Call& call);

  // Accounts, associations and coordinator lists (docs/api-editing.md)
  // (defined in admin_handlers.cpp)
  Reply me(const Call& call);
  Reply association(const Call& call);
  Reply replace_association(const Call& call);
  Reply association_activities(const Call& call);
  Reply coordinator_associations(const Call& call);
  Reply reminders_csv(const Call& call);
  Reply list_accounts(const Call& call);
  Reply set_disabled(const Call& call);
  Reply create_invitation(const Call& call);
  Reply invitation(const Call& call);
  Reply accept_invitation(const Call& call);
  // POST /api/v1/imports: an uploaded file through indexer::Importer (coordinator).
  Reply import_upload(const Call& call);
  store::OverviewQuery overview_query(const Call& call) const;
  // Staff: cards and tags (docs/api-staff.md)
  // (defined in staff_handlers.cpp)
  Reply create_card(const Call& call);
  Reply card(const Call& call);     // public; counts a view
  Reply card_qr(const Call& call);  // public; image/svg+xml, not counted
  // The card's data (activities and saved search results) after counting a view; throws
  // not_found. Shared by GET /api/v1/cards/{code} and the page /k/CODE.
  nlohmann::json card_data(const std::string& code);
  Reply create_tag(const Call& call);
  void require_card_services() const;
  std::string public_url() const;
  nlohmann::json freshness_json(core::Date last_confirmed) const;
  // Freshness and review (docs/api-editing.md)
  Reply confirm_activity(const Call& call);
  Reply validate_activity(const Call& call);
  Reply set_review_required(const Call& call);
  Reply review_queue(const Call& call);
  Reply approve_activity(const Call& call);
  Reply reject_activity(const Call& call);
  Reply stale_activities(const Call& call);
  // GET /api/v1/activities/{id} with a token: for its association's editor or a coordinator
  // from PostgreSQL (pending and rejected too) with "review"; else the public page.
  Reply editor_activity(const Call& call);
  // The public page of an activity (from the index), and the page built from document data.
  nlohmann::json public_activity(const std::string& id) const;
  nlohmann::json activity_page(const nlohmann::json& data) const;
  // The answer to a listing write: the stored activity, or 202 when it waits for review.
  Reply written(const core::Activity& activity, const store::PutResult& result, Pistache::Http::Code code) const;

  // Staff: follow-ups, referrals, screenings and statistics (docs/api-staff.md)
  // (defined in stats_handlers.cpp)
  Reply create_follow_up(const Call& call);
  Reply list_follow_ups(const Call& call);
  Reply complete_follow_up(const Call& call);
  Reply create_referral(const Call& call);
  Reply list_referrals(const Call& call);
  Reply update_referral(const Call& call);
  Reply create_screening(const Call& call);
  Reply stats(const Call& call);
  Reply stats_csv(const Call& call);
  Reply supply_demand(const Call& call);
  // The period and scope of a statistics request, after the account's municipality rule.
  store::StatsQuery stats_query(const Call& call, const store::Account& account);

  store::Account authenticate(const Call& call);
  nlohmann::json parse_body(const Call& call) const;
  // Checks the role and the association rule, then validates with core::ListingParser.
  core::Activity activity_from(nlohmann::json body, const store::Account& account, const std::string& path_id) const;

  // Citizen pages of activities and cards, /tekst and /om (api/activity_pages.cpp).
  void activity_routes();
  Reply activity_html(const Call& call);  // GET /aktivitet/{id}
  Reply activity_ics(const Call& call);   // GET /aktivitet/{id}/kalender.ics
  Reply card_html(const Call& call);      // GET /k, /k/{code} (counts a view)
  Reply text_size(const Call& call);      // GET /tekst
  Reply about_html(const Call& call);     // GET /om
  Reply html_page(Pistache::Http::Code status, std::string_view name, nlohmann::json model, const Call& call) const;

  void search(const Pistache::Rest::Request& request, Pistache::Http::ResponseWriter& response);
  void activity(const Pistache::Rest::Request& request, Pistache::Http::ResponseWriter& response);
  void vocabulary(const Pistache::Rest::Request& request, Pistache::Http::ResponseWriter& response);
  void suggest(const Pistache::Rest::Request& request, Pistache::Http::ResponseWriter& response);
  // GET / : the citizen search page, rendered on the server; ?visning=resultater gives only
  // the results fragment (defined in search_page.cpp).
  void search_page(const Pistache::Rest::Request& request, Pistache::Http::ResponseWriter& response);
  void health(const Pistache::Rest::Request& request, Pistache::Http::ResponseWriter& response);
  void fallback(const Pistache::Rest::Request& request, Pistache::Http::ResponseWriter response);

  ServerConfig config_;
  Services services_;
  core::ListingParser parser_;
  LoginLimiter limiter_;
  WorkPool work_;
  std::string vocabulary_body_;
  frontend::Renderer renderer_;
  frontend::StaffPages staff_pages_;  // /forening, /koordinator, /besoeg, /invitation, rendered at start
  Pistache::Rest::Router router_;
  std::unique_ptr<Pistache::Http::Endpoint> endpoint_;
  std::atomic<int> in_flight_{0};
  std::atomic<bool> draining_{false};
};

}  // namespace portal::api
