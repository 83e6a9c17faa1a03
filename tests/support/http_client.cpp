#include "tests/support/http_client.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <optional>

namespace portal::testing {
namespace {

using Clock = std::chrono::steady_clock;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

[[noreturn]] void fail(const std::string& what) { throw HttpError(what); }

class Socket {
 public:
  Socket(uint16_t port, Clock::time_point deadline) : deadline_(deadline) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd_ < 0) fail("socket: " + std::string(std::strerror(errno)));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      if (errno != EINPROGRESS) fail("connect to port " + std::to_string(port) + ": " + std::strerror(errno));
      wait(POLLOUT, "connect");
      int error = 0;
      socklen_t len = sizeof error;
      ::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &error, &len);
      if (error != 0) fail("connect to port " + std::to_string(port) + ": " + std::strerror(error));
    }
  }
  ~Socket() { ::close(fd_); }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;

  // Writes everything; returns false when the peer closed or reset the connection.
  bool write_all(std::string_view data) {
    while (!data.empty()) {
      wait(POLLOUT, "write");
      const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n < 0) {
        if (errno == EINTR || errno == EAGAIN) continue;
        if (errno == EPIPE || errno == ECONNRESET) return false;
        fail("send: " + std::string(std::strerror(errno)));
      }
      data.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

  // Appends what arrives to `buffer`; returns false at EOF.
  bool read_some(std::string& buffer) {
    char chunk[16384];
    while (true) {
      wait(POLLIN, "read");
      const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n < 0) {
        if (errno == EINTR || errno == EAGAIN) continue;
        fail("recv: " + std::string(std::strerror(errno)));
      }
      if (n == 0) return false;
      buffer.append(chunk, static_cast<size_t>(n));
      return true;
    }
  }

 private:
  void wait(short events, const char* what) {
    while (true) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
      if (left <= 0) fail(std::string("timeout during ") + what);
      pollfd p{fd_, events, 0};
      const int r = ::poll(&p, 1, static_cast<int>(left));
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) fail("poll: " + std::string(std::strerror(errno)));
      if (r > 0) return;
    }
  }

  int fd_ = -1;
  Clock::time_point deadline_;
};

std::optional<size_t> parse_size(const std::string& text, int base) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const unsigned long long v = std::strtoull(text.c_str(), &end, base);
  if (errno != 0 || end == text.c_str()) return std::nullopt;
  while (*end == ' ' || *end == '\t') ++end;
  if (*end != '\0' && *end != ';') return std::nullopt;
  return static_cast<size_t>(v);
}

}  // namespace

std::string HttpResponse::header(std::string_view name) const {
  const std::string key = lower(name);
  for (const auto& [k, v] : headers) {
    if (k == key) return v;
  }
  return {};
}

bool HttpResponse::has_header(std::string_view name) const {
  const std::string key = lower(name);
  return std::any_of(headers.begin(), headers.end(), [&](const auto& h) { return h.first == key; });
}

nlohmann::json HttpResponse::json() const {
  try {
    return nlohmann::json::parse(body);
  } catch (const nlohmann::json::exception& e) {
    throw HttpError("response is not JSON (" + std::string(e.what()) + "): " + describe());
  }
}

std::string HttpResponse::describe() const {
  return "HTTP " + std::to_string(status) + " " + reason + "\n" + body.substr(0, 2000);
}

HttpResponse http_raw(uint16_t port, std::string_view raw, bool head, std::chrono::milliseconds timeout) {
  Socket socket(port, Clock::now() + timeout);
  // A peer that answers early (413) and closes may reset the rest of the upload; the answer
  // may still be readable, so go on reading.
  socket.write_all(raw);

  std::string buffer;
  size_t header_end;
  while ((header_end = buffer.find("\r\n\r\n")) == std::string::npos) {
    if (!socket.read_some(buffer)) {
      fail(buffer.empty() ? "connection closed without an answer" : "connection closed inside the headers: " + buffer);
    }
    if (buffer.size() > (1u << 20)) fail("response headers too long");
  }

  HttpResponse response;
  const std::string head_text = buffer.substr(0, header_end);
  std::string body = buffer.substr(header_end + 4);
  size_t line_end = head_text.find("\r\n");
  const std::string status_line = head_text.substr(0, line_end);
  if (status_line.rfind("HTTP/1.", 0) != 0 || status_line.size() < 12) fail("malformed status line: " + status_line);
  const auto code = parse_size(status_line.substr(9, 3), 10);
  if (!code) fail("malformed status line: " + status_line);
  response.status = static_cast<int>(*code);
  response.reason = status_line.size() > 13 ? status_line.substr(13) : "";
  while (line_end != std::string::npos) {
    const size_t start = line_end + 2;
    line_end = head_text.find("\r\n", start);
    const std::string line = head_text.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
    const size_t colon = line.find(':');
    if (colon == std::string::npos) fail("malformed header line: " + line);
    response.headers.emplace_back(lower(trim(line.substr(0, colon))), trim(line.substr(colon + 1)));
  }

  const bool no_body = head || response.status / 100 == 1 || response.status == 204 || response.status == 304;
  if (no_body) {
    // Bytes already received after the headers of a bodiless answer: a correct server sends
    // none (tests check this for HEAD).
    response.body = std::move(body);
    return response;
  }

  if (lower(response.header("transfer-encoding")).find("chunked") != std::string::npos) {
    std::string decoded;
    size_t pos = 0;
    while (true) {
      size_t eol;
      while ((eol = body.find("\r\n", pos)) == std::string::npos) {
        if (!socket.read_some(body)) fail("connection closed inside a chunked body");
      }
      const auto size = parse_size(body.substr(pos, eol - pos), 16);
      if (!size) fail("malformed chunk size");
      pos = eol + 2;
      while (body.size() < pos + *size + 2) {
        if (!socket.read_some(body)) fail("connection closed inside a chunk");
      }
      decoded.append(body, pos, *size);
      pos += *size + 2;
      if (*size == 0) break;
    }
    response.body = std::move(decoded);
    return response;
  }

  if (response.has_header("content-length")) {
    const auto length = parse_size(response.header("content-length"), 10);
    if (!length) fail("malformed Content-Length: " + response.header("content-length"));
    while (body.size() < *length) {
      if (!socket.read_some(body)) fail("connection closed before the whole body arrived");
    }
    body.resize(*length);
    response.body = std::move(body);
    return response;
  }

  while (socket.read_some(body)) {
  }
  response.body = std::move(body);
  return response;
}

HttpResponse http_request(uint16_t port, std::string_view method, std::string_view target, const Headers& headers,
                          std::string_view body, std::chrono::milliseconds timeout) {
  std::string raw;
  raw.reserve(256 + target.size() + body.size());
  raw.append(method).append(" ").append(target).append(" HTTP/1.1\r\n");
  raw.append("Host: 127.0.0.1:").append(std::to_string(port)).append("\r\n");
  raw.append("Connection: close\r\n");
  for (const auto& [name, value] : headers) raw.append(name).append(": ").append(value).append("\r\n");
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    raw.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
  }
  raw.append("\r\n");
  raw.append(body);
  return http_raw(port, raw, method == "HEAD", timeout);
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace portal::testing
