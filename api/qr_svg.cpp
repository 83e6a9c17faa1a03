#include "api/qr_svg.h"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace portal::api {

std::string qr_svg(const std::string& text) {
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
      QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!qr) throw std::runtime_error("libqrencode cannot encode the card's URL");
  constexpr int kQuiet = 4;
  const int width = qr->width;
  const int size = width + 2 * kQuiet;
  std::string path;
  for (int y = 0; y < width; ++y) {
    // Runs of dark modules on a row become one horizontal rectangle each.
    for (int x = 0; x < width;) {
      if ((qr->data[y * width + x] & 1) == 0) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < width && (qr->data[y * width + x] & 1) != 0) ++x;
      path += "M" + std::to_string(start + kQuiet) + " " + std::to_string(y + kQuiet) + "h" +
              std::to_string(x - start) + "v1h-" + std::to_string(x - start) + "z";
    }
  }
  const std::string n = std::to_string(size);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n + "\" width=\"" + n + "\" height=\"" +
         n + "\" shape-rendering=\"crispEdges\">"
         "<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/>"
         "<path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
}

}  // namespace portal::api
