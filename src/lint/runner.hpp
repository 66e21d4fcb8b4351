#pragma once

#include "config/config.hpp"
#include "lint/finding.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace answerlint {

// Lints one file's bytes: parses it, decides each answer's kind, runs the
// rules that apply, honours suppression comments and front-matter
// `answerlint.disable`. An exception inside a rule becomes an `internal-error`
// finding. `relative_path` is relative to config.base_dir.
std::vector<Finding> lint_source(const Config& config, std::string_view relative_path,
                                 std::string_view display_path, std::string_view source);

struct RunOptions {
  std::vector<std::filesystem::path> paths; // files and folders; empty: "."
  unsigned threads = 0;                     // 0: every core
};

// Walks the paths (skipping .git, following no symlink out of the tree,
// never looping), selects answers by the config's include/exclude, lints them
// on a thread pool and returns findings in stable order. Throws
// answerlint::Error for a path that does not exist.
Report run_check(const Config& config, const RunOptions& options);

} // namespace answerlint
