// Server-side HTML of the citizen pages: Mustache templates (frontend/templates/*.mustache,
// compiled into the server) filled from a JSON view model, with kainjow/mustache (Debian
// libkainjow-mustache-dev). {{x}} is HTML-escaped; templates use {{{x}}} only for HTML the
// server built itself, never for user data. Immutable after construction; render() is
// thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace portal::frontend {

class Renderer {
 public:
  // Parses every embedded template. Throws std::runtime_error naming the template and the
  // Mustache error when one does not parse (a build mistake; tests construct a Renderer).
  Renderer();

  // A whole page: templates/layout.mustache around templates/<name>.mustache (and after <main>,
  // templates/<name>_after.mustache when there is one). Every template is also available as a
  // partial ({{> result}}). `data` is the view model; the layout reads "title", "text_large"
  // (bool), "path" (where the text switch returns to), "scripts" ([{"src"}]), "page_class",
  // "tagline", "staff" (bool: the login state and "Log ud" in the header) and
  // "main_focusable" from it, and "css" is set to the stylesheet's URL. Throws
  // std::invalid_argument for an unknown name.
  std::string page(std::string_view name, const nlohmann::json& data) const;

  // One template without the layout (e.g. the results fragment the page's script fetches).
  std::string fragment(std::string_view name, const nlohmann::json& data) const;

 private:
  std::map<std::string, std::string, std::less<>> templates_;
};

// The value of the `tekst` cookie ("stor" = the larger-text switch is on) from a Cookie header.
bool large_text(std::string_view cookie_header);

}  // namespace portal::frontend
