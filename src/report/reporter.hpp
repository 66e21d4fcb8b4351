#pragma once

#include "lint/finding.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace answerlint {

inline constexpr std::string_view k_version = ANSWERLINT_VERSION;

// Receives a report piece by piece.
using TextSink = std::function<void(std::string_view piece)>;

// What a report's last part says, known once every finding is written.
struct ReportTotals {
  int files_checked = 0;
  std::size_t findings = 0; // how many were written
  Summary summary;          // of those

  static ReportTotals of(const Report& report);
};

// Writes a report while the findings come: add() takes the findings of whole
// files, in finding_less order, and finish() writes what comes after them.
// The pieces go to the sink in about 64 KiB, so a large report is never
// whole in memory, and nothing reaches the sink before 64 KiB or finish().
class ReportWriter {
public:
  virtual ~ReportWriter() = default;
  virtual void add(std::span<const Finding> findings) = 0;
  virtual void finish(const ReportTotals& totals) = 0;
};

// `path:line:col: severity[rule] message`, the source line with the range
// underlined, then a summary line (unless `summary` is off).
std::unique_ptr<ReportWriter> text_writer(bool color, bool summary, TextSink sink);
// The first line of the text format per finding, and the summary.
std::unique_ptr<ReportWriter> concise_writer(bool color, bool summary, TextSink sink);
// SPEC §6 json. files_checked comes before the findings: they wait in a
// temporary file (see json.cpp) until the totals are known.
std::unique_ptr<ReportWriter> json_writer(TextSink sink);

std::string format_text(const Report& report, bool color, bool summary = true);
std::string format_concise(const Report& report, bool color, bool summary = true);
std::string format_json(const Report& report);

// Writes `content` to `path` through a temporary file in the same folder and a
// rename: readers see the old file or the new one, never a part. Throws
// answerlint::Error.
void write_file_atomic(const std::string& path, std::string_view content);
// The same for a file that must not exist yet (`init`, `new`): throws
// answerlint::Error ("already exists") rather than replace one, even one
// created while this runs.
void write_new_file(const std::string& path, std::string_view content);

// write_file_atomic piece by piece: the temporary file is made at the first
// write() (or by commit() when nothing was written), and removed unless
// commit() renames it over `path`. Throws answerlint::Error.
class AtomicFile {
public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view piece);
  void commit();

private:
  struct Temp;
  Temp& temp();
  std::string m_path;
  std::unique_ptr<Temp> m_temp;
};

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
// The rules come first: the results wait in a temporary file until then.
std::string format_sarif(const Report& report);
std::unique_ptr<ReportWriter> sarif_writer(TextSink sink);
// The same with another rule catalogue, for tests.
std::string format_sarif(const Report& report, std::span<const Rule* const> rules);
std::unique_ptr<ReportWriter> sarif_writer(std::span<const Rule* const> rules, TextSink sink);

// GitHub workflow commands (`::error file=...::message`), errors first: the
// errors are written as they come, the others wait in temporary files.
std::string format_github(const Report& report);
std::unique_ptr<ReportWriter> github_writer(TextSink sink);
// The Markdown job summary for $GITHUB_STEP_SUMMARY, under 1 MiB: counts per
// rule and severity and a table of findings. With `blob_url` (see
// github_blob_url) each location links to its line. The writer keeps the
// counts and only the rows that can still fit, about 1 MiB at most.
std::string format_github_summary(const Report& report, std::string_view blob_url = {});
std::unique_ptr<ReportWriter> github_summary_writer(std::string_view blob_url, TextSink sink);
// `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA`, or empty when
// any of them is unset (outside GitHub Actions).
std::string github_blob_url();

// JUnit XML: one testsuite per file, one failing testcase per finding. The
// first line counts the findings: they wait in a temporary file until then.
std::string format_junit(const Report& report);
std::unique_ptr<ReportWriter> junit_writer(TextSink sink);
// GitLab Code Quality: a JSON array of issues with unique fingerprints.
std::string format_gitlab(const Report& report);
std::unique_ptr<ReportWriter> gitlab_writer(TextSink sink);
// Checkstyle 4.3 XML: one <file> per path, one <error> per finding.
std::string format_checkstyle(const Report& report);
std::unique_ptr<ReportWriter> checkstyle_writer(TextSink sink);

} // namespace answerlint
