#pragma once

#include "config/config.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace answerlint {

struct WalkedFile {
  std::filesystem::path absolute;
  std::string relative; // to config.base_dir, '/'-separated: what globs see
  std::string display;  // to the cwd, '/'-separated: what reports show
};

// The answers under `paths`, sorted by display path, each once. Folders are
// walked without .git, without following a symlinked folder (so never in a
// loop) and without following a symlinked file out of the folder; a file
// named explicitly is always taken. Throws Error for a path that is missing.
std::vector<WalkedFile> walk_paths(const Config& config,
                                   const std::vector<std::filesystem::path>& paths);

// The file's bytes, or nullopt with `notice` set when it is over
// files.max_file_bytes. Throws Error when it cannot be read.
std::optional<std::string> read_answer(const Config& config, const WalkedFile& file,
                                       std::string& notice);

} // namespace answerlint
