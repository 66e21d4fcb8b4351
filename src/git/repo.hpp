#pragma once

// The only door to libgit2: answerlint reads repositories the way git does,
// and never runs `git`.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct git_repository;

namespace answerlint::git {

// A file as git stores it.
struct BlobFile {
  std::string path;    // relative to the repository root, '/'-separated
  std::string oid;     // the blob id in hex, as git computes it
  std::string content; // the blob's bytes (no filters applied); empty when not read
  bool read = true;    // false when a ContentFilter declined the bytes
};

// Chooses files by their repository-relative path.
using PathFilter = std::function<bool(std::string_view)>;
// Whether a blob's bytes are wanted, by its path and id (hex): a caller that
// already holds what it needs from a blob (cached results) skips reading it.
using ContentFilter = std::function<bool(std::string_view path, std::string_view oid)>;

// An open repository. Not thread-safe: use one from one thread at a time.
class Repo {
public:
  // The repository containing `start`, found like git does (walking up;
  // GIT_DIR, GIT_WORK_TREE and GIT_CEILING_DIRECTORIES honoured); nullopt
  // outside any repository. When GIT_INDEX_FILE is set, as it is for a
  // pre-commit hook, that index is the one read (a relative value is taken
  // from the directory the process started in). Throws Error for a repository
  // that exists but cannot be read (split index, unknown extension...).
  static std::optional<Repo> discover(const std::filesystem::path& start);
  // The common git directory (see common_dir()) of the repository that
  // discover(start) would find, without reading its index: where caches
  // shared by all worktrees go. nullopt outside a repository, and for one
  // that cannot be opened (discover reports that).
  static std::optional<std::filesystem::path> common_dir_at(const std::filesystem::path& start);

  Repo(Repo&&) noexcept;
  Repo& operator=(Repo&&) noexcept;
  ~Repo();

  // The working tree root, absolute, without a trailing '/'; empty when bare.
  const std::filesystem::path& workdir() const { return m_workdir; }
  // The git directory (.git, or .git/worktrees/NAME in a linked worktree).
  const std::filesystem::path& git_dir() const { return m_git_dir; }
  // Shared by all worktrees: where objects, refs and hooks live.
  const std::filesystem::path& common_dir() const { return m_common_dir; }
  bool is_bare() const { return m_workdir.empty(); }
  bool is_shallow() const;

  // `path` relative to the working tree root ('/'-separated), or nullopt when
  // it is not inside the working tree. Both sides are made canonical first.
  std::optional<std::string> relative_path(const std::filesystem::path& path) const;

  // Files whose staged content differs from HEAD (added, modified, renamed,
  // copied; not deleted), read from the index, never from the working tree.
  // On an unborn HEAD every staged file counts. Throws Error naming the
  // wanted paths that are unmerged. Bytes are read unless `read_content`
  // (when given) declines them.
  std::vector<BlobFile> staged(const PathFilter& wanted, const ContentFilter& read_content = {});

  // Paths changed between merge-base(REF, HEAD) and the working tree:
  // committed, staged, unstaged and untracked files that are not ignored.
  // A renamed file is reported by its new path; deleted files are left out.
  // Sorted. Throws Error for an unknown REF, a missing merge base (with advice
  // in a shallow clone) or a bare repository.
  std::vector<std::string> changed_since(const std::string& ref);

  // Every file of the tree of REV (any revision git understands), with its
  // content from the object database (unless `read_content` declines it);
  // works in bare repositories. Sorted by path. Throws Error for an unknown
  // REV.
  std::vector<BlobFile> tree_files(const std::string& rev, const PathFilter& wanted,
                                   const ContentFilter& read_content = {});

  // Whether .gitignore, .git/info/exclude or core.excludesFile ignore the
  // path (a file or a folder, relative to the working tree root), like
  // `git check-ignore --no-index`: a path inside an ignored folder is
  // ignored. A walk can test each folder and skip the ignored ones whole.
  bool ignored(std::string_view repo_relative_path);

  // Where git looks for hooks, like `git rev-parse --git-path hooks`:
  // core.hooksPath (relative to the working tree root), else the hooks
  // folder of the common git directory (shared by linked worktrees).
  std::filesystem::path hooks_dir();
  // core.hooksPath as configured ("~/" expanded); empty when unset.
  std::string hooks_path_setting();

private:
  struct Free {
    void operator()(git_repository* repo) const;
  };

  explicit Repo(git_repository* repo);

  std::unique_ptr<git_repository, Free> m_repo;
  std::filesystem::path m_workdir;
  std::filesystem::path m_git_dir;
  std::filesystem::path m_common_dir;
};

} // namespace answerlint::git
