// A blocking HTTP client session for benchmarks (libcurl easy handle, keep-alive reused between
// requests). One thread uses a session; make one per thread. Transport failures throw
// std::runtime_error; HTTP error statuses are returned, not thrown.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace portal::bench {

struct HttpResult {
  long status = 0;
  std::string body;
};

class HttpSession {
 public:
  explicit HttpSession(std::string base_url);
  ~HttpSession();
  HttpSession(const HttpSession&) = delete;
  HttpSession& operator=(const HttpSession&) = delete;

  // `path` starts with "/", e.g. "/api/v1/search?q=x". `bearer` is sent as Authorization when set.
  HttpResult get(std::string_view path, std::string_view bearer = {});
  HttpResult send(std::string_view method, std::string_view path, std::string_view json_body,
                  std::string_view bearer = {});

  // Percent-encodes a query value (UTF-8 bytes).
  std::string escape(std::string_view value);

 private:
  HttpResult perform(std::string_view method, std::string_view path, std::string_view body, std::string_view bearer);

  std::string base_url_;
  void* curl_;
};

}  // namespace portal::bench
