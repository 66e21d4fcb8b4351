#pragma once

#include "lint/finding.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace answerlint {

inline constexpr std::string_view k_version = ANSWERLINT_VERSION;

// `path:line:col: severity[rule] message`, the source line with the range
// underlined, then a summary line.
std::string format_text(const Report& report, bool color, bool summary = true);
// The first line of the text format per finding, and the summary.
std::string format_concise(const Report& report, bool color, bool summary = true);

// Receives a report piece by piece.
using TextSink = std::function<void(std::string_view piece)>;
struct TextOptions {
  bool color = false;
  bool summary = true;
  unsigned threads = 1; // more render blocks of findings side by side, in order
};
// format_text and format_concise handed to `sink` in pieces (of about 64
// KiB, or a block of findings per thread), so that printing a large report
// never holds all of it.
void write_text(const Report& report, const TextOptions& options, const TextSink& sink);
void write_concise(const Report& report, const TextOptions& options, const TextSink& sink);
// SPEC §6 json.
std::string format_json(const Report& report);

// Writes `content` to `path` through a temporary file in the same folder and a
// rename: readers see the old file or the new one, never a part. Throws
// answerlint::Error.
void write_file_atomic(const std::string& path, std::string_view content);
// The same for a file that must not exist yet (`init`, `new`): throws
// answerlint::Error ("already exists") rather than replace one, even one
// created while this runs.
void write_new_file(const std::string& path, std::string_view content);

} // namespace answerlint

namespace answerlint {

// Colour for `mode` (auto, always, never): auto means a terminal and no
// NO_COLOR; an explicit --color wins over NO_COLOR, as no-color.org asks.
bool use_color(std::string_view mode, bool to_terminal);

} // namespace answerlint

// The CI formats (SPEC §6). Each escapes every user-controlled string for its
// consumer; none reads the environment.
namespace answerlint {

// Where each builtin rule's documentation lives: the rule's heading in
// docs/rules.md (`#<id>`). SARIF `helpUri` points there.
inline constexpr std::string_view k_rules_doc_url =
    "https://github.com/answerlint/answerlint/blob/main/docs/rules.md";

// SARIF 2.1.0 for GitHub code scanning: every builtin rule in the driver,
// plus an entry for each other rule id the findings use (rules from the
// config, internal errors); `%SRCROOT%`-relative URIs; partialFingerprints.
std::string format_sarif(const Report& report);
// The same with another rule catalogue, for tests.
std::string format_sarif(const Report& report, std::span<const Rule* const> rules);

// GitHub workflow commands (`::error file=...::message`), errors first.
std::string format_github(const Report& report);
// The Markdown job summary for $GITHUB_STEP_SUMMARY, under 1 MiB: counts per
// rule and severity and a table of findings. With `blob_url` (see
// github_blob_url) each location links to its line.
std::string format_github_summary(const Report& report, std::string_view blob_url = {});
// `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA`, or empty when
// any of them is unset (outside GitHub Actions).
std::string github_blob_url();

// JUnit XML: one testsuite per file, one failing testcase per finding.
std::string format_junit(const Report& report);
// GitLab Code Quality: a JSON array of issues with unique fingerprints.
std::string format_gitlab(const Report& report);
// Checkstyle 4.3 XML: one <file> per path, one <error> per finding.
std::string format_checkstyle(const Report& report);

} // namespace answerlint
