#include "store/connection_pool.h"

#include <utility>

#include "core/errors.h"

namespace portal::store {
namespace detail {

bool is_connection_loss(const pqxx::sql_error& e) {
  const std::string& state = e.sqlstate();
  return state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03";
}

void throw_unavailable() {
  throw core::Error(core::ErrorCode::unavailable, "Databasen kan ikke nås lige nu. Prøv igen om lidt.");
}

}  // namespace detail

ConnectionPool::ConnectionPool(std::string url, size_t size)
    : url_(std::move(url)), size_(size == 0 ? 1 : size) {}

// Leases must not outlive the pool; idle connections close here.
ConnectionPool::~ConnectionPool() = default;

ConnectionPool::Lease::Lease(ConnectionPool& pool, std::unique_ptr<pqxx::connection> conn)
    : pool_(&pool), conn_(std::move(conn)) {}

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)), conn_(std::move(other.conn_)), broken_(other.broken_) {}

ConnectionPool::Lease::~Lease() {
  if (pool_ != nullptr && conn_ != nullptr) pool_->release(std::move(conn_), broken_);
}

ConnectionPool::Lease ConnectionPool::acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [this] { return !idle_.empty() || open_ < size_; });
  if (!idle_.empty()) {
    std::unique_ptr<pqxx::connection> conn = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(conn));
  }
  ++open_;
  lock.unlock();

  // Connect outside the lock; on failure give the slot back before reporting.
  auto give_back = [this] {
    {
      std::lock_guard<std::mutex> relock(mu_);
      --open_;
    }
    cv_.notify_one();
  };
  try {
    return Lease(*this, std::make_unique<pqxx::connection>(url_));
  } catch (const pqxx::broken_connection&) {
    give_back();
    detail::throw_unavailable();
  } catch (...) {
    give_back();
    throw;
  }
}

void ConnectionPool::release(std::unique_ptr<pqxx::connection> conn, bool broken) {
  // libpqxx 6.4 would silently reconnect a broken connection on next use; close it instead.
  if (broken || !conn->is_open()) {
    conn.reset();
    std::lock_guard<std::mutex> lock(mu_);
    --open_;
  } else {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(conn));
  }
  cv_.notify_one();
}

}  // namespace portal::store
