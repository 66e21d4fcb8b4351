#pragma once

// The results cache: an answer's findings, keyed by (its blob id as git
// computes it, the effective settings of its file, the answerlint build), so
// that a second `check` of unchanged answers reads no Markdown.
//
// A cache folder holds:
//
//   paths           the stat table, for files on disk (whose blob id is
//                   unknown until they are read): path -> (device, inode,
//                   size, mtime, ctime) -> blob id. Written whole (temp file +
//                   rename) with a checksum. A record is trusted while the
//                   file's stat matches it, and only when the file's mtime
//                   was k_racy_ns older than the moment it was read and older
//                   than the table (git's "racily clean" rule): an edit in
//                   the same timestamp tick as the read is never missed.
//   words           what the spelling dictionary judged (see WordStore in
//                   lint/word_memo.hpp), so that a run over answers whose
//                   words were all seen before never loads hunspell.
//   results/00..ff  the results, in 256 logs chosen by the key's first byte.
//                   Each record carries a checksum, its key and its length.
//                   New records are appended with one write(2) on an
//                   O_APPEND descriptor, so concurrent runs add whole
//                   records; a log holding a bad record, or grown past
//                   k_log_limit, is rewritten (temp file + rename) with the
//                   good records.
//
// Why logs and not one file per result: creating 10,000 small files costs
// about a second on this machine's ext4, appending to 256 logs a few
// milliseconds; and sharding keeps a pre-commit run (one answer) to reading
// one small log. Nothing here is ever an error: a corrupt, truncated or
// concurrently replaced file is ignored and rewritten, a folder that cannot be
// written leaves the run uncached, and a run that loses a race only loses
// entries, never correctness.

#include "config/config.hpp"
#include "git/object_id.hpp"
#include "lint/finding.hpp"
#include "lint/select.hpp"
#include "lint/word_memo.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace answerlint {

// What stat(2) says about a file, as far as telling a change goes.
struct FileStat {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;

  bool operator==(const FileStat&) const = default;
};

// stat(2) of `path`, following symbolic links; nullopt when it fails.
std::optional<FileStat> stat_file(const std::string& path);

// Nanoseconds since the epoch, on the clock file times use.
std::int64_t now_ns();

// Where a check of `selection` caches results: <common git dir>/answerlint/cache
// in a repository (linked worktrees share it), else
// $XDG_CACHE_HOME/answerlint or ~/.cache/answerlint; empty when there is no
// such place (no HOME).
std::filesystem::path default_cache_dir(const Selection& selection);

class ResultCache {
public:
  // A file's mtime must be this much older than the moment it is read for
  // its stat record to be trusted: more than any file system's timestamp
  // granularity (FAT: 2 s). A fresher file is read again next time (but not
  // linted again when its bytes did not change).
  static constexpr std::int64_t k_racy_ns = 2'000'000'000;
  // A results log is rewritten without its least recently added unused
  // records when an append would take it past this size (256 logs: 64 MiB).
  static constexpr std::size_t k_log_limit = std::size_t{256} * 1024;

  // The cache in `dir` for results under `config`. Reads nothing yet: each
  // part is read when first needed. nullptr when the settings cannot be
  // fingerprinted (a file an option names, like spelling's words_file, cannot
  // be read): the run then goes uncached and the rule reports the file.
  static std::unique_ptr<ResultCache> open(const std::filesystem::path& dir, const Config& config,
                                           std::size_t log_limit = k_log_limit);

  ~ResultCache();
  ResultCache(const ResultCache&) = delete;
  ResultCache& operator=(const ResultCache&) = delete;

  // The methods below are thread-safe; save() must run alone.

  // The blob id recorded for the file at `path` (absolute) when `stat`
  // matches the record and the record is not racy.
  std::optional<git::ObjectId> known_blob(const std::string& path, const FileStat& stat);
  // Records that the file at `path`, whose stat was `stat` and whose reading
  // began at `read_start_ns`, holds the blob `blob`. A racy record (mtime
  // too close to the read) is not kept.
  void remember_blob(const std::string& path, const FileStat& stat, const git::ObjectId& blob,
                     std::int64_t read_start_ns);

  // The findings of the blob `blob` at `relative_path` (relative to
  // config.base_dir: it decides the kind and the overrides), with empty
  // paths; nullopt when not cached.
  std::optional<std::vector<Finding>> find(std::string_view relative_path,
                                           const git::ObjectId& blob);
  // Whether find() has a whole record (checksum checked) to decode, without
  // decoding it: what a selection from git asks before leaving a blob unread.
  bool contains(std::string_view relative_path, const git::ObjectId& blob);
  void store(std::string_view relative_path, const git::ObjectId& blob,
             const std::vector<Finding>& findings);

  // The spelling dictionary's memo in this cache folder, for
  // attach_word_store.
  std::shared_ptr<WordStore> word_store();

  // Writes what this run learnt (new results, stat records, logs to
  // repair). Never throws; a failure leaves the cache as it was or
  // partially updated, both valid.
  void save() noexcept;

  struct Impl;

private:
  explicit ResultCache(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

} // namespace answerlint
