// `check --since REF`: the files a pull request changes, as they are on disk.

#include "error.hpp"
#include "git/libgit2.hpp"
#include "git/repo.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>

#if defined(__SANITIZE_ADDRESS__)
#define ANSWERLINT_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ANSWERLINT_LSAN 1
#endif
#endif
#ifdef ANSWERLINT_LSAN
#include <sanitizer/lsan_interface.h>
#endif

namespace answerlint::git {
using namespace detail;

namespace {

git_oid head_commit(git_repository* repo) {
  if (git_repository_head_unborn(repo) == 1) {
    throw Error("HEAD has no commit yet, so nothing has changed since another revision; commit "
                "first, or lint the staged files with --staged");
  }
  git_oid head{};
  check(git_reference_name_to_id(&head, repo, "HEAD"), "cannot resolve HEAD");
  return head;
}

int find_merge_base(git_repository* repo, git_oid& base, const git_oid& one, const git_oid& two) {
#ifdef ANSWERLINT_LSAN
  // libgit2 1.5 leaks 64 bytes when the walk hits a parent missing from a
  // shallow clone; sanitizer builds must not fail on a leak that is not ours.
  std::optional<__lsan::ScopedDisabler> quiet;
  if (git_repository_is_shallow(repo) == 1) {
    quiet.emplace();
  }
#endif
  return git_merge_base(&base, repo, &one, &two);
}

git_oid merge_base(git_repository* repo, const std::string& ref) {
  ObjectHandle target = peel_revision(repo, ref, GIT_OBJECT_COMMIT);
  git_oid head = head_commit(repo);
  git_oid base{};
  int code = find_merge_base(repo, base, *git_object_id(target.get()), head);
  if (code == 0) {
    return base;
  }
  // In a shallow clone the walk stops at a missing parent, which libgit2
  // reports as -1 "object not found" rather than GIT_ENOTFOUND.
  if (git_repository_is_shallow(repo) == 1) {
    throw Error(fmt::format("no merge base between {} and HEAD in this shallow clone: fetch the "
                            "full history (actions/checkout with fetch-depth: 0, or git fetch "
                            "--unshallow)",
                            ref));
  }
  if (code == GIT_ENOTFOUND) {
    throw Error(fmt::format("no merge base between {} and HEAD: they share no history; name a "
                            "revision HEAD descends from",
                            ref));
  }
  check(code, fmt::format("cannot find the merge base of {} and HEAD", ref));
  return base;
}

bool exists_afterwards(const git_diff_delta& delta) {
  switch (delta.status) {
  case GIT_DELTA_ADDED:
  case GIT_DELTA_MODIFIED:
  case GIT_DELTA_RENAMED:
  case GIT_DELTA_COPIED:
  case GIT_DELTA_TYPECHANGE:
  case GIT_DELTA_UNTRACKED:
  case GIT_DELTA_CONFLICTED:
    return is_file_mode(delta.new_file.mode);
  default:
    return false;
  }
}

// The diff passes through the index: a file changed in a commit and then
// changed back in the working tree is "modified" with no id for the working
// file. Hash it (with git's filters, as `git diff` would) to tell.
bool back_as_it_was(git_repository* repo, const git_diff_delta& delta) {
  if (delta.status != GIT_DELTA_MODIFIED || (delta.new_file.flags & GIT_DIFF_FLAG_VALID_ID) != 0 ||
      delta.old_file.mode != delta.new_file.mode) {
    return false;
  }
  git_oid working{};
  if (git_repository_hashfile(&working, repo, delta.new_file.path, GIT_OBJECT_BLOB, nullptr) < 0) {
    return false;
  }
  return git_oid_equal(&working, &delta.old_file.id) == 1;
}

} // namespace

std::vector<std::string> Repo::changed_since(const std::string& ref) {
  if (is_bare()) {
    throw Error("--since compares with the working tree, and a bare repository has none; use "
                "--rev REV to lint a revision");
  }
  git_repository* repo = m_repo.get();
  git_oid base_id = merge_base(repo, ref);
  git_commit* commit_raw = nullptr;
  check(git_commit_lookup(&commit_raw, repo, &base_id), "cannot read the merge base commit");
  CommitHandle base(commit_raw);
  git_tree* tree_raw = nullptr;
  check(git_commit_tree(&tree_raw, base.get()), "cannot read the tree of the merge base");
  TreeHandle tree(tree_raw);

  // Tree to working tree through the index: committed, staged and unstaged
  // changes in one diff, plus untracked files that no ignore rule covers.
  // No rename detection: a renamed file is added under its new path anyway,
  // and its old path is a deletion, which is left out.
  git_diff_options options{};
  check(git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION), "cannot set up a diff");
  options.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS |
                  GIT_DIFF_INCLUDE_TYPECHANGE | GIT_DIFF_IGNORE_SUBMODULES |
                  GIT_DIFF_SKIP_BINARY_CHECK;
  git_diff* diff_raw = nullptr;
  check(git_diff_tree_to_workdir_with_index(&diff_raw, repo, tree.get(), &options),
        "cannot compare the working tree with the merge base");
  DiffHandle diff(diff_raw);

  std::vector<std::string> paths;
  std::size_t count = git_diff_num_deltas(diff.get());
  for (std::size_t i = 0; i < count; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    if (exists_afterwards(*delta) && !back_as_it_was(repo, *delta)) {
      paths.emplace_back(delta->new_file.path);
    }
  }
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  return paths;
}

} // namespace answerlint::git
