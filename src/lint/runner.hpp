#pragma once

#include "config/config.hpp"
#include "lint/finding.hpp"
#include "lint/select.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
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
  // At most this many files are linted ahead of the sink: while one file (or
  // the sink) is slow the other threads go on, up to here, then wait.
  std::size_t window = 1024;
};

// Receives one file's findings (sorted by finding_less; empty for a clean or
// unreadable file) and its display path. Files come in order of display
// path, one call at a time; a sink may keep the findings or let them go.
using FindingSink = std::function<void(std::string_view path, std::vector<Finding>&& findings)>;

// Selects the answers (select_answers: the walk skips .git and ignored
// files, follows no symlink out of the tree and never loops), lints them on
// a thread pool and hands each file's findings to `sink` as soon as it and
// every file before it are done, so that a run holds the findings of at most
// options.window files whatever the portfolio's size. Answers whose results
// are in the results cache (lint/cache.hpp) are not read. The Report holds
// the counts, notices and errors, and no finding. Throws answerlint::Error
// for a path that does not exist or what git refuses, before the sink is
// called; an exception from the sink stops the run and is rethrown.
Report run_check(const Config& config, const RunOptions& options, const FindingSink& sink);
// The same with every finding collected in report.findings, in stable order,
// for what needs them all at once (the baseline file, the audit, tests).
Report run_check(const Config& config, const RunOptions& options);

} // namespace answerlint
