// portal-server's HTTP layer: routes, handlers and the Pistache endpoint.
//
// Handlers are thin: decode and validate, call one domain function, map the result; every
// handler's errors go through error_mapping. Search and activity pages are answered from the
// index alone. start() serves on Pistache worker threads; shutdown() stops taking new work,
// waits for requests in flight, then stops the endpoint.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include <pistache/endpoint.h>
#include <pistache/router.h>

#include "core/geo.h"
#include "core/vocabulary.h"
#include "indexer/index_sync.h"
#include "search/searcher.h"

namespace portal::api {

struct ServerConfig {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;
  int threads = 4;
  // Pistache reads an oversized request to the end before answering 413, holding a worker;
  // listing bodies are a few KB, so keep this small.
  size_t max_request_bytes = 256 * 1024;
};

struct Services {
  search::Searcher& searcher;
  const core::Vocabulary& vocabulary;
  const core::Geo& geo;
  const indexer::IndexSync* sync = nullptr;  // for /healthz; may be null
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
  Pistache::Rest::Route::Handler guarded(Handler handler);
  void get(const std::string& path, Handler handler);
  void routes();

  void search(const Pistache::Rest::Request& request, Pistache::Http::ResponseWriter& response);
  void activity(const Pistache::Rest::Request& request, Pistache::Http::ResponseWriter& response);
  void vocabulary(const Pistache::Rest::Request& request, Pistache::Http::ResponseWriter& response);
  void suggest(const Pistache::Rest::Request& request, Pistache::Http::ResponseWriter& response);
  void health(const Pistache::Rest::Request& request, Pistache::Http::ResponseWriter& response);
  void fallback(const Pistache::Rest::Request& request, Pistache::Http::ResponseWriter response);

  ServerConfig config_;
  Services services_;
  std::string vocabulary_body_;
  Pistache::Rest::Router router_;
  std::unique_ptr<Pistache::Http::Endpoint> endpoint_;
  std::atomic<int> in_flight_{0};
  std::atomic<bool> draining_{false};
};

}  // namespace portal::api
