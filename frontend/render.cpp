#include "frontend/render.h"

#include <stdexcept>

#include <kainjow/mustache.hpp>

#include "frontend/assets.h"
#include "frontend/templates.h"

namespace portal::frontend {
namespace {

namespace mus = kainjow::mustache;

// JSON → Mustache data: objects and arrays map one to one, strings stay strings, numbers are
// written as JSON writes them, true/false keep their truth (for sections), null is false.
mus::data to_data(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mus::data object{mus::data::type::object};
      for (const auto& [key, item] : value.items()) object.set(key, to_data(item));
      return object;
    }
    case nlohmann::json::value_t::array: {
      mus::data list{mus::data::type::list};
      for (const auto& item : value) list.push_back(to_data(item));
      return list;
    }
    case nlohmann::json::value_t::string: return mus::data{value.get<std::string>()};
    case nlohmann::json::value_t::boolean: return mus::data{value.get<bool>()};
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded: return mus::data{false};
    default: return mus::data{value.dump()};
  }
}

}  // namespace

Renderer::Renderer() {
  for (const auto& [name, text] : templates()) {
    mus::mustache parsed{std::string(text)};
    if (!parsed.is_valid()) {
      throw std::runtime_error("template " + std::string(name) + ": " + parsed.error_message());
    }
    templates_.emplace(std::string(name), std::string(text));
  }
}

std::string Renderer::fragment(std::string_view name, const nlohmann::json& data) const {
  const auto it = templates_.find(name);
  if (it == templates_.end()) throw std::invalid_argument("unknown template " + std::string(name));
  mus::data context = to_data(data);
  for (const auto& [partial_name, text] : templates_) {
    const std::string* body = &text;
    context.set(partial_name, mus::partial{[body] { return *body; }});
  }
  mus::mustache tmpl{it->second};
  return tmpl.render(context);
}

std::string Renderer::page(std::string_view name, const nlohmann::json& data) const {
  if (templates_.find(name) == templates_.end()) throw std::invalid_argument("unknown template " + std::string(name));
  nlohmann::json model = data;
  model["css"] = asset_url("/assets/portal.css");
  mus::data context = to_data(model);
  for (const auto& [partial_name, text] : templates_) {
    const std::string* body = &text;
    context.set(partial_name, mus::partial{[body] { return *body; }});
  }
  const std::string* content = &templates_.find(name)->second;
  context.set("content", mus::partial{[content] { return *content; }});
  const auto after = templates_.find(std::string(name) + "_after");
  const std::string* after_main = after == templates_.end() ? nullptr : &after->second;
  context.set("after_main", mus::partial{[after_main] { return after_main ? *after_main : std::string(); }});
  mus::mustache layout{templates_.find("layout")->second};
  return layout.render(context);
}

bool large_text(std::string_view cookie_header) {
  // Cookie: a=b; tekst=stor; c=d
  size_t pos = 0;
  while (pos < cookie_header.size()) {
    while (pos < cookie_header.size() && (cookie_header[pos] == ' ' || cookie_header[pos] == ';')) ++pos;
    const size_t end = std::min(cookie_header.find(';', pos), cookie_header.size());
    if (cookie_header.substr(pos, end - pos) == "tekst=stor") return true;
    pos = end;
  }
  return false;
}

}  // namespace portal::frontend
