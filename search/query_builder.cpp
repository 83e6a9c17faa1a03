#include "search/query_builder.h"

#include "search/document.h"
#include "search/lexicon.h"
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
  const auto forms = analyzer.forms(word);  // exact, stem, folded stem, parts
  // The index has no folded-stem term where it equals the stem (schema.h): a document with
  // such a word is found by its stem term, which then also carries the folded form's weight;
  // the folded term still finds the spellings with æ, ø, å that fold to it.
  const bool folded_is_stem = forms[2].term == forms[1].term;
  for (const auto& form : forms) {
    double weight = 0;
    switch (form.kind) {
      case WordForm::Kind::exact: weight = schema::kExactBonus; break;
      case WordForm::Kind::stem:
        weight = schema::kStemWeight + (folded_is_stem ? schema::kFoldedWeight : 0.0);
        break;
      case WordForm::Kind::folded:
        // The folded stem also finds the word as a part of compounds.
        for (const auto& field : kFields) {
          parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                             Xapian::Query(schema::form_term(schema::kPartMarker, field.prefix, form.term)),
                             field.weight * schema::kPartWeight);
          // A word spelt without æ, ø, å ("gaatur" for "gåtur") has its folded stem as its stem.
          if (!folded_is_stem) {
            parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                               Xapian::Query(schema::form_term(schema::kStemMarker, field.prefix, form.term)),
                               field.weight * schema::kFoldedWeight);
          }
        }
        weight = schema::kFoldedWeight;
        break;
      case WordForm::Kind::part: continue;  // the query word's own parts would widen too much
    }
    for (const auto& field : kFields) {
      parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(schema::form_term(form_marker(form.kind), field.prefix, form.term)),
                         field.weight * weight);
    }
  }
  Xapian::Query query(Xapian::Query::OP_OR, parts.begin(), parts.end());
  // A compound the query names finds its parts together too (computerhjælp → computer, hjælp),
  // ranked as a compound part. OP_OR, not OP_MAX: Xapian 1.4 flattens an OR subquery of OP_MAX
  // into its terms, so the word itself would count only its single best form and rank below
  // a listing that merely has the parts.
  std::vector<Xapian::Query> split;
  for (const auto& part : analyzer.lexicon().split(word)) split.push_back(word_query(analyzer, part));
  if (split.size() > 1) {
    query = Xapian::Query(Xapian::Query::OP_OR, query,
                          Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                        Xapian::Query(Xapian::Query::OP_AND, split.begin(), split.end()),
                                        schema::kPartWeight));
  }
  return query;
}

Xapian::Query all_words(Analyzer& analyzer, const std::vector<std::string>& words) {
  std::vector<Xapian::Query> qs;
  for (const auto& w : words) qs.push_back(word_query(analyzer, w));
  return Xapian::Query(Xapian::Query::OP_AND, qs.begin(), qs.end());
}

// A hyphenated group matches its parts together or the joined compound.
Xapian::Query group_query(Analyzer& analyzer, const std::vector<std::string>& group) {
  if (group.size() == 1) return word_query(analyzer, group[0]);
  std::string joined;
  for (const auto& w : group) joined += w;
  // OP_OR rather than OP_MAX, as in word_query().
  return Xapian::Query(Xapian::Query::OP_OR, all_words(analyzer, group), word_query(analyzer, joined));
}

std::string phrase_of(const std::vector<std::vector<std::string>>& groups, size_t from, size_t n) {
  std::string out;
  for (size_t i = from; i < from + n; ++i) out += (out.empty() ? "" : " ") + groups[i][0];
  return out;
}

const std::vector<std::string>* lookup(const SynonymTable& table, Analyzer& analyzer, const std::string& phrase,
                                       bool single_word) {
  auto it = table.alternatives.find(phrase);
  if (it == table.alternatives.end() && single_word) it = table.alternatives.find(analyzer.stem(phrase));
  return it == table.alternatives.end() ? nullptr : &it->second;
}

std::vector<std::string> split_spaces(const std::string& phrase) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < phrase.size()) {
    size_t end = phrase.find(' ', start);
    if (end == std::string::npos) end = phrase.size();
    out.push_back(phrase.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Xapian::Query boost(const std::vector<Xapian::Query>& terms, double weight) {
  Xapian::FixedWeightPostingSource source(weight);
  return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(&source),
                       Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
}

}  // namespace

ParsedText parse_text(Analyzer& analyzer, const Places& places, const std::string& text) {
  ParsedText out;
  auto raw = analyzer.query_words(text);
  std::vector<bool> used(raw.size(), false);
  // Place names (longest first), weekday and time words; only single-word groups.
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i].size() != 1) continue;
    for (size_t n = std::min(places.longest_name(), raw.size() - i); n >= 1; --n) {
      bool simple = true;
      for (size_t k = i; k < i + n; ++k) simple = simple && raw[k].size() == 1 && !used[k];
      if (!simple) continue;
      if (const Place* place = places.find(phrase_of(raw, i, n))) {
        out.postcodes.insert(out.postcodes.end(), place->postcodes.begin(), place->postcodes.end());
        out.municipalities.insert(out.municipalities.end(), place->municipalities.begin(),
                                  place->municipalities.end());
        for (size_t k = i; k < i + n; ++k) used[k] = true;
        break;
      }
    }
    if (used[i]) continue;
    if (auto day = Places::weekday_of(raw[i][0]); !day.empty()) {
      out.days.push_back(day);
      used[i] = true;
    } else if (auto tod = Places::time_of_day_of(raw[i][0]); !tod.empty()) {
      out.times_of_day.push_back(tod);
      used[i] = true;
    }
  }
  std::vector<std::vector<std::string>> content;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (!used[i]) content.push_back(raw[i]);
  }
  for (const auto& g : content) {
    if (g.size() > 1 || !analyzer.lexicon().is_stopword(g[0])) out.groups.push_back(g);
  }
  // Only stopwords left ("og"): search for them after all, unless a place or day was named.
  if (out.groups.empty() && !out.has_preferences()) out.groups = content;
  return out;
}

Xapian::Query text_query(Analyzer& analyzer, const std::vector<std::vector<std::string>>& groups, WordMode mode,
                         const SynonymTable* synonyms) {
  std::vector<Xapian::Query> parts;
  for (size_t i = 0; i < groups.size();) {
    size_t taken = 0;
    if (synonyms && groups[i].size() == 1) {
      const size_t longest = std::min(synonyms->longest_phrase, groups.size() - i);
      for (size_t n = longest; n >= 1 && taken == 0; --n) {
        bool simple = true;
        for (size_t k = i; k < i + n; ++k) simple = simple && groups[k].size() == 1;
        if (!simple) continue;
        const std::string phrase = phrase_of(groups, i, n);
        if (const auto* alternatives = lookup(*synonyms, analyzer, phrase, n == 1)) {
          // A synonym match gets a small fixed weight (plus a sliver of its own score to order
          // such matches among themselves), so that it ranks below any match of the words
          // typed: BM25 would otherwise rank a rare synonym ("rummy") above them ("bridge").
          std::vector<Xapian::Query> alts;
          for (const auto& alt : *alternatives) alts.push_back(all_words(analyzer, split_spaces(alt)));
          const Xapian::Query any_alt(Xapian::Query::OP_OR, alts.begin(), alts.end());
          // The fixed source matches every document, so the AND matches what any_alt matches
          // and weighs kSynonymWeight + kSynonymScoreShare × its score, with any_alt's posting
          // lists opened once (an OR of FILTER(fixed, any_alt) and the scaled any_alt opened
          // them twice, which doubled the cost of a word with synonyms).
          Xapian::FixedWeightPostingSource fixed(schema::kSynonymWeight);
          const Xapian::Query synonym(Xapian::Query::OP_AND, Xapian::Query(&fixed),
                                      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, any_alt,
                                                    schema::kSynonymScoreShare));
          parts.emplace_back(Xapian::Query::OP_OR, all_words(analyzer, split_spaces(phrase)), synonym);
          taken = n;
        }
      }
    }
    if (taken == 0) {
      parts.push_back(group_query(analyzer, groups[i]));
      taken = 1;
    }
    i += taken;
  }
  if (parts.empty()) return Xapian::Query();
  return Xapian::Query(mode == WordMode::all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR, parts.begin(),
                       parts.end());
}

Xapian::Query preference_query(const ParsedText& text) {
  std::vector<Xapian::Query> boosts;
  if (!text.postcodes.empty()) {
    std::vector<Xapian::Query> terms;
    for (const auto& p : text.postcodes) terms.emplace_back(schema::term(schema::kPostcode, p));
    boosts.push_back(boost(terms, schema::kPlaceBoost));
  }
  if (!text.municipalities.empty() || !text.postcodes.empty()) {
    // A town's municipality counts too, a little less than the town itself.
    std::vector<Xapian::Query> terms;
    for (const auto& m : text.municipalities) terms.emplace_back(schema::term(schema::kMunicipality, m));
    if (!terms.empty()) boosts.push_back(boost(terms, schema::kPlaceBoost * (text.postcodes.empty() ? 1.0 : 0.5)));
  }
  if (!text.days.empty()) {
    std::vector<Xapian::Query> terms;
    for (const auto& d : text.days) terms.emplace_back(schema::term(schema::kDay, d));
    boosts.push_back(boost(terms, schema::kDayBoost));
  }
  if (!text.times_of_day.empty()) {
    std::vector<Xapian::Query> terms;
    for (const auto& t : text.times_of_day) terms.emplace_back(schema::term(schema::kTimeOfDay, t));
    boosts.push_back(boost(terms, schema::kDayBoost));
  }
  if (boosts.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end());
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

std::string groups_text(const std::vector<std::vector<std::string>>& groups) {
  std::string out;
  for (const auto& g : groups) {
    if (!out.empty()) out += ' ';
    for (size_t i = 0; i < g.size(); ++i) out += (i ? "-" : "") + g[i];
  }
  return out;
}

}  // namespace portal::search
