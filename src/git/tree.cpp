// `check --rev REV`, `audit --rev REV`: a revision straight from the object
// database, with no checkout, so bare repositories work too.

#include "error.hpp"
#include "git/libgit2.hpp"
#include "git/repo.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace answerlint::git {
using namespace detail;

namespace {

struct TreeBlob {
  std::string path;
  git_oid id;
};

// Called by libgit2 from C: it must not throw, so a failure stops the walk.
int collect_blob(const char* root, const git_tree_entry* entry, void* payload) {
  try {
    if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB &&
        is_file_mode(static_cast<std::uint32_t>(git_tree_entry_filemode(entry)))) {
      auto* blobs = static_cast<std::vector<TreeBlob>*>(payload);
      blobs->push_back({std::string(root) + git_tree_entry_name(entry), *git_tree_entry_id(entry)});
    }
    return 0;
  } catch (...) {
    return -1;
  }
}

} // namespace

std::vector<BlobFile> Repo::tree_files(const std::string& rev, const PathFilter& wanted,
                                       const ContentFilter& read_content) {
  git_repository* repo = m_repo.get();
  ObjectHandle peeled = peel_revision(repo, rev, GIT_OBJECT_TREE);
  git_tree* raw = nullptr;
  check(git_tree_lookup(&raw, repo, git_object_id(peeled.get())),
        fmt::format("cannot read the tree of {}", rev));
  TreeHandle tree(raw);

  std::vector<TreeBlob> blobs;
  check(git_tree_walk(tree.get(), GIT_TREEWALK_PRE, &collect_blob, &blobs),
        fmt::format("cannot list the files of {}", rev));

  std::vector<BlobFile> files;
  for (const TreeBlob& blob : blobs) {
    if (wanted(blob.path)) {
      files.push_back(blob_file(repo, blob.path, blob.id, read_content));
    }
  }
  std::sort(files.begin(), files.end(),
            [](const BlobFile& a, const BlobFile& b) { return a.path < b.path; });
  return files;
}

} // namespace answerlint::git
