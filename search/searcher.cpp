#include "search/searcher.h"

#include <cmath>

#include "core/errors.h"
#include "core/listing_json.h"
#include "search/document.h"
#include "search/query_builder.h"
#include "search/schema.h"

namespace portal::search {
namespace {

using nlohmann::json;

// Counts codes stored as a separator-joined list in one value slot (multi-valued facets).
class CodeListSpy : public Xapian::MatchSpy {
 public:
  explicit CodeListSpy(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document& doc, double) override {
    const std::string value = doc.get_value(slot_);
    size_t start = 0;
    while (start < value.size()) {
      size_t end = value.find(schema::kListSeparator, start);
      if (end == std::string::npos) end = value.size();
      ++counts_[value.substr(start, end - start)];
      start = end + 1;
    }
  }
  Xapian::MatchSpy* clone() const override { return new CodeListSpy(slot_); }
  std::string name() const override { return "portal::CodeListSpy"; }
  json counts() const { return json(counts_); }

 private:
  Xapian::valueno slot_;
  std::map<std::string, Xapian::doccount> counts_;
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

Searcher::Searcher(IndexDirectory dir, const core::Vocabulary& vocabulary, size_t max_readers)
    : dir_(std::move(dir)), vocabulary_(vocabulary), max_readers_(std::max<size_t>(1, max_readers)) {}

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

json Searcher::search(const SearchRequest& r, core::LocalTime now) {
  return with_retry([&] {
    Lease reader = acquire();
    Xapian::Database& db = *reader->db;
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
      return q;
    };
    // A free text with nothing searchable in it ("?!") matches nothing rather than everything.
    const bool blank = r.q.find_first_not_of(" \t") == std::string::npos;
    auto scored = [&](WordMode mode) {
      Xapian::Query text = text_query(reader->analyzer, r.q, mode);
      if (text.empty()) text = blank ? Xapian::Query::MatchAll : Xapian::Query::MatchNothing;
      return restrict(text);
    };

    Xapian::LatLongDistanceKeyMaker distance_key(schema::kSlotCoordinate,
                                                 centre ? *centre : Xapian::LatLongCoord(0, 0),
                                                 Xapian::GreatCircleMetric(core::kEarthRadiusKm * 1000.0));
    NextOccurrenceKey next_key(now);
    const bool has_text = !reader->analyzer.words(r.q).empty();
    SortOrder order = r.sort;
    if (order == SortOrder::relevance && !has_text) order = centre ? SortOrder::distance : SortOrder::next;

    const auto first = static_cast<Xapian::doccount>((r.page - 1) * r.per_page);
    const auto count = static_cast<Xapian::doccount>(r.per_page);
    const Xapian::doccount all = db.get_doccount();

    // One pass: the page of results plus facet counts over every match.
    struct Pass {
      Xapian::MSet mset;
      json facets;
    };
    auto run = [&](const Xapian::Query& query) {
      Xapian::Enquire enquire(db);
      enquire.set_query(query);
      if (order == SortOrder::distance) {
        enquire.set_sort_by_key_then_relevance(&distance_key, false);
      } else if (order == SortOrder::next) {
        enquire.set_sort_by_key_then_relevance(&next_key, false);
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

    Pass pass = run(scored(WordMode::all));
    bool relaxed = false;
    if (pass.mset.get_matches_estimated() == 0 && word_count(reader->analyzer, r.q) > 1) {
      // No activity has every word: rank those with some of them.
      pass = run(scored(WordMode::any));
      relaxed = true;
    }
    const Xapian::MSet& mset = pass.mset;

    json results = json::array();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const Xapian::Document doc = it.get_document();
      const json data = document_data(doc);
      std::optional<double> distance;
      if (r.centre) {
        distance = core::distance_km(*r.centre, {data["coordinate"]["lat"].get<double>(),
                                                 data["coordinate"]["lon"].get<double>()});
      }
      const json& activity = data["activity"];
      std::string text = activity.value("description", "");
      if (text.empty()) text = data["association"].value("description", "");
      std::string snippet = text.empty() ? std::string()
                                         : mset.snippet(text, 180, Xapian::Stem("danish"),
                                                        Xapian::MSet::SNIPPET_EXHAUSTIVE, "", "", "…");
      results.push_back(result_json(data, snippet, distance, now));
    }

    json answer = {{"total", mset.get_matches_estimated()},
                   {"page", r.page},
                   {"per_page", r.per_page},
                   {"results", std::move(results)},
                   {"facets", std::move(pass.facets)}};
    if (relaxed) answer["matched_some_words"] = true;
    return answer;
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
