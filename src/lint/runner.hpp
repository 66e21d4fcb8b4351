#pragma once

#include "config/config.hpp"
#include "lint/finding.hpp"
#include "lint/select.hpp"

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
// The same with the parse options computed once for many files.
std::vector<Finding> lint_source(const Config& config, const ParseOptions& parse_options,
                                 std::string_view relative_path, std::string_view display_path,
                                 std::string_view source);
// What parse_document needs from the config (split level, section labels).
ParseOptions parse_options_for(const Config& config);

struct RunOptions {
  Selection selection;   // what to lint: paths on disk, or staged, since, rev
  unsigned threads = 0;  // 0: every core
  bool use_cache = true; // false (--no-cache): the results cache is neither read nor written
  std::filesystem::path cache_dir; // empty: default_cache_dir(selection)
  bool progress = false;           // a progress bar on a terminal for long runs (progress_wanted)
};

// Selects the answers (select_answers: the walk skips .git and ignored
// files, follows no symlink out of the tree and never loops), lints them on
// a thread pool and returns findings in stable order. Answers whose results
// are in the results cache (lint/cache.hpp) are not read. Throws
// answerlint::Error for a path that does not exist or what git refuses.
Report run_check(const Config& config, const RunOptions& options);

} // namespace answerlint
