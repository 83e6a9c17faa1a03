// QR codes as SVG (libqrencode), for the QR code printed on a portal card. Pure; thread-safe.
#pragma once

#include <string>

namespace portal::api {

// An SVG image of a QR code (error correction level M) of `text`: a white square of
// (modules + 8) units with a quiet zone of 4 modules, the dark modules as one <path>, and
// shape-rendering="crispEdges". Throws std::runtime_error when libqrencode cannot encode it.
std::string qr_svg(const std::string& text);

}  // namespace portal::api
