// The staff pages (/forening, /koordinator, /besoeg, /invitation): templates/<name>.mustache in
// the portal's layout (header with the login state, the text switch, footer; render.h), rendered
// once at construction in both text sizes, each with a gzip copy and a strong ETag like the
// static assets (assets.h). The pages' scripts then fill them from the API. Immutable after
// construction; find() is thread-safe.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>

#include "frontend/assets.h"
#include "frontend/render.h"

namespace portal::frontend {

class StaffPages {
 public:
  explicit StaffPages(const Renderer& renderer);

  // The page at `path` in normal or larger text ("tekst=stor" cookie), or nullptr when `path`
  // is not a staff page.
  const Asset* find(std::string_view path, bool text_large) const;

 private:
  std::map<std::string, std::array<Asset, 2>, std::less<>> pages_;  // [0] normal, [1] large
};

}  // namespace portal::frontend
