#pragma once

// Which answers a `check` lints, and where their bytes come from: the
// folders named (minus what .gitignore ignores inside a repository), the
// index (--staged), the files changed since a revision (--since), or the tree
// of a revision (--rev).

#include "config/config.hpp"
#include "lint/file_walk.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace answerlint {

enum class Source {
  paths,  // the files and folders named, as on disk
  staged, // the staged content of staged answers
  since,  // answers changed since merge-base(ref, HEAD), as on disk
  rev,    // the tree of a revision, from the object database
};

// Whether the bytes of a blob from git are wanted, by the file's path
// (relative to config.base_dir) and blob id (hex); false leaves them unread.
using NeedsContent = std::function<bool(std::string_view relative, std::string_view blob_id)>;

struct Selection {
  Source source = Source::paths;
  std::string ref;                          // for since and rev
  std::vector<std::filesystem::path> paths; // empty: "."; with git sources, a filter
  NeedsContent needs_content;               // --staged and --rev; absent: every blob is read
};

// The answers to lint, sorted by display path. Throws Error for a missing
// path, for a git source outside a repository, and for what git refuses
// (unknown revision, unmerged paths, no merge base).
std::vector<WalkedFile> select_answers(const Config& config, const Selection& selection);

} // namespace answerlint
