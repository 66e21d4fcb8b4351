// Repo::tree_files: a revision read from the object database.

#include "error.hpp"
#include "git/git_fixture.hpp"

namespace answerlint {
namespace {

using test::contains;
using test::GitTest;
using test::is_markdown;

class GitTree : public GitTest {
protected:
  // v1 and a later HEAD, cloned bare into root()/bare.git.
  void make_bare_clone() const {
    init_repo({{"a.md", "a at v1\n"},
               {"stories/deep/b.md", "b at v1\n"},
               {"notes.txt", "not an answer\n"}});
    test::sh(root() / "repo", "ln -s a.md link.md");
    git("add -A");
    git("commit -q -m link");
    git("tag v1");
    write("repo/a.md", "a at head\n");
    git("rm -q stories/deep/b.md");
    write("repo/c.md", "c at head\n");
    git("add -A");
    git("commit -q -m head");
    git("clone -q --bare repo bare.git", ".");
  }
};

TEST_F(GitTree, ReadsAnyRevisionOfABareRepository) {
  make_bare_clone();
  git::Repo repo = open("bare.git");
  ASSERT_TRUE(repo.is_bare());

  std::vector<git::BlobFile> v1 = repo.tree_files("v1", is_markdown);
  ASSERT_EQ(v1.size(), 2U); // the symbolic link is not a file with content
  EXPECT_EQ(v1[0].path, "a.md");
  EXPECT_EQ(v1[0].content, "a at v1\n");
  EXPECT_EQ(v1[1].path, "stories/deep/b.md");
  EXPECT_EQ(v1[1].content, "b at v1\n");
  std::string oid = test::sh_output(root() / "bare.git", "git rev-parse v1:stories/deep/b.md");
  EXPECT_EQ(v1[1].oid + "\n", oid);

  std::vector<git::BlobFile> head = repo.tree_files("HEAD", is_markdown);
  ASSERT_EQ(head.size(), 2U);
  EXPECT_EQ(head[0].content, "a at head\n");
  EXPECT_EQ(head[1].path, "c.md");

  // Every file when the filter takes all: a.md, notes.txt, stories/deep/b.md.
  EXPECT_EQ(repo.tree_files("HEAD~1", test::any_path).size(), 3U);
}

TEST_F(GitTree, AnUnknownRevisionIsAnErrorNamingIt) {
  make_bare_clone();
  git::Repo repo = open("bare.git");
  try {
    repo.tree_files("v9", is_markdown);
    FAIL() << "expected an Error";
  } catch (const Error& error) {
    EXPECT_TRUE(contains(error.what(), "unknown revision 'v9'"));
  }
  try {
    repo.tree_files("HEAD:a.md", is_markdown);
    FAIL() << "expected an Error";
  } catch (const Error& error) {
    EXPECT_TRUE(contains(error.what(), "'HEAD:a.md' names a blob, not a tree"));
  }
}

TEST_F(GitTree, ATreeRevisionWorksToo) {
  make_bare_clone();
  std::vector<git::BlobFile> files = open("bare.git").tree_files("v1:stories", is_markdown);
  ASSERT_EQ(files.size(), 1U);
  EXPECT_EQ(files[0].path, "deep/b.md");
}

} // namespace
} // namespace answerlint
