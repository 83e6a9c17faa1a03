// The index on disk and its single writer.
//
// Layout: <root>/current is a Xapian stub file ("auto <generation>") naming the live generation
// folder <root>/<generation>. A rebuild fills a new generation and rename()s a new stub over
// `current`, so readers switch atomically and never see a half-built index. Each generation
// stores the highest change_log id it reflects (metadata "change_position").
//
// Xapian allows one writer per generation (a second gets Xapian::DatabaseLockError).
// IndexDirectory is thread-safe; IndexWriter is not (one owner).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "core/listing.h"
#include "core/vocabulary.h"
#include "search/analyzer.h"

namespace portal::search {

class IndexDirectory {
 public:
  explicit IndexDirectory(std::filesystem::path root);

  const std::filesystem::path& root() const { return root_; }
  // The live generation, or nullopt when no index has been published yet.
  std::optional<std::string> current() const;
  std::filesystem::path path(const std::string& generation) const { return root_ / generation; }
  // Creates a new, empty generation folder and returns its name.
  std::string create_generation() const;
  // Atomically makes `generation` the live one.
  void publish(const std::string& generation) const;
  // Deletes generations older than the live one, except `previous` (the one it replaced,
  // which readers may still have open).
  void remove_stale(const std::string& previous) const;

 private:
  std::filesystem::path root_;
};

class IndexWriter {
 public:
  // Opens the live generation for writing. Throws Xapian::DatabaseLockError if another
  // process holds the writer lock, std::runtime_error if no index is published.
  IndexWriter(const IndexDirectory& dir, const core::Vocabulary& vocabulary);

  const std::string& generation() const { return generation_; }
  int64_t position() const;

  void upsert(const core::Activity& activity, const core::Association& association);
  void remove(const std::string& activity_id);
  // Records `position` (the change_log id now reflected) and commits.
  void commit(int64_t position);

 private:
  std::string generation_;
  const core::Vocabulary& vocabulary_;
  Analyzer analyzer_;
  std::unique_ptr<Xapian::WritableDatabase> db_;
};

// The format of indexes built by this binary: kFormatVersion plus a hash of the index-side
// word data (stem overrides, compound lists). An index of another format must be rebuilt.
std::string index_format();
// True when a live generation exists and has index_format().
bool live_index_is_current(const IndexDirectory& dir);

// Builds a complete new generation from `activities` (each with its association in
// `associations`; activities whose association is missing are skipped), commits it with
// `position`, publishes it and removes stale generations. Returns the generation's name.
// Documents are analysed on two threads and added by one writer in the input order; the
// generation is written without Xapian's fsyncs and synced once, before it is published.
std::string build_generation(const IndexDirectory& dir, const core::Vocabulary& vocabulary,
                             const std::vector<core::Activity>& activities,
                             const std::map<std::string, core::Association>& associations,
                             int64_t position);

}  // namespace portal::search
