// `check --staged`: what the next commit will contain, read from the index.

#include "error.hpp"
#include "git/libgit2.hpp"
#include "git/repo.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace answerlint::git {
using namespace detail;

namespace {

IndexHandle repository_index(git_repository* repo) {
  git_index* raw = nullptr;
  check(git_repository_index(&raw, repo), "cannot read the git index");
  return IndexHandle(raw);
}

// The tree HEAD points at; null on an unborn branch (before the first
// commit), where everything in the index is new.
TreeHandle head_tree(git_repository* repo) {
  if (git_repository_head_unborn(repo) == 1) {
    return nullptr;
  }
  git_oid head{};
  check(git_reference_name_to_id(&head, repo, "HEAD"), "cannot resolve HEAD");
  git_commit* commit_raw = nullptr;
  check(git_commit_lookup(&commit_raw, repo, &head), "cannot read the HEAD commit");
  CommitHandle commit(commit_raw);
  git_tree* tree = nullptr;
  check(git_commit_tree(&tree, commit.get()), "cannot read the tree of HEAD");
  return TreeHandle(tree);
}

const char* conflict_path(const git_index_entry* ancestor, const git_index_entry* ours,
                          const git_index_entry* theirs) {
  if (ours != nullptr) {
    return ours->path;
  }
  return theirs != nullptr ? theirs->path : ancestor->path;
}

// git refuses to commit with unmerged paths before it runs the hook; when
// answerlint is run by hand the staged content of such a file is not one
// text, so there is nothing meaningful to lint.
void reject_unmerged(git_index* index, const PathFilter& wanted) {
  if (git_index_has_conflicts(index) == 0) {
    return;
  }
  git_index_conflict_iterator* raw = nullptr;
  check(git_index_conflict_iterator_new(&raw, index), "cannot list the unmerged paths");
  ConflictIteratorHandle conflicts(raw);
  std::vector<std::string> paths;
  const git_index_entry* ancestor = nullptr;
  const git_index_entry* ours = nullptr;
  const git_index_entry* theirs = nullptr;
  while (git_index_conflict_next(&ancestor, &ours, &theirs, conflicts.get()) == 0) {
    std::string path = conflict_path(ancestor, ours, theirs);
    if (wanted(path)) {
      paths.push_back(std::move(path));
    }
  }
  if (!paths.empty()) {
    bool one = paths.size() == 1;
    throw Error(fmt::format("resolve the conflict{} in {} before committing: the index holds "
                            "more than one version of {} (edit, then `git add`)",
                            one ? "" : "s", fmt::join(paths, ", "), one ? "it" : "each"));
  }
}

bool is_staged_change(const git_diff_delta& delta) {
  switch (delta.status) {
  case GIT_DELTA_ADDED:
  case GIT_DELTA_MODIFIED:
  case GIT_DELTA_RENAMED:
  case GIT_DELTA_COPIED:
  case GIT_DELTA_TYPECHANGE:
    return is_file_mode(delta.new_file.mode);
  default:
    return false;
  }
}

} // namespace

std::vector<BlobFile> Repo::staged(const PathFilter& wanted, const ContentFilter& read_content) {
  git_repository* repo = m_repo.get();
  IndexHandle index = repository_index(repo);
  reject_unmerged(index.get(), wanted);
  TreeHandle head = head_tree(repo);

  // No rename detection: a renamed file shows up as added under its new
  // path either way, and the old path is a deletion, which is skipped.
  git_diff_options options{};
  check(git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION), "cannot set up a diff");
  options.flags = GIT_DIFF_IGNORE_SUBMODULES | GIT_DIFF_INCLUDE_TYPECHANGE;
  git_diff* raw = nullptr;
  check(git_diff_tree_to_index(&raw, repo, head.get(), index.get(), &options),
        "cannot compare the index with HEAD");
  DiffHandle diff(raw);

  std::vector<BlobFile> files;
  std::size_t count = git_diff_num_deltas(diff.get());
  for (std::size_t i = 0; i < count; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    if (!is_staged_change(*delta) || !wanted(delta->new_file.path)) {
      continue;
    }
    files.push_back(blob_file(repo, delta->new_file.path, delta->new_file.id, read_content));
  }
  std::sort(files.begin(), files.end(),
            [](const BlobFile& a, const BlobFile& b) { return a.path < b.path; });
  return files;
}

} // namespace answerlint::git
