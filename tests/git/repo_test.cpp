// Repository discovery, the environment git gives hooks, ignore rules and
// where hooks live.

#include "error.hpp"
#include "git/git_fixture.hpp"

namespace answerlint {
namespace {

namespace fs = std::filesystem;
using test::any_path;
using test::contains;
using test::GitTest;
using test::ScopedEnv;

class GitRepo : public GitTest {};

TEST_F(GitRepo, OutsideARepositoryThereIsNone) {
  write("plain/a.md", "text\n");
  // The ceiling keeps the search inside the temporary folder, whatever
  // encloses it on this machine.
  ScopedEnv ceiling("GIT_CEILING_DIRECTORIES", root().string());
  EXPECT_FALSE(git::Repo::discover(root() / "plain").has_value());
}

TEST_F(GitRepo, IsFoundFromASubdirectory) {
  init_repo({{"stories/deep/a.md", "text\n"}});
  git::Repo repo = open("repo/stories/deep");
  EXPECT_EQ(repo.workdir(), fs::canonical(root() / "repo"));
  EXPECT_EQ(repo.git_dir(), fs::canonical(root() / "repo/.git"));
  EXPECT_FALSE(repo.is_bare());
  EXPECT_FALSE(repo.is_shallow());
  EXPECT_EQ(repo.relative_path(root() / "repo/stories/deep/a.md"), "stories/deep/a.md");
  EXPECT_EQ(repo.relative_path(root() / "repo/stories/./deep/../deep"), "stories/deep");
  EXPECT_EQ(repo.relative_path(root() / "repo"), "");
  EXPECT_EQ(repo.relative_path(root() / "elsewhere.md"), std::nullopt);
}

TEST_F(GitRepo, ABareCloneHasNoWorkingTree) {
  init_repo({{"a.md", "text\n"}});
  git("clone -q --bare repo bare.git", ".");
  git::Repo repo = open("bare.git");
  EXPECT_TRUE(repo.is_bare());
  EXPECT_TRUE(repo.workdir().empty());
  EXPECT_FALSE(repo.ignored("a.md"));
  EXPECT_EQ(repo.relative_path(root() / "bare.git/a.md"), std::nullopt);
}

TEST_F(GitRepo, GitDirAndWorkTreeFromTheEnvironmentWin) {
  init_repo({{"a.md", "text\n"}});
  git("worktree add -q ../wt -b feature");
  // What git exports to a hook in a linked worktree.
  ScopedEnv git_dir("GIT_DIR", (root() / "repo/.git/worktrees/wt").string());
  write("elsewhere/x.md", "x\n");
  git::Repo repo = open("elsewhere");
  EXPECT_EQ(repo.workdir(), fs::canonical(root() / "wt"));
  EXPECT_EQ(repo.common_dir(), fs::canonical(root() / "repo/.git"));
}

TEST_F(GitRepo, SplitIndexIsReportedWithAdvice) {
  init_repo({{"a.md", "text\n"}});
  git("update-index --split-index");
  git::Repo repo = open();
  try {
    repo.staged(any_path);
    FAIL() << "expected an Error";
  } catch (const Error& error) {
    EXPECT_TRUE(contains(error.what(), "unsupported mandatory extension"));
    EXPECT_TRUE(contains(error.what(), "git update-index --no-split-index"));
  }
  // Reading a revision needs no index, so it still works.
  EXPECT_EQ(repo.tree_files("HEAD", any_path).size(), 1U);
}

TEST_F(GitRepo, IgnoredFollowsEveryIgnoreSource) {
  init_repo({{".gitignore", "drafts/\n*.tmp.md\n!keep.tmp.md\n"},
             {"notes/.gitignore", "private.md\n"},
             {"notes/a.md", "a\n"}});
  write("repo/.git/info/exclude", "secret.md\n");
  write("repo/drafts/wip.md", "wip\n");
  git::Repo repo = open();
  EXPECT_TRUE(repo.ignored("drafts"));
  EXPECT_TRUE(repo.ignored("drafts/wip.md"));
  EXPECT_TRUE(repo.ignored("x.tmp.md"));
  EXPECT_FALSE(repo.ignored("keep.tmp.md"));
  EXPECT_TRUE(repo.ignored("secret.md"));
  EXPECT_TRUE(repo.ignored("notes/private.md"));
  EXPECT_FALSE(repo.ignored("notes/a.md"));
  EXPECT_FALSE(repo.ignored("private.md"));
  EXPECT_FALSE(repo.ignored("notes"));
}

TEST_F(GitRepo, HooksDirDefaultsToTheGitDir) {
  init_repo();
  EXPECT_EQ(open().hooks_dir(), fs::canonical(root() / "repo/.git") / "hooks");
}

TEST_F(GitRepo, HooksDirHonoursARelativeHooksPathFromASubdirectory) {
  init_repo({{"sub/a.md", "a\n"}});
  git("config core.hooksPath tools/hooks");
  EXPECT_EQ(open("repo/sub").hooks_dir(), fs::canonical(root() / "repo") / "tools/hooks");
}

TEST_F(GitRepo, HooksDirHonoursAnAbsoluteHooksPath) {
  init_repo();
  fs::path shared = root() / "shared-hooks";
  git("config core.hooksPath " + test::quote(shared));
  EXPECT_EQ(open().hooks_dir(), shared);
}

TEST_F(GitRepo, HooksDirOfALinkedWorktreeIsTheCommonOne) {
  init_repo({{"a.md", "a\n"}});
  git("worktree add -q ../wt -b feature");
  git::Repo repo = open("wt");
  EXPECT_EQ(repo.workdir(), fs::canonical(root() / "wt"));
  EXPECT_EQ(repo.git_dir(), fs::canonical(root() / "repo/.git/worktrees/wt"));
  EXPECT_EQ(repo.hooks_dir(), fs::canonical(root() / "repo/.git") / "hooks");
  EXPECT_EQ(test::sh_output(root() / "wt", "git rev-parse --path-format=absolute --git-path hooks"),
            (fs::canonical(root() / "repo/.git") / "hooks").string() + "\n");
}

TEST_F(GitRepo, HooksPathInALinkedWorktreeIsRelativeToThatWorktree) {
  init_repo({{"a.md", "a\n"}});
  git("config core.hooksPath .githooks");
  git("worktree add -q ../wt -b feature");
  EXPECT_EQ(open("wt").hooks_dir(), fs::canonical(root() / "wt") / ".githooks");
}

} // namespace
} // namespace answerlint
