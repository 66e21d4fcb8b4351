// End-to-end: the results cache as a user meets it. Where it lives, that a
// second run prints exactly what the first did, that --no-cache leaves no
// trace, and that a damaged cache or concurrent runs change nothing.
#include "git/git_fixture.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>

namespace answerlint {
namespace {

namespace fs = std::filesystem;
using test::k_git;
using test::run_answerlint;

constexpr std::string_view k_story = R"md(### Situation

Basically, checkout took 2 seconds at the peak and we did not recieve alerts.

### Result

p95 fell from 2 s to 300 ms, and TODO add the revenue figure.
)md";

constexpr const char* k_env = "GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null NO_COLOR=1";

class CacheCli : public test::GitTest {
protected:
  void SetUp() override {
    GitTest::SetUp();
    init_repo(
        {{"stories/a.md", std::string(k_story)}, {"technical/b.md", "# B\n\nKind of TBD.\n"}});
  }
  fs::path repo() const { return root() / "repo"; }
  fs::path cache() const { return repo() / ".git/answerlint/cache"; }
  test::RunResult lint(const std::string& args, const fs::path& dir,
                       const std::string& env = "") const {
    return run_answerlint(args, dir, fmt::format("{} {}", k_env, env));
  }
};

TEST_F(CacheCli, ASecondRunPrintsExactlyTheSameAndTheCacheIsInTheGitDir) {
  test::RunResult cold = lint("check --format json", repo());
  ASSERT_NE(cold.exit_code, 2) << cold.err;
  EXPECT_TRUE(test::contains(cold.out, "filler-words"));
  // No stat records yet: the answers were written within two seconds (racy).
  EXPECT_TRUE(fs::is_directory(cache() / "results"));
  EXPECT_TRUE(fs::is_regular_file(cache() / "CACHEDIR.TAG"));

  test::RunResult warm = lint("check --format json", repo());
  EXPECT_EQ(warm.exit_code, cold.exit_code);
  EXPECT_EQ(warm.out, cold.out);
  EXPECT_EQ(warm.err, cold.err);
  // The text format shows source lines: they come back from the cache too.
  EXPECT_EQ(lint("check", repo()).out, lint("check --no-cache", repo()).out);
  // git status stays clean: the cache is inside .git.
  EXPECT_EQ(test::sh_output(repo(), std::string(k_git) + " status --porcelain"), "");

  // Answers older than the racy window get stat records.
  ASSERT_EQ(test::sh(repo(), "touch -d '1 hour ago' stories/a.md technical/b.md"), 0);
  EXPECT_EQ(lint("check --format json", repo()).out, cold.out);
  EXPECT_TRUE(fs::is_regular_file(cache() / "paths"));
  EXPECT_EQ(lint("check --format json", repo()).out, cold.out);
}

TEST_F(CacheCli, NoCacheLeavesNoTrace) {
  test::RunResult plain = lint("check --no-cache --format json", repo());
  EXPECT_FALSE(fs::exists(repo() / ".git/answerlint"));
  test::RunResult cached = lint("check --format json", repo());
  EXPECT_EQ(plain.out, cached.out);
  EXPECT_EQ(plain.exit_code, cached.exit_code);
}

TEST_F(CacheCli, AChangedAnswerShowsItsNewFindings) {
  lint("check", repo());
  write("repo/technical/b.md", "# B\n\nA clear answer.\n");
  test::RunResult after = lint("check --format json", repo());
  EXPECT_EQ(after.out, lint("check --no-cache --format json", repo()).out);
  EXPECT_EQ(after.out.find("TBD"), std::string::npos);
}

TEST_F(CacheCli, ADamagedCacheIsNeverAnError) {
  test::RunResult expected = lint("check --format json", repo());
  for (const auto& entry : fs::recursive_directory_iterator(cache())) {
    if (entry.is_regular_file()) {
      std::ofstream(entry.path(), std::ios::binary | std::ios::trunc) << "not a cache \x01\x02";
    }
  }
  test::RunResult damaged = lint("check --format json", repo());
  EXPECT_EQ(damaged.exit_code, expected.exit_code) << damaged.err;
  EXPECT_EQ(damaged.out, expected.out);
  EXPECT_EQ(damaged.err, expected.err);

  // A cache folder that cannot be used at all: a file where it should be.
  fs::remove_all(repo() / ".git/answerlint");
  std::ofstream(repo() / ".git/answerlint") << "in the way";
  test::RunResult blocked = lint("check --format json", repo());
  EXPECT_EQ(blocked.exit_code, expected.exit_code) << blocked.err;
  EXPECT_EQ(blocked.out, expected.out);
}

TEST_F(CacheCli, ConcurrentRunsAllPrintTheSame) {
  test::RunResult expected = lint("check --no-cache --format json", repo());
  for (int i = 0; i < 20; ++i) {
    write(fmt::format("repo/technical/more-{:02}.md", i),
          fmt::format("# {}\n\nBasically {}.\n", i, i));
  }
  expected = lint("check --no-cache --format json", repo());
  const fs::path outputs = root() / "outputs";
  fs::create_directories(outputs);
  std::string command;
  for (int i = 0; i < 6; ++i) {
    command += fmt::format("{} {} check --format json > {}/{} 2>&1 & ", k_env, ANSWERLINT_BINARY,
                           outputs.string(), i);
  }
  ASSERT_EQ(test::sh(repo(), command + "wait"), 0);
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(test::read_file(outputs / std::to_string(i)), expected.out) << "run " << i;
  }
  EXPECT_EQ(lint("check --format json", repo()).out, expected.out);
}

TEST_F(CacheCli, OutsideARepositoryTheXdgCacheIsUsed) {
  const fs::path folder = root() / "loose";
  write("loose/a.md", k_story);
  const fs::path xdg = root() / "xdg";
  test::RunResult cold =
      lint("check --format json", folder, fmt::format("XDG_CACHE_HOME={}", test::quote(xdg)));
  EXPECT_TRUE(fs::is_directory(xdg / "answerlint/results")) << cold.err;
  test::RunResult warm =
      lint("check --format json", folder, fmt::format("XDG_CACHE_HOME={}", test::quote(xdg)));
  EXPECT_EQ(warm.out, cold.out);

  // Without XDG_CACHE_HOME: ~/.cache/answerlint.
  const fs::path home = root() / "home";
  fs::create_directories(home);
  lint("check", folder, fmt::format("HOME={} XDG_CACHE_HOME=", test::quote(home)));
  EXPECT_TRUE(fs::is_directory(home / ".cache/answerlint/results"));
}

} // namespace
} // namespace answerlint
