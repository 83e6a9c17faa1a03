#include "search/searcher.h"

#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "core/errors.h"
#include "core/listing_json.h"
#include "search/document.h"
#include "search/lexicon.h"
#include "search/query_builder.h"
#include "search/schema.h"

namespace portal::search {
namespace {

using nlohmann::json;

// Counts codes stored as a separator-joined list in one value slot (multi-valued facets).
class CodeListSpy : public Xapian::MatchSpy {
 public:
  explicit CodeListSpy(Xapian::valueno slot) : slot_(slot) {}
  // Called for every match (facets count them all): counts whole values, the few distinct
  // code lists there are, and splits them into codes only once, in counts().
  void operator()(const Xapian::Document& doc, double) override {
    ++lists_[doc.get_value(slot_)];
  }
  Xapian::MatchSpy* clone() const override { return new CodeListSpy(slot_); }
  std::string name() const override { return "portal::CodeListSpy"; }
  json counts() const {
    std::map<std::string, Xapian::doccount> counts;
    for (const auto& [value, n] : lists_) {
      size_t start = 0;
      while (start < value.size()) {
        size_t end = value.find(schema::kListSeparator, start);
        if (end == std::string::npos) end = value.size();
        counts[value.substr(start, end - start)] += n;
        start = end + 1;
      }
    }
    return json(counts);
  }

 private:
  Xapian::valueno slot_;
  std::unordered_map<std::string, Xapian::doccount> lists_;  // distinct value → matches
};

// Sort key: the next occurrence from `now`; activities without a schedule sort last.
class NextOccurrenceKey : public Xapian::KeyMaker {
 public:
  explicit NextOccurrenceKey(core::LocalTime now) : now_(now) {}
  std::string operator()(const Xapian::Document& doc) const override {
    const std::string encoded = doc.get_value(schema::kSlotSchedule);
    if (encoded.empty()) return std::string(9, '\xff');
    const auto next = core::next_occurrences(decode_schedule(encoded), now_, 1);
    if (next.empty()) return std::string(9, '\xff');
    return Xapian::sortable_serialise(static_cast<double>(next[0].date.days) * 1440 + next[0].start_minute);
  }

 private:
  core::LocalTime now_;
};

json occurrence_json(const core::Occurrence& o) {
  json j = {{"date", core::format_date(o.date)},
            {"weekday", core::weekday_codes()[static_cast<size_t>(core::weekday(o.date))]},
            {"start", core::format_time(o.start_minute)}};
  if (o.end_minute) j["end"] = core::format_time(*o.end_minute);
  return j;
}

}  // namespace

struct Searcher::Reader {
  std::string generation;
  std::unique_ptr<Xapian::Database> db;
  Analyzer analyzer;
};

class Searcher::Lease {
 public:
  Lease(Searcher& owner, std::unique_ptr<Reader> reader) : owner_(owner), reader_(std::move(reader)) {}
  Lease(Lease&&) = default;
  ~Lease() {
    if (reader_) owner_.release(std::move(reader_));
  }
  Reader& operator*() { return *reader_; }
  Reader* operator->() { return reader_.get(); }

 private:
  Searcher& owner_;
  std::unique_ptr<Reader> reader_;
};

namespace {
const core::Geo& geo_or_builtin(const SearcherOptions& options, std::unique_ptr<core::Geo>& owned) {
  if (options.geo) return *options.geo;
  owned = std::make_unique<core::Geo>(core::Geo::builtin());
  return *owned;
}
Places make_places(const core::Geo& geo) {
  Analyzer analyzer;
  return Places(geo, analyzer);
}
}  // namespace

Searcher::Searcher(IndexDirectory dir, const core::Vocabulary& vocabulary, size_t max_readers,
                   SearcherOptions options)
    : dir_(std::move(dir)),
      vocabulary_(vocabulary),
      synonyms_(options.synonyms ? options.synonyms : std::make_shared<Synonyms>("")),
      freshness_(options.freshness),
      places_(make_places(geo_or_builtin(options, owned_geo_))),
      cache_(options.cache_bytes),
      max_readers_(std::max<size_t>(1, max_readers)) {
  geo_ = options.geo ? options.geo : owned_geo_.get();
}

Searcher::~Searcher() = default;

Searcher::Lease Searcher::acquire() {
  std::unique_ptr<Reader> reader;
  {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !idle_.empty() || created_ < max_readers_; });
    if (!idle_.empty()) {
      reader = std::move(idle_.back());
      idle_.pop_back();
    } else {
      ++created_;
    }
  }
  Lease lease(*this, reader ? std::move(reader) : std::make_unique<Reader>());
  const auto live = dir_.current();
  if (!live) {
    throw core::Error(core::ErrorCode::unavailable,
                      "Søgningen er ikke klar endnu. Prøv igen om et øjeblik.");
  }
  if (!lease->db || lease->generation != *live) {
    lease->db = std::make_unique<Xapian::Database>(dir_.path(*live).string());
    lease->generation = *live;
  } else {
    lease->db->reopen();
  }
  return lease;
}

void Searcher::release(std::unique_ptr<Reader> reader) {
  {
    std::lock_guard lock(mu_);
    idle_.push_back(std::move(reader));
  }
  cv_.notify_one();
}

namespace {

// True when any form of `word` is in the index, or it has synonyms: such a word is never
// "corrected".
bool word_matches(const Xapian::Database& db, Analyzer& analyzer, const std::string& word,
                  const SynonymTable& synonyms) {
  if (synonyms.alternatives.count(word)) return true;
  for (std::string_view field : {schema::kTitle, schema::kInterestText, schema::kBody}) {
    for (const auto& form : analyzer.forms(word)) {
      if (form.kind == WordForm::Kind::part) continue;
      if (db.term_exists(schema::form_term(form_marker(form.kind), field, form.term))) return true;
      if (form.kind == WordForm::Kind::folded &&
          (db.term_exists(schema::form_term(schema::kPartMarker, field, form.term)) ||
           db.term_exists(schema::form_term(schema::kStemMarker, field, form.term)))) {
        return true;
      }
    }
  }
  return false;
}

// Replaces each word that matches nothing by the index's best spelling suggestion: one edit
// allowed from 5 letters, two from 9 (as Meilisearch does).
std::vector<std::vector<std::string>> correct_words(const Xapian::Database& db, Analyzer& analyzer,
                                                    std::vector<std::vector<std::string>> groups,
                                                    const SynonymTable& synonyms) {
  for (auto& group : groups) {
    for (auto& word : group) {
      if (word_matches(db, analyzer, word, synonyms)) continue;
      const size_t length = utf8_length(word);
      const unsigned edits = length >= 9 ? 2 : length >= 5 ? 1 : 0;
      if (edits == 0) continue;
      const std::string suggestion = db.get_spelling_suggestion(word, edits);
      if (!suggestion.empty()) word = suggestion;
    }
  }
  return groups;
}

// Documents whose last confirmation is at least `days` before `today` (kSlotConfirmed).
Xapian::Query confirmed_before(core::Date today, int days) {
  return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotConfirmed,
                       Xapian::sortable_serialise(static_cast<double>(today.days - days)));
}

// Freshness at query time (schema.h): hidden documents never match, stale ones weigh
// kStaleWeightFactor of what they would. Each document matches exactly one branch of the OR,
// so counts and facets are those of `q` without the hidden documents.
// When the index holds no stale (or no hidden) document, the matching branch is left out: the
// OR would otherwise open every term's postings twice, which doubled the cost of a search.
Xapian::Query apply_freshness(const Xapian::Query& q, core::Date today, const core::FreshnessPolicy& policy,
                              const Xapian::Database& db) {
  const core::Freshness limits = core::freshness(core::Date{0}, core::Date{0}, policy);
  const std::string oldest = db.get_value_lower_bound(schema::kSlotConfirmed);  // empty: no values
  const auto none_before = [&](int days) {
    return oldest.empty() ||
           Xapian::sortable_unserialise(oldest) > static_cast<double>(today.days - days);
  };
  const Xapian::Query visible = none_before(limits.hidden_from.days)
                                    ? q
                                    : Xapian::Query(Xapian::Query::OP_AND_NOT, q,
                                                    confirmed_before(today, limits.hidden_from.days));
  if (none_before(limits.stale_from.days)) return visible;
  const Xapian::Query stale = confirmed_before(today, limits.stale_from.days);
  return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_AND_NOT, visible, stale),
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                     Xapian::Query(Xapian::Query::OP_FILTER, visible, stale),
                                     schema::kStaleWeightFactor));
}

template <typename Fn>
auto with_retry(Fn&& fn) {
  for (int attempt = 0;; ++attempt) {
    try {
      return fn();
    } catch (const Xapian::DatabaseModifiedError&) {
      // A reader two commits behind; the next attempt reopens it.
      if (attempt >= 2) throw core::Error(core::ErrorCode::unavailable, "Søgningen er optaget. Prøv igen.");
    } catch (const Xapian::DatabaseOpeningError&) {
      // The generation named by `current` was replaced and removed before we opened it.
      if (attempt >= 2) throw core::Error(core::ErrorCode::unavailable, "Søgningen er optaget. Prøv igen.");
    } catch (const Xapian::Error& e) {
      throw core::Error(core::ErrorCode::unavailable,
                        std::string("Søgningen virker ikke lige nu. Prøv igen om lidt. (") + e.get_type() + ")");
    }
  }
}

}  // namespace

namespace {

void append_list(std::string& key, const std::vector<std::string>& values) {
  for (const auto& v : values) (key += v) += ',';
  key += '\x1f';
}

void append_number(std::string& key, double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", value);
  (key += buf) += '\x1f';
}

// Everything an answer depends on: the request, the index state, the synonym table and the
// minute (next occurrences, sort=next and freshness are computed from `now`).
std::string cache_key(const SearchRequest& r, core::LocalTime now, const std::string& generation,
                      Xapian::rev revision, const SynonymTable* synonyms) {
  std::string key;
  key.reserve(128 + r.q.size());
  (key += generation) += '\x1f';
  (key += std::to_string(revision)) += '\x1f';
  (key += std::to_string(reinterpret_cast<std::uintptr_t>(synonyms))) += '\x1f';
  append_number(key, static_cast<double>(now.date.days) * 1440 + now.minute);
  (key += r.q) += '\x1f';
  append_list(key, r.interests);
  append_list(key, r.targets);
  append_list(key, r.transport);
  append_list(key, r.accessibility);
  append_list(key, r.municipalities);
  (key += r.postcode.value_or("-")) += '\x1f';
  if (r.centre) {
    append_number(key, r.centre->lat);
    append_number(key, r.centre->lon);
  } else {
    key += "-\x1f";
  }
  if (r.radius_km) append_number(key, *r.radius_km); else key += "-\x1f";
  append_list(key, r.days);
  append_list(key, r.times_of_day);
  key += r.free_only ? "free\x1f" : "all\x1f";
  key += std::to_string(static_cast<int>(r.sort)) + '\x1f' + std::to_string(r.page) + '\x1f' +
         std::to_string(r.per_page);
  return key;
}

}  // namespace

std::shared_ptr<const SerialisedAnswer> Searcher::cached(const SearchRequest& r, core::LocalTime now, json* computed) {
  return with_retry([&] {
    Lease reader = acquire();
    const auto synonyms = synonyms_->current();
    std::string key;
    if (cache_.capacity() > 0) {
      key = cache_key(r, now, reader->generation, reader->db->get_revision(), synonyms.get());
      if (auto hit = cache_.find(key)) return hit;
    }
    json answer = compute(*reader, r, now, *synonyms);
    auto serialised = std::make_shared<const SerialisedAnswer>(
        SerialisedAnswer{answer.dump(-1, ' ', false, json::error_handler_t::replace), answer.value("total", uint64_t{0})});
    if (cache_.capacity() > 0) cache_.insert(key, serialised, synonyms);
    if (computed) *computed = std::move(answer);
    return serialised;
  });
}

json Searcher::search(const SearchRequest& r, core::LocalTime now) {
  if (cache_.capacity() == 0) {
    return with_retry([&] {
      Lease reader = acquire();
      return compute(*reader, r, now, *synonyms_->current());
    });
  }
  json computed;
  const auto answer = cached(r, now, &computed);
  return computed.is_null() ? json::parse(answer->text) : computed;
}

std::shared_ptr<const SerialisedAnswer> Searcher::search_serialised(const SearchRequest& r, core::LocalTime now) {
  return cached(r, now, nullptr);
}

json Searcher::compute(Reader& reader, const SearchRequest& r, core::LocalTime now,
                       const SynonymTable& synonym_table) {
  Xapian::Database& db = *reader.db;
  const Xapian::Query filters = filter_query(r);
  std::optional<Xapian::LatLongCoord> centre;
  Xapian::Query area;
  if (r.centre) {
    centre = Xapian::LatLongCoord(r.centre->lat, r.centre->lon);
    if (r.radius_km) {
      Xapian::LatLongDistancePostingSource source(schema::kSlotCoordinate, Xapian::LatLongCoords(*centre),
                                                  Xapian::GreatCircleMetric(core::kEarthRadiusKm * 1000.0),
                                                  *r.radius_km * 1000.0);
      area = Xapian::Query(&source);  // Query clones the source.
    }
  }
  auto restrict = [&](Xapian::Query q) {
    if (!filters.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, filters);
    if (!area.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, area);
    return apply_freshness(q, now.date, freshness_, db);
  };
  // Understand the text: content words, and places / days / times named in it.
  const ParsedText text = parse_text(reader.analyzer, places_, r.q);
  const SynonymTable* synonyms = &synonym_table;
  const bool has_text = !text.groups.empty();
  // A free text with nothing searchable in it ("?!") matches nothing rather than everything.
  const bool blank = r.q.find_first_not_of(" \t") == std::string::npos;
  Xapian::Query preferences = preference_query(text);
  if (centre && r.sort == SortOrder::relevance) {
    // Closer is a little better: weight kDistanceBoost at the centre, half of it at 5 km.
    Xapian::LatLongDistancePostingSource near(schema::kSlotCoordinate, Xapian::LatLongCoords(*centre),
                                              Xapian::GreatCircleMetric(core::kEarthRadiusKm * 1000.0), 0.0,
                                              5000.0, 1.0);
    Xapian::Query distance(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(&near), schema::kDistanceBoost);
    preferences = preferences.empty() ? distance : Xapian::Query(Xapian::Query::OP_OR, preferences, distance);
  }
  auto scored = [&](const Xapian::Query& words) {
    Xapian::Query q = words;
    // A fresh match-all query (the empty term), not a copy of Xapian::Query::MatchAll: that is
    // one static object whose reference count is not atomic, so copying it on several threads
    // at once corrupted the count and crashed the process (seen under load in the benchmark).
    if (q.empty()) q = (blank || text.has_preferences()) ? Xapian::Query(std::string()) : Xapian::Query();
    if (!preferences.empty()) q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, preferences);
    return restrict(q);
  };

  // A text that only names a place ("vinderup") lists activities nearest that place first.
  std::optional<core::Coordinate> from = r.centre;
  if (!from && !has_text && r.sort == SortOrder::relevance) {
    if (!text.postcodes.empty()) {
      if (const auto* pc = geo_->postcode(text.postcodes.front())) from = pc->coordinate;
    } else if (!text.municipalities.empty()) {
      if (const auto* m = geo_->municipality(text.municipalities.front())) from = m->coordinate;
    }
  }
  Xapian::LatLongDistanceKeyMaker distance_key(schema::kSlotCoordinate,
                                               from ? Xapian::LatLongCoord(from->lat, from->lon)
                                                    : Xapian::LatLongCoord(0, 0),
                                               Xapian::GreatCircleMetric(core::kEarthRadiusKm * 1000.0));
  NextOccurrenceKey next_key(now);
  SortOrder order = r.sort;
  if (order == SortOrder::relevance && !has_text) {
    if (from) {
      order = SortOrder::distance;
    } else if (!text.has_preferences()) {
      order = SortOrder::next;
    }
  }

  const auto first = static_cast<Xapian::doccount>((r.page - 1) * r.per_page);
  const auto count = static_cast<Xapian::doccount>(r.per_page);
  const Xapian::doccount all = db.get_doccount();

  // One pass: the page of results plus facet counts over every match.
  struct Pass {
    Xapian::MSet mset;
    json facets;
    Xapian::doccount total() const { return mset.get_matches_estimated(); }
  };
  auto run = [&](const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    if (order == SortOrder::distance) {
      enquire.set_sort_by_key_then_relevance(&distance_key, false);
    } else if (order == SortOrder::next) {
      enquire.set_sort_by_key_then_relevance(&next_key, false);
    } else {
      enquire.set_sort_by_relevance_then_key(&next_key, false);
    }
    CodeListSpy interests(schema::kSlotInterests);
    CodeListSpy transport(schema::kSlotTransport);
    Xapian::ValueCountMatchSpy municipalities(schema::kSlotMunicipality);
    enquire.add_matchspy(&interests);
    enquire.add_matchspy(&transport);
    enquire.add_matchspy(&municipalities);
    Pass pass{enquire.get_mset(first, count, all), json::object()};
    pass.facets = {{"interest", interests.counts()},
                   {"transport", transport.counts()},
                   {"municipality", json::object()}};
    for (auto v = municipalities.values_begin(); v != municipalities.values_end(); ++v) {
      pass.facets["municipality"][*v] = v.get_termfreq();
    }
    return pass;
  };

  // All words; with too few results, any word (activities with more of them rank first).
  auto words = [&](const std::vector<std::vector<std::string>>& groups, WordMode mode) {
    return text_query(reader.analyzer, groups, mode, synonyms);
  };
  WordMode mode = WordMode::all;
  Pass pass = run(scored(words(text.groups, mode)));
  bool relaxed = false;
  if (pass.total() < kFewResults && text.groups.size() > 1) {
    Pass any = run(scored(words(text.groups, WordMode::any)));
    if (any.total() > pass.total()) {
      pass = std::move(any);
      mode = WordMode::any;
      relaxed = true;
    }
  }
  // Still few: correct words that match nothing (never one that matches), search again, and
  // rank what the typed words found above what the corrections found.
  std::optional<std::string> did_you_mean;
  if (pass.total() < kFewResults && has_text) {
    auto corrected = correct_words(db, reader.analyzer, text.groups, *synonyms);
    if (corrected != text.groups) {
      const Xapian::Query both(Xapian::Query::OP_OR, words(text.groups, mode),
                               Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, words(corrected, mode),
                                             schema::kCorrectionWeight));
      Pass fixed = run(scored(both));
      // Also when the correction finds nothing more: a misspelt compound can find the same
      // listings through its parts (fællespisning → fælle + spisning).
      if (fixed.total() > 0 && fixed.total() >= pass.total()) {
        pass = std::move(fixed);
        did_you_mean = groups_text(corrected);
      }
    }
  }
  const Xapian::MSet& mset = pass.mset;

  json results = json::array();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    const json data = document_data(doc);
    std::optional<double> distance;
    if (from) {
      distance = core::distance_km(*from, {data["coordinate"]["lat"].get<double>(),
                                           data["coordinate"]["lon"].get<double>()});
    }
    const json& activity = data["activity"];
    std::string body = activity.value("description", "");
    if (body.empty()) body = data["association"].value("description", "");
    std::string snippet = body.empty() ? std::string()
                                       : mset.snippet(body, 180, Xapian::Stem("danish"),
                                                      Xapian::MSet::SNIPPET_EXHAUSTIVE, "", "", "…");
    results.push_back(result_json(data, snippet, distance, now));
    if (const auto f = document_freshness(data, now.date, freshness_)) results.back()["freshness"] = freshness_json(*f);
  }

  json answer = {{"total", mset.get_matches_estimated()},
                 {"page", r.page},
                 {"per_page", r.per_page},
                 {"results", std::move(results)},
                 {"facets", std::move(pass.facets)}};
  if (relaxed) answer["matched_some_words"] = true;
  if (did_you_mean) answer["did_you_mean"] = *did_you_mean;
  return answer;
}

namespace {

// Spellings of a typed prefix that mean the same Danish letters: "gaa" also as "gå".
std::vector<std::string> unfolded_variants(const std::string& prefix) {
  std::vector<std::string> out = {prefix};
  for (const auto& [folded, letter] : {std::pair<std::string, std::string>{"aa", "å"}, {"ae", "æ"}, {"oe", "ø"}}) {
    const size_t n = out.size();
    for (size_t i = 0; i < n; ++i) {
      std::string v = out[i];
      for (size_t pos = v.find(folded); pos != std::string::npos; pos = v.find(folded, pos + letter.size())) {
        v.replace(pos, folded.size(), letter);
      }
      if (v != out[i]) out.push_back(v);
    }
  }
  return out;
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

json Searcher::suggest(const std::string& typed, size_t limit) {
  return with_retry([&] {
    Lease reader = acquire();
    Xapian::Database& db = *reader->db;
    Analyzer& analyzer = reader->analyzer;
    json suggestions = json::array();
    const auto words = analyzer.words(typed);
    const bool ends_in_space = !typed.empty() && typed.back() == ' ';
    if (words.empty() || ends_in_space) return json{{"q", typed}, {"suggestions", suggestions}};
    const std::string last = words.back();
    const std::string folded_last = fold_danish(last);
    std::string before;
    for (size_t i = 0; i + 1 < words.size(); ++i) before += words[i] + " ";

    const auto variants = unfolded_variants(last);

    // Interests whose Danish label has a word starting with what was typed, or a synonym of a
    // word starting with it (stri → strik → håndarbejde: "Kreativitet og håndarbejde").
    std::set<std::string> related;  // folded
    if (words.size() == 1 && utf8_length(last) >= 3) {
      const auto synonyms = synonyms_->current();
      for (const auto& v : variants) {
        for (auto it = synonyms->alternatives.lower_bound(v);
             it != synonyms->alternatives.end() && starts_with(it->first, v); ++it) {
          for (const auto& alternative : it->second) related.insert(fold_danish(alternative));
        }
      }
    }
    for (const auto& code : vocabulary_.codes(core::CodeKind::interest)) {
      const std::string label = vocabulary_.label_da(core::CodeKind::interest, code);
      for (const auto& w : analyzer.words(label)) {
        const std::string folded = fold_danish(w);
        if (words.size() == 1 && (starts_with(folded, folded_last) || related.count(folded))) {
          suggestions.push_back({{"type", "interest"}, {"text", label}, {"code", code}});
          break;
        }
      }
    }

    // Titles of activities matching the earlier words and a word starting with the last one.
    std::vector<Xapian::Query> completions;
    for (const auto& v : variants) {
      for (std::string_view field : {schema::kTitle, schema::kBody}) {
        completions.emplace_back(Xapian::Query::OP_WILDCARD, schema::term(field, v), 50,
                                 Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
      }
    }
    Xapian::Query query(Xapian::Query::OP_OR, completions.begin(), completions.end());
    if (words.size() > 1) {
      std::vector<std::vector<std::string>> groups;
      for (size_t i = 0; i + 1 < words.size(); ++i) groups.push_back({words[i]});
      query = Xapian::Query(Xapian::Query::OP_AND, text_query(analyzer, groups, WordMode::all, nullptr), query);
    }
    // Hidden activities are not offered, as search would not find them.
    const core::Date today = core::copenhagen_time(std::chrono::system_clock::now()).date;
    const core::Freshness limits = core::freshness(core::Date{0}, core::Date{0}, freshness_);
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, confirmed_before(today, limits.hidden_from.days));
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    const Xapian::MSet titles = enquire.get_mset(0, 4);
    for (auto it = titles.begin(); it != titles.end(); ++it) {
      const json data = document_data(it.get_document());
      suggestions.push_back({{"type", "title"}, {"text", data["activity"]["title"]}, {"id", data["activity"]["id"]}});
    }

    // Whole words starting with the last one, most frequent first.
    std::map<std::string, Xapian::doccount> counts;
    for (const auto& v : variants) {
      for (std::string_view field : {schema::kTitle, schema::kBody}) {
        const std::string prefix = schema::term(field, v);
        size_t scanned = 0;
        for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix) && scanned < 5000; ++t, ++scanned) {
          const std::string word = (*t).substr(field.size());
          if (word.size() > last.size()) counts[word] += t.get_termfreq();
        }
      }
    }
    std::vector<std::pair<Xapian::doccount, std::string>> ranked;
    for (const auto& [word, count] : counts) ranked.emplace_back(count, word);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [count, word] : ranked) {
      if (suggestions.size() >= limit) break;
      suggestions.push_back({{"type", "word"}, {"text", before + word}});
    }
    if (suggestions.size() > limit) suggestions.erase(suggestions.begin() + static_cast<long>(limit), suggestions.end());
    return json{{"q", typed}, {"suggestions", suggestions}};
  });
}

std::optional<json> Searcher::document(const std::string& activity_id) {
  return with_retry([&]() -> std::optional<json> {
    Lease reader = acquire();
    Xapian::PostingIterator p = reader->db->postlist_begin(schema::term(schema::kId, activity_id));
    if (p == reader->db->postlist_end(schema::term(schema::kId, activity_id))) return std::nullopt;
    return document_data(reader->db->get_document(*p));
  });
}

size_t Searcher::size() {
  return with_retry([&] {
    Lease reader = acquire();
    return static_cast<size_t>(reader->db->get_doccount());
  });
}

std::optional<core::Freshness> document_freshness(const json& data, core::Date today,
                                                  const core::FreshnessPolicy& policy) {
  if (!data.contains("last_confirmed")) return std::nullopt;
  const auto date = core::parse_date(data["last_confirmed"].get<std::string>());
  if (!date) return std::nullopt;
  return core::freshness(*date, today, policy);
}

json freshness_json(const core::Freshness& f) {
  return {{"last_confirmed", core::format_date(f.last_confirmed)},
          {"state", core::to_string(f.state)},
          {"stale_from", core::format_date(f.stale_from)},
          {"hidden_from", core::format_date(f.hidden_from)}};
}

json result_json(const json& data, const std::string& snippet, std::optional<double> distance_km,
                 core::LocalTime now) {
  const json& a = data["activity"];
  const json& assoc = data["association"];
  json location = a["location"];
  location["municipality"] = data["municipality"];
  location["lat"] = data["coordinate"]["lat"];
  location["lon"] = data["coordinate"]["lon"];
  location["approximate"] = !a["location"].contains("lat");
  json r = {
      {"id", a["id"]},
      {"title", a["title"]},
      {"association", {{"id", assoc["id"]}, {"name", assoc["name"]}}},
      {"snippet", snippet},
      {"interests", a["interests"]},
      {"target_groups", a["target_groups"]},
      {"transport", a["transport"]},
      {"accessibility", a["accessibility"]},
      {"location", std::move(location)},
      {"schedule", a["schedule"]},
      {"welcome", a["welcome"]},
  };
  for (const char* key : {"schedule_note", "price_dkk", "price_note"}) {
    if (a.contains(key)) r[key] = a[key];
  }
  std::vector<core::ScheduleEntry> schedule;
  for (const auto& e : a["schedule"]) {
    core::ScheduleEntry s;
    s.weekday = *core::parse_weekday(e["weekday"].get<std::string>());
    s.start_minute = *core::parse_time(e["start"].get<std::string>());
    if (e.contains("end")) s.end_minute = core::parse_time(e["end"].get<std::string>());
    s.every_weeks = e.value("every_weeks", 1);
    if (e.contains("week_of_month")) s.week_of_month = e["week_of_month"].get<int>();
    if (e.contains("from")) s.from = core::parse_date(e["from"].get<std::string>());
    schedule.push_back(s);
  }
  const auto next = core::next_occurrences(schedule, now, 1);
  r["next_occurrence"] = next.empty() ? json(nullptr) : occurrence_json(next[0]);
  if (distance_km) r["distance_km"] = std::round(*distance_km * 10) / 10;
  return r;
}

}  // namespace portal::search
