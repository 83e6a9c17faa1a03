#include "search/index.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <future>
#include <sstream>
#include <stdexcept>

#include "search/document.h"
#include "search/schema.h"
#include "search_embedded.h"

namespace portal::search {

namespace fs = std::filesystem;

IndexDirectory::IndexDirectory(fs::path root) : root_(std::move(root)) {}

std::optional<std::string> IndexDirectory::current() const {
  std::ifstream in(root_ / "current");
  if (!in) return std::nullopt;
  std::string kind, generation;
  in >> kind >> generation;
  if (kind != "auto" || generation.empty() || generation.find('/') != std::string::npos) {
    return std::nullopt;
  }
  return generation;
}

std::string IndexDirectory::create_generation() const {
  fs::create_directories(root_);
  static std::atomic<unsigned> counter{0};
  const auto now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::ostringstream name;
    name << "gen-" << now << '-' << ::getpid() << '-' << counter++;
    if (fs::create_directory(root_ / name.str())) return name.str();
  }
  throw std::runtime_error("cannot create an index generation in " + root_.string());
}

void IndexDirectory::publish(const std::string& generation) const {
  const fs::path tmp = root_ / ("current.tmp." + std::to_string(::getpid()));
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << "auto " << generation << '\n';
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  fs::rename(tmp, root_ / "current");
}

namespace {
// Creation time in nanoseconds encoded in a generation's name ("gen-<ns>-<pid>-<n>").
long long generation_time(const std::string& name) {
  try {
    return std::stoll(name.substr(4));
  } catch (const std::exception&) {
    return 0;
  }
}
}  // namespace

void IndexDirectory::remove_stale(const std::string& previous) const {
  const auto live = current();
  if (!live) return;
  // Only generations older than the live one: a newer one may still be filling in a
  // concurrent rebuild.
  const long long live_time = generation_time(*live);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root_, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("gen-", 0) != 0 || !entry.is_directory()) continue;
    if (name == *live || name == previous || generation_time(name) >= live_time) continue;
    fs::remove_all(entry.path(), ec);
  }
}

IndexWriter::IndexWriter(const IndexDirectory& dir, const core::Vocabulary& vocabulary)
    : vocabulary_(vocabulary) {
  const auto generation = dir.current();
  if (!generation) throw std::runtime_error("no search index has been built in " + dir.root().string());
  generation_ = *generation;
  db_ = std::make_unique<Xapian::WritableDatabase>(dir.path(generation_).string(), Xapian::DB_CREATE_OR_OPEN);
}

int64_t IndexWriter::position() const {
  const std::string value = db_->get_metadata(schema::kMetaChangePosition);
  return value.empty() ? 0 : std::stoll(value);
}

namespace {
// Takes the words of the document with `id_term` (if any) out of the spelling table.
void forget_spelling(Xapian::WritableDatabase& db, const std::string& id_term) {
  Xapian::PostingIterator p = db.postlist_begin(id_term);
  if (p == db.postlist_end(id_term)) return;
  for (const auto& word : spelling_words(db.get_document(*p))) db.remove_spelling(word);
}

void add_document(Xapian::WritableDatabase& db, Analyzer& analyzer, const core::Vocabulary& vocabulary,
                  const core::Activity& activity, const core::Association& association) {
  const std::string id_term = schema::term(schema::kId, activity.id);
  forget_spelling(db, id_term);
  const Xapian::Document doc = build_document(analyzer, vocabulary, activity, association);
  for (const auto& word : spelling_words(doc)) db.add_spelling(word);
  db.replace_document(id_term, doc);
}
}  // namespace

void IndexWriter::upsert(const core::Activity& activity, const core::Association& association) {
  add_document(*db_, analyzer_, vocabulary_, activity, association);
}

void IndexWriter::remove(const std::string& activity_id) {
  const std::string id_term = schema::term(schema::kId, activity_id);
  forget_spelling(*db_, id_term);
  db_->delete_document(id_term);
}

void IndexWriter::commit(int64_t position) {
  db_->set_metadata(schema::kMetaChangePosition, std::to_string(position));
  db_->commit();
}

std::string index_format() {
  std::string data;
  for (std::string_view part : {embedded::stem_overrides_tsv(), embedded::compound_heads_txt(),
                                embedded::compound_modifiers_txt(), embedded::compound_exceptions_txt()}) {
    data += part;
    data += '\0';
  }
  // FNV-1a: stable across builds and platforms (std::hash is not).
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : data) hash = (hash ^ c) * 1099511628211ull;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return std::to_string(schema::kFormatVersion) + "-" + hex;
}

bool live_index_is_current(const IndexDirectory& dir) {
  const auto live = dir.current();
  if (!live) return false;
  try {
    Xapian::Database db(dir.path(*live).string());
    return db.get_metadata(schema::kMetaFormat) == index_format();
  } catch (const Xapian::Error&) {
    return false;
  }
}

namespace {

// fsync()s every file of a closed generation folder and the folder itself: the generation was
// written with DB_NO_SYNC, and must be on disk before `current` names it.
void sync_generation(const fs::path& folder) {
  const auto sync_path = [](const fs::path& p, int flags) {
    const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error("cannot open " + p.string() + " to sync it");
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) throw std::runtime_error("cannot sync " + p.string());
  };
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file()) sync_path(entry.path(), O_RDONLY);
  }
  sync_path(folder, O_RDONLY | O_DIRECTORY);
}

// A prepared document: built off the writer's thread, added in the input order.
struct Prepared {
  std::string id_term;
  Xapian::Document doc;
  std::vector<std::string> spelling;
};

}  // namespace

std::string build_generation(const IndexDirectory& dir, const core::Vocabulary& vocabulary,
                             const std::vector<core::Activity>& activities,
                             const std::map<std::string, core::Association>& associations,
                             int64_t position) {
  const auto previous = dir.current();
  const std::string generation = dir.create_generation();
  {
    // Crash safety does not need Xapian's own fsyncs here: nobody reads this generation until
    // publish() names it, and sync_generation() puts every file on disk before that. A crash
    // before then leaves an unnamed folder that remove_stale() deletes later.
    Xapian::WritableDatabase db(dir.path(generation).string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
    // Documents are analysed on two threads (one Analyzer each: they are not thread-safe), a
    // batch ahead of the one writer, which adds them in the input order. The generation is
    // fresh, so there is no old document whose spelling words need forgetting.
    constexpr size_t kBatch = 512;
    Analyzer analyzers[2];
    const auto prepare = [&](size_t from, size_t to, Analyzer& analyzer, std::vector<Prepared>& out) {
      for (size_t i = from; i < to; ++i) {
        const auto& activity = activities[i];
        auto assoc = associations.find(activity.association);
        if (assoc == associations.end()) {
          out.emplace_back();
          continue;
        }
        Prepared p{schema::term(schema::kId, activity.id),
                   build_document(analyzer, vocabulary, activity, assoc->second), {}};
        p.spelling = spelling_words(p.doc);
        out.push_back(std::move(p));
      }
    };
    const auto prepare_batch = [&](size_t from) {
      const size_t to = std::min(from + kBatch, activities.size());
      const size_t middle = from + (to - from) / 2;
      std::vector<Prepared> first, second;
      first.reserve(middle - from);
      second.reserve(to - middle);
      auto other = std::async(std::launch::async, [&] { prepare(middle, to, analyzers[1], second); });
      prepare(from, middle, analyzers[0], first);
      other.get();
      for (auto& p : second) first.push_back(std::move(p));
      return first;
    };
    std::future<std::vector<Prepared>> next;
    if (!activities.empty()) next = std::async(std::launch::async, prepare_batch, size_t{0});
    for (size_t from = 0; from < activities.size(); from += kBatch) {
      std::vector<Prepared> batch = next.get();
      if (from + kBatch < activities.size()) next = std::async(std::launch::async, prepare_batch, from + kBatch);
      for (auto& p : batch) {
        if (p.id_term.empty()) continue;  // association missing
        for (const auto& word : p.spelling) db.add_spelling(word);
        db.replace_document(p.id_term, p.doc);
      }
    }
    db.set_metadata(schema::kMetaChangePosition, std::to_string(position));
    db.set_metadata(schema::kMetaFormat, index_format());
    db.commit();
    db.close();
  }
  sync_generation(dir.path(generation));
  dir.publish(generation);
  dir.remove_stale(previous.value_or(""));
  return generation;
}

}  // namespace portal::search
