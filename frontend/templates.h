// The Mustache templates compiled into the server, by name (file name without .mustache).
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace portal::frontend {

const std::vector<std::pair<std::string_view, std::string_view>>& templates();

}  // namespace portal::frontend
