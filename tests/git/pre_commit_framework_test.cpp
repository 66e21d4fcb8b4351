// .pre-commit-hooks.yaml under the real pre-commit framework (Debian's
// `pre-commit` package), when it is installed.

#include "git/git_fixture.hpp"

namespace answerlint {
namespace {

namespace fs = std::filesystem;
using test::GitTest;

class GitPreCommitFramework : public GitTest {};

TEST_F(GitPreCommitFramework, RunsAnswerlintCheckOnTheMarkdownFiles) {
  if (test::sh(root(), "command -v pre-commit") != 0) {
    GTEST_SKIP() << "pre-commit is not installed";
  }
  // A hooks repository holding our manifest, as pre-commit clones it.
  fs::path manifest = fs::path(ANSWERLINT_SOURCE_DIR) / ".pre-commit-hooks.yaml";
  write("hooks-repo/.pre-commit-hooks.yaml", test::read_file(manifest));
  git("init -q", "hooks-repo");
  git("add -A", "hooks-repo");
  git("commit -q -m hooks", "hooks-repo");
  std::string rev = test::sh_output(root() / "hooks-repo", "git rev-parse HEAD");
  rev = rev.substr(0, rev.find('\n'));

  // A stand-in answerlint on PATH that logs how it is called.
  write("bin/answerlint", "#!/bin/sh\necho \"answerlint $*\" >>\"${0%/*}/log\"\n");
  fs::permissions(root() / "bin/answerlint", fs::perms(0755));

  init_repo({{"a.md", "a\n"}, {"notes.txt", "n\n"}, {"stories/b.markdown", "b\n"}});
  write("repo/.pre-commit-config.yaml",
        fmt::format("repos:\n- repo: {}\n  rev: {}\n  hooks:\n  - id: answerlint\n",
                    (root() / "hooks-repo").string(), rev));
  std::string command =
      fmt::format("PATH={}:\"$PATH\" PRE_COMMIT_HOME={} GIT_CONFIG_NOSYSTEM=1 "
                  "GIT_CONFIG_GLOBAL=/dev/null pre-commit run --all-files",
                  test::quote(root() / "bin"), test::quote(root() / "pre-commit-home"));
  EXPECT_EQ(test::sh(root() / "repo", command), 0) << test::sh_output(root() / "repo", command);
  EXPECT_EQ(test::read_file(root() / "bin/log"), "answerlint check a.md stories/b.markdown\n");
}

} // namespace
} // namespace answerlint
