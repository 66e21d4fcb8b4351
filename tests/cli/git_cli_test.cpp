// End-to-end: the real binary in real repositories, driven by real `git`
// (commits through the installed hook, branches, bare clones).
#include "git/git_fixture.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>

namespace answerlint {
namespace {

using test::contains;
using test::k_git;
using test::read_file;
using test::run_answerlint;

constexpr std::string_view k_config = R"toml(
[kinds]
behavioral = ["stories/**"]

[rules.required-sections]
kinds = ["behavioral"]
sections = ["Situation", "Result"]

# Quiet the rules these short answers would trip.
[rules.length]
min_words = 1

[rules.tools-named]
min = 0

[rules.tradeoffs]
kinds = ["technical"]
)toml";

constexpr std::string_view k_good = R"md(## Situation

Checkout answered in two seconds at the peak.

## Result

p95 fell from 2 s to 300 ms.
)md";

// The Result heading is gone: required-sections fails on line 1.
constexpr std::string_view k_bad = R"md(## Situation

Checkout answered in two seconds at the peak.
)md";

class GitCli : public test::GitTest {
protected:
  void SetUp() override {
    GitTest::SetUp();
    init_repo({{"answerlint.toml", std::string(k_config)}, {"stories/a.md", std::string(k_good)}});
  }
  std::filesystem::path repo() const { return root() / "repo"; }
  test::RunResult lint(const std::string& args, const std::string& dir = "repo") const {
    return run_answerlint(args, root() / dir, "GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null");
  }
  // `git ARGS` in the repository; its exit code, whatever it is.
  int git_status(const std::string& args) const {
    return test::sh(repo(), fmt::format("{} {}", k_git, args));
  }
  std::string head() const { return test::sh_output(repo(), fmt::format("{} rev-parse HEAD", k_git)); }
};

TEST_F(GitCli, StagedJudgesTheIndexNotTheWorkingTree) {
  write("repo/stories/a.md", k_bad);
  git("add stories/a.md");
  write("repo/stories/a.md", k_good); // fixed on disk, not staged
  auto staged = lint("check --staged --format concise");
  EXPECT_EQ(staged.exit_code, 1) << staged.out << staged.err;
  EXPECT_TRUE(contains(staged.out, "stories/a.md:1:1: error[required-sections] Result"));
  EXPECT_EQ(lint("check").exit_code, 0);
  EXPECT_EQ(read_file(repo() / "stories/a.md"), k_good); // never touched
}

TEST_F(GitCli, StagedLintsOnlyStagedAnswersAndPathsAreFromTheCwd) {
  write("repo/stories/b.md", k_bad); // untracked: not staged, not linted
  write("repo/stories/c.md", k_good);
  git("add stories/c.md");
  auto clean = lint("check --staged --format json", "repo/stories");
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  EXPECT_EQ(nlohmann::json::parse(clean.out)["files_checked"], 1);
  git("add stories/b.md");
  auto bad = lint("check --staged --format concise", "repo/stories");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_TRUE(contains(bad.out, "b.md:1:1: error[required-sections]"));
  EXPECT_FALSE(contains(bad.out, "stories/b.md"));
}

TEST_F(GitCli, GitSourcesOutsideARepositoryExitTwo) {
  write("plain/stories/a.md", k_good);
  auto run = lint("check --staged", "plain");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "--staged reads git, but"));
  EXPECT_TRUE(contains(run.err, "is not inside a git repository"));
  EXPECT_EQ(lint("check --staged --since main", "repo").exit_code, 2); // exclusive options
}

TEST_F(GitCli, HookStopsABadCommitInEveryWayOfCommitting) {
  auto install = lint("hook install");
  ASSERT_EQ(install.exit_code, 0) << install.err;
  std::string before = head();

  // git commit: GIT_INDEX_FILE is the relative .git/index.
  write("repo/stories/b.md", k_bad);
  git("add stories/b.md");
  EXPECT_NE(git_status("commit -q -m bad"), 0);
  EXPECT_EQ(head(), before);

  // git commit -a: the hook reads .git/index.lock.
  git("reset -q");
  write("repo/stories/a.md", k_bad);
  EXPECT_NE(git_status("commit -q -a -m bad"), 0);
  EXPECT_EQ(head(), before);

  // git commit PATH: a temporary next-index-*.lock.
  EXPECT_NE(git_status("commit -q -m bad stories/a.md"), 0);
  EXPECT_EQ(head(), before);

  // --no-verify bypasses it; a good answer passes it.
  EXPECT_EQ(git_status("commit -q --no-verify -m bypass stories/a.md"), 0);
  write("repo/stories/a.md", k_good);
  EXPECT_EQ(git_status("commit -q -m good stories/a.md"), 0);
  EXPECT_NE(head(), before);
}

TEST_F(GitCli, HookPassesGoodStagedContentWhateverTheWorkingTreeHolds) {
  ASSERT_EQ(lint("hook install").exit_code, 0);
  write("repo/stories/b.md", k_good);
  git("add stories/b.md");
  write("repo/stories/b.md", k_bad); // not staged: not what the commit holds
  std::string before = head();
  EXPECT_EQ(git_status("commit -q -m good"), 0);
  EXPECT_NE(head(), before);
  EXPECT_EQ(read_file(repo() / "stories/b.md"), k_bad); // left as it was
}

TEST_F(GitCli, AChainedHookRunsFirstAndItsFailureStopsTheCommit) {
  write("repo/.git/hooks/pre-commit", "#!/bin/sh\necho ran >> chained.log\nexit \"${FAIL:-0}\"\n");
  std::filesystem::permissions(repo() / ".git/hooks/pre-commit", std::filesystem::perms::owner_all);
  ASSERT_EQ(lint("hook install --chain").exit_code, 0);
  write("repo/stories/b.md", k_good);
  git("add stories/b.md");
  std::string before = head();
  EXPECT_NE(test::sh(repo(), "FAIL=3 " + std::string(k_git) + " commit -q -m x"), 0);
  EXPECT_EQ(head(), before);
  EXPECT_EQ(git_status("commit -q -m x"), 0);
  EXPECT_EQ(read_file(repo() / "chained.log"), "ran\nran\n");
}

TEST_F(GitCli, HookInstallRefusesAForeignHookUnlessChainedAndUninstallRestoresIt) {
  std::filesystem::path hook = repo() / ".git/hooks/pre-commit";
  write("repo/.git/hooks/pre-commit", "#!/bin/sh\nexit 0\n");
  std::filesystem::permissions(hook, std::filesystem::perms::owner_all);
  auto refused = lint("hook install");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_TRUE(contains(refused.err, "--chain"));
  ASSERT_EQ(lint("hook install --chain").exit_code, 0);
  EXPECT_TRUE(contains(read_file(hook), "answerlint pre-commit hook"));
  ASSERT_EQ(lint("hook uninstall").exit_code, 0);
  EXPECT_EQ(read_file(hook), "#!/bin/sh\nexit 0\n");
}

TEST_F(GitCli, SinceLintsWhatChangedIncludingUncommittedWork) {
  write("repo/stories/b.md", k_bad);
  git("add -A");
  git("commit -q -m b");
  git("checkout -q -b topic");
  write("repo/stories/c.md", k_bad); // untracked on the branch
  auto run = lint("check --since main --format concise");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_TRUE(contains(run.out, "stories/c.md"));
  EXPECT_FALSE(contains(run.out, "stories/b.md")); // unchanged since main
  auto unknown = lint("check --since no-such-branch");
  EXPECT_EQ(unknown.exit_code, 2);
}

TEST_F(GitCli, RevReadsTheObjectDatabaseEvenInABareRepository) {
  write("repo/stories/a.md", k_bad);
  git("commit -q -a --no-verify -m bad");
  write("repo/stories/a.md", k_good); // the working tree is not what --rev reads
  auto run = lint("check --rev HEAD --format concise");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(contains(run.out, "stories/a.md:1:1: error[required-sections]"));
  EXPECT_EQ(lint("check --rev HEAD~1").exit_code, 0);

  git("clone -q --bare repo bare.git", ".");
  auto bare = lint("check --rev HEAD --config ../repo/answerlint.toml --format concise", "bare.git");
  EXPECT_EQ(bare.exit_code, 1) << bare.err;
  EXPECT_TRUE(contains(bare.out, "stories/a.md:1:1: error[required-sections]"));
}

TEST_F(GitCli, PlainCheckSkipsWhatGitIgnores) {
  write("repo/.gitignore", "stories/private/\nstories/*.local.md\n");
  write("repo/stories/private/x.md", k_bad);
  write("repo/stories/y.local.md", k_bad);
  auto run = lint("check --format json");
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_EQ(nlohmann::json::parse(run.out)["files_checked"], 1);
  // Outside a repository the same folder is walked whole.
  std::filesystem::remove_all(repo() / ".git");
  EXPECT_EQ(lint("check").exit_code, 1);
}

TEST_F(GitCli, BaselineHidesRecordedFindingsAndFailsOnNewOnes) {
  write("repo/stories/a.md", k_bad);
  ASSERT_EQ(lint("check --write-baseline baseline.json").exit_code, 1);
  auto json = nlohmann::json::parse(read_file(repo() / "baseline.json"));
  EXPECT_EQ(json["findings"].size(), 1u);
  auto hidden = lint("check --baseline baseline.json");
  EXPECT_EQ(hidden.exit_code, 0) << hidden.out;
  EXPECT_TRUE(contains(hidden.err, "1 finding recorded in baseline.json not shown"));
  // Lines added above the finding keep it matched; a new bad answer fails.
  write("repo/stories/a.md", std::string("\n\n") + std::string(k_bad));
  EXPECT_EQ(lint("check --baseline baseline.json").exit_code, 0);
  write("repo/stories/b.md", k_bad);
  EXPECT_EQ(lint("check --baseline baseline.json").exit_code, 1);
  EXPECT_EQ(lint("check --baseline missing.json").exit_code, 2);
}

TEST_F(GitCli, GithubFormatAppendsTheJobSummary) {
  write("repo/stories/a.md", k_bad);
  write("summary.md", "before\n");
  auto run = run_answerlint("check --format github", repo(),
                            "GITHUB_STEP_SUMMARY=" + (root() / "summary.md").string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(contains(run.out, "::error file=stories/a.md,line=1"));
  std::string summary = read_file(root() / "summary.md");
  EXPECT_TRUE(summary.starts_with("before\n"));
  EXPECT_TRUE(contains(summary, "required-sections"));
}

} // namespace
} // namespace answerlint
