// The Sphinx comparator (portal-bench sphinx, docs/benchmarks-comparators.md): Debian's
// sphinxsearch 2.2.11 indexing the portal's listings and answering the query mix over SphinxQL.
//
// SphinxServer exports bench_fts.source (bench/pg_fts.h: the same rows and text as the
// PostgreSQL comparator) to an xmlpipe2 file in a temporary directory, writes sphinx.conf from
// bench/sphinx/sphinx.conf.in, runs `indexer` and starts `searchd` on 127.0.0.1. Its destructor
// always stops searchd and removes the directory. Codes become integer ids (position in the
// vocabulary + 1) in multi-value attributes; coordinates are stored in radians for GEODIST.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "core/vocabulary.h"
#include "search/request.h"

namespace portal::bench {

// The SphinxQL for `r`: one SELECT with MATCH, the filters, the order, LIMIT and three FACET
// clauses (interests, transport, municipality), followed by "; SHOW META" for the total.
std::string sphinxql_query(const search::SearchRequest& r, const core::Vocabulary& vocabulary);

struct SphinxAnswer {
  long total = 0;
  std::vector<std::string> ids;                               // the page, in order
  std::map<std::string, std::map<std::string, long>> facets;  // "interest"/"transport"/"municipality"
};

class SphinxServer {
 public:
  // Exports, indexes and starts searchd; port 0 picks a free one. Throws std::runtime_error
  // (with searchd's or indexer's output) when a step fails; nothing is left running then.
  SphinxServer(pqxx::connection& conn, const core::Vocabulary& vocabulary, int port = 0);
  ~SphinxServer();
  SphinxServer(const SphinxServer&) = delete;
  SphinxServer& operator=(const SphinxServer&) = delete;

  long rows() const { return static_cast<long>(ids_.size()); }
  double export_seconds() const { return export_seconds_; }
  double index_seconds() const { return index_seconds_; }
  long index_bytes() const { return index_bytes_; }
  int port() const { return port_; }

  // One SphinxQL connection; use from one thread at a time.
  class Client {
   public:
    explicit Client(const SphinxServer& server);
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;
    SphinxAnswer search(const search::SearchRequest& r);

   private:
    const SphinxServer& server_;
    void* mysql_;  // MYSQL*
  };

 private:
  void stop() noexcept;

  const core::Vocabulary& vocabulary_;
  std::string dir_;
  std::string config_;
  int port_ = 0;
  int searchd_pid_ = 0;  // searchd --nodetach, our child
  std::vector<std::string> ids_;  // Sphinx document id - 1 → activity id
  double export_seconds_ = 0, index_seconds_ = 0;
  long index_bytes_ = 0;
};

}  // namespace portal::bench
