// install_hook / uninstall_hook, and the hook script under a real `git commit`.

#include "error.hpp"
#include "git/git_fixture.hpp"
#include "git/hook.hpp"

#include <sys/stat.h>

namespace answerlint {
namespace {

namespace fs = std::filesystem;
using test::contains;
using test::GitTest;

unsigned mode_of(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return 0;
  }
  return info.st_mode & 07777U;
}

ino_t inode_of(const fs::path& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 ? info.st_ino : 0;
}

TEST(GitHookTemplate, IsByteIdenticalToHooksPreCommit) {
  fs::path file = fs::path(ANSWERLINT_SOURCE_DIR) / "hooks/pre-commit";
  EXPECT_EQ(test::read_file(file), git::hook_template());
  EXPECT_EQ(mode_of(file) & 0111U, 0111U) << "hooks/pre-commit should be executable";
}

TEST(GitHookTemplate, RecordsTheBinaryShellQuoted) {
  std::string script = git::hook_script("/opt/it's here/answerlint");
  EXPECT_TRUE(contains(script, "recorded='/opt/it'\\''s here/answerlint'\n"));
  EXPECT_TRUE(contains(script, std::string(git::k_hook_marker) + "\n"));
  EXPECT_FALSE(contains(script, "@ANSWERLINT_BINARY@"));
}

class GitHook : public GitTest {
protected:
  void SetUp() override {
    GitTest::SetUp();
    init_repo({{"a.md", "a\n"}});
  }

  fs::path hooks() const { return root() / "repo/.git/hooks"; }
  fs::path hook() const { return hooks() / "pre-commit"; }
  fs::path chained() const { return hooks() / git::k_chained_hook_name; }

  std::string install(bool chain = false, const fs::path& binary = "/usr/bin/answerlint") const {
    git::Repo repo = open();
    return git::install_hook(repo, chain, binary);
  }

  std::string uninstall() const {
    git::Repo repo = open();
    return git::uninstall_hook(repo);
  }

  void write_foreign(const std::string& text, fs::perms perms) const {
    write("repo/.git/hooks/pre-commit", text);
    fs::permissions(hook(), perms);
  }
};

TEST_F(GitHook, InstallWritesAnExecutableHookAndReinstallChangesNothing) {
  EXPECT_TRUE(contains(install(), "installed the answerlint pre-commit hook in "
                                  ".git/hooks/pre-commit"));
  EXPECT_EQ(test::read_file(hook()), git::hook_script("/usr/bin/answerlint"));
  EXPECT_EQ(mode_of(hook()), 0755U);

  ino_t before = inode_of(hook());
  EXPECT_TRUE(contains(install(), "already installed"));
  EXPECT_EQ(inode_of(hook()), before) << "an identical hook must not be rewritten";
}

TEST_F(GitHook, AnOlderHookOfOursIsUpdated) {
  write_foreign(std::string(git::k_hook_marker) + "\nold version\n", fs::perms(0755));
  EXPECT_TRUE(contains(install(), "updated"));
  EXPECT_EQ(test::read_file(hook()), git::hook_script("/usr/bin/answerlint"));
}

TEST_F(GitHook, AForeignHookIsRefusedWithoutChainAndLeftAlone) {
  write_foreign("#!/bin/sh\necho mine\n", fs::perms(0700));
  try {
    install();
    FAIL() << "expected an Error";
  } catch (const Error& error) {
    EXPECT_TRUE(contains(error.format(), ".git/hooks/pre-commit"));
    EXPECT_TRUE(contains(error.what(), "--chain"));
  }
  EXPECT_EQ(test::read_file(hook()), "#!/bin/sh\necho mine\n");
  EXPECT_FALSE(fs::exists(chained()));
}

TEST_F(GitHook, ChainKeepsTheForeignHookAndUninstallRestoresItExactly) {
  std::string foreign = "#!/bin/sh\n# someone else's hook\nexit 0\n";
  write_foreign(foreign, fs::perms(0750));

  EXPECT_TRUE(contains(install(true), "pre-commit.answerlint-chained"));
  EXPECT_EQ(test::read_file(chained()), foreign);
  EXPECT_EQ(mode_of(chained()), 0750U);
  EXPECT_EQ(test::read_file(hook()), git::hook_script("/usr/bin/answerlint"));
  EXPECT_TRUE(contains(install(true), "already installed"));

  EXPECT_TRUE(contains(uninstall(), "restored"));
  EXPECT_EQ(test::read_file(hook()), foreign);
  EXPECT_EQ(mode_of(hook()), 0750U);
  EXPECT_FALSE(fs::exists(chained()));
}

TEST_F(GitHook, ChainRefusesToOverwriteAnEarlierKeptHook) {
  write("repo/.git/hooks/pre-commit.answerlint-chained", "#!/bin/sh\n");
  write_foreign("#!/bin/sh\necho mine\n", fs::perms(0755));
  EXPECT_THROW(install(true), Error);
  EXPECT_EQ(test::read_file(hook()), "#!/bin/sh\necho mine\n");
}

TEST_F(GitHook, UninstallRemovesOurHook) {
  install();
  EXPECT_TRUE(contains(uninstall(), "removed"));
  EXPECT_FALSE(fs::exists(hook()));
}

TEST_F(GitHook, UninstallWithoutOurHookChangesNothing) {
  EXPECT_TRUE(contains(uninstall(), "nothing changed"));
  write_foreign("#!/bin/sh\necho mine\n", fs::perms(0755));
  EXPECT_TRUE(contains(uninstall(), "nothing changed"));
  EXPECT_EQ(test::read_file(hook()), "#!/bin/sh\necho mine\n");
}

TEST_F(GitHook, HonoursCoreHooksPath) {
  git("config core.hooksPath tools/hooks");
  EXPECT_TRUE(contains(install(), "tools/hooks/pre-commit"));
  EXPECT_EQ(mode_of(root() / "repo/tools/hooks/pre-commit"), 0755U);
  EXPECT_FALSE(fs::exists(hook()));

  fs::path shared = root() / "shared hooks";
  git("config core.hooksPath " + test::quote(shared));
  install();
  EXPECT_TRUE(fs::exists(shared / "pre-commit"));
}

TEST_F(GitHook, HuskyGetsAdviceInsteadOfAHook) {
  git("config core.hooksPath .husky/_");
  try {
    install();
    FAIL() << "expected an Error";
  } catch (const Error& error) {
    EXPECT_TRUE(contains(error.what(), "husky"));
    EXPECT_TRUE(contains(error.what(), ".husky/pre-commit"));
    EXPECT_TRUE(contains(error.what(), "answerlint check --staged"));
  }
  EXPECT_FALSE(fs::exists(root() / "repo/.husky/_/pre-commit"));

  write("repo/.husky/pre-commit", "npx lint-staged\nanswerlint check --staged\n");
  EXPECT_TRUE(contains(install(), "already calls"));
}

TEST_F(GitHook, ALinkedWorktreeInstallsWhereGitLooks) {
  git("worktree add -q ../wt -b feature");
  git::Repo repo = open("wt");
  git::install_hook(repo, false, "/usr/bin/answerlint");
  EXPECT_TRUE(fs::exists(hook()));
}

TEST_F(GitHook, ABareRepositoryIsRefused) {
  git("clone -q --bare repo bare.git", ".");
  git::Repo repo = open("bare.git");
  EXPECT_THROW(git::install_hook(repo, false, "/usr/bin/answerlint"), Error);
}

// The script itself under `git commit`, with a stand-in for answerlint that
// logs its arguments and exits with the code in bin/status.
class GitHookCommit : public GitHook {
protected:
  void SetUp() override {
    GitHook::SetUp();
    write("bin/answerlint", "#!/bin/sh\necho \"answerlint $*\" >>\"${0%/*}/log\"\n"
                            "exit \"$(cat \"${0%/*}/status\")\"\n");
    fs::permissions(root() / "bin/answerlint", fs::perms(0755));
    set_status(0);
  }

  void set_status(int code) const { write("bin/status", std::to_string(code) + "\n"); }
  std::string log() const { return test::read_file(root() / "bin/log"); }

  // Commits a change to a.md; returns git's exit code, output in `output`.
  int commit(std::string& output, const std::string& env = "") const {
    write("repo/a.md", "changed " + std::to_string(++m_commits) + "\n");
    std::string command =
        fmt::format("{} {} add a.md && {} {} commit -q -m change; echo \"exit=$?\"", env,
                    test::k_git, env, test::k_git);
    output = test::sh_output(root() / "repo", command);
    std::size_t at = output.rfind("exit=");
    return at == std::string::npos ? -1 : std::stoi(output.substr(at + 5));
  }

private:
  mutable int m_commits = 0;
};

TEST_F(GitHookCommit, RunsCheckStagedWithTheRecordedBinary) {
  install(false, root() / "bin/answerlint");
  std::string output;
  EXPECT_EQ(commit(output), 0) << output;
  EXPECT_EQ(log(), "answerlint check --staged\n");
}

TEST_F(GitHookCommit, AFailureStopsTheCommitAndSaysHowToBypass) {
  install(false, root() / "bin/answerlint");
  set_status(1);
  std::string output;
  EXPECT_NE(commit(output), 0);
  EXPECT_TRUE(contains(output, "git commit --no-verify"));
  EXPECT_EQ(test::sh_output(root() / "repo", "git rev-list --count HEAD"), "1\n");
}

TEST_F(GitHookCommit, FallsBackToPathWhenTheRecordedBinaryIsGone) {
  install(false, root() / "moved/answerlint");
  std::string output;
  EXPECT_EQ(commit(output, "PATH=" + test::quote(root() / "bin") + ":\"$PATH\""), 0) << output;
  EXPECT_EQ(log(), "answerlint check --staged\n");
}

TEST_F(GitHookCommit, NoBinaryAnywhereStopsTheCommitWithAdvice) {
  install(false, root() / "moved/answerlint");
  std::string output;
  EXPECT_NE(commit(output, "PATH=/usr/bin:/bin"), 0);
  EXPECT_TRUE(contains(output, "cannot find answerlint"));
  EXPECT_TRUE(contains(output, "--no-verify"));
}

TEST_F(GitHookCommit, AChainedHookRunsFirstAndItsFailureStopsTheCommit) {
  write_foreign("#!/bin/sh\necho \"foreign $*\" >>" + test::quote(root() / "bin/log") +
                    "\nexit \"$(cat " + test::quote(root() / "foreign-status") + ")\"\n",
                fs::perms(0755));
  write("foreign-status", "0\n");
  install(true, root() / "bin/answerlint");

  std::string output;
  EXPECT_EQ(commit(output), 0) << output;
  EXPECT_EQ(log(), "foreign \nanswerlint check --staged\n");

  write("foreign-status", "3\n");
  EXPECT_NE(commit(output), 0);
  EXPECT_TRUE(contains(output, "failed with exit code 3"));
  EXPECT_EQ(log(), "foreign \nanswerlint check --staged\nforeign \n");

  // Restored, the foreign hook is git's pre-commit hook again, on its own.
  uninstall();
  write("foreign-status", "0\n");
  EXPECT_EQ(commit(output), 0) << output;
  EXPECT_EQ(log(), "foreign \nanswerlint check --staged\nforeign \nforeign \n");
}

} // namespace
} // namespace answerlint
