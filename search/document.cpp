#include "search/document.h"

#include <cctype>
#include <charconv>
#include <set>

#include "core/listing_json.h"
#include "search/lexicon.h"
#include "search/schema.h"

namespace portal::search {
namespace {

// Indexes every form of every word; adds the words worth offering as spelling corrections.
void index_text(Analyzer& analyzer, Xapian::Document& doc, std::string_view prefix,
                std::string_view text, std::set<std::string>* spelling) {
  if (text.empty()) return;
  for (const auto& word : analyzer.index_words(text)) {
    const auto forms = analyzer.forms(word);  // exact, stem, folded stem, parts
    for (const auto& form : forms) {
      // A folded stem equal to the stem (no æ, ø or å in it: most words) would repeat the
      // stem's postings; the query asks for the stem in its place (schema.h).
      if (form.kind == WordForm::Kind::folded && form.term == forms[1].term) continue;
      doc.add_term(schema::form_term(form_marker(form.kind), prefix, form.term));
    }
    if (spelling && utf8_length(word) >= 4 && (static_cast<unsigned char>(word[0]) >= 0x80 || std::isalpha(static_cast<unsigned char>(word[0])))) {
      spelling->insert(word);
    }
  }
}

std::string join_codes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) {
    if (!out.empty()) out += schema::kListSeparator;
    out += c;
  }
  return out;
}

}  // namespace

Xapian::Document build_document(Analyzer& analyzer, const core::Vocabulary& vocabulary,
                                const core::Activity& a, const core::Association& assoc) {
  Xapian::Document doc;
  doc.add_boolean_term(schema::term(schema::kId, a.id));

  std::set<std::string> spelling;
  index_text(analyzer, doc, schema::kTitle, a.title, &spelling);
  std::string interest_text;
  for (const auto& code : a.interests) {
    interest_text += vocabulary.label_da(core::CodeKind::interest, code);
    interest_text += ". ";
  }
  index_text(analyzer, doc, schema::kInterestText, interest_text, &spelling);
  index_text(analyzer, doc, schema::kBody, a.description, &spelling);
  for (std::string_view body : {std::string_view(assoc.name), std::string_view(a.location.name),
                                std::string_view(a.location.city), std::string_view(a.schedule_note),
                                std::string_view(a.price_note)}) {
    index_text(analyzer, doc, schema::kBody, body, nullptr);
  }
  // Target groups are findable by their Danish label too ("enlige", "pårørende").
  for (const auto& code : a.target_groups) {
    index_text(analyzer, doc, schema::kBody, vocabulary.label_da(core::CodeKind::target_group, code), nullptr);
  }
  std::string spelling_words;
  for (const auto& w : spelling) spelling_words += (spelling_words.empty() ? "" : " ") + w;
  doc.add_value(schema::kSlotSpelling, spelling_words);

  for (const auto& c : a.interests) doc.add_boolean_term(schema::term(schema::kInterest, c));
  for (const auto& c : a.transport) doc.add_boolean_term(schema::term(schema::kTransport, c));
  for (const auto& c : a.accessibility) doc.add_boolean_term(schema::term(schema::kAccessibility, c));
  for (const auto& c : a.target_groups) doc.add_boolean_term(schema::term(schema::kTarget, c));
  doc.add_boolean_term(schema::term(schema::kMunicipality, a.location.municipality));
  doc.add_boolean_term(schema::term(schema::kPostcode, a.location.postcode));
  doc.add_boolean_term(schema::term(schema::kAssociation, a.association));
  if (a.price_dkk && *a.price_dkk == 0) doc.add_boolean_term(std::string(schema::kFree));
  for (const auto& e : a.schedule) {
    const std::string& day = core::weekday_codes()[static_cast<size_t>(e.weekday)];
    const std::string_view tod = core::time_of_day(e.start_minute);
    doc.add_boolean_term(schema::term(schema::kDay, day));
    doc.add_boolean_term(schema::term(schema::kTimeOfDay, tod));
    doc.add_boolean_term(schema::term(schema::kDayTime, day + ":" + std::string(tod)));
  }

  Xapian::LatLongCoords coords;
  coords.append(Xapian::LatLongCoord(a.location.coordinate.lat, a.location.coordinate.lon));
  doc.add_value(schema::kSlotCoordinate, coords.serialise());
  doc.add_value(schema::kSlotMunicipality, a.location.municipality);
  doc.add_value(schema::kSlotInterests, join_codes(a.interests));
  doc.add_value(schema::kSlotTransport, join_codes(a.transport));
  if (!a.schedule.empty()) doc.add_value(schema::kSlotSchedule, encode_schedule(a.schedule));
  if (a.updated_at) doc.add_value(schema::kSlotUpdated, Xapian::sortable_serialise(a.updated_at->days));
  if (a.last_confirmed) doc.add_value(schema::kSlotConfirmed, Xapian::sortable_serialise(a.last_confirmed->days));

  doc.set_data(document_data(a, assoc).dump());
  return doc;
}

nlohmann::json document_data(const core::Activity& a, const core::Association& assoc) {
  nlohmann::json data = {
      {"activity", core::to_json(a)},
      {"association", core::to_json(assoc)},
      {"municipality", a.location.municipality},
      {"coordinate", {{"lat", a.location.coordinate.lat}, {"lon", a.location.coordinate.lon}}},
  };
  if (a.last_confirmed) data["last_confirmed"] = core::format_date(*a.last_confirmed);
  return data;
}

std::string_view form_marker(WordForm::Kind kind) {
  switch (kind) {
    case WordForm::Kind::exact: return "";
    case WordForm::Kind::stem: return schema::kStemMarker;
    case WordForm::Kind::folded: return schema::kFoldedMarker;
    case WordForm::Kind::part: return schema::kPartMarker;
  }
  return "";
}

std::vector<std::string> spelling_words(const Xapian::Document& doc) {
  std::vector<std::string> out;
  const std::string value = doc.get_value(schema::kSlotSpelling);
  size_t start = 0;
  while (start < value.size()) {
    size_t end = value.find(' ', start);
    if (end == std::string::npos) end = value.size();
    if (end > start) out.push_back(value.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

nlohmann::json document_data(const Xapian::Document& doc) { return nlohmann::json::parse(doc.get_data()); }

std::string encode_schedule(const std::vector<core::ScheduleEntry>& schedule) {
  std::string out;
  for (const auto& e : schedule) {
    out += std::to_string(e.weekday) + ',' + std::to_string(e.start_minute) + ',' +
           std::to_string(e.end_minute.value_or(-1)) + ',' + std::to_string(e.every_weeks) + ',' +
           std::to_string(e.week_of_month.value_or(0)) + ',' +
           std::to_string(e.from ? e.from->days : INT32_MIN) + ';';
  }
  return out;
}

std::vector<core::ScheduleEntry> decode_schedule(std::string_view s) {
  std::vector<core::ScheduleEntry> out;
  while (!s.empty()) {
    const size_t end = s.find(';');
    std::string_view entry = s.substr(0, end);
    int v[6] = {0, 0, -1, 1, 0, INT32_MIN};
    for (int i = 0; i < 6 && !entry.empty(); ++i) {
      const size_t comma = entry.find(',');
      std::string_view field = entry.substr(0, comma);
      std::from_chars(field.data(), field.data() + field.size(), v[i]);
      entry = comma == std::string_view::npos ? std::string_view() : entry.substr(comma + 1);
    }
    core::ScheduleEntry e;
    e.weekday = v[0];
    e.start_minute = v[1];
    if (v[2] >= 0) e.end_minute = v[2];
    e.every_weeks = v[3];
    if (v[4] != 0) e.week_of_month = v[4];
    if (v[5] != INT32_MIN) e.from = core::Date{v[5]};
    out.push_back(e);
    if (end == std::string_view::npos) break;
    s.remove_prefix(end + 1);
  }
  return out;
}

}  // namespace portal::search
