#pragma once

#include "lint/finding.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace answerlint {

// The baseline file: `{"version": 1, "findings": [{"path", "rule",
// "fingerprint", "message"}]}`, sorted by path, rule, fingerprint and
// message, two-space indented, so that it diffs well in review. The message
// is there for the reviewer only; matching ignores it.
std::string format_baseline(const Report& report);

// Writes format_baseline(report) to `path` atomically. Throws answerlint::Error.
void write_baseline(const Report& report, const std::string& path);

// A baseline file, read: the findings it records, matched by rule, path and
// fingerprint (see fingerprint.hpp), never by line; each recorded entry
// absorbs one finding.
class Baseline {
public:
  // Throws answerlint::Error naming the file (and the line and column of a
  // JSON syntax error) when it is missing, unreadable or not a version 1
  // baseline.
  static Baseline read(const std::string& path);
  // The same from the file's text; `path` is for error messages.
  static Baseline parse(std::string_view text, const std::string& path);

  // Removes from `findings` those the baseline records, and returns how
  // many. Fingerprints count a path's findings in order, so `findings` holds
  // whole files: a run's findings file by file, or all of them at once.
  std::size_t hide(std::vector<Finding>& findings);

private:
  // (rule, path, fingerprint) -> how many findings it may still absorb.
  std::map<std::tuple<std::string, std::string, std::string>, int> m_recorded;
};

// Removes the findings the baseline at `path` records (Baseline::read and
// hide). Returns how many were removed.
std::size_t apply_baseline(Report& report, const std::string& path);

// apply_baseline on the baseline's text; `path` is for error messages.
std::size_t apply_baseline_text(Report& report, std::string_view text, const std::string& path);

} // namespace answerlint
