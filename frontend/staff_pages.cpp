#include "frontend/staff_pages.h"

#include <vector>

#include <nlohmann/json.hpp>

namespace portal::frontend {
namespace {

struct PageSpec {
  const char* path;
  const char* name;  // templates/<name>.mustache
  const char* title;
  const char* tagline;
  const char* page_class;
  bool staff;  // logged-in pages: "Logget ind som …" and "Log ud" in the header
  std::vector<const char*> scripts;
};

const std::vector<PageSpec>& specs() {
  static const std::vector<PageSpec> kSpecs = {
      {"/forening", "forening", "Din forenings aktiviteter", "For foreningens redaktører", "staff", true,
       {"/shared.js", "/forening.js"}},
      {"/koordinator", "koordinator", "Koordinator", "For kommunens koordinator", "staff", true,
       {"/shared.js", "/statistik.js", "/koordinator.js"}},
      {"/besoeg", "besoeg", "Besøg", "Til besøg hos borgeren", "staff visit", true, {"/shared.js", "/besoeg.js"}},
      {"/invitation", "invitation", "Bliv redaktør for din forening", "For foreningens redaktører", "staff", false,
       {"/shared.js", "/invitation.js"}},
  };
  return kSpecs;
}

Asset prepare(std::string body) {
  Asset page;
  page.body = std::move(body);
  page.gzip = gzip_compress(page.body);
  page.content_type = "text/html; charset=utf-8";
  page.etag = "\"" + content_hash(page.body) + "\"";
  page.cache_control = "no-cache";
  return page;
}

}  // namespace

StaffPages::StaffPages(const Renderer& renderer) {
  for (const auto& spec : specs()) {
    nlohmann::json model = {{"title", spec.title},         {"tagline", spec.tagline},
                            {"page_class", spec.page_class}, {"staff", spec.staff},
                            {"main_focusable", true},       {"path", spec.path},
                            {"scripts", nlohmann::json::array()}};
    for (const char* script : spec.scripts) model["scripts"].push_back({{"src", asset_url(script)}});
    std::array<Asset, 2> variants;
    for (const bool large : {false, true}) {
      model["text_large"] = large;
      variants[large ? 1 : 0] = prepare(renderer.page(spec.name, model));
    }
    pages_.emplace(spec.path, std::move(variants));
  }
}

const Asset* StaffPages::find(std::string_view path, bool text_large) const {
  const auto it = pages_.find(path);
  return it == pages_.end() ? nullptr : &it->second[text_large ? 1 : 0];
}

}  // namespace portal::frontend
