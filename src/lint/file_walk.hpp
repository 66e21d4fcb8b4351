#pragma once

#include "config/config.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace answerlint {

struct WalkedFile {
  // On disk; empty for a blob of --rev in a bare repository. A string, not a
  // fs::path, which would split it into parts that no one reads.
  std::string absolute;
  std::string relative;           // to config.base_dir, '/'-separated: what globs see
  std::string display;            // to the cwd, '/'-separated: what reports show
  // The bytes, when they come from git (the index or a tree) rather than
  // from `absolute`.
  std::optional<std::string> content;
  // The blob id (hex) when git names the bytes (--staged, --rev); empty for
  // a file on disk. Without `content`, the bytes were not read because the
  // selection's `needs_content` declined them.
  std::string blob_id;
};

// Whether the walk skips a file or folder (by its absolute path): what
// .gitignore ignores, inside a repository.
using IgnoreFn = std::function<bool(const std::filesystem::path& absolute, bool is_directory)>;

// The answers under `paths`, sorted by display path, each once. Folders are
// walked without .git, without what `ignored` says, without following a
// symlinked folder (so never in a loop) and without following a symlinked
// file out of the folder. A file named explicitly is taken unless
// files.exclude excludes it (so that a tool passing every changed file, like
// the pre-commit framework, does not lint a README). Throws Error for a path
// that is missing.
std::vector<WalkedFile> walk_paths(const Config& config,
                                   const std::vector<std::filesystem::path>& paths,
                                   const IgnoreFn& ignored = {});

// The file's bytes (its `content` if it has one), or nullopt with `notice`
// set when it is over files.max_file_bytes. Throws Error when it cannot be
// read.
std::optional<std::string> read_answer(const Config& config, const WalkedFile& file,
                                       std::string& notice);

} // namespace answerlint
