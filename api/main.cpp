// portal-server: serves the API and the web pages, applies migrations at start and keeps the
// search index in step with the database (contract section 2).
#include <signal.h>

#include <iostream>
#include <memory>
#include <vector>
#include <thread>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "api/periodic.h"
#include "api/search_misses.h"
#include "api/server.h"
#include "core/errors.h"
#include "core/listing_json.h"
#include "indexer/index_sync.h"
#include "store/migrations.h"

namespace {

int run(int argc, char** argv) {
  CLI::App app{"Fællesskabsportal: API og websider"};
  std::string database_url;
  std::string index_dir = "var/index";
  portal::api::ServerConfig config;
  config.threads = static_cast<int>(std::max(2u, std::thread::hardware_concurrency()));
  app.add_option("--database-url", database_url, "libpq-forbindelse til PostgreSQL")->envname("PORTAL_DATABASE_URL");
  app.add_option("--index-dir", index_dir, "mappe til søgeindekset")->envname("PORTAL_INDEX_DIR");
  app.add_option("--port", config.port, "HTTP-port")->envname("PORTAL_PORT");
  app.add_option("--bind", config.address, "adresse der lyttes på")->envname("PORTAL_BIND");
  app.add_option("--public-url", config.public_url,
                 "portalens offentlige adresse i kortenes QR-koder, fx https://portal.example.dk")
      ->envname("PORTAL_PUBLIC_URL");
  app.add_option("--map-tiles", config.map_tiles,
                 "kortfliser til søgesidens kort (Leaflet-skabelon, fx https://tile.openstreetmap.org/{z}/{x}/{y}.png; tom = intet baggrundskort)")
      ->envname("PORTAL_MAP_TILES");
  app.add_option("--map-attribution", config.map_attribution, "kildeangivelse under kortet")
      ->envname("PORTAL_MAP_ATTRIBUTION");
  app.add_option("--threads", config.threads, "antal HTTP-tråde")->check(CLI::Range(1, 64));
  std::string synonyms_file;
  app.add_option("--synonyms-file", synonyms_file,
                 "fil med synonymer (læses igen, når den ændres); uden: de indbyggede")
      ->envname("PORTAL_SYNONYMS_FILE");
  app.add_option("--stale-after-days", config.freshness.stale_after_days,
                 "dage fra sidste bekræftelse, til en aktivitet bør bekræftes (rangeres lavere)")
      ->envname("PORTAL_STALE_AFTER_DAYS")
      ->check(CLI::Range(1, 100000));
  app.add_option("--hide-after-days", config.freshness.hide_after_days,
                 "dage fra sidste bekræftelse, til en aktivitet skjules i søgningen")
      ->envname("PORTAL_HIDE_AFTER_DAYS")
      ->check(CLI::Range(1, 100000));
  size_t search_cache_mb = 32;
  app.add_option("--search-cache-mb", search_cache_mb,
                 "hukommelse til nylige søgesvar (MB; 0 = ingen); et svar genbruges kun i samme minut og "
                 "på samme udgave af indekset")
      ->envname("PORTAL_SEARCH_CACHE_MB")
      ->check(CLI::Range(0, 4096));
  int follow_up_retention_days = 90;
  app.add_option("--follow-up-retention-days", follow_up_retention_days,
                 "dage efter afslutning, til en opfølgning slettes (tjekkes hver time)")
      ->envname("PORTAL_FOLLOW_UP_RETENTION_DAYS")
      ->check(CLI::Range(1, 3650));
  app.callback([&config] {
    if (config.freshness.hide_after_days < config.freshness.stale_after_days) {
      throw CLI::ValidationError("--hide-after-days",
                                 "skal være mindst lige så mange dage som --stale-after-days "
                                 "(must be at least --stale-after-days)");
    }
  });
  CLI11_PARSE(app, argc, argv);

  // Signals are taken by sigwait() below; every thread started from here inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  const auto vocabulary = portal::core::Vocabulary::builtin();
  const auto geo = portal::core::Geo::builtin();
  const portal::core::ListingParser parser(vocabulary, geo);
  // The follower, the HTTP work pool and a spare.
  portal::store::ConnectionPool pool(database_url, config.work_threads + 2);
  portal::store::ListingStore store(pool, parser);
  portal::store::AccountStore accounts(pool);
  portal::store::AssociationStore associations(pool, parser);
  portal::store::ReviewStore review(pool);
  portal::store::CardStore cards(pool);
  portal::store::FollowUpStore follow_ups(pool);
  portal::store::ReferralStore referrals(pool);
  portal::store::StatsStore stats(pool);
  portal::api::SearchMissCounter search_misses(
      geo, [&stats](const std::vector<portal::store::SearchMiss>& misses) { stats.add_search_misses(misses); });
  portal::search::IndexDirectory dir(index_dir);
  portal::indexer::IndexSync sync(pool, store, dir, vocabulary, geo);

  try {
    auto conn = pool.acquire();
    const int applied = portal::store::migrate(*conn, portal::store::builtin_migrations(), geo);
    if (applied > 0) spdlog::info("applied {} database migration(s)", applied);
    sync.ensure_index();
    sync.catch_up();
  } catch (const portal::core::Error& e) {
    if (!dir.current()) {
      spdlog::critical("cannot start: {} and there is no search index yet", e.what());
      return 1;
    }
    spdlog::warn("database unavailable at start ({}); serving searches from the existing index", e.what());
  }

  portal::search::SearcherOptions search_options;
  search_options.geo = &geo;
  search_options.freshness = config.freshness;
  search_options.synonyms = std::make_shared<portal::search::Synonyms>(synonyms_file);
  search_options.cache_bytes = search_cache_mb << 20;
  portal::search::Searcher searcher(dir, vocabulary, static_cast<size_t>(config.threads), search_options);
  portal::api::Services services{searcher, vocabulary, geo, &sync, &accounts, &store, &associations, &review, &cards};
  services.follow_ups = &follow_ups;
  services.referrals = &referrals;
  services.stats = &stats;
  services.search_misses = &search_misses;
  portal::api::Server server(config, services);
  server.start();
  // Housekeeping on threads of their own: completed follow-ups are purged after the retention
  // period (checked hourly), zero-result searches are written every few seconds.
  auto purge = std::make_unique<portal::api::Periodic>(
      "follow-up purge", std::chrono::hours(1),
      [&follow_ups, follow_up_retention_days] {
        const int purged = follow_ups.purge(std::chrono::system_clock::now(), std::chrono::hours(24) * follow_up_retention_days);
        if (purged > 0) spdlog::info("purged {} completed follow-up(s)", purged);
      },
      true);
  auto flush_misses = std::make_unique<portal::api::Periodic>("search misses", std::chrono::seconds(3),
                                                              [&search_misses] { search_misses.flush(); });
  sync.start();
  spdlog::info("portal-server listening on http://{}:{}/", config.address, server.port());

  int signal_number = 0;
  sigwait(&signals, &signal_number);
  spdlog::info("stopping (signal {})", signal_number);
  server.shutdown();
  const auto cache = searcher.cache_stats();
  spdlog::info("search answer cache: {} hits, {} misses, {} answers, about {} MB", cache.hits, cache.misses,
               cache.entries, cache.bytes >> 20);
  purge.reset();
  flush_misses.reset();
  try {
    search_misses.flush();
  } catch (const std::exception& e) {
    spdlog::warn("search misses not written at stop: {}", e.what());
  }
  sync.stop();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    spdlog::critical("{}", e.what());
    return 1;
  }
}
