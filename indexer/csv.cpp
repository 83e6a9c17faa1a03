#include "indexer/csv.h"

#include "core/text.h"
#include "indexer/convert.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>

#include <unicode/unistr.h>

namespace portal::indexer {
namespace {

using nlohmann::json;


const std::map<std::string, std::string>& aliases() {
  static const std::map<std::string, std::string> m = {
      // association
      {"forening_id", "association_id"}, {"foreningsid", "association_id"}, {"forenings_id", "association_id"},
      {"forening", "association_name"}, {"foreningsnavn", "association_name"},
      {"foreningens_navn", "association_name"},
      {"foreningens_beskrivelse", "association_description"},
      {"forening_beskrivelse", "association_description"},
      {"kommune", "association_municipality"}, {"kommunekode", "association_municipality"},
      {"hjemmeside", "association_website"}, {"forening_hjemmeside", "association_website"},
      {"forening_email", "association_email"}, {"forening_e_mail", "association_email"},
      {"forening_telefon", "association_phone"},
      // activity
      {"aktivitet_id", "id"}, {"aktivitets_id", "id"}, {"aktivitetsid", "id"},
      {"titel", "title"}, {"aktivitet", "title"},
      {"beskrivelse", "description"},
      {"interesser", "interests"}, {"interesse", "interests"},
      {"målgrupper", "target_groups"}, {"målgruppe", "target_groups"},
      {"tilgængelighed", "accessibility"},
      {"sted", "location_name"}, {"mødested", "location_name"}, {"stedets_navn", "location_name"},
      {"adresse", "address"},
      {"postnummer", "postcode"}, {"postnr", "postcode"},
      {"by", "city"},
      {"breddegrad", "lat"}, {"længdegrad", "lon"},
      {"tidspunkt", "schedule"}, {"tidspunkter", "schedule"}, {"tid", "schedule"},
      {"tidspunkt_note", "schedule_note"}, {"bemærkning_til_tidspunkt", "schedule_note"},
      {"pris", "price_dkk"}, {"pris_kr", "price_dkk"},
      {"prisnote", "price_note"}, {"pris_note", "price_note"}, {"bemærkning_til_pris", "price_note"},
      {"kontaktperson", "contact_name"}, {"kontakt", "contact_name"}, {"kontakt_navn", "contact_name"},
      {"kontakt_telefon", "contact_phone"}, {"telefon", "contact_phone"},
      {"kontakt_email", "contact_email"}, {"kontakt_e_mail", "contact_email"}, {"email", "contact_email"},
      {"e_mail", "contact_email"},
      {"velkomst", "welcome"}, {"velkommen", "welcome"},
      {"opdateret", "updated_at"}, {"sidst_opdateret", "updated_at"},
  };
  return m;
}

constexpr std::array<const char*, 27> kColumns = {
    "association_id", "association_name", "association_description", "association_municipality",
    "association_website", "association_email", "association_phone", "id", "title", "description",
    "interests", "target_groups", "transport", "accessibility", "location_name", "address",
    "postcode", "city", "lat", "lon", "schedule", "schedule_note", "price_dkk", "price_note",
    "contact_name", "contact_phone", "contact_email"};

bool is_column(const std::string& name) {
  return name == "welcome" || name == "updated_at" ||
         std::find(kColumns.begin(), kColumns.end(), name) != kColumns.end();
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Codes separated by ',', ';', '|' or white space.
std::vector<std::string> split_codes(const std::string& cell) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : cell) {
    if (c == ',' || c == ';' || c == '|' || std::isspace(static_cast<unsigned char>(c))) {
      if (!cur.empty()) out.push_back(lower(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(lower(cur));
  return out;
}

// "56,3601" or "56.3601".
std::optional<double> decimal(std::string s) {
  std::replace(s.begin(), s.end(), ',', '.');
  double d = 0;
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, d);
  if (ec != std::errc() || p != end || !std::isfinite(d)) return std::nullopt;
  return d;
}

// "", "0", "gratis", "20", "20 kr.", "20,00 kr", "kr. 20", "1.000 kr" → whole kroner.
std::optional<int> price(const std::string& cell) {
  std::string s = lower(cell);
  if (s == "gratis" || s == "free") return 0;
  for (const char* word : {"dkk", "kr.", "kr", ",-", ".-"}) {
    for (auto pos = s.find(word); pos != std::string::npos; pos = s.find(word)) s.erase(pos, std::string(word).size());
  }
  s.erase(std::remove_if(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); }), s.end());
  // Decimal part of zeros: "20,00" / "20.00".
  const auto sep = s.find_last_of(",.");
  if (sep != std::string::npos && s.size() - sep - 1 == 2 && s.substr(sep + 1) == "00") s.erase(sep);
  // Thousands separators: "1.000".
  std::string digits = s;
  if (const auto dot = s.find('.'); dot != std::string::npos && dot >= 1 && dot <= 3 && s.size() - dot == 4) {
    digits.erase(dot, 1);
  }
  if (!all_digits(digits) || digits.size() > 6) return std::nullopt;
  return std::stoi(digits);
}

std::optional<bool> yes_no(const std::string& cell) {
  const std::string s = lower(cell);
  if (s == "ja" || s == "true" || s == "1" || s == "x" || s == "yes" || s == "j" || s == "sand") return true;
  if (s == "nej" || s == "false" || s == "0" || s == "no" || s == "n" || s == "falsk") return false;
  return std::nullopt;
}

// YYYY-MM-DD, or DD-MM-YYYY / DD.MM.YYYY / DD/MM/YYYY (also with one-digit day and month).
std::optional<std::string> date(const std::string& cell) {
  if (cell.size() == 10 && cell[4] == '-' && cell[7] == '-') return cell;
  std::string s = cell;
  std::replace(s.begin(), s.end(), '.', '-');
  std::replace(s.begin(), s.end(), '/', '-');
  const auto a = s.find('-');
  const auto b = a == std::string::npos ? a : s.find('-', a + 1);
  if (b == std::string::npos) return std::nullopt;
  std::string d = s.substr(0, a), m = s.substr(a + 1, b - a - 1), y = s.substr(b + 1);
  if (!all_digits(d) || !all_digits(m) || !all_digits(y) || d.size() > 2 || m.size() > 2 || y.size() != 4) {
    return std::nullopt;
  }
  if (d.size() == 1) d = "0" + d;
  if (m.size() == 1) m = "0" + m;
  return y + "-" + m + "-" + d;
}

std::optional<std::string> weekday(const std::string& word) {
  static const std::map<std::string, std::string> days = {
      {"mon", "mon"}, {"monday", "mon"}, {"man", "mon"}, {"mandag", "mon"}, {"ma", "mon"},
      {"tue", "tue"}, {"tuesday", "tue"}, {"tir", "tue"}, {"tirsdag", "tue"}, {"ti", "tue"},
      {"wed", "wed"}, {"wednesday", "wed"}, {"ons", "wed"}, {"onsdag", "wed"}, {"on", "wed"},
      {"thu", "thu"}, {"thursday", "thu"}, {"tor", "thu"}, {"torsdag", "thu"}, {"to", "thu"},
      {"fri", "fri"}, {"friday", "fri"}, {"fre", "fri"}, {"fredag", "fri"}, {"fr", "fri"},
      {"sat", "sat"}, {"saturday", "sat"}, {"lør", "sat"}, {"lørdag", "sat"}, {"lø", "sat"},
      {"sun", "sun"}, {"sunday", "sun"}, {"søn", "sun"}, {"søndag", "sun"}, {"sø", "sun"}};
  std::string w = lower(word);
  if (!w.empty() && w.back() == '.') w.pop_back();
  auto it = days.find(w);
  if (it == days.end()) return std::nullopt;
  return it->second;
}

// "10:00", "10.00", "9:30", "10" → "HH:MM".
std::optional<std::string> clock(std::string t) {
  std::replace(t.begin(), t.end(), '.', ':');
  const auto colon = t.find(':');
  std::string h = colon == std::string::npos ? t : t.substr(0, colon);
  std::string m = colon == std::string::npos ? "00" : t.substr(colon + 1);
  if (!all_digits(h) || !all_digits(m) || h.size() > 2 || m.size() != 2) return std::nullopt;
  if (h.size() == 1) h = "0" + h;
  return h + ":" + m;
}

// One schedule entry: "tue 10:00-11:30", "thu 14:00 /2", "tirsdag 10.00-11.30 #-1".
std::optional<json> schedule_entry(const std::string& raw) {
  std::string text;  // "10:00 - 11:30" → "10:00-11:30"
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == ' ' && !text.empty() && std::isdigit(static_cast<unsigned char>(text.back()))) {
      const auto next = raw.find_first_not_of(' ', i);
      if (next != std::string::npos && raw[next] == '-') {
        i = next - 1;
        continue;
      }
    }
    if (raw[i] == ' ' && !text.empty() && text.back() == '-' && text.size() >= 2 &&
        std::isdigit(static_cast<unsigned char>(text[text.size() - 2]))) {
      continue;
    }
    text += raw[i];
  }
  std::vector<std::string> words;
  std::string cur;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(cur);
  if (words.size() < 2) return std::nullopt;
  const auto day = weekday(words[0]);
  if (!day) return std::nullopt;
  json e = {{"weekday", *day}};
  size_t i = 1;
  if (lower(words[i]) == "kl" || lower(words[i]) == "kl.") ++i;
  if (i >= words.size()) return std::nullopt;
  // Time span: "10:00-11:30" (spaces around the dash are joined before splitting).
  const std::string span = words[i++];
  const auto dash = span.find('-');
  const auto start = clock(span.substr(0, dash));
  if (!start) return std::nullopt;
  e["start"] = *start;
  if (dash != std::string::npos) {
    const auto end = clock(span.substr(dash + 1));
    if (!end) return std::nullopt;
    e["end"] = *end;
  }
  for (; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.size() >= 2 && w[0] == '/' && all_digits(w.substr(1)) && w.size() <= 3) {
      e["every_weeks"] = std::stoi(w.substr(1));
    } else if (w.size() >= 2 && w[0] == '#' && w.size() <= 3 &&
               (all_digits(w.substr(1)) || (w[1] == '-' && all_digits(w.substr(2))))) {
      e["week_of_month"] = std::stoi(w.substr(1));
    } else {
      return std::nullopt;
    }
  }
  return e;
}

// Entries separated by ';', '|' or line breaks.
std::optional<json> schedule(const std::string& cell) {
  json out = json::array();
  std::string cur;
  auto flush = [&]() -> bool {
    const std::string t = trim(cur);
    cur.clear();
    if (t.empty()) return true;
    auto e = schedule_entry(t);
    if (!e) return false;
    out.push_back(std::move(*e));
    return true;
  };
  for (char c : cell) {
    if (c == ';' || c == '|' || c == '\n') {
      if (!flush()) return std::nullopt;
    } else {
      cur += c;
    }
  }
  if (!flush()) return std::nullopt;
  return out;
}

// Spreadsheets drop leading zeros: "800" → "0800", "661" → "0661".
std::string four_digits(const std::string& s) {
  if (all_digits(s) && s.size() == 3) return "0" + s;
  return s;
}

const std::map<std::string, std::string>& association_keys() {
  static const std::map<std::string, std::string> m = {
      {"association_id", "id"}, {"association_name", "name"}, {"association_description", "description"},
      {"association_municipality", "municipality"}, {"association_website", "website"},
      {"association_email", "email"}, {"association_phone", "phone"}};
  return m;
}

std::string association_column(const std::string& field) {
  for (const auto& [column, key] : association_keys()) {
    if (key == field) return column;
  }
  return field;
}

std::string activity_column(const std::string& field) {
  std::string f = field.substr(0, field.find('['));
  static const std::map<std::string, std::string> m = {
      {"association", "association_id"}, {"location.name", "location_name"}, {"location.address", "address"},
      {"location.postcode", "postcode"}, {"location.city", "city"}, {"location.lat", "lat"},
      {"location.lon", "lon"}, {"location", "postcode"}, {"contact.name", "contact_name"},
      {"contact.phone", "contact_phone"}, {"contact.email", "contact_email"}, {"contact", "contact_name"}};
  auto it = m.find(f);
  return it == m.end() ? f : it->second;
}

}  // namespace

std::string decode_text(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (core::valid_utf8(bytes)) return std::string(bytes);
  const icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), "windows-1252");
  std::string out;
  u.toUTF8String(out);
  return out;
}

char detect_separator(std::string_view text) {
  size_t semicolons = 0, commas = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && (c == '\n' || c == '\r')) {
      break;
    } else if (!quoted && c == ';') {
      ++semicolons;
    } else if (!quoted && c == ',') {
      ++commas;
    }
  }
  return commas > semicolons ? ',' : ';';
}

CsvTable parse_csv(const std::string& file_name, std::string_view text) {
  CsvTable table;
  table.separator = detect_separator(text);
  const char sep = table.separator;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;      // inside quotes
  bool was_quoted = false;  // the current cell started with a quote
  bool row_started = false;
  size_t line = 1, quote_line = 0;
  size_t record = 0;
  auto end_row = [&]() {
    row.push_back(std::move(cell));
    cell.clear();
    was_quoted = false;
    ++record;
    const bool empty = std::all_of(row.begin(), row.end(), [](const std::string& c) { return trim(c).empty(); });
    if (record == 1) {
      table.header = std::move(row);
    } else if (!empty) {
      table.records.push_back({record, std::move(row)});
    }
    row.clear();
    row_started = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;  // CRLF in a cell → LF
        cell += c == '\r' ? '\n' : c;
      }
      continue;
    }
    if (c == '"' && trim(cell).empty() && !was_quoted) {
      cell.clear();
      quoted = was_quoted = row_started = true;
      quote_line = line;
    } else if (c == sep) {
      row.push_back(std::move(cell));
      cell.clear();
      was_quoted = false;
      row_started = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      end_row();
    } else {
      cell += c;
      row_started = true;
    }
  }
  if (quoted) {
    throw FileError(file_name + ": anførselstegnet i linje " + std::to_string(quote_line) + " lukkes aldrig");
  }
  if (row_started || !cell.empty()) end_row();
  return table;
}

std::string canonical_column(std::string_view header) {
  std::string h = lower(trim(header));
  std::replace_if(h.begin(), h.end(), [](char c) { return c == ' ' || c == '-'; }, '_');
  while (!h.empty() && (h.back() == '.' || h.back() == ':')) h.pop_back();
  if (is_column(h)) return h;
  auto it = aliases().find(h);
  return it == aliases().end() ? std::string{} : it->second;
}

SourceRecords csv_to_records(const std::string& file_name, std::string_view bytes) {
  const std::string text = decode_text(bytes);
  const CsvTable table = parse_csv(file_name, text);
  if (table.header.empty() || std::all_of(table.header.begin(), table.header.end(),
                                          [](const std::string& h) { return trim(h).empty(); })) {
    throw FileError(file_name + ": CSV-filen har ingen overskriftslinje");
  }
  std::map<std::string, size_t> columns;  // canonical name → index
  for (size_t i = 0; i < table.header.size(); ++i) {
    const std::string name = canonical_column(table.header[i]);
    if (name.empty()) continue;  // unknown columns are ignored, as unknown JSON fields
    if (!columns.emplace(name, i).second) {
      throw FileError(file_name + ": kolonnen '" + name + "' står flere gange i overskriften");
    }
  }
  for (const char* required : {"id", "association_id", "title", "postcode"}) {
    if (!columns.count(required)) {
      throw FileError(file_name + ": kolonnen '" + std::string(required) +
                      "' mangler i overskriften (se docs/imports.md)");
    }
  }

  SourceRecords out;
  out.association_field = association_column;
  out.activity_field = activity_column;
  std::map<std::string, std::pair<json, std::string>> first_association;  // id → (record, label)

  for (const CsvRecord& rec : table.records) {
    const std::string label = "row " + std::to_string(rec.row);
    auto cell = [&](const char* name) -> std::string {
      auto it = columns.find(name);
      if (it == columns.end() || it->second >= rec.cells.size()) return {};
      return trim(rec.cells[it->second]);
    };
    std::vector<core::FieldError> errors;
    if (rec.cells.size() > table.header.size()) {
      for (size_t i = table.header.size(); i < rec.cells.size(); ++i) {
        if (!trim(rec.cells[i]).empty()) {
          errors.push_back({"", "rækken har flere celler end overskriften (mangler der anførselstegn?)"});
          break;
        }
      }
    }

    // The association, when the row carries more than its id.
    const std::string association_id = cell("association_id");
    json association = json::object();
    for (const auto& [column, key] : association_keys()) {
      std::string v = cell(column.c_str());
      if (column == "association_municipality") v = four_digits(v);
      if (!v.empty()) association[key] = v;
    }
    if (association.size() > 1 || (association.size() == 1 && !association.contains("id"))) {
      auto it = first_association.find(association_id);
      if (it == first_association.end()) {
        first_association.emplace(association_id, std::make_pair(association, label));
        out.associations.push_back(association);
        out.association_labels.push_back(label);
      } else {
        for (const auto& [key, value] : association.items()) {
          const json& first = it->second.first;
          if (!first.contains(key) || first.at(key) != value) {
            out.notes.push_back({file_name, label, association_id, association_column(key),
                                 "afviger fra foreningens oplysninger i " + it->second.second +
                                     "; de første bruges"});
          }
        }
      }
    }

    // The activity.
    json a = json::object();
    auto put_text = [&](const char* column, const char* key) {
      const std::string v = cell(column);
      if (!v.empty()) a[key] = v;
    };
    put_text("id", "id");
    if (!association_id.empty()) a["association"] = association_id;
    put_text("title", "title");
    put_text("description", "description");
    for (const char* key : {"interests", "target_groups", "transport", "accessibility"}) {
      a[key] = split_codes(cell(key));
    }
    json loc = json::object();
    if (const auto v = cell("location_name"); !v.empty()) loc["name"] = v;
    if (const auto v = cell("address"); !v.empty()) loc["address"] = v;
    if (const auto v = cell("postcode"); !v.empty()) loc["postcode"] = four_digits(v);
    if (const auto v = cell("city"); !v.empty()) loc["city"] = v;
    for (const char* key : {"lat", "lon"}) {
      const std::string v = cell(key);
      if (v.empty()) continue;
      if (const auto d = decimal(v)) {
        loc[key] = *d;
      } else {
        errors.push_back({key, "skal være et decimaltal som 56,3601"});
      }
    }
    a["location"] = loc;
    if (const auto v = cell("schedule"); !v.empty()) {
      if (auto s = schedule(v)) {
        a["schedule"] = std::move(*s);
      } else {
        errors.push_back({"schedule", "forstås ikke: skriv fx \"tue 10:00-11:30\", \"thu 14:00-15:00 /2\" "
                                      "(hver 2. uge) eller \"tue 10:00-11:30 #1\" (første i måneden)"});
      }
    }
    put_text("schedule_note", "schedule_note");
    if (const auto v = cell("price_dkk"); !v.empty()) {
      if (const auto p = price(v)) {
        a["price_dkk"] = *p;
      } else {
        errors.push_back({"price_dkk", "skal være et helt antal kroner som 20 eller \"20 kr.\" (0 betyder gratis)"});
      }
    }
    put_text("price_note", "price_note");
    json contact = json::object();
    if (const auto v = cell("contact_name"); !v.empty()) contact["name"] = v;
    if (const auto v = cell("contact_phone"); !v.empty()) contact["phone"] = v;
    if (const auto v = cell("contact_email"); !v.empty()) contact["email"] = v;
    if (!contact.empty()) a["contact"] = contact;
    if (const auto v = cell("welcome"); !v.empty()) {
      if (const auto b = yes_no(v)) {
        a["welcome"] = *b;
      } else {
        errors.push_back({"welcome", "skal være ja eller nej"});
      }
    }
    if (const auto v = cell("updated_at"); !v.empty()) {
      if (const auto d = date(v)) {
        a["updated_at"] = *d;
      } else {
        errors.push_back({"updated_at", "skal være en dato som 2026-10-01 eller 01-10-2026"});
      }
    }
    out.activities.push_back(std::move(a));
    out.activity_labels.push_back(label);
    out.activity_errors.push_back(std::move(errors));
  }
  return out;
}

}  // namespace portal::indexer
