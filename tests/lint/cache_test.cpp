// The results cache through run_check: what a warm run reads, what
// invalidates a result, and that damaged or concurrent caches change nothing
// but speed.

#include "config/config.hpp"
#include "git/git_fixture.hpp"
#include "git/object_id.hpp"
#include "lint/cache.hpp"
#include "lint/cache_codec.hpp"
#include "lint/runner.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

namespace answerlint {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

constexpr std::string_view k_config = R"toml(
[kinds]
behavioral = ["stories/**"]

[rules.length]
min_words = 1
)toml";

constexpr std::string_view k_story = R"md(---
question: "Tell me about a slow checkout."
---
# A slow checkout

### Situation

Basically, checkout took 2 seconds at the peak and we did not recieve alerts.

### Action

I profiled the service with Redis metrics and moved the cart reads to a replica.

### Result

p95 fell from 2 s to 300 ms, and TODO add the revenue figure.
)md";

constexpr std::string_view k_technical = R"md(# How does a B-tree index work?

It keeps keys sorted in pages, so a lookup reads a few pages. To be honest, I guess
it is kind of like a phone book.

```sql
SELECT * FROM orders WHERE id = 42
```
)md";

// Every field of a finding, for comparing runs.
std::string describe(const Finding& f) {
  return fmt::format("{}|{}-{}|{}:{}-{}:{}|{}|{}|{}|{}|{}", f.path, f.span.begin, f.span.end,
                     f.span.line, f.span.column, f.span.end_line, f.span.end_column, f.rule,
                     to_string(f.severity), f.message, f.kind, f.source_line);
}

std::vector<std::string> describe(const Report& report) {
  std::vector<std::string> out;
  for (const Finding& finding : report.findings) {
    out.push_back(describe(finding));
  }
  return out;
}

// Files an hour old: a file written within ResultCache::k_racy_ns of the run
// is read again on the next one, by design.
void age(const fs::path& file) {
  fs::last_write_time(file, fs::file_time_type::clock::now() - std::chrono::hours(1));
}

std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      files[entry.path().string()] = test::read_file(entry.path());
    }
  }
  return files;
}

class ResultCacheTest : public ::testing::Test {
protected:
  void SetUp() override {
    write("stories/slow-checkout.md", k_story);
    write("technical/btree.md", k_technical);
    write("technical/empty.md", "");
    write_config(k_config);
  }

  fs::path portfolio() const { return m_tmp.path() / "portfolio"; }
  fs::path cache_dir() const { return m_tmp.path() / "cache"; }

  void write(const std::string& relative, std::string_view content) const {
    age(m_tmp.write("portfolio/" + relative, content));
  }
  void write_config(std::string_view text) {
    m_config = load_config_text(text, portfolio() / "answerlint.toml");
  }

  Report run(bool use_cache = true, unsigned threads = 2) const {
    RunOptions options;
    options.selection.paths = {portfolio()};
    options.threads = threads;
    options.use_cache = use_cache;
    options.cache_dir = cache_dir();
    return run_check(*m_config, options);
  }

  // The findings a run without any cache gives: what every cached run must give.
  std::vector<std::string> truth() const { return describe(run(false)); }

  std::unique_ptr<Config> m_config;
  TempDir m_tmp;
};

TEST_F(ResultCacheTest, AWarmRunReadsNoMarkdownAndFindsTheSame) {
  Report cold = run();
  EXPECT_EQ(cold.files_read, 3);
  ASSERT_FALSE(cold.findings.empty());
  EXPECT_EQ(describe(cold), truth());

  Report warm = run();
  EXPECT_EQ(warm.files_read, 0);
  EXPECT_EQ(warm.files_checked, 3);
  EXPECT_EQ(describe(warm), describe(cold));
  EXPECT_TRUE(fs::is_regular_file(cache_dir() / "paths"));
  EXPECT_TRUE(fs::is_directory(cache_dir() / "results"));
}

TEST_F(ResultCacheTest, AWarmRunWritesNothing) {
  run();
  std::map<std::string, std::string> before = snapshot(cache_dir());
  auto stamp = fs::last_write_time(cache_dir() / "paths");
  run();
  EXPECT_EQ(snapshot(cache_dir()), before);
  EXPECT_EQ(fs::last_write_time(cache_dir() / "paths"), stamp);
}

TEST_F(ResultCacheTest, AFileWrittenJustNowIsReadAgainNextTime) {
  m_tmp.write("portfolio/technical/fresh.md", k_technical); // not aged: racy
  run();
  Report second = run();
  EXPECT_EQ(second.files_read, 1);
  EXPECT_EQ(describe(second), truth());
}

TEST_F(ResultCacheTest, AChangedAnswerIsLintedAgain) {
  run();
  std::string changed(k_story);
  changed.replace(changed.find("Basically, "), 11, "");
  write("stories/slow-checkout.md", changed);

  Report after = run();
  EXPECT_EQ(after.files_read, 1);
  EXPECT_EQ(describe(after), truth());
  for (const std::string& finding : describe(after)) {
    EXPECT_EQ(finding.find("'Basically'"), std::string::npos) << finding;
  }
}

TEST_F(ResultCacheTest, AChangedConfigInvalidatesEveryResult) {
  Report before = run();
  write_config(std::string(k_config) + "\n[rules.filler-words]\nseverity = \"off\"\n");
  Report after = run();
  EXPECT_EQ(after.files_read, 3);
  EXPECT_EQ(describe(after), truth());
  EXPECT_NE(describe(after), describe(before));
}

TEST_F(ResultCacheTest, TheSameBytesUnderAnotherPathAreLintedForThatPath) {
  run();
  // Same blob, but stories/** makes it behavioral: the relative path is in the key.
  write("stories/btree-copy.md", k_technical);
  Report after = run();
  EXPECT_EQ(describe(after), truth());
  bool behavioral = false;
  for (const Finding& finding : after.findings) {
    behavioral =
        behavioral || (finding.path.ends_with("btree-copy.md") && finding.kind == "behavioral");
  }
  EXPECT_TRUE(behavioral);
}

TEST_F(ResultCacheTest, AChangedWordsFileInvalidates) {
  const fs::path words = m_tmp.write("words.txt", "# none yet\n");
  const std::string config =
      fmt::format("{}\n[rules.spelling]\nwords_file = \"{}\"\n", k_config, words.string());
  write_config(config);
  Report before = run();
  auto flags_recieve = [](const Report& report) {
    for (const Finding& finding : report.findings) {
      if (finding.rule == "spelling" && finding.message.find("'recieve'") != std::string::npos) {
        return true;
      }
    }
    return false;
  };
  ASSERT_TRUE(flags_recieve(before));

  // Same config text, so the same config digest: only the words file changed.
  m_tmp.write("words.txt", "recieve\n");
  write_config(config);
  Report after = run();
  EXPECT_EQ(after.files_read, 3);
  EXPECT_FALSE(flags_recieve(after));
  EXPECT_EQ(describe(after), truth());
}

TEST_F(ResultCacheTest, TheDictionarysVerdictsAreKeptForTheNextRun) {
  // A made-up word no other test judges: this run is the first to see it.
  write("technical/made-up.md", "# Qzvxcached\n\nWe qzvxcached every page.\n");
  run();
  std::unique_ptr<ResultCache> cache = ResultCache::open(cache_dir(), *m_config);
  ASSERT_TRUE(cache);
  std::optional<WordMemo> memo = cache->word_store()->load();
  ASSERT_TRUE(memo);
  EXPECT_EQ(memo->verdicts.at("recieve"), (WordVerdict{false, -1}));
  EXPECT_EQ(memo->suggestions.at("recieve").front(), "receive");
  EXPECT_FALSE(memo->verdicts.at("qzvxcached").known);
  // Words of the en_US list need no memo: they are known without hunspell.
  EXPECT_FALSE(memo->verdicts.contains("profiled"));

  // Another build or dictionary would judge differently: a memo under
  // another key is not used, even with a good checksum.
  std::string bytes = test::read_file(cache_dir() / "words");
  bytes[12] = static_cast<char>(~bytes[12]); // the first byte of the key
  std::string head = bytes.substr(0, 4);
  cache_detail::ByteWriter(head).u64(cache_detail::checksum(std::string_view(bytes).substr(12)));
  std::ofstream(cache_dir() / "words", std::ios::binary | std::ios::trunc)
      << head << bytes.substr(12);
  EXPECT_FALSE(cache->word_store()->load());
}

TEST_F(ResultCacheTest, ACorruptCacheIsIgnoredAndRewritten) {
  std::vector<std::string> expected = describe(run());
  // Flip bytes in the middle of every log and the stat table.
  for (const auto& [path, bytes] : snapshot(cache_dir())) {
    std::string damaged = bytes;
    for (std::size_t i = damaged.size() / 3; i < damaged.size() / 3 + 8 && i < damaged.size();
         ++i) {
      damaged[i] = static_cast<char>(~damaged[i]);
    }
    std::ofstream(path, std::ios::binary | std::ios::trunc) << damaged;
  }
  Report damaged = run();
  EXPECT_EQ(damaged.files_read, 3);
  EXPECT_EQ(describe(damaged), expected);

  Report repaired = run();
  EXPECT_EQ(repaired.files_read, 0);
  EXPECT_EQ(describe(repaired), expected);
}

TEST_F(ResultCacheTest, ATruncatedCacheIsIgnoredAndRewritten) {
  std::vector<std::string> expected = describe(run());
  for (const auto& [path, bytes] : snapshot(cache_dir())) {
    fs::resize_file(path, bytes.size() - std::min<std::size_t>(bytes.size(), 7));
  }
  EXPECT_EQ(describe(run()), expected);
  Report repaired = run();
  EXPECT_EQ(repaired.files_read, 0);
  EXPECT_EQ(describe(repaired), expected);
}

TEST_F(ResultCacheTest, GarbageInTheCacheFolderChangesNothing) {
  fs::create_directories(cache_dir() / "results");
  std::string garbage(5000, '\0');
  for (std::size_t i = 0; i < garbage.size(); ++i) {
    garbage[i] = static_cast<char>((i * 7919) % 251);
  }
  for (int shard = 0; shard < 256; ++shard) {
    std::ofstream(cache_dir() / "results" / fmt::format("{:02x}", shard), std::ios::binary)
        << "alr\x02" << garbage;
  }
  std::ofstream(cache_dir() / "paths", std::ios::binary) << "alstat1\n" << garbage;
  EXPECT_EQ(describe(run()), truth());
  Report warm = run();
  EXPECT_EQ(warm.files_read, 0);
  EXPECT_EQ(describe(warm), truth());
}

TEST_F(ResultCacheTest, NoCacheNeitherReadsNorWrites) {
  Report uncached = run(false);
  EXPECT_FALSE(fs::exists(cache_dir()));
  EXPECT_EQ(uncached.files_read, 3);

  run();
  std::map<std::string, std::string> before = snapshot(cache_dir());
  Report again = run(false);
  EXPECT_EQ(again.files_read, 3);
  EXPECT_EQ(describe(again), describe(uncached));
  EXPECT_EQ(snapshot(cache_dir()), before);
}

TEST_F(ResultCacheTest, ConcurrentRunsNeverCorruptIt) {
  std::vector<std::string> expected = truth();
  for (int round = 0; round < 3; ++round) {
    std::vector<std::vector<std::string>> seen(4);
    {
      std::vector<std::jthread> runs;
      for (std::size_t i = 0; i < seen.size(); ++i) {
        runs.emplace_back([this, &seen, i] { seen[i] = describe(run(true, 1)); });
      }
    }
    for (const auto& findings : seen) {
      EXPECT_EQ(findings, expected);
    }
    write("technical/round.md", fmt::format("# Round {}\n\nRound {} basically.\n", round, round));
    expected = truth();
  }
  run();
  Report settled = run();
  EXPECT_EQ(settled.files_read, 0);
  EXPECT_EQ(describe(settled), truth());
}

// What a selection from git asks before leaving a blob unread: a whole
// record, under this path; a damaged one is not one.
TEST_F(ResultCacheTest, ContainsOnlyWholeRecordsOfThatPath) {
  Finding finding;
  finding.rule = "length";
  finding.message = "too long";
  finding.kind = "answer";
  const git::ObjectId blob = git::blob_id("an answer\n");
  {
    auto cache = ResultCache::open(cache_dir(), *m_config);
    EXPECT_FALSE(cache->contains("a.md", blob));
    cache->store("a.md", blob, {finding});
    cache->save();
  }
  {
    auto cache = ResultCache::open(cache_dir(), *m_config);
    EXPECT_TRUE(cache->contains("a.md", blob));
    EXPECT_FALSE(cache->contains("b.md", blob));
    EXPECT_FALSE(cache->contains("a.md", git::blob_id("another answer\n")));
    ASSERT_TRUE(cache->find("a.md", blob));
    EXPECT_EQ(cache->find("a.md", blob)->front().message, "too long");
  }
  // The message's bytes flipped in every log: the checksum no longer holds.
  for (const auto& [path, bytes] : snapshot(cache_dir() / "results")) {
    std::string damaged = bytes;
    if (std::size_t at = damaged.find("too long"); at != std::string::npos) {
      damaged[at] = 'T';
      std::ofstream(path, std::ios::binary | std::ios::trunc) << damaged;
    }
  }
  auto cache = ResultCache::open(cache_dir(), *m_config);
  EXPECT_FALSE(cache->contains("a.md", blob));
  EXPECT_FALSE(cache->find("a.md", blob));
}

TEST_F(ResultCacheTest, ALogOverItsLimitKeepsWhatThisRunUsesAndAdds) {
  constexpr std::size_t k_limit = 1000;
  constexpr int k_blobs = 2000; // about 8 records of ~400 bytes per log
  auto findings_of = [](int i) {
    Finding finding;
    finding.rule = "length";
    finding.message = fmt::format("answer {}", i);
    finding.kind = "answer";
    finding.source_line = std::string(300, 'x');
    return std::vector<Finding>{finding};
  };
  auto blob = [](int i) { return git::blob_id(fmt::format("answer {}", i)); };
  auto cached = [&](ResultCache& cache, int i) {
    std::optional<std::vector<Finding>> found = cache.find("a.md", blob(i));
    return found && found->size() == 1 && found->front().message == fmt::format("answer {}", i);
  };
  {
    auto cache = ResultCache::open(cache_dir(), *m_config, k_limit);
    for (int i = 0; i < k_blobs; ++i) {
      cache->store("a.md", blob(i), findings_of(i));
    }
    cache->save();
  }
  {
    // Uses the first ten, adds ten: the logs they touch are over the limit.
    auto cache = ResultCache::open(cache_dir(), *m_config, k_limit);
    for (int i = 0; i < 10; ++i) {
      EXPECT_TRUE(cached(*cache, i)) << i;
      cache->store("a.md", blob(k_blobs + i), findings_of(k_blobs + i));
    }
    cache->save();
  }
  auto cache = ResultCache::open(cache_dir(), *m_config, k_limit);
  int kept = 0;
  for (int i = 0; i < k_blobs; ++i) {
    kept += cached(*cache, i) ? 1 : 0;
  }
  for (int i = 0; i < 10; ++i) {
    EXPECT_TRUE(cached(*cache, i)) << "used, then evicted: " << i;
    EXPECT_TRUE(cached(*cache, k_blobs + i)) << "added, then lost: " << i;
  }
  EXPECT_LT(kept, k_blobs);     // the rewritten logs dropped unused records
  EXPECT_GT(kept, k_blobs / 2); // and only those logs, down to about the limit
}

// ---- Blobs from git ---------------------------------------------------------

class ScopedCwd {
public:
  explicit ScopedCwd(const fs::path& dir) : m_old(fs::current_path()) { fs::current_path(dir); }
  ~ScopedCwd() { fs::current_path(m_old); }
  ScopedCwd(const ScopedCwd&) = delete;
  ScopedCwd& operator=(const ScopedCwd&) = delete;

private:
  fs::path m_old;
};

class GitResultCache : public test::GitTest {};

TEST_F(GitResultCache, StagedBlobsAreNotReadTwiceAndTheCacheLivesInTheGitDir) {
  init_repo({{"answerlint.toml", std::string(k_config)}});
  write("repo/stories/a.md", k_story);
  write("repo/technical/b.md", k_technical);
  git("add -A");
  ScopedCwd cwd(root() / "repo");
  auto config = load_config(root() / "repo/answerlint.toml");
  RunOptions options;
  options.selection.source = Source::staged;

  Report cold = run_check(*config, options);
  EXPECT_EQ(cold.files_read, 2);
  EXPECT_TRUE(fs::is_directory(root() / "repo/.git/answerlint/cache/results"));
  Report warm = run_check(*config, options);
  EXPECT_EQ(warm.files_read, 0);
  EXPECT_EQ(describe(warm), describe(cold));

  // The working tree holds the same bytes: found by blob id, not linted again.
  options.selection.source = Source::paths;
  Report disk = run_check(*config, options);
  EXPECT_EQ(disk.files_checked, 2);
  options.use_cache = false;
  EXPECT_EQ(describe(disk), describe(run_check(*config, options)));
}

TEST_F(GitResultCache, ALinkedWorktreeSharesTheCache) {
  init_repo({{"answerlint.toml", std::string(k_config)}, {"stories/a.md", std::string(k_story)}});
  git("worktree add -q ../other");
  std::optional<fs::path> main_dir = git::Repo::common_dir_at(root() / "repo");
  std::optional<fs::path> linked_dir = git::Repo::common_dir_at(root() / "other");
  ASSERT_TRUE(main_dir && linked_dir);
  EXPECT_EQ(fs::canonical(*main_dir), fs::canonical(*linked_dir));
  Selection selection;
  selection.paths = {root() / "other"};
  EXPECT_EQ(fs::weakly_canonical(default_cache_dir(selection)),
            fs::canonical(root() / "repo/.git") / "answerlint" / "cache");
}

// ---- The bytes ----------------------------------------------------------------

TEST(ResultCacheCodec, FindingsRoundTripExactly) {
  Finding a;
  a.span = {10, 25, 3, 4, 3, 19};
  a.rule = "spelling";
  a.severity = Severity::info;
  a.message = "'recieve' is not in the dictionary: did you mean 'receive'?";
  a.kind = "behavioral";
  a.source_line = "We did not recieve alerts \xE2\x80\x94 at all.";
  Finding b = a;
  b.span = {30, 30, 3, 24, 3, 24};
  b.rule = "filler-words";
  b.severity = Severity::error;
  Finding c;
  c.span = {0, 0, 1, 1, 1, 1};
  c.rule = "length";
  c.message = "";
  c.kind = "answer";
  c.source_line = "";
  std::vector<Finding> findings{a, b, c};

  std::string payload = cache_detail::encode_findings(findings);
  std::optional<std::vector<Finding>> back = cache_detail::decode_findings(payload);
  ASSERT_TRUE(back);
  ASSERT_EQ(back->size(), findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    EXPECT_EQ(describe((*back)[i]), describe(findings[i]));
  }
  // Every shorter or longer payload is refused, never misread.
  for (std::size_t size = 0; size < payload.size(); ++size) {
    EXPECT_FALSE(cache_detail::decode_findings(std::string_view(payload).substr(0, size))) << size;
  }
  EXPECT_FALSE(cache_detail::decode_findings(payload + "x"));
}

TEST(ResultCacheCodec, TheDictionaryMemoRoundTripsExactly) {
  WordMemo memo;
  memo.verdicts["receive"] = WordVerdict{true, -1};
  memo.verdicts["Kubernets"] = WordVerdict{false, 12};
  memo.suggestions["recieve"] = {"receive", "relieve"};
  memo.suggestions["qzvx"] = {};
  memo.suggestions["alot"] = {"a lot"};
  memo.english["Beacon"] = true;
  memo.english["Kafka"] = false;

  std::string payload = cache_detail::encode_words(memo);
  std::optional<WordMemo> back = cache_detail::decode_words(payload);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, memo);
  for (std::size_t size = 0; size < payload.size(); ++size) {
    EXPECT_FALSE(cache_detail::decode_words(std::string_view(payload).substr(0, size))) << size;
  }
  EXPECT_FALSE(cache_detail::decode_words(payload + "x"));
  EXPECT_TRUE(cache_detail::decode_words(cache_detail::encode_words(WordMemo{})));
}

TEST(ResultCacheCodec, BlobIdsAreGits) {
  // `printf 'hello\n' | git hash-object --stdin`
  EXPECT_EQ(git::to_hex(git::blob_id("hello\n")), "ce013625030ba8dba906f756967f9e9ca394464a");
  // `git hash-object /dev/null`
  EXPECT_EQ(git::to_hex(git::blob_id("")), "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  std::optional<git::ObjectId> parsed = git::parse_hex("CE013625030ba8dba906f756967f9e9ca394464a");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed, git::blob_id("hello\n"));
  EXPECT_FALSE(git::parse_hex("ce01"));
  EXPECT_FALSE(git::parse_hex("zz013625030ba8dba906f756967f9e9ca394464a"));
}

} // namespace
} // namespace answerlint
