// The web pages and static assets compiled into portal-server. Built once (the first call
// prepares every asset: content hashes, hashed references in pages and stylesheets, gzip);
// immutable afterwards and thread-safe.
//
// Every static asset (css, js, fonts, images) is served at its plain path ("/shared.js",
// "/assets/portal.css"; Cache-Control: no-cache) and at a content-hashed URL
// "/assets/<stem>.<hash>.<ext>" ("/assets/shared.3f9a0c12de.js", "/assets/fonts/x.<hash>.woff2";
// cached for a year, immutable). Pages and stylesheets refer to the hashed URLs. Text assets
// (html, css, js, svg, json) also carry a gzip copy of their body.
#pragma once

#include <string>
#include <string_view>

namespace portal::frontend {

struct Asset {
  std::string body;
  std::string gzip;  // body compressed with gzip; empty for binary types (fonts, images)
  std::string content_type;
  std::string etag;           // strong validator: "\"<hash>\"" of the body
  std::string cache_control;  // "no-cache", or "public, max-age=31536000, immutable" at a hashed URL
};

// The static asset served at `path` (pages are rendered by api/), or nullptr. Hashed URLs find
// the same body as their plain path, with the immutable header.
const Asset* find_asset(std::string_view path);

// The URL a page should use for a logical asset path ("/assets/portal.css" →
// "/assets/portal.<hash>.css"). Pages ("/forening") and unknown paths come back unchanged.
std::string asset_url(std::string_view logical_path);

// The first 10 hex digits of the BLAKE2b hash of `body` (libsodium crypto_generichash).
std::string content_hash(std::string_view body);

// "/shared.js" + hash → "/assets/shared.<hash>.js"; "/assets/fonts/a.woff2" → "/assets/fonts/a.<hash>.woff2".
std::string hashed_path(std::string_view logical_path, std::string_view hash);

// `data` compressed as a gzip member (zlib, best compression). Throws std::runtime_error when zlib fails.
std::string gzip_compress(std::string_view data);

// Whether an Accept-Encoding header value allows gzip ("gzip, deflate, br"; "*"; not "gzip;q=0").
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace portal::frontend
