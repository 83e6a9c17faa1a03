#include "tests/support/test_database.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <regex>
#include <stdexcept>

#include <pqxx/pqxx>

namespace portal::testing {
namespace {

std::string unique_name() {
  static std::atomic<unsigned> counter{0};
  std::random_device rd;
  char suffix[9];
  std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(rd()));
  return "t_" + std::to_string(::getpid()) + "_" + std::to_string(counter.fetch_add(1)) + "_" + suffix;
}

}  // namespace

std::string admin_url() {
  const char* url = std::getenv("PORTAL_TEST_DATABASE_URL");
  if (url == nullptr || *url == '\0') {
    throw std::runtime_error(
        "PORTAL_TEST_DATABASE_URL is not set. Run the PostgreSQL tests through ctest "
        "(ctest -L pg), whose pg fixture starts a throwaway cluster, or export the variable "
        "with a libpq connection string for a superuser on a test cluster.");
  }
  return url;
}

std::string with_dbname(const std::string& url, const std::string& dbname) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    // scheme://[userinfo@][hosts][/dbname][?params]
    const size_t authority = url.find("://") + 3;
    const size_t query = url.find('?', authority);
    const size_t slash = url.find('/', authority);
    const size_t path_end = query == std::string::npos ? url.size() : query;
    const size_t path = slash != std::string::npos && slash < path_end ? slash : path_end;
    return url.substr(0, path) + "/" + dbname + url.substr(path_end);
  }
  // Keyword/value form; the test database names never need quoting.
  static const std::regex kDbname(R"((^|\s)dbname\s*=\s*('([^'\\]|\\.)*'|\S+))");
  if (std::regex_search(url, kDbname)) return std::regex_replace(url, kDbname, "$1dbname=" + dbname);
  return url + " dbname=" + dbname;
}

TestDatabase::TestDatabase() : name_(unique_name()) {
  const std::string admin = admin_url();
  url_ = with_dbname(admin, name_);
  pqxx::connection conn(admin);
  pqxx::nontransaction t(conn);
  t.exec("CREATE DATABASE " + t.quote_name(name_));
}

TestDatabase::~TestDatabase() {
  try {
    pqxx::connection conn(admin_url());
    pqxx::nontransaction t(conn);
    t.exec("DROP DATABASE IF EXISTS " + t.quote_name(name_) + " WITH (FORCE)");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "TestDatabase: could not drop %s: %s\n", name_.c_str(), e.what());
  }
}

}  // namespace portal::testing
