#pragma once

#include "lint/finding.hpp"
#include "report/baseline.hpp"
#include "report/reporter.hpp"

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace answerlint {

inline constexpr std::array<std::string_view, 8> k_formats = {
    "text", "concise", "json", "sarif", "github", "junit", "gitlab", "checkstyle"};

struct RenderOptions {
  bool color = false;
  bool summary = true; // the text formats' last line; off with --quiet
};

// The report in `format` (one of k_formats). `github` gives the workflow
// commands only; the job summary is format_github_summary (reporter.hpp).
std::string render_report(std::string_view format, const Report& report,
                          const RenderOptions& options);

// The writer of `format` when it can be written as the findings come (text,
// concise, json, gitlab, checkstyle, junit, sarif); nullptr for the format
// that needs every finding first: the GitHub annotations put errors first.
std::unique_ptr<ReportWriter> streaming_writer(std::string_view format,
                                               const RenderOptions& options, TextSink sink);

// A check's report written while the run goes on: each file's findings go
// through the baseline, are counted, and are written at once when the format
// streams (they are then let go), or kept until finish() when it does not.
class ReportStream {
public:
  ReportStream(std::string_view format, const RenderOptions& options, TextSink sink);

  // Hides what `baseline` records from the findings added from now on.
  void hide(Baseline baseline);
  // Findings of whole files, in finding_less order: the runner's sink.
  void add(std::vector<Finding> findings);
  // Writes the rest of the report (all of it, for a format that waits),
  // with the files_checked of `run`. Returns `run` holding the findings
  // shown when the format kept them (github), else none.
  Report finish(Report run);

  // Whether the format is written as the findings come, rather than kept.
  bool streams() const { return m_writer != nullptr; }
  // Whether the report is written while the run goes on (json waits for
  // files_checked, junit for its total, sarif for the rules the findings
  // name, the formats that keep every finding for the end).
  bool writes_early() const {
    return m_writer != nullptr && m_format != "json" && m_format != "junit" && m_format != "sarif";
  }
  // What was shown: the findings the baseline did not hide.
  const Summary& shown() const { return m_totals.summary; }
  std::size_t hidden() const { return m_hidden; }

private:
  std::string m_format;
  RenderOptions m_options;
  TextSink m_sink;
  std::unique_ptr<ReportWriter> m_writer; // null: keep
  std::vector<std::vector<Finding>> m_kept; // file by file: no slack from growing one vector
  std::optional<Baseline> m_baseline;
  ReportTotals m_totals;
  std::size_t m_hidden = 0;
};

} // namespace answerlint
