#pragma once

#include "lint/finding.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace answerlint {

// The baseline file: `{"version": 1, "findings": [{"path", "rule",
// "fingerprint", "message"}]}`, sorted by path, rule, fingerprint and
// message, two-space indented, so that it diffs well in review. The message
// is there for the reviewer only; matching ignores it.
std::string format_baseline(const Report& report);

// Writes format_baseline(report) to `path` atomically. Throws answerlint::Error.
void write_baseline(const Report& report, const std::string& path);

// Removes the findings the baseline at `path` records, matched by rule, path
// and fingerprint (see fingerprint.hpp), never by line; each recorded entry
// absorbs one finding. Returns how many were removed. Throws answerlint::Error
// naming the file (and the line and column of a JSON syntax error) when it is
// missing, unreadable or not a version 1 baseline.
std::size_t apply_baseline(Report& report, const std::string& path);

// apply_baseline on the baseline's text; `path` is for error messages.
std::size_t apply_baseline_text(Report& report, std::string_view text, const std::string& path);

} // namespace answerlint
