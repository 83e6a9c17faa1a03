#include "search/index.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
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

std::string build_generation(const IndexDirectory& dir, const core::Vocabulary& vocabulary,
                             const std::vector<core::Activity>& activities,
                             const std::map<std::string, core::Association>& associations,
                             int64_t position) {
  const auto previous = dir.current();
  const std::string generation = dir.create_generation();
  {
    Xapian::WritableDatabase db(dir.path(generation).string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Analyzer analyzer;
    for (const auto& activity : activities) {
      auto assoc = associations.find(activity.association);
      if (assoc == associations.end()) continue;
      add_document(db, analyzer, vocabulary, activity, assoc->second);
    }
    db.set_metadata(schema::kMetaChangePosition, std::to_string(position));
    db.set_metadata(schema::kMetaFormat, index_format());
    db.commit();
  }
  dir.publish(generation);
  dir.remove_stale(previous.value_or(""));
  return generation;
}

}  // namespace portal::search
