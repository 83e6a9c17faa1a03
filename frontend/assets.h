// The web pages compiled into portal-server. Immutable; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace portal::frontend {

struct Asset {
  std::string_view body;
  std::string_view content_type;
  std::string etag;  // strong validator: hash of the body
};

// The static asset served at `path`, or nullptr (pages are rendered by api/).
const Asset* find_asset(std::string_view path);

// The URL a page should use for a logical asset path ("/assets/portal.css"); a content-hashed
// URL that may be cached for a year once hashing is in place. Unknown paths come back unchanged.
std::string asset_url(std::string_view logical_path);

}  // namespace portal::frontend
