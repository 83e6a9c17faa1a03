#include "indexer/convert.h"

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace portal::indexer {

std::string trim(std::string_view s) {
  const char* ws = " \t\r\n";
  const auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(ws) - b + 1));
}

std::string lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {
      const auto n = static_cast<unsigned char>(s[i + 1]);
      if (n == 0x86 || n == 0x98 || n == 0x85) {  // Æ Ø Å → æ ø å
        out += static_cast<char>(0xC3);
        out += static_cast<char>(n + 0x20);
        ++i;
        continue;
      }
    }
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

std::string slug(std::string_view text) {
  const std::string low = lower(text);
  std::string out;
  bool dash = false;
  auto put = [&](std::string_view part) {
    if (dash && !out.empty()) out += '-';
    dash = false;
    out += part;
  };
  for (size_t i = 0; i < low.size(); ++i) {
    const auto c = static_cast<unsigned char>(low[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      put(std::string_view(&low[i], 1));
    } else if (c == 0xC3 && i + 1 < low.size() && static_cast<unsigned char>(low[i + 1]) == 0xA6) {
      put("ae"), ++i;
    } else if (c == 0xC3 && i + 1 < low.size() && static_cast<unsigned char>(low[i + 1]) == 0xB8) {
      put("oe"), ++i;
    } else if (c == 0xC3 && i + 1 < low.size() && static_cast<unsigned char>(low[i + 1]) == 0xA5) {
      put("aa"), ++i;
    } else {
      dash = true;
    }
  }
  return out;
}

std::string stable_id(std::string_view prefix, std::string_view key) {
  constexpr size_t kMax = 128;
  std::string id = std::string(prefix);
  const std::string s = slug(key);
  if (!id.empty() && !s.empty()) id += '-';
  id += s;
  if (!s.empty() && id.size() <= kMax) return id;
  uint32_t h = 2166136261u;  // FNV-1a
  for (char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", h);
  id = id.substr(0, kMax - 9);
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? std::string(hex) : id + '-' + hex;
}

std::optional<std::string> match_interest(const core::Vocabulary& vocabulary, std::string_view category) {
  const std::string wanted = lower(trim(category));
  if (wanted.empty()) return std::nullopt;
  for (const auto& code : vocabulary.codes(core::CodeKind::interest)) {
    if (wanted == code || wanted == lower(vocabulary.label_da(core::CodeKind::interest, code))) return code;
  }
  return std::nullopt;
}

}  // namespace portal::indexer
