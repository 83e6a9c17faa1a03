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

void IndexWriter::upsert(const core::Activity& activity, const core::Association& association) {
  db_->replace_document(schema::term(schema::kId, activity.id),
                        build_document(analyzer_, vocabulary_, activity, association));
}

void IndexWriter::remove(const std::string& activity_id) {
  db_->delete_document(schema::term(schema::kId, activity_id));
}

void IndexWriter::commit(int64_t position) {
  db_->set_metadata(schema::kMetaChangePosition, std::to_string(position));
  db_->commit();
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
      db.replace_document(schema::term(schema::kId, activity.id),
                          build_document(analyzer, vocabulary, activity, assoc->second));
    }
    db.set_metadata(schema::kMetaChangePosition, std::to_string(position));
    db.commit();
  }
  dir.publish(generation);
  dir.remove_stale(previous.value_or(""));
  return generation;
}

}  // namespace portal::search
