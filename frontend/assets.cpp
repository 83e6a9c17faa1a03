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
      {"/style.css", make(embedded::style_css(), "text/css; charset=utf-8")},
      {"/shared.js", make(embedded::shared_js(), "text/javascript; charset=utf-8")},
      {"/forening", make(embedded::forening_html(), "text/html; charset=utf-8")},
      {"/forening.js", make(embedded::forening_js(), "text/javascript; charset=utf-8")},
      {"/koordinator", make(embedded::koordinator_html(), "text/html; charset=utf-8")},
      {"/koordinator.js", make(embedded::koordinator_js(), "text/javascript; charset=utf-8")},
      {"/invitation", make(embedded::invitation_html(), "text/html; charset=utf-8")},
      {"/invitation.js", make(embedded::invitation_js(), "text/javascript; charset=utf-8")},
      {"/besoeg", make(embedded::besoeg_html(), "text/html; charset=utf-8")},
      {"/besoeg.js", make(embedded::besoeg_js(), "text/javascript; charset=utf-8")},
      {"/aktivitet.js", make(embedded::activity_js(), "text/javascript; charset=utf-8")},
      {"/statistik.js", make(embedded::statistik_js(), "text/javascript; charset=utf-8")},
      {"/assets/portal.css", make(embedded::portal_css(), "text/css; charset=utf-8")},
      {"/assets/soeg.js", make(embedded::soeg_js(), "text/javascript; charset=utf-8")},
      {"/assets/leaflet.js", make(embedded::leaflet_js(), "text/javascript; charset=utf-8")},
      {"/assets/leaflet.css", make(embedded::leaflet_css(), "text/css; charset=utf-8")},
      {"/assets/fonts/IBMPlexSans-Regular-Latin1.woff2", make(embedded::font_regular(), "font/woff2")},
      {"/assets/fonts/IBMPlexSans-SemiBold-Latin1.woff2", make(embedded::font_semibold(), "font/woff2")},
      {"/assets/fonts/IBMPlexSans-Bold-Latin1.woff2", make(embedded::font_bold(), "font/woff2")},
      {"/assets/img/marker-icon.png", make(embedded::marker_icon(), "image/png")},
      {"/assets/img/marker-icon-2x.png", make(embedded::marker_icon_2x(), "image/png")},
      {"/assets/img/marker-shadow.png", make(embedded::marker_shadow(), "image/png")},
      {"/assets/img/layers.png", make(embedded::layers_png(), "image/png")},
      {"/assets/img/layers-2x.png", make(embedded::layers_2x_png(), "image/png")},
  };
  return kAssets;
}

}  // namespace

const Asset* find_asset(std::string_view path) {
  const auto& all = assets();
  // /k and /k/CODE are rendered pages (api/activity_pages.cpp).
  auto it = all.find(path);
  return it == all.end() ? nullptr : &it->second;
}

std::string asset_url(std::string_view logical_path) { return std::string(logical_path); }

}  // namespace portal::frontend
