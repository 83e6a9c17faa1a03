#include "search/query_builder.h"

#include "search/schema.h"

namespace portal::search {
namespace {

Xapian::Query any_of(std::string_view prefix, const std::vector<std::string>& values) {
  std::vector<Xapian::Query> terms;
  for (const auto& v : values) terms.emplace_back(schema::term(prefix, v));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query all_of(std::string_view prefix, const std::vector<std::string>& values) {
  std::vector<Xapian::Query> terms;
  for (const auto& v : values) terms.emplace_back(schema::term(prefix, v));
  return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
}

Xapian::Query word_query(Analyzer& analyzer, const std::string& word) {
  struct Field {
    std::string_view prefix;
    double weight;
  };
  static constexpr Field kFields[] = {{schema::kTitle, schema::kTitleWeight},
                                      {schema::kInterestText, schema::kInterestWeight},
                                      {schema::kBody, schema::kBodyWeight}};
  std::vector<Xapian::Query> parts;
  for (const auto& form : analyzer.forms(word)) {
    const bool exact = form.kind == WordForm::Kind::exact;
    for (const auto& field : kFields) {
      std::string term = exact ? "" : std::string(schema::kStemMarker);
      term += field.prefix;
      term += form.term;
      parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term),
                         field.weight * (exact ? schema::kExactBonus : 1.0));
    }
  }
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

}  // namespace

size_t word_count(Analyzer& analyzer, const std::string& text) { return analyzer.words(text).size(); }

Xapian::Query text_query(Analyzer& analyzer, const std::string& text, WordMode mode) {
  std::vector<Xapian::Query> words;
  for (const auto& word : analyzer.words(text)) words.push_back(word_query(analyzer, word));
  if (words.empty()) return Xapian::Query();
  return Xapian::Query(mode == WordMode::all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR,
                       words.begin(), words.end());
}

Xapian::Query filter_query(const SearchRequest& r) {
  std::vector<Xapian::Query> filters;
  if (!r.interests.empty()) filters.push_back(any_of(schema::kInterest, r.interests));
  if (!r.targets.empty()) filters.push_back(any_of(schema::kTarget, r.targets));
  if (!r.transport.empty()) filters.push_back(all_of(schema::kTransport, r.transport));
  if (!r.accessibility.empty()) filters.push_back(all_of(schema::kAccessibility, r.accessibility));
  if (!r.municipalities.empty()) filters.push_back(any_of(schema::kMunicipality, r.municipalities));
  if (r.postcode && !r.radius_km) filters.emplace_back(schema::term(schema::kPostcode, *r.postcode));
  if (!r.days.empty() && !r.times_of_day.empty()) {
    std::vector<std::string> combined;
    for (const auto& d : r.days) {
      for (const auto& t : r.times_of_day) combined.push_back(d + ":" + t);
    }
    filters.push_back(any_of(schema::kDayTime, combined));
  } else if (!r.days.empty()) {
    filters.push_back(any_of(schema::kDay, r.days));
  } else if (!r.times_of_day.empty()) {
    filters.push_back(any_of(schema::kTimeOfDay, r.times_of_day));
  }
  if (r.free_only) filters.emplace_back(std::string(schema::kFree));
  if (filters.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
}

}  // namespace portal::search
