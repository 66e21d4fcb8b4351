// Repo::staged: what the next commit will contain, from the index only.

#include "error.hpp"
#include "git/git_fixture.hpp"

namespace answerlint {
namespace {

namespace fs = std::filesystem;
using test::contains;
using test::GitTest;
using test::is_markdown;
using test::ScopedEnv;

class GitStaged : public GitTest {
protected:
  std::vector<std::string> paths(const std::vector<git::BlobFile>& files) const {
    std::vector<std::string> out;
    out.reserve(files.size());
    for (const git::BlobFile& file : files) {
      out.push_back(file.path);
    }
    return out;
  }

  std::string rev_parse(const std::string& spec) const {
    std::string out = test::sh_output(root() / "repo", "git rev-parse " + spec);
    return out.substr(0, out.find('\n'));
  }
};

TEST_F(GitStaged, ReadsTheIndexNotTheWorkingTree) {
  init_repo({{"a.md", "first\n"}});
  write("repo/a.md", "staged\n");
  git("add a.md");
  write("repo/a.md", "working tree only\n");

  std::vector<git::BlobFile> files = open().staged(is_markdown);
  ASSERT_EQ(files.size(), 1U);
  EXPECT_EQ(files[0].path, "a.md");
  EXPECT_EQ(files[0].content, "staged\n");
  EXPECT_EQ(files[0].oid, rev_parse(":a.md"));
  EXPECT_EQ(test::read_file(root() / "repo/a.md"), "working tree only\n");
}

TEST_F(GitStaged, UnstagedChangesAreNotStaged) {
  init_repo({{"a.md", "first\n"}});
  write("repo/a.md", "changed but not added\n");
  EXPECT_TRUE(open().staged(is_markdown).empty());
}

TEST_F(GitStaged, OnAnUnbornHeadEverythingStagedIsNew) {
  init_repo();
  write("repo/a.md", "a\n");
  write("repo/stories/b.md", "b\n");
  git("add -A");
  git::Repo repo = open();
  EXPECT_EQ(paths(repo.staged(is_markdown)), (std::vector<std::string>{"a.md", "stories/b.md"}));
}

TEST_F(GitStaged, DeletionsAreSkippedAndTheFilterApplies) {
  init_repo({{"a.md", "a\n"}, {"b.md", "b\n"}, {"c.txt", "c\n"}});
  git("rm -q b.md");
  write("repo/a.md", "a2\n");
  write("repo/c.txt", "c2\n");
  write("repo/d.markdown", "d\n");
  git("add -A");
  EXPECT_EQ(paths(open().staged(is_markdown)), (std::vector<std::string>{"a.md", "d.markdown"}));
}

TEST_F(GitStaged, ARenameIsReportedByItsNewPath) {
  init_repo({{"old.md", "the story\n"}});
  git("mv old.md new.md");
  std::vector<git::BlobFile> files = open().staged(is_markdown);
  ASSERT_EQ(files.size(), 1U);
  EXPECT_EQ(files[0].path, "new.md");
  EXPECT_EQ(files[0].content, "the story\n");
}

TEST_F(GitStaged, UnmergedPathsAreAnErrorNamingThem) {
  init_repo({{"story.md", "base\n"}, {"other.md", "o\n"}});
  git("checkout -q -b feature");
  write("repo/story.md", "feature\n");
  git("commit -q -am feature");
  git("checkout -q main");
  write("repo/story.md", "main\n");
  git("commit -q -am main");
  EXPECT_NE(test::sh(root() / "repo", std::string(test::k_git) + " merge -q feature"), 0);

  git::Repo repo = open();
  try {
    repo.staged(is_markdown);
    FAIL() << "expected an Error";
  } catch (const Error& error) {
    EXPECT_TRUE(contains(error.what(), "resolve the conflict in story.md before committing"));
  }
  // Only the files the caller asked about matter.
  EXPECT_TRUE(repo.staged([](std::string_view path) { return path == "other.md"; }).empty());
}

TEST_F(GitStaged, WorksFromASubdirectoryWithRepositoryRelativePaths) {
  init_repo({{"stories/a.md", "a\n"}});
  write("repo/stories/a.md", "a2\n");
  git("add -A");
  EXPECT_EQ(paths(open("repo/stories").staged(is_markdown)),
            std::vector<std::string>{"stories/a.md"});
}

TEST_F(GitStaged, ALinkedWorktreeReadsItsOwnIndex) {
  init_repo({{"a.md", "a\n"}, {"b.md", "b\n"}});
  git("worktree add -q ../wt -b feature");
  write("wt/b.md", "b in the worktree\n");
  git("add b.md", "wt");
  write("repo/a.md", "a in the main tree\n");
  git("add a.md");

  std::vector<git::BlobFile> files = open("wt").staged(is_markdown);
  ASSERT_EQ(files.size(), 1U);
  EXPECT_EQ(files[0].path, "b.md");
  EXPECT_EQ(files[0].content, "b in the worktree\n");
  EXPECT_EQ(paths(open().staged(is_markdown)), std::vector<std::string>{"a.md"});
}

// `git commit -a` and `git commit PATH` hand the hook another index
// (index.lock, next-index-*.lock) in GIT_INDEX_FILE: that one is the commit.
class GitIndexFile : public GitStaged {
protected:
  // .git/index stages "in .git/index"; the returned copy stages "in the copy".
  fs::path prepare() const {
    init_repo({{"a.md", "committed\n"}});
    write("repo/a.md", "in the copy\n");
    git("add a.md");
    fs::path copy = root() / "repo/.git/next-index-1234.lock";
    fs::copy_file(root() / "repo/.git/index", copy);
    write("repo/a.md", "in .git/index\n");
    git("add a.md");
    return copy;
  }

  std::string staged_text() const {
    std::vector<git::BlobFile> files = open().staged(is_markdown);
    return files.size() == 1 ? files[0].content : "";
  }
};

TEST_F(GitIndexFile, AnAbsolutePathIsRead) {
  fs::path copy = prepare();
  EXPECT_EQ(staged_text(), "in .git/index\n");
  ScopedEnv index("GIT_INDEX_FILE", copy.string());
  EXPECT_EQ(staged_text(), "in the copy\n");
}

TEST_F(GitIndexFile, ARelativePathIsTakenFromTheStartingDirectory) {
  fs::path copy = prepare();
  ScopedEnv index("GIT_INDEX_FILE", fs::relative(copy, fs::current_path()).string());
  EXPECT_EQ(staged_text(), "in the copy\n");
}

TEST_F(GitIndexFile, TheIndexIsNeverWritten) {
  fs::path copy = prepare();
  std::string before = test::read_file(copy);
  std::string main_before = test::read_file(root() / "repo/.git/index");
  {
    ScopedEnv index("GIT_INDEX_FILE", copy.string());
    open().staged(is_markdown);
  }
  EXPECT_EQ(test::read_file(copy), before);
  EXPECT_EQ(test::read_file(root() / "repo/.git/index"), main_before);
}

} // namespace
} // namespace answerlint
