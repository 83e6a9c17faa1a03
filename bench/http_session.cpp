#include "bench/http_session.h"

#include <curl/curl.h>

#include <mutex>
#include <stdexcept>

namespace portal::bench {
namespace {

size_t append(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

CURL* handle(void* p) { return static_cast<CURL*>(p); }

}  // namespace

HttpSession::HttpSession(std::string base_url) : base_url_(std::move(base_url)) {
  global_init();
  curl_ = curl_easy_init();
  if (!curl_) throw std::runtime_error("curl_easy_init failed");
}

HttpSession::~HttpSession() { curl_easy_cleanup(handle(curl_)); }

HttpResult HttpSession::get(std::string_view path, std::string_view bearer) { return perform("GET", path, {}, bearer); }

HttpResult HttpSession::send(std::string_view method, std::string_view path, std::string_view json_body,
                             std::string_view bearer) {
  return perform(method, path, json_body, bearer);
}

std::string HttpSession::escape(std::string_view value) {
  char* escaped = curl_easy_escape(handle(curl_), value.data(), static_cast<int>(value.size()));
  if (!escaped) throw std::runtime_error("curl_easy_escape failed");
  std::string result(escaped);
  curl_free(escaped);
  return result;
}

HttpResult HttpSession::perform(std::string_view method, std::string_view path, std::string_view body,
                                std::string_view bearer) {
  CURL* c = handle(curl_);
  curl_easy_reset(c);
  HttpResult result;
  const std::string url = base_url_ + std::string(path);
  const std::string verb(method);
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, verb.c_str());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, append);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &result.body);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 10000L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_slist* headers = nullptr;
  std::string authorization;
  if (!bearer.empty()) {
    authorization = "Authorization: Bearer " + std::string(bearer);
    headers = curl_slist_append(headers, authorization.c_str());
  }
  if (verb != "GET") {
    headers = curl_slist_append(headers, "Content-Type: application/json");
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  const CURLcode code = curl_easy_perform(c);
  curl_slist_free_all(headers);
  if (code != CURLE_OK) throw std::runtime_error(verb + " " + url + ": " + curl_easy_strerror(code));
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &result.status);
  return result;
}

}  // namespace portal::bench
