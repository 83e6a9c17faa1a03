// portal-indexer: imports listing files and rebuilds the search index (contract section 2).
#include <iostream>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "core/errors.h"
#include "core/geo.h"
#include "core/listing_json.h"
#include "core/vocabulary.h"
#include "indexer/importer.h"
#include "indexer/index_sync.h"
#include "store/accounts.h"
#include "store/connection_pool.h"
#include "store/listing_store.h"
#include "store/migrations.h"

namespace {

int run(int argc, char** argv) {
  CLI::App app{"Fællesskabsportal: import af foreningers aktiviteter og genopbygning af søgeindekset"};
  std::string database_url;
  std::string index_dir = "var/index";
  app.add_option("--database-url", database_url, "libpq-forbindelse til PostgreSQL")->envname("PORTAL_DATABASE_URL");
  app.add_option("--index-dir", index_dir, "mappe til søgeindekset")->envname("PORTAL_INDEX_DIR");
  app.require_subcommand(1);

  std::vector<std::string> files;
  portal::indexer::ImportOptions import_options;
  auto* import = app.add_subcommand(
      "import", "importer filer (listefil i JSON, CSV, iCalendar .ics eller HSDS 3.0 JSON; formatet ses af endelsen "
                "eller indholdet). Hver fil er en kilde: aktiviteter, som kilden ikke længere har med, trækkes tilbage");
  import->add_option("FILE", files, "filer der skal importeres")->required();
  import->add_option("--source", import_options.source,
                     "kildens navn (standard: <format>:<filnavn>, fx ics:kalender.ics)");
  import->add_option("--association", import_options.association,
                     "foreningens id; kræves for .ics-filer, som altid hører til én forening");
  auto* rebuild = app.add_subcommand("rebuild", "byg søgeindekset forfra ud fra databasen og skift det ind");

  auto* user = app.add_subcommand("user", "konti til foreninger, personale og koordinatorer");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "opret en konto; adgangskoden læses fra standard input (første linje)");
  std::string username;
  std::string role_name;
  std::string association_id;
  user_add->add_option("NAME", username, "brugernavn")->required();
  user_add->add_option("--role", role_name, "association, staff eller coordinator")->required();
  user_add->add_option("--association", association_id, "foreningens id (kræves for rollen association)");
  std::string team;
  std::string municipality;
  user_add->add_option("--team", team, "personalets team, fx \"Forebyggende besøg Nord\" (staff og coordinator)");
  user_add->add_option("--municipality", municipality, "kommunekode på fire cifre, fx 0630 (staff og coordinator)");

  CLI11_PARSE(app, argc, argv);

  // Checked before connecting, so a typo is reported even when the database is down.
  if (*import && !import_options.source.empty() && files.size() > 1) {
    // One source per file: a second file under the same name would withdraw the first's activities.
    std::cerr << "fejl: --source navngiver én kilde og kan kun bruges med én fil ad gangen.\n";
    return 1;
  }
  std::optional<portal::store::Role> role;
  std::string password;
  if (*user_add) {
    role = portal::store::parse_role(role_name);
    if (!role) {
      std::cerr << "fejl: ukendt rolle '" << role_name << "'. Brug association, staff eller coordinator.\n";
      return 1;
    }
    if (!std::getline(std::cin, password) && password.empty()) {
      std::cerr << "fejl: skriv adgangskoden på standard input (første linje).\n";
      return 1;
    }
    if (!password.empty() && password.back() == '\r') password.pop_back();
  }

  const auto vocabulary = portal::core::Vocabulary::builtin();
  const auto geo = portal::core::Geo::builtin();
  const portal::core::ListingParser parser(vocabulary, geo);
  portal::store::ConnectionPool pool(database_url, 2);
  {
    auto conn = pool.acquire();
    portal::store::migrate(*conn, portal::store::builtin_migrations(), geo);
  }
  portal::store::ListingStore store(pool, parser);

  if (*user_add) {
    portal::store::AccountStore accounts(pool);
    try {
      accounts.create_account({username, *role, association_id, password, team, municipality});
    } catch (const portal::core::Error& e) {
      if (e.code() == portal::core::ErrorCode::unavailable) throw;
      std::cerr << "fejl: " << e.what() << '\n';
      return 1;
    }
    std::cout << "kontoen '" << username << "' er oprettet med rollen " << role_name;
    if (!association_id.empty()) std::cout << " for foreningen " << association_id;
    if (!team.empty()) std::cout << ", team " << team;
    if (!municipality.empty()) std::cout << ", kommune " << municipality;
    std::cout << '\n';
    return 0;
  }
  if (*import) {
    portal::indexer::Importer importer(store, parser);
    portal::indexer::ImportSummary total;
    int status = 0;
    for (const auto& file : files) {
      try {
        const auto summary = importer.import_file(file, import_options);
        std::cout << portal::indexer::format_summary(file, summary);
        total += summary;
      } catch (const portal::indexer::FileError& e) {
        std::cerr << "fejl: " << e.what() << '\n';
        status = 1;
      }
    }
    if (files.size() > 1) {
      portal::indexer::ImportSummary sum = total;
      sum.issues.clear();
      std::cout << portal::indexer::format_summary("i alt", sum);
    }
    return status;
  }
  if (*rebuild) {
    const size_t n = portal::indexer::rebuild(store, portal::search::IndexDirectory(index_dir), vocabulary);
    std::cout << "søgeindekset er bygget forfra med " << n << " aktiviteter i " << index_dir << '\n';
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const portal::core::Error& e) {
    std::cerr << "fejl: " << e.what() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "fejl: " << e.what() << '\n';
  }
  return 2;
}
