// Repo::changed_since: what a pull request changes, working tree included.

#include "error.hpp"
#include "git/git_fixture.hpp"

namespace answerlint {
namespace {

using test::contains;
using test::GitTest;

class GitSince : public GitTest {
protected:
  // main: a b c d e old + .gitignore; feature branches off, then main moves on.
  void branch_off() const {
    init_repo({{"a.md", "a\n"},
               {"b.md", "b\n"},
               {"c.md", "c\n"},
               {"d.md", "d\n"},
               {"e.md", "e\n"},
               {"old.md", "a story long enough to be recognised as renamed\n"},
               {".gitignore", "ignored.md\nbuild/\n"}});
    git("checkout -q -b feature");
  }

  void move_main_on() const {
    git("checkout -q main");
    write("repo/e.md", "changed on main after the branch\n");
    write("repo/main-only.md", "main\n");
    git("add -A");
    git("commit -q -m main-moves-on");
    git("checkout -q feature");
  }
};

TEST_F(GitSince, CommittedStagedUnstagedAndUntrackedButNotIgnoredOrDeleted) {
  branch_off();
  write("repo/a.md", "committed change\n");
  git("mv old.md renamed.md");
  git("rm -q d.md");
  git("commit -q -am feature-work");
  move_main_on();

  write("repo/b.md", "staged change\n");
  git("add b.md");
  write("repo/c.md", "unstaged change\n");
  write("repo/new/untracked.md", "untracked\n");
  write("repo/ignored.md", "ignored\n");
  write("repo/build/out.md", "ignored folder\n");

  EXPECT_EQ(open().changed_since("main"),
            (std::vector<std::string>{"a.md", "b.md", "c.md", "new/untracked.md", "renamed.md"}));
}

TEST_F(GitSince, AFileChangedAndChangedBackIsNotReported) {
  branch_off();
  write("repo/a.md", "changed\n");
  git("commit -q -am change");
  write("repo/a.md", "a\n");
  EXPECT_TRUE(open().changed_since("main").empty());
}

TEST_F(GitSince, AnUnknownRefIsAnErrorNamingIt) {
  branch_off();
  try {
    open().changed_since("origin/nope");
    FAIL() << "expected an Error";
  } catch (const Error& error) {
    EXPECT_TRUE(contains(error.what(), "'origin/nope'"));
  }
}

TEST_F(GitSince, AShallowCloneWithoutTheMergeBaseGivesAdvice) {
  branch_off();
  write("repo/a.md", "feature 1\n");
  git("commit -q -am feature-1");
  write("repo/a.md", "feature 2\n");
  git("commit -q -am feature-2");
  move_main_on();
  git("clone -q --depth 1 --no-single-branch file://" + (root() / "repo").string() + " clone", ".");
  git("checkout -q feature", "clone");

  git::Repo repo = open("clone");
  EXPECT_TRUE(repo.is_shallow());
  try {
    repo.changed_since("origin/main");
    FAIL() << "expected an Error";
  } catch (const Error& error) {
    EXPECT_TRUE(contains(error.what(), "no merge base between origin/main and HEAD in this "
                                       "shallow clone"));
    EXPECT_TRUE(contains(error.what(), "fetch-depth: 0"));
    EXPECT_TRUE(contains(error.what(), "git fetch --unshallow"));
  }
}

TEST_F(GitSince, ARefNeverFetchedIntoAShallowCloneGivesAdvice) {
  branch_off();
  git("clone -q --depth 1 --branch feature file://" + (root() / "repo").string() + " clone", ".");
  try {
    open("clone").changed_since("origin/main");
    FAIL() << "expected an Error";
  } catch (const Error& error) {
    EXPECT_TRUE(contains(error.what(), "unknown revision 'origin/main'"));
    EXPECT_TRUE(contains(error.what(), "shallow clone"));
  }
}

TEST_F(GitSince, HistoriesWithNothingInCommonAreAnError) {
  branch_off();
  git("checkout -q --orphan unrelated");
  git("commit -q -m unrelated");
  try {
    open().changed_since("main");
    FAIL() << "expected an Error";
  } catch (const Error& error) {
    EXPECT_TRUE(contains(error.what(), "no merge base between main and HEAD"));
  }
}

TEST_F(GitSince, NeedsAWorkingTreeAndACommit) {
  init_repo();
  EXPECT_THROW(open().changed_since("main"), Error);
  write("repo/a.md", "a\n");
  git("add a.md");
  git("commit -q -m one");
  git("clone -q --bare repo bare.git", ".");
  EXPECT_THROW(open("bare.git").changed_since("main"), Error);
}

} // namespace
} // namespace answerlint
