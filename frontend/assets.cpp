#include "frontend/assets.h"

#include <functional>
#include <map>

#include "frontend_embedded.h"

namespace portal::frontend {
namespace {

Asset make(std::string_view body, std::string_view type) {
  return Asset{body, type, "\"" + std::to_string(std::hash<std::string_view>{}(body)) + "\""};
}

const std::map<std::string_view, Asset>& assets() {
  static const std::map<std::string_view, Asset> kAssets = {
      {"/", make(embedded::index_html(), "text/html; charset=utf-8")},
      {"/index.html", make(embedded::index_html(), "text/html; charset=utf-8")},
      {"/app.js", make(embedded::app_js(), "text/javascript; charset=utf-8")},
      {"/style.css", make(embedded::style_css(), "text/css; charset=utf-8")},
      {"/shared.js", make(embedded::shared_js(), "text/javascript; charset=utf-8")},
      {"/forening", make(embedded::forening_html(), "text/html; charset=utf-8")},
      {"/forening.js", make(embedded::forening_js(), "text/javascript; charset=utf-8")},
      {"/koordinator", make(embedded::koordinator_html(), "text/html; charset=utf-8")},
      {"/koordinator.js", make(embedded::koordinator_js(), "text/javascript; charset=utf-8")},
      {"/invitation", make(embedded::invitation_html(), "text/html; charset=utf-8")},
      {"/invitation.js", make(embedded::invitation_js(), "text/javascript; charset=utf-8")},
  };
  return kAssets;
}

}  // namespace

const Asset* find_asset(std::string_view path) {
  const auto& all = assets();
  auto it = all.find(path);
  return it == all.end() ? nullptr : &it->second;
}

}  // namespace portal::frontend
