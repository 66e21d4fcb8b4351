#include "lint/cache.hpp"

#include "config/vocabulary_data.hpp"
#include "git/repo.hpp"
#include "lint/cache_codec.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <optional>
#include <set>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <utility>

namespace answerlint {
namespace fs = std::filesystem;
using cache_detail::ByteReader;
using cache_detail::ByteWriter;
using cache_detail::checksum;

namespace {

// What names a result, the settings and the spelling memo: 128 bits of
// XXH3 over the text that decides it (see settings_key and result_key).
// Not a defence against an adversary (the cache is the user's own), but
// against chance: 2^-64 odds of a collision among 2^32 keys, and a few
// dozen instructions for an answer's key where SHA-1 took 4,000.
using Key = std::array<unsigned char, 16>;

struct KeyHash {
  std::size_t operator()(const Key& key) const noexcept {
    std::size_t hash = 0;
    std::memcpy(&hash, key.data() + 1, sizeof hash); // byte 0 picks the log
    return hash;
  }
};

std::int64_t to_ns(const struct timespec& time) {
  return static_cast<std::int64_t>(time.tv_sec) * 1'000'000'000 + time.tv_nsec;
}

FileStat from_stat(const struct stat& info) {
  return {static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino),
          static_cast<std::uint64_t>(info.st_size), to_ns(info.st_mtim), to_ns(info.st_ctim)};
}

// ---- Files -----------------------------------------------------------------

struct Fd {
  int fd = -1;
  explicit Fd(int value) : fd(value) {}
  ~Fd() {
    if (fd >= 0) {
      ::close(fd);
    }
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
};

// Opens a regular file for reading; -1 otherwise. O_NONBLOCK: a FIFO where
// a file should be must not hang the run.
int open_regular(const fs::path& path, FileStat* stat = nullptr) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  struct stat info {};
  if (fd >= 0 && (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode))) {
    ::close(fd);
    return -1;
  }
  if (fd >= 0 && stat != nullptr) {
    *stat = from_stat(info);
  }
  return fd;
}

// Reads to the end, not to the size fstat gave: another run may be
// appending. Chunks are appended, so nothing is zero-filled first.
bool read_to_end(int fd, std::string& bytes) {
  bytes.clear();
  char chunk[65536];
  while (true) {
    ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return n == 0;
    }
    bytes.append(chunk, static_cast<std::size_t>(n));
  }
}

// The whole file, and its stat; false when it cannot be read.
bool read_whole(const fs::path& path, std::string& bytes, FileStat* stat = nullptr) {
  Fd in(open_regular(path, stat));
  return in.fd >= 0 && read_to_end(in.fd, bytes);
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Replaces `target` with `bytes` in one step: readers see the old file or
// the new one, never a mix.
bool write_atomically(const fs::path& target, std::string_view bytes) {
  static std::atomic<unsigned> counter{0};
  fs::path temp = target.parent_path() / fmt::format(".tmp-{}-{}-{}", target.filename().string(),
                                                     ::getpid(), counter.fetch_add(1));
  ::unlink(temp.c_str()); // left by a crashed process that had our pid
  bool ok = false;
  {
    Fd out(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
    ok = out.fd >= 0 && write_all(out.fd, bytes);
    if (out.fd >= 0) {
      ok = ::close(out.fd) == 0 && ok;
      out.fd = -1;
    }
  }
  if (ok && ::rename(temp.c_str(), target.c_str()) == 0) {
    return true;
  }
  ::unlink(temp.c_str());
  return false;
}

// One write(2) on an O_APPEND descriptor: concurrent appenders never
// interleave inside a record on a local file system, and where they might
// (NFS), the checksum catches it.
bool append(const fs::path& target, std::string_view bytes) {
  Fd out(::open(target.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666));
  return out.fd >= 0 && write_all(out.fd, bytes);
}

// ---- The key ---------------------------------------------------------------

Key hash_key(std::string_view text) {
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, XXH3_128bits(text.data(), text.size()));
  Key key{};
  static_assert(sizeof canonical.digest == std::tuple_size_v<Key>);
  std::memcpy(key.data(), canonical.digest, key.size());
  return key;
}

// The running executable, by size and mtime: a rebuild of the same version
// (a developer's, or a distribution's patch) may change what rules find.
std::string build_identity() {
  std::optional<FileStat> exe = stat_file("/proc/self/exe");
  return exe ? fmt::format("exe {} {}", exe->size, exe->mtime_ns) : std::string("exe ?");
}

void put(std::string& out, std::string_view text) {
  const fmt::format_int size(text.size()); // once per answer: no format string to parse
  out.append(size.data(), size.size());
  out += ':';
  out += text;
}

// The value of every option whose name ends in "_file" (a file of more
// words, for instance), in every layer and override of the config.
std::set<std::string> files_named(const Config& config) {
  std::set<std::string> files;
  auto scan = [&files](const std::map<std::string, RulePatch, std::less<>>& patches) {
    for (const auto& [id, patch] : patches) {
      for (const auto& [name, value] : patch.options) {
        const auto* text = std::get_if<std::string>(&value);
        if (name.ends_with("_file") && text != nullptr && !text->empty()) {
          files.insert(*text);
        }
      }
    }
  };
  scan(config.rules);
  for (const Override& entry : config.overrides) {
    scan(entry.rules);
  }
  return files;
}

// The hunspell dictionary's files, by path, size and mtime.
void put_dictionary(std::string& text) {
  if (auto dictionary = find_hunspell_en_us()) {
    for (const std::string& file : {dictionary->first, dictionary->second}) {
      std::optional<FileStat> stat = stat_file(file);
      put(text, fmt::format("{} {} {}", file, stat ? stat->size : 0, stat ? stat->mtime_ns : 0));
    }
  } else {
    put(text, "no dictionary");
  }
}

// Everything outside an answer's bytes and path that decides its findings.
std::optional<Key> settings_key(const Config& config) {
  std::string text = "answerlint-results-2\n";
  put(text, ANSWERLINT_VERSION);
  put(text, build_identity());
  put(text, config.digest);
  for (const std::string& file : files_named(config)) {
    std::string bytes;
    if (!read_whole(file, bytes)) {
      return std::nullopt;
    }
    put(text, file);
    put(text, bytes);
  }
  put_dictionary(text);
  return hash_key(text);
}

// What decides the spelling dictionary's verdicts (see WordFile).
Key words_key() {
  std::string text = "answerlint-words-2\n";
  put(text, ANSWERLINT_VERSION);
  put(text, build_identity());
  put_dictionary(text);
  return hash_key(text);
}

Key result_key(const Key& settings, std::string_view relative_path, const git::ObjectId& blob) {
  std::string text(reinterpret_cast<const char*>(settings.data()), settings.size());
  put(text, relative_path);
  text.append(reinterpret_cast<const char*>(blob.data()), blob.size());
  return hash_key(text);
}

// A key or a blob id from its bytes, which hold at least as many.
template <class Bytes> Bytes bytes_from(std::string_view bytes) {
  Bytes out{};
  std::memcpy(out.data(), bytes.data(), out.size());
  return out;
}

template <class Bytes> std::string_view as_text(const Bytes& bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// ---- A results log -----------------------------------------------------------
//
// record: magic (4) | checksum (8) of what follows | key (16) | length (4) | payload

constexpr std::string_view k_log_magic = "alr\x02";
constexpr std::size_t k_key = std::tuple_size_v<Key>;
constexpr std::size_t k_header = 4 + 8 + k_key + 4;

struct Record {
  std::uint64_t offset = 0; // in the log file
  std::size_t size = 0;     // header and payload
  Key key{};
  bool used = false; // looked up by this run
};

// A log as this run found it: mapped into memory (read-only, private), and
// an index of its good records. A warm run reads every record once; read(2)
// copied each from the page cache, twice with the indexing, where a mapping
// copies nothing and its pages are shared with the page cache (and only the
// pages touched are read from disk). The mapping keeps the bytes indexed
// even if another run replaces the file: answerlint never truncates a log,
// it appends to it or replaces it whole by a rename.
struct Log {
  std::mutex mutex;
  bool loaded = false;
  bool damaged = false; // holds a bad record: rewrite it
  const char* map = nullptr;
  std::uint64_t size = 0; // bytes mapped and indexed
  std::vector<Record> records;
  std::unordered_map<Key, std::size_t, KeyHash> index; // the newest record of each key
  std::string fresh;                                   // records to add
  std::size_t appended = 0; // bytes of records already appended by this run

  Log() = default;
  Log(const Log&) = delete;
  Log& operator=(const Log&) = delete;
  ~Log() {
    if (map != nullptr) {
      ::munmap(const_cast<char*>(map), size);
    }
  }

  std::string_view bytes() const { return {map, size}; }
};

// A log's new records are appended once they reach this size, rather than
// all at the end: a cold run over 10,000 answers would otherwise hold its
// 27 MB of results twice, in the report and here.
constexpr std::size_t k_flush_size = std::size_t{8} * 1024;

std::string make_record(const Key& key, std::string_view payload) {
  std::string body;
  ByteWriter out(body);
  out.raw(as_text(key));
  out.u32(static_cast<std::uint32_t>(payload.size()));
  out.raw(payload);
  std::string record;
  ByteWriter head(record);
  head.raw(k_log_magic);
  head.u64(checksum(body));
  head.raw(body);
  return record;
}

// The record at the start of `bytes` when it is whole (and, with
// `verify`, its checksum holds): its key and size.
std::optional<std::pair<Key, std::size_t>> good_record(std::string_view bytes, bool verify) {
  if (bytes.size() < k_header || bytes.substr(0, 4) != k_log_magic) {
    return std::nullopt;
  }
  ByteReader head(bytes.substr(4, k_header - 4));
  const std::uint64_t sum = head.u64();
  const Key key = bytes_from<Key>(head.raw(k_key));
  const std::uint32_t length = head.u32();
  if (length > bytes.size() - k_header ||
      (verify && checksum(bytes.substr(12, k_header - 12 + length)) != sum)) {
    return std::nullopt;
  }
  return std::make_pair(key, k_header + length);
}

// Indexes every whole record; past a broken one, looks for the next magic,
// so that one torn append loses one record. Checksums are checked when a
// record is read (read_record), not twice.
void index_log(Log& log, std::string_view all) {
  std::size_t pos = 0;
  while (pos < all.size()) {
    if (auto record = good_record(all.substr(pos), false)) {
      log.index.insert_or_assign(record->first, log.records.size());
      log.records.push_back({pos, record->second, record->first, false});
      pos += record->second;
      continue;
    }
    log.damaged = true;
    std::size_t next = all.find(k_log_magic, pos + 1);
    pos = next == std::string_view::npos ? all.size() : next;
  }
  log.size = all.size();
}

// The record's bytes in the mapping, when its checksum holds.
std::optional<std::string_view> read_record(const Log& log, const Record& record) {
  const std::string_view bytes = log.bytes().substr(record.offset, record.size);
  auto good = good_record(bytes, true);
  if (!good || good->first != record.key || good->second != bytes.size()) {
    return std::nullopt;
  }
  return bytes;
}

// What a rewritten log keeps: the records this run used or added, then the
// newest others while the log stays under the limit.
std::string compacted(const Log& log, std::size_t limit) {
  std::vector<bool> keep(log.records.size(), false);
  std::size_t size = log.fresh.size();
  for (const auto& [key, at] : log.index) {
    if (log.records[at].used) {
      keep[at] = true;
      size += log.records[at].size;
    }
  }
  for (std::size_t i = log.records.size(); i-- > 0;) {
    const Record& record = log.records[i];
    auto it = log.index.find(record.key);
    const bool newest = it != log.index.end() && it->second == i;
    if (!keep[i] && newest && size + record.size <= limit) {
      keep[i] = true;
      size += record.size;
    }
  }
  std::string out;
  out.reserve(size);
  for (std::size_t i = 0; i < log.records.size(); ++i) {
    if (keep[i]) {
      if (std::optional<std::string_view> bytes = read_record(log, log.records[i])) {
        out += *bytes;
      }
    }
  }
  return out + log.fresh;
}

// Whether the log's new records can be appended rather than the log
// rewritten: it holds no bad record and stays under the limit. Once some
// were appended, the rest are too (a rewrite would drop them); the limit is
// soft, and the next run compacts.
bool appendable(const Log& log, std::size_t limit) {
  return !log.damaged && (log.appended > 0 || log.size + log.fresh.size() <= limit);
}

void save_log(const Log& log, const fs::path& file, std::size_t limit) {
  if (!log.loaded || (log.fresh.empty() && !log.damaged)) {
    return;
  }
  if (appendable(log, limit)) {
    append(file, log.fresh);
    return;
  }
  write_atomically(file, compacted(log, limit));
}

// ---- The stat table -------------------------------------------------------------
//
// "alstat1\n" | count (4) | records | checksum (8) of everything before it
// record: path | device | inode | size | mtime | ctime | blob id (20)

constexpr std::string_view k_table_magic = "alstat1\n";
// Past this many paths, a rewrite keeps only the paths this run recorded.
constexpr std::size_t k_max_paths = 200'000;

struct PathRecord {
  FileStat stat;
  git::ObjectId blob{};
};
using PathRecords = std::unordered_map<std::string, PathRecord>;

PathRecords parse_table(std::string_view bytes) {
  PathRecords records;
  if (bytes.size() < k_table_magic.size() + 12 || !bytes.starts_with(k_table_magic)) {
    return records;
  }
  ByteReader trailer(bytes.substr(bytes.size() - 8));
  if (checksum(bytes.substr(0, bytes.size() - 8)) != trailer.u64()) {
    return records;
  }
  ByteReader in(bytes.substr(k_table_magic.size(), bytes.size() - 8 - k_table_magic.size()));
  const std::uint32_t count = in.u32();
  for (std::uint32_t i = 0; i < count && in.ok(); ++i) {
    std::string path(in.text());
    PathRecord record;
    record.stat = {in.u64(), in.u64(), in.u64(), in.i64(), in.i64()};
    std::string_view blob = in.raw(std::tuple_size_v<git::ObjectId>);
    if (in.ok()) {
      record.blob = bytes_from<git::ObjectId>(blob);
      records.insert_or_assign(std::move(path), record);
    }
  }
  if (!in.ok() || !in.at_end()) {
    records.clear();
  }
  return records;
}

std::string format_table(const PathRecords& records) {
  std::string bytes(k_table_magic);
  ByteWriter out(bytes);
  out.u32(static_cast<std::uint32_t>(records.size()));
  for (const auto& [path, record] : records) {
    out.text(path);
    out.u64(record.stat.device);
    out.u64(record.stat.inode);
    out.u64(record.stat.size);
    out.i64(record.stat.mtime_ns);
    out.i64(record.stat.ctime_ns);
    out.raw(as_text(record.blob));
  }
  const std::uint64_t sum = checksum(bytes);
  out.u64(sum);
  return bytes;
}

struct StatTable {
  std::once_flag loaded;
  PathRecords records;       // read-only once loaded
  std::int64_t mtime_ns = 0; // of the table file: records must be older
  std::mutex mutex;          // guards `fresh`
  PathRecords fresh;
};

} // namespace

// ---- ResultCache -------------------------------------------------------------

namespace {

bool make_cache_folders(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir / "results", ec);
  if (ec) {
    return false;
  }
  // Backup tools skip a folder holding this file (bford.info/cachedir).
  const fs::path tag = dir / "CACHEDIR.TAG";
  if (!fs::exists(tag, ec)) {
    write_atomically(tag, "Signature: 8a477f597d28d172789f06886806bc55\n"
                          "# This file is a cache directory tag created by answerlint.\n");
  }
  return true;
}

// The spelling dictionary's memo, in the file `words`:
//   magic (4) | checksum (8) of what follows | key (16) | encode_words payload
// The key names the answerlint build and the hunspell files: any other
// memo is ignored, then replaced. Written whole (temp file + rename) by a
// run that judged new words; two runs doing so at once lose one's words,
// never correctness.
class WordFile : public WordStore {
public:
  explicit WordFile(fs::path dir) : m_dir(std::move(dir)), m_key(words_key()) {}

  std::optional<WordMemo> load() override {
    std::string bytes;
    if (!read_whole(m_dir / "words", bytes) || bytes.size() < k_head ||
        bytes.substr(0, 4) != k_magic) {
      return std::nullopt;
    }
    ByteReader head(std::string_view(bytes).substr(4, 8));
    const std::string_view body = std::string_view(bytes).substr(12);
    if (checksum(body) != head.u64() || body.substr(0, k_key) != as_text(m_key)) {
      return std::nullopt;
    }
    return cache_detail::decode_words(body.substr(k_key));
  }

  void save(const WordMemo& memo) override {
    if (!make_cache_folders(m_dir)) {
      return;
    }
    std::string body(as_text(m_key));
    body += cache_detail::encode_words(memo);
    std::string bytes(k_magic);
    ByteWriter(bytes).u64(checksum(body));
    bytes += body;
    write_atomically(m_dir / "words", bytes);
  }

private:
  static constexpr std::string_view k_magic = "alw\x02";
  static constexpr std::size_t k_head = 4 + 8 + k_key;
  fs::path m_dir;
  Key m_key;
};

} // namespace

struct ResultCache::Impl {
  fs::path dir;
  Key settings{};
  std::size_t log_limit = ResultCache::k_log_limit;
  std::array<Log, 256> logs;
  StatTable table;
  std::once_flag folders_made;
  bool folders_ok = false;

  fs::path log_file(std::size_t shard) const {
    return dir / "results" / fmt::format("{:02x}", shard);
  }

  std::optional<std::string_view> record_of(const Key& key);
  void drop(const Key& key);

  // The caller holds the log's mutex.
  Log& loaded_log(const Key& key) {
    Log& log = logs[key[0]];
    if (!log.loaded) {
      log.loaded = true;
      FileStat stat;
      Fd in(open_regular(log_file(key[0]), &stat));
      if (in.fd >= 0 && stat.size > 0 && stat.size <= SIZE_MAX) {
        void* map = ::mmap(nullptr, static_cast<std::size_t>(stat.size), PROT_READ, MAP_PRIVATE,
                           in.fd, 0);
        // A log that cannot be mapped (a file system without mmap) reads as
        // empty: its answers are linted again and their results appended.
        if (map != MAP_FAILED) {
          log.map = static_cast<const char*>(map);
          index_log(log, std::string_view(log.map, static_cast<std::size_t>(stat.size)));
        }
      }
    }
    return log;
  }

  void load_table() {
    std::call_once(table.loaded, [this] {
      std::string bytes;
      FileStat stat;
      if (read_whole(dir / "paths", bytes, &stat)) {
        table.records = parse_table(bytes);
        table.mtime_ns = stat.mtime_ns;
      }
    });
  }

  void save_table() {
    if (table.fresh.empty()) {
      return;
    }
    load_table();
    PathRecords merged = table.records.size() + table.fresh.size() > k_max_paths
                             ? PathRecords()
                             : std::move(table.records);
    for (auto& [path, record] : table.fresh) {
      merged.insert_or_assign(path, record);
    }
    write_atomically(dir / "paths", format_table(merged));
  }

  bool make_folders() {
    std::call_once(folders_made, [this] { folders_ok = make_cache_folders(dir); });
    return folders_ok;
  }

  // Appends a log's new records early (see k_flush_size); the caller holds
  // the log's mutex.
  void flush(Log& log, std::size_t shard) {
    if (log.fresh.size() < k_flush_size || !appendable(log, log_limit) || !make_folders()) {
      return;
    }
    if (append(log_file(shard), log.fresh)) {
      log.appended += log.fresh.size();
    }
    log.fresh.clear(); // a failed append loses entries, never correctness
    log.fresh.shrink_to_fit();
  }
};

std::optional<FileStat> stat_file(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return std::nullopt;
  }
  return from_stat(info);
}

std::int64_t now_ns() {
  struct timespec now {};
  ::clock_gettime(CLOCK_REALTIME, &now);
  return to_ns(now);
}

fs::path default_cache_dir(const Selection& selection) {
  std::error_code ec;
  fs::path start = fs::current_path(ec);
  if (selection.source == Source::paths && !selection.paths.empty()) {
    // The folder whose repository the walk reads (see select_answers).
    const fs::path& first = selection.paths.front();
    fs::path folder = fs::is_directory(first, ec) ? first : first.parent_path();
    start = fs::absolute(folder.empty() ? fs::path(".") : folder, ec);
  }
  if (auto common = git::Repo::common_dir_at(start.empty() ? fs::path(".") : start)) {
    return *common / "answerlint" / "cache";
  }
  // NOLINTNEXTLINE(concurrency-mt-unsafe): read before any thread starts.
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && fs::path(xdg).is_absolute()) {
    return fs::path(xdg) / "answerlint";
  }
  // NOLINTNEXTLINE(concurrency-mt-unsafe): read before any thread starts.
  const char* home = std::getenv("HOME");
  if (home != nullptr && fs::path(home).is_absolute()) {
    return fs::path(home) / ".cache" / "answerlint";
  }
  return {};
}

std::unique_ptr<ResultCache> ResultCache::open(const fs::path& dir, const Config& config,
                                               std::size_t log_limit) {
  std::optional<Key> settings = settings_key(config);
  if (dir.empty() || !settings) {
    return nullptr;
  }
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->settings = *settings;
  impl->log_limit = log_limit;
  return std::unique_ptr<ResultCache>(new ResultCache(std::move(impl)));
}

ResultCache::ResultCache(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
ResultCache::~ResultCache() = default;

std::optional<git::ObjectId> ResultCache::known_blob(const std::string& path,
                                                     const FileStat& stat) {
  m_impl->load_table();
  const StatTable& table = m_impl->table;
  auto it = table.records.find(path);
  if (it == table.records.end() || !(it->second.stat == stat) || stat.mtime_ns >= table.mtime_ns) {
    return std::nullopt;
  }
  return it->second.blob;
}

void ResultCache::remember_blob(const std::string& path, const FileStat& stat,
                                const git::ObjectId& blob, std::int64_t read_start_ns) {
  if (stat.mtime_ns > read_start_ns - k_racy_ns) {
    return;
  }
  std::lock_guard lock(m_impl->table.mutex);
  m_impl->table.fresh.insert_or_assign(path, PathRecord{stat, blob});
}

// The record of `key` whose checksum holds, marked used; a damaged one is
// dropped and its log rewritten.
std::optional<std::string_view> ResultCache::Impl::record_of(const Key& key) {
  Log& log = logs[key[0]];
  Record record;
  {
    std::lock_guard lock(log.mutex);
    loaded_log(key);
    auto it = log.index.find(key);
    if (it == log.index.end()) {
      return std::nullopt;
    }
    log.records[it->second].used = true;
    record = log.records[it->second];
  }
  // The mapping is read-only: reading it needs no lock.
  if (std::optional<std::string_view> bytes = read_record(log, record)) {
    return bytes;
  }
  drop(key);
  return std::nullopt;
}

void ResultCache::Impl::drop(const Key& key) {
  Log& log = logs[key[0]];
  std::lock_guard lock(log.mutex);
  log.index.erase(key);
  log.damaged = true;
}

std::optional<std::vector<Finding>> ResultCache::find(std::string_view relative_path,
                                                      const git::ObjectId& blob) {
  const Key key = result_key(m_impl->settings, relative_path, blob);
  std::optional<std::string_view> bytes = m_impl->record_of(key);
  if (!bytes) {
    return std::nullopt;
  }
  std::optional<std::vector<Finding>> findings =
      cache_detail::decode_findings(bytes->substr(k_header));
  if (!findings) {
    m_impl->drop(key); // a good checksum on a bad payload
  }
  return findings;
}

bool ResultCache::contains(std::string_view relative_path, const git::ObjectId& blob) {
  return m_impl->record_of(result_key(m_impl->settings, relative_path, blob)).has_value();
}

void ResultCache::store(std::string_view relative_path, const git::ObjectId& blob,
                        const std::vector<Finding>& findings) {
  const Key key = result_key(m_impl->settings, relative_path, blob);
  std::string record = make_record(key, cache_detail::encode_findings(findings));
  Log& log = m_impl->logs[key[0]];
  std::lock_guard lock(log.mutex);
  m_impl->loaded_log(key);
  log.fresh += record;
  m_impl->flush(log, key[0]);
}

std::shared_ptr<WordStore> ResultCache::word_store() {
  return std::make_shared<WordFile>(m_impl->dir);
}

void ResultCache::save() noexcept {
  try {
    Impl& impl = *m_impl;
    const bool dirty = !impl.table.fresh.empty() ||
                       std::any_of(impl.logs.begin(), impl.logs.end(), [](const Log& log) {
                         return !log.fresh.empty() || log.damaged;
                       });
    if (!dirty || !impl.make_folders()) {
      return;
    }
    for (std::size_t shard = 0; shard < impl.logs.size(); ++shard) {
      save_log(impl.logs[shard], impl.log_file(shard), impl.log_limit);
    }
    impl.save_table();
  } catch (const std::exception&) {
    // Out of memory, or a file system error fs:: reports by throwing: the
    // cache is an optimisation, and the run's findings are already right.
  }
}

} // namespace answerlint
