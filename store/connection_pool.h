// A small blocking pool of libpqxx 6.4 connections (libpqxx has none; a connection is not
// thread-safe, so each lease is used by one thread at a time). Thread-safe.
//
// Errors: acquire() throws core::Error(unavailable) with a Danish message when PostgreSQL
// cannot be reached. A connection found broken when returned is discarded and rebuilt later.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <pqxx/pqxx>

namespace portal::store {

class ConnectionPool {
 public:
  ConnectionPool(std::string url, size_t size);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<pqxx::connection> conn);
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    pqxx::connection& operator*() { return *conn_; }
    pqxx::connection* operator->() { return conn_.get(); }
    // Marks the connection as unusable; it is closed instead of returned.
    void discard() { broken_ = true; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<pqxx::connection> conn_;
    bool broken_ = false;
  };

  // Blocks until a connection is free (at most `size` are open at once).
  Lease acquire();
  const std::string& url() const { return url_; }

 private:
  void release(std::unique_ptr<pqxx::connection> conn, bool broken);

  std::string url_;
  size_t size_;
  size_t open_ = 0;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  std::mutex mu_;
  std::condition_variable cv_;
};

// Runs `fn(pqxx::connection&)` on a leased connection, mapping libpqxx's broken_connection
// (and a failed connect) to core::Error(unavailable) and discarding the broken connection.
template <typename Fn>
auto with_connection(ConnectionPool& pool, Fn&& fn) -> decltype(fn(std::declval<pqxx::connection&>()));

}  // namespace portal::store

#include "store/connection_pool_inl.h"
