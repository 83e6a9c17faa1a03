#include "bench/sphinx.h"

#include <arpa/inet.h>
#include <mysql.h>
#include <netinet/in.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "bench/pg_fts.h"
#include "bench_compare_embedded.h"

namespace portal::bench {
namespace {

namespace fs = std::filesystem;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Integer id of a code: its position in the vocabulary + 1 (0 when unknown).
int code_id(const std::vector<std::string>& codes, const std::string& code) {
  for (size_t i = 0; i < codes.size(); ++i) {
    if (codes[i] == code) return static_cast<int>(i) + 1;
  }
  return 0;
}

const std::vector<std::string>& times_of_day(const core::Vocabulary& v) {
  return v.codes(core::CodeKind::time_of_day);
}

int day_time_id(const core::Vocabulary& v, const std::string& day, const std::string& tod) {
  return code_id(v.weekdays(), day) * 10 + code_id(times_of_day(v), tod);
}

std::string ids_list(const std::vector<std::string>& codes, const std::vector<std::string>& vocabulary_codes) {
  std::string out;
  for (const auto& c : codes) {
    if (!out.empty()) out += ',';
    out += std::to_string(code_id(vocabulary_codes, c));
  }
  return out;
}

std::string number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

// Keeps letters and digits (any UTF-8 byte ≥ 0x80 counts as a letter): the words, ANDed by
// Sphinx's extended syntax, with none of its operators and nothing to quote in SQL.
std::string match_text(const std::string& q) {
  std::string out;
  for (char c : q) {
    const auto u = static_cast<unsigned char>(c);
    out += (u >= 0x80 || std::isalnum(u)) ? c : ' ';
  }
  return out;
}

void xml_escaped(std::ostream& out, const std::string& s) {
  for (char c : s) {
    switch (c) {
      case '&': out << "&amp;"; break;
      case '<': out << "&lt;"; break;
      case '>': out << "&gt;"; break;
      default:
        out << ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') ? ' ' : c);
    }
  }
}

// "{a,b}" or "a,b" (array_to_string) → codes.
std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    throw std::runtime_error("no free port on 127.0.0.1");
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs a command with its output in `log`; throws with that output when it fails.
void run(const std::string& command, const fs::path& log) {
  const int status = std::system((command + " >" + log.string() + " 2>&1").c_str());
  if (status != 0) throw std::runtime_error(command + " failed:\n" + read_text(log));
}

}  // namespace

std::string sphinxql_query(const search::SearchRequest& r, const core::Vocabulary& v) {
  const bool has_text = r.q.find_first_not_of(" \t") != std::string::npos;
  std::string select = "SELECT id, WEIGHT() AS w";
  std::vector<std::string> where;
  if (has_text) where.push_back("MATCH('" + match_text(r.q) + "')");
  if (r.centre) {
    select += ", GEODIST(lat, lon, " + number(r.centre->lat * M_PI / 180.0) + ", " +
              number(r.centre->lon * M_PI / 180.0) + ") AS d";
    if (r.radius_km) where.push_back("d <= " + number(*r.radius_km * 1000.0));
  }
  if (!r.interests.empty()) where.push_back("interests IN (" + ids_list(r.interests, v.codes(core::CodeKind::interest)) + ")");
  if (!r.targets.empty()) {
    where.push_back("targets IN (" + ids_list(r.targets, v.codes(core::CodeKind::target_group)) + ")");
  }
  // All of: one condition per code.
  for (const auto& c : r.transport) {
    where.push_back("transport = " + std::to_string(code_id(v.codes(core::CodeKind::transport), c)));
  }
  for (const auto& c : r.accessibility) {
    where.push_back("accessibility = " + std::to_string(code_id(v.codes(core::CodeKind::accessibility), c)));
  }
  if (!r.municipalities.empty()) {
    std::string list;
    for (const auto& m : r.municipalities) list += (list.empty() ? "" : ",") + std::to_string(std::stoi(m));
    where.push_back("municipality IN (" + list + ")");
  }
  if (r.postcode && !r.radius_km) where.push_back("postcode = " + std::to_string(std::stoi(*r.postcode)));
  if (!r.days.empty() && !r.times_of_day.empty()) {
    std::string list;
    for (const auto& d : r.days) {
      for (const auto& t : r.times_of_day) list += (list.empty() ? "" : ",") + std::to_string(day_time_id(v, d, t));
    }
    where.push_back("day_times IN (" + list + ")");
  } else if (!r.days.empty()) {
    where.push_back("days IN (" + ids_list(r.days, v.weekdays()) + ")");
  } else if (!r.times_of_day.empty()) {
    where.push_back("times IN (" + ids_list(r.times_of_day, times_of_day(v)) + ")");
  }
  if (r.free_only) where.push_back("free = 1");

  // The same orders as the PostgreSQL comparator (bench/pg_fts.cpp).
  std::string order = "id ASC";
  if (r.sort == search::SortOrder::distance || (r.sort == search::SortOrder::relevance && !has_text && r.centre)) {
    order = "d ASC, id ASC";
  } else if (r.sort == search::SortOrder::relevance && has_text) {
    order = "w DESC, id ASC";
  }
  const int offset = (r.page - 1) * r.per_page;
  std::string sql = select + " FROM listings";
  for (size_t i = 0; i < where.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + where[i];
  sql += " ORDER BY " + order + " LIMIT " + std::to_string(offset) + ", " + std::to_string(r.per_page);
  sql += " OPTION ranker=bm25, field_weights=(title=3, interest_text=2, body=1), max_matches=" +
         std::to_string(std::max(1000, offset + r.per_page));
  sql += " FACET interests ORDER BY COUNT(*) DESC LIMIT 100";
  sql += " FACET transport ORDER BY COUNT(*) DESC LIMIT 100";
  sql += " FACET municipality ORDER BY COUNT(*) DESC LIMIT 1000";
  return sql + "; SHOW META";
}

SphinxServer::SphinxServer(pqxx::connection& conn, const core::Vocabulary& vocabulary, int port)
    : vocabulary_(vocabulary) {
  char tmpl[] = "/tmp/portal-bench-sphinx-XXXXXX";
  if (!::mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
  dir_ = tmpl;
  try {
    fs::create_directories(fs::path(dir_) / "index");
    port_ = port > 0 ? port : free_port();

    // Export: xmlpipe2, read in batches through a cursor.
    auto start = std::chrono::steady_clock::now();
    ensure_fts_source(conn, vocabulary);
    {
      std::ofstream xml(fs::path(dir_) / "listings.xml");
      xml << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sphinx:docset>\n<sphinx:schema>\n"
             "<sphinx:field name=\"title\"/>\n<sphinx:field name=\"interest_text\"/>\n"
             "<sphinx:field name=\"body\"/>\n";
      for (const char* mva : {"interests", "targets", "transport", "accessibility", "days", "times", "day_times"}) {
        xml << "<sphinx:attr name=\"" << mva << "\" type=\"multi\"/>\n";
      }
      xml << "<sphinx:attr name=\"municipality\" type=\"int\" bits=\"32\"/>\n"
             "<sphinx:attr name=\"postcode\" type=\"int\" bits=\"32\"/>\n"
             "<sphinx:attr name=\"free\" type=\"bool\"/>\n"
             "<sphinx:attr name=\"lat\" type=\"float\"/>\n<sphinx:attr name=\"lon\" type=\"float\"/>\n"
             "</sphinx:schema>\n";
      pqxx::work t(conn);
      t.exec0(
          "DECLARE export NO SCROLL CURSOR FOR SELECT id, title, interest_text, body, "
          "array_to_string(interests, ','), array_to_string(target_groups, ','), array_to_string(transport, ','), "
          "array_to_string(accessibility, ','), array_to_string(days, ','), array_to_string(day_times, ','), "
          "municipality, postcode, free, lat, lon FROM bench_fts.source ORDER BY id");
      for (;;) {
        const pqxx::result rows = t.exec("FETCH 5000 FROM export");
        if (rows.empty()) break;
        for (const auto& row : rows) {
          ids_.push_back(row[0].c_str());
          xml << "<sphinx:document id=\"" << ids_.size() << "\">\n<title>";
          xml_escaped(xml, row[1].c_str());
          xml << "</title>\n<interest_text>";
          xml_escaped(xml, row[2].c_str());
          xml << "</interest_text>\n<body>";
          xml_escaped(xml, row[3].c_str());
          xml << "</body>\n<interests>" << ids_list(split_commas(row[4].c_str()), vocabulary.codes(core::CodeKind::interest))
              << "</interests>\n<targets>"
              << ids_list(split_commas(row[5].c_str()), vocabulary.codes(core::CodeKind::target_group))
              << "</targets>\n<transport>"
              << ids_list(split_commas(row[6].c_str()), vocabulary.codes(core::CodeKind::transport))
              << "</transport>\n<accessibility>"
              << ids_list(split_commas(row[7].c_str()), vocabulary.codes(core::CodeKind::accessibility))
              << "</accessibility>\n<days>" << ids_list(split_commas(row[8].c_str()), vocabulary.weekdays())
              << "</days>\n<times>";
          std::string times, day_times;
          for (const auto& dt : split_commas(row[9].c_str())) {
            const auto colon = dt.find(':');
            const std::string day = dt.substr(0, colon), tod = dt.substr(colon + 1);
            const std::string t_id = std::to_string(code_id(times_of_day(vocabulary), tod));
            if (times.find(t_id) == std::string::npos) times += (times.empty() ? "" : ",") + t_id;
            day_times += (day_times.empty() ? "" : ",") + std::to_string(day_time_id(vocabulary, day, tod));
          }
          xml << times << "</times>\n<day_times>" << day_times << "</day_times>\n<municipality>"
              << std::stoi(row[10].c_str()) << "</municipality>\n<postcode>" << std::stoi(row[11].c_str())
              << "</postcode>\n<free>" << (row[12].as<bool>() ? 1 : 0) << "</free>\n<lat>"
              << number(row[13].as<double>() * M_PI / 180.0) << "</lat>\n<lon>"
              << number(row[14].as<double>() * M_PI / 180.0) << "</lon>\n</sphinx:document>\n";
        }
      }
      t.commit();
      xml << "</sphinx:docset>\n";
      if (!xml) throw std::runtime_error("cannot write " + dir_ + "/listings.xml");
    }
    export_seconds_ = seconds_since(start);

    std::string conf(embedded::sphinx_conf_template());
    for (const auto& [key, value] : {std::pair<std::string, std::string>{"{{dir}}", dir_},
                                     std::pair<std::string, std::string>{"{{port}}", std::to_string(port_)}}) {
      for (size_t at; (at = conf.find(key)) != std::string::npos;) conf.replace(at, key.size(), value);
    }
    config_ = dir_ + "/sphinx.conf";
    std::ofstream(config_) << conf;

    start = std::chrono::steady_clock::now();
    run("indexer --config " + config_ + " --all", fs::path(dir_) / "indexer.out");
    index_seconds_ = seconds_since(start);
    for (const auto& f : fs::directory_iterator(fs::path(dir_) / "index")) {
      if (f.is_regular_file()) index_bytes_ += static_cast<long>(f.file_size());
    }

    // searchd in the foreground as our child, so that stop() can end and reap exactly it.
    const std::string out = dir_ + "/searchd.out";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    std::string arg0 = "searchd", arg1 = "--config", arg2 = config_, arg3 = "--nodetach";
    char* argv[] = {arg0.data(), arg1.data(), arg2.data(), arg3.data(), nullptr};
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, "searchd", &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) throw std::runtime_error("cannot start searchd (is sphinxsearch installed?)");
    searchd_pid_ = pid;
    // Wait until it answers SphinxQL.
    for (int attempt = 0;; ++attempt) {
      try {
        Client probe(*this);
        break;
      } catch (const std::exception& e) {
        if (::waitpid(searchd_pid_, nullptr, WNOHANG) == searchd_pid_) {
          searchd_pid_ = 0;
          throw std::runtime_error("searchd stopped:\n" + read_text(out));
        }
        if (attempt >= 600) {
          throw std::runtime_error(std::string("searchd does not answer within 30 s: ") + e.what() + "\n" +
                                   read_text(out) + read_text(fs::path(dir_) / "searchd.log"));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
  } catch (...) {
    stop();
    throw;
  }
}

SphinxServer::~SphinxServer() { stop(); }

void SphinxServer::stop() noexcept {
  if (searchd_pid_ > 0) {
    // End the searchd we started, by its pid, and reap it (SIGKILL after 10 s).
    ::kill(searchd_pid_, SIGTERM);
    for (int i = 0; i < 200; ++i) {
      if (::waitpid(searchd_pid_, nullptr, WNOHANG) == searchd_pid_) {
        searchd_pid_ = 0;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (searchd_pid_ > 0) {
      ::kill(searchd_pid_, SIGKILL);
      ::waitpid(searchd_pid_, nullptr, 0);
      searchd_pid_ = 0;
    }
  }
  std::error_code ignored;
  if (!dir_.empty()) fs::remove_all(dir_, ignored);
}

SphinxServer::Client::Client(const SphinxServer& server) : server_(server), mysql_(mysql_init(nullptr)) {
  MYSQL* m = static_cast<MYSQL*>(mysql_);
  if (!m) throw std::runtime_error("mysql_init failed");
  if (!mysql_real_connect(m, "127.0.0.1", "", "", nullptr, static_cast<unsigned>(server.port_), nullptr,
                          CLIENT_MULTI_STATEMENTS)) {
    const std::string error = mysql_error(m);
    mysql_close(m);
    throw std::runtime_error("SphinxQL connect: " + error);
  }
}

SphinxServer::Client::~Client() { mysql_close(static_cast<MYSQL*>(mysql_)); }

SphinxAnswer SphinxServer::Client::search(const search::SearchRequest& r) {
  MYSQL* m = static_cast<MYSQL*>(mysql_);
  const std::string sql = sphinxql_query(r, server_.vocabulary_);
  if (mysql_real_query(m, sql.data(), sql.size()) != 0) {
    throw std::runtime_error("SphinxQL: " + std::string(mysql_error(m)) + "\n" + sql);
  }
  SphinxAnswer a;
  const char* facets[] = {"interest", "transport", "municipality"};
  const std::vector<std::string>* facet_codes[] = {&server_.vocabulary_.codes(core::CodeKind::interest),
                                                   &server_.vocabulary_.codes(core::CodeKind::transport), nullptr};
  for (int set = 0;; ++set) {
    MYSQL_RES* res = mysql_store_result(m);
    if (res) {
      while (MYSQL_ROW row = mysql_fetch_row(res)) {
        if (!row[0] || !row[1]) continue;
        if (set == 0) {
          const long id = std::strtol(row[0], nullptr, 10);
          if (id >= 1 && id <= server_.rows()) a.ids.push_back(server_.ids_[static_cast<size_t>(id - 1)]);
        } else if (set <= 3) {
          const long key = std::strtol(row[0], nullptr, 10);
          std::string code;
          if (set == 3) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "%04ld", key);
            code = buf;
          } else if (key >= 1 && static_cast<size_t>(key) <= facet_codes[set - 1]->size()) {
            code = (*facet_codes[set - 1])[static_cast<size_t>(key - 1)];
          }
          a.facets[facets[set - 1]][code] = std::strtol(row[1], nullptr, 10);
        } else if (std::string(row[0]) == "total_found") {
          a.total = std::strtol(row[1], nullptr, 10);
        }
      }
      mysql_free_result(res);
    } else if (mysql_errno(m) != 0) {
      throw std::runtime_error("SphinxQL: " + std::string(mysql_error(m)) + "\n" + sql);
    }
    const int next = mysql_next_result(m);
    if (next > 0) throw std::runtime_error("SphinxQL: " + std::string(mysql_error(m)) + "\n" + sql);
    if (next < 0) break;
  }
  return a;
}

}  // namespace portal::bench
