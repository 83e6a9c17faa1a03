// A tiny blocking HTTP/1.1 client for tests, over a raw TCP socket to 127.0.0.1, so that tests
// can send exactly the bytes they want (invalid UTF-8, huge query strings, odd headers).
//
// One request per connection; requests built here carry `Connection: close`. The response is
// read by Content-Length, chunked encoding, or to EOF; HEAD and 1xx/204/304 answers have no
// body (their `body` holds whatever arrived after the headers anyway, which should be nothing).
// Every socket operation has a deadline. Errors (cannot connect, reset, timeout, malformed
// answer) throw HttpError. Thread-safe (no shared state).
#pragma once

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace portal::testing {

class HttpError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct HttpResponse {
  int status = 0;
  std::string reason;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased, in order
  std::string body;

  // The first header of that (case-insensitive) name, or "".
  std::string header(std::string_view name) const;
  bool has_header(std::string_view name) const;
  // The body parsed as JSON; throws HttpError (with the body) when it is not JSON.
  nlohmann::json json() const;
  // Status line and body, for assertion messages.
  std::string describe() const;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

inline constexpr std::chrono::milliseconds kHttpTimeout{10000};

// Sends `raw` verbatim and reads one response. `head`: the request is a HEAD (no body follows).
HttpResponse http_raw(uint16_t port, std::string_view raw, bool head = false,
                      std::chrono::milliseconds timeout = kHttpTimeout);

// Builds "METHOD target HTTP/1.1" with Host, Connection: close, the given headers and, when
// `body` is non-empty or the method is POST/PUT/PATCH, a Content-Length. `target` is sent as is.
HttpResponse http_request(uint16_t port, std::string_view method, std::string_view target,
                          const Headers& headers = {}, std::string_view body = {},
                          std::chrono::milliseconds timeout = kHttpTimeout);

inline HttpResponse http_get(uint16_t port, std::string_view target, const Headers& headers = {},
                             std::chrono::milliseconds timeout = kHttpTimeout) {
  return http_request(port, "GET", target, headers, {}, timeout);
}

// Percent-encodes everything but unreserved characters (RFC 3986), for query values.
std::string url_encode(std::string_view text);

}  // namespace portal::testing
