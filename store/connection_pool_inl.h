// Template definitions for store/connection_pool.h; include that header instead.
#pragma once

#include <utility>

#include <pqxx/pqxx>

#include "core/errors.h"

namespace portal::store {
namespace detail {

// True for errors that mean the session is gone or the server is going away (SQLSTATE class
// 08, admin/crash shutdown, cannot-connect-now), as opposed to an error in the statement.
bool is_connection_loss(const pqxx::sql_error& e);

// Throws core::Error(unavailable) with the Danish "database cannot be reached" message.
[[noreturn]] void throw_unavailable();

}  // namespace detail

template <typename Fn>
auto with_connection(ConnectionPool& pool, Fn&& fn) -> decltype(fn(std::declval<pqxx::connection&>())) {
  ConnectionPool::Lease lease = pool.acquire();
  try {
    return std::forward<Fn>(fn)(*lease);
  } catch (const pqxx::broken_connection&) {
    lease.discard();
    detail::throw_unavailable();
  } catch (const pqxx::in_doubt_error&) {
    // The commit's outcome is unknown because the connection was lost during it.
    lease.discard();
    detail::throw_unavailable();
  } catch (const pqxx::sql_error& e) {
    if (!detail::is_connection_loss(e)) throw;
    lease.discard();
    detail::throw_unavailable();
  }
}

}  // namespace portal::store
