#include "frontend/assets.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <vector>

#include <sodium.h>
#include <zlib.h>

#include "frontend_embedded.h"

namespace portal::frontend {
namespace {

constexpr std::string_view kHtml = "text/html; charset=utf-8";
constexpr std::string_view kJs = "text/javascript; charset=utf-8";
constexpr std::string_view kCss = "text/css; charset=utf-8";
constexpr std::string_view kNoCache = "no-cache";
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";

struct Source {
  std::string_view path;
  std::string_view body;
  std::string_view type;
};

const std::vector<Source>& sources() {
  static const std::vector<Source> kSources = {
      {"/shared.js", embedded::shared_js(), kJs},
      {"/forening.js", embedded::forening_js(), kJs},
      {"/koordinator.js", embedded::koordinator_js(), kJs},
      {"/invitation.js", embedded::invitation_js(), kJs},
      {"/besoeg.js", embedded::besoeg_js(), kJs},
      {"/statistik.js", embedded::statistik_js(), kJs},
      {"/aktivitet.js", embedded::activity_js(), kJs},
      {"/assets/soeg.js", embedded::soeg_js(), kJs},
      {"/assets/portal.css", embedded::portal_css(), kCss},
      {"/assets/leaflet.js", embedded::leaflet_js(), kJs},
      {"/assets/leaflet.css", embedded::leaflet_css(), kCss},
      {"/assets/fonts/IBMPlexSans-Regular-Latin1.woff2", embedded::font_regular(), "font/woff2"},
      {"/assets/fonts/IBMPlexSans-SemiBold-Latin1.woff2", embedded::font_semibold(), "font/woff2"},
      {"/assets/fonts/IBMPlexSans-Bold-Latin1.woff2", embedded::font_bold(), "font/woff2"},
      {"/assets/img/marker-icon.png", embedded::marker_icon(), "image/png"},
      {"/assets/img/marker-icon-2x.png", embedded::marker_icon_2x(), "image/png"},
      {"/assets/img/marker-shadow.png", embedded::marker_shadow(), "image/png"},
      {"/assets/img/layers.png", embedded::layers_png(), "image/png"},
      {"/assets/img/layers-2x.png", embedded::layers_2x_png(), "image/png"},
  };
  return kSources;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool is_text(std::string_view type) {
  return starts_with(type, "text/") || starts_with(type, "image/svg+xml") || starts_with(type, "application/json");
}

// Assets are prepared in this order so that each one's references are hashed before its own
// hash is taken: binaries (fonts, images), stylesheets (refer to fonts and images), scripts,
// then pages (refer to all of them).
int stage(std::string_view type) {
  if (starts_with(type, "text/html")) return 3;
  if (starts_with(type, "text/javascript")) return 2;
  if (starts_with(type, "text/css")) return 1;
  return 0;
}

bool opens(char c) { return c == '"' || c == '\'' || c == '('; }
bool closes(char c) { return c == '"' || c == '\'' || c == ')'; }

// Replaces every reference to a known asset ("/shared.js" between quotes or parentheses: HTML
// attributes, CSS url(), JS strings) with its hashed URL.
std::string rewrite(std::string_view body, const std::map<std::string, std::string, std::less<>>& urls) {
  std::string out;
  out.reserve(body.size());
  size_t pos = 0;
  while (pos < body.size()) {
    const size_t at = body.find('/', pos);
    if (at == std::string_view::npos) break;
    bool replaced = false;
    if (at > 0 && opens(body[at - 1])) {
      size_t end = at;
      while (end < body.size() && !closes(body[end]) && body[end] != ' ' && body[end] != '\n') ++end;
      if (end < body.size() && closes(body[end])) {
        const auto it = urls.find(body.substr(at, end - at));
        if (it != urls.end()) {
          out.append(body.substr(pos, at - pos));
          out.append(it->second);
          pos = end;
          replaced = true;
        }
      }
    }
    if (!replaced) {
      out.append(body.substr(pos, at + 1 - pos));
      pos = at + 1;
    }
  }
  out.append(body.substr(std::min(pos, body.size())));
  return out;
}

class Table {
 public:
  Table() {
    std::vector<const Source*> order;
    for (const auto& s : sources()) order.push_back(&s);
    std::stable_sort(order.begin(), order.end(),
                     [](const Source* a, const Source* b) { return stage(a->type) < stage(b->type); });
    for (const Source* s : order) {
      Asset asset;
      asset.body = stage(s->type) == 0 ? std::string(s->body) : rewrite(s->body, urls_);
      asset.content_type = std::string(s->type);
      const std::string hash = content_hash(asset.body);
      asset.etag = "\"" + hash + "\"";
      if (is_text(s->type)) asset.gzip = gzip_compress(asset.body);
      asset.cache_control = std::string(kNoCache);
      if (stage(s->type) != 3) {
        const std::string hashed = hashed_path(s->path, hash);
        Asset immutable = asset;
        immutable.cache_control = std::string(kImmutable);
        by_path_.emplace(hashed, std::move(immutable));
        urls_.emplace(std::string(s->path), hashed);
      }
      by_path_.emplace(std::string(s->path), std::move(asset));
    }
  }

  const Asset* find(std::string_view path) const {
    const auto it = by_path_.find(path);
    return it == by_path_.end() ? nullptr : &it->second;
  }

  std::string url(std::string_view logical) const {
    const auto it = urls_.find(logical);
    return it == urls_.end() ? std::string(logical) : it->second;
  }

 private:
  std::map<std::string, Asset, std::less<>> by_path_;
  std::map<std::string, std::string, std::less<>> urls_;  // logical path → hashed URL
};

const Table& table() {
  static const Table kTable;
  return kTable;
}

}  // namespace

const Asset* find_asset(std::string_view path) {
  return table().find(path);
}

std::string asset_url(std::string_view logical_path) { return table().url(logical_path); }

std::string content_hash(std::string_view body) {
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(body.data()), body.size(), nullptr, 0);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (size_t i = 0; i < 5; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xf]);
  }
  return hex;
}

std::string hashed_path(std::string_view logical_path, std::string_view hash) {
  std::string_view rest = logical_path;
  if (starts_with(rest, "/assets/")) rest.remove_prefix(std::string_view("/assets").size());
  const size_t slash = rest.rfind('/');
  const size_t dot = rest.rfind('.');
  std::string out = "/assets";
  if (dot == std::string_view::npos || dot < slash) {
    out.append(rest).append(".").append(hash);
  } else {
    out.append(rest.substr(0, dot)).append(".").append(hash).append(rest.substr(dot));
  }
  return out;
}

std::string gzip_compress(std::string_view data) {
  z_stream stream{};
  // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("zlib: deflateInit2 failed");
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (result != Z_STREAM_END) throw std::runtime_error("zlib: deflate did not finish");
  return out;
}

bool accepts_gzip(std::string_view accept_encoding) {
  const auto trim = [](std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return v;
  };
  const auto lower = [](std::string_view v) {
    std::string out(v);
    for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
  };
  bool gzip = false;
  bool star = false;
  bool gzip_named = false;
  size_t pos = 0;
  while (pos <= accept_encoding.size()) {
    const size_t end = std::min(accept_encoding.find(',', pos), accept_encoding.size());
    const std::string_view item = accept_encoding.substr(pos, end - pos);
    const size_t semi = item.find(';');
    const std::string coding = lower(trim(item.substr(0, semi)));
    bool allowed = true;
    if (semi != std::string_view::npos) {
      const std::string param = lower(trim(item.substr(semi + 1)));
      // q=0, q=0.0, q=0.000: refused
      if (param.rfind("q=0", 0) == 0 && param.find_first_not_of("0.", 2) == std::string::npos) allowed = false;
    }
    if (coding == "gzip" || coding == "x-gzip") {
      gzip_named = true;
      gzip = allowed;
    } else if (coding == "*") {
      star = allowed;
    }
    pos = end + 1;
  }
  return gzip_named ? gzip : star;
}

}  // namespace portal::frontend
