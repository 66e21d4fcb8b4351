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

// The report in `format` (one of k_formats; text for another). `github`
// gives the workflow commands only; the job summary is
// format_github_summary (reporter.hpp).
std::string render_report(std::string_view format, const Report& report,
                          const RenderOptions& options);

// The writer of `format`, one of k_formats: each is written as the findings
// come (what must wait for the totals waits in a temporary file); nullptr
// for another format.
std::unique_ptr<ReportWriter> streaming_writer(std::string_view format,
                                               const RenderOptions& options, TextSink sink);

// A check's report written while the run goes on: each file's findings go
// through the baseline, are counted, and are written at once; they are then
// let go.
class ReportStream {
public:
  ReportStream(std::string_view format, const RenderOptions& options, TextSink sink);

  // Hides what `baseline` records from the findings added from now on.
  void hide(Baseline baseline);
  // Gives the findings shown from now on to `writer` as well, and finishes
  // it with the report: the GitHub job summary.
  void also_write(std::unique_ptr<ReportWriter> writer);
  // Findings of whole files, in finding_less order: the runner's sink.
  // Removes those the baseline hides; the caller keeps the rest (the runner
  // frees them on the thread that made them).
  void add(std::vector<Finding>& findings);
  // Writes the rest of the report, with the run's files_checked.
  void finish(int files_checked);

  // Whether the report is written while the run goes on (json waits for
  // files_checked, junit for its total, sarif for the rules the findings
  // name).
  bool writes_early() const {
    return m_format != "json" && m_format != "junit" && m_format != "sarif";
  }
  // What was shown: the findings the baseline did not hide.
  const Summary& shown() const { return m_totals.summary; }
  std::size_t hidden() const { return m_hidden; }

private:
  std::string m_format;
  std::vector<std::unique_ptr<ReportWriter>> m_writers; // the report's first
  std::optional<Baseline> m_baseline;
  ReportTotals m_totals;
  std::size_t m_hidden = 0;
};

} // namespace answerlint
