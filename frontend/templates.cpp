#include "frontend/templates.h"

#include "frontend_embedded.h"

namespace portal::frontend {

// Add a template here and in CMakeLists.txt (portal_embed … <name>_mustache=templates/<name>.mustache).
const std::vector<std::pair<std::string_view, std::string_view>>& templates() {
  static const std::vector<std::pair<std::string_view, std::string_view>> kTemplates = {
      {"layout", embedded::layout_mustache()},
      {"not_found", embedded::not_found_mustache()},
      {"result", embedded::result_mustache()},
      {"activity", embedded::activity_mustache()},
      {"card", embedded::card_mustache()},
      {"card_block", embedded::card_block_mustache()},
      {"about", embedded::about_mustache()},
      {"search", embedded::search_mustache()},
      {"search_option", embedded::search_option_mustache()},
      {"search_results", embedded::search_results_mustache()},
      // The staff pages (staff_pages.h); besoeg_after holds the visit page's print views.
      {"forening", embedded::forening_mustache()},
      {"koordinator", embedded::koordinator_mustache()},
      {"besoeg", embedded::besoeg_mustache()},
      {"besoeg_after", embedded::besoeg_after_mustache()},
      {"invitation", embedded::invitation_mustache()},
  };
  return kTemplates;
}

}  // namespace portal::frontend
