#include "bench/floor_server.h"

#include <csignal>
#include <cstdio>
#include <thread>

#include <pistache/endpoint.h>
#include <pistache/http.h>

namespace portal::bench {

namespace {

class FloorHandler : public Pistache::Http::Handler {
 public:
  HTTP_PROTOTYPE(FloorHandler)

  void onRequest(const Pistache::Http::Request& /*request*/, Pistache::Http::ResponseWriter response) override {
    response.headers().add<Pistache::Http::Header::ContentType>(MIME(Application, Json));
    response.send(Pistache::Http::Code::Ok, R"({"total":0,"page":1,"per_page":20,"results":[],"facets":{}})");
  }
};

}  // namespace

int run_floor_server(int port, int threads) {
  if (threads <= 0) threads = static_cast<int>(std::max(2u, std::thread::hardware_concurrency()));
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  Pistache::Http::Endpoint endpoint(Pistache::Address("127.0.0.1", Pistache::Port(static_cast<uint16_t>(port))));
  // The same options as portal-server (api/server.cpp, Server::start).
  endpoint.init(Pistache::Http::Endpoint::options()
                    .threads(threads)
                    .flags(Pistache::Tcp::Options::ReuseAddr)
                    .headerTimeout(std::chrono::seconds(20))
                    .bodyTimeout(std::chrono::seconds(30))
                    .keepaliveTimeout(std::chrono::seconds(15)));
  endpoint.setHandler(Pistache::Http::make_handler<FloorHandler>());
  endpoint.serveThreaded();
  std::printf("floor server on 127.0.0.1:%d with %d threads\n", port, threads);
  std::fflush(stdout);
  int sig = 0;
  sigwait(&signals, &sig);
  endpoint.shutdown();
  return 0;
}

}  // namespace portal::bench
