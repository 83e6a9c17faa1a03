#include "api/http_util.h"

#include <ctime>
#include <memory>
#include <ostream>

#include "core/errors.h"
#include "core/text.h"

namespace portal::api {
namespace {

[[noreturn]] void reject(const std::string& field, const std::string& message) {
  throw core::Error(core::ErrorCode::invalid_parameter, message, field);
}

std::string checked(std::string_view raw, const std::string& field, bool plus_is_space) {
  auto decoded = core::percent_decode(raw, plus_is_space);
  if (!decoded) reject(field, "Ugyldig %-kode i " + field + ".");
  if (!core::valid_utf8(*decoded)) reject(field, field + " indeholder tegn, der ikke er gyldig UTF-8.");
  for (unsigned char c : *decoded) {
    if (c < 0x20 || c == 0x7f) reject(field, field + " indeholder et ugyldigt kontroltegn.");
  }
  return *decoded;
}

}  // namespace



search::SearchParams query_params(const Pistache::Http::Request& request) {
  const auto& query = request.query();
  size_t total = 0;
  for (auto it = query.parameters_begin(); it != query.parameters_end(); ++it) {
    total += it->first.size() + it->second.size() + 2;
  }
  if (total > kMaxQueryStringBytes) {
    throw core::Error(core::ErrorCode::invalid_parameter,
                      "Forespørgslen er for lang. Gør søgningen kortere.", "");
  }
  search::SearchParams params;
  for (auto it = query.parameters_begin(); it != query.parameters_end(); ++it) {
    const std::string key = checked(it->first, "parameter", true);
    std::string value = checked(it->second, key, true);
    auto [pos, inserted] = params.emplace(key, value);
    if (!inserted) pos->second += "," + value;  // the same key, once raw and once encoded
  }
  return params;
}

std::string path_param(std::string_view raw, const std::string& field) { return checked(raw, field, false); }

std::string iso_utc(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

std::string dump(const nlohmann::json& body) {
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

const std::string& string_field(const nlohmann::json& body, const char* name) {
  if (!body.contains(name) || !body[name].is_string()) {
    throw core::Error(core::ErrorCode::invalid_body, std::string("Feltet '") + name + "' mangler eller er ikke tekst.",
                      name);
  }
  return body[name].get_ref<const std::string&>();
}

void require_services(bool present) {
  if (!present) throw core::Error(core::ErrorCode::unavailable, "Konti og redigering er ikke slået til på denne server.");
}

std::string csv_cell(std::string_view text) {
  std::string out = "\"";
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) out += '\'';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_row(const std::vector<std::string>& cells) {
  std::string row;
  for (const auto& cell : cells) row += (row.empty() ? "" : ";") + csv_cell(cell);
  return row + "\r\n";
}

namespace {

class AnyHeader : public Pistache::Http::Header::Header {
 public:
  AnyHeader(std::string name, std::string value) : name_(std::move(name)), value_(std::move(value)) {}
  const char* name() const override { return name_.c_str(); }
  void write(std::ostream& os) const override { os << value_; }
#ifdef SAFE_HEADER_CAST
  uint64_t hash() const override { return Pistache::Http::Header::detail::hash(name_.c_str()); }
#endif

 private:
  std::string name_;
  std::string value_;
};

}  // namespace

void add_header(Pistache::Http::ResponseWriter& response, std::string name, std::string value) {
  response.headers().add(std::make_shared<AnyHeader>(std::move(name), std::move(value)));
}

}  // namespace portal::api
