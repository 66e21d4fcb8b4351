#include "report/render.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

namespace answerlint {

ReportTotals ReportTotals::of(const Report& report) {
  return {report.files_checked, report.findings.size(), report.summary()};
}

std::unique_ptr<ReportWriter> streaming_writer(std::string_view format,
                                               const RenderOptions& options, TextSink sink) {
  if (format == "text") {
    return text_writer(options.color, options.summary, std::move(sink));
  }
  if (format == "concise") {
    return concise_writer(options.color, options.summary, std::move(sink));
  }
  if (format == "json") {
    return json_writer(std::move(sink));
  }
  if (format == "gitlab") {
    return gitlab_writer(std::move(sink));
  }
  if (format == "checkstyle") {
    return checkstyle_writer(std::move(sink));
  }
  if (format == "junit") {
    return junit_writer(std::move(sink));
  }
  if (format == "sarif") {
    return sarif_writer(std::move(sink));
  }
  return nullptr;
}

std::string render_report(std::string_view format, const Report& report,
                          const RenderOptions& options) {
  if (format == "github") {
    return format_github(report);
  }
  std::string out;
  std::unique_ptr<ReportWriter> writer =
      streaming_writer(format, options, [&out](std::string_view piece) { out += piece; });
  if (!writer) { // not one of k_formats: text, as ever
    writer = text_writer(options.color, options.summary,
                         [&out](std::string_view piece) { out += piece; });
  }
  writer->add(report.findings);
  writer->finish(ReportTotals::of(report));
  return out;
}

ReportStream::ReportStream(std::string_view format, const RenderOptions& options, TextSink sink)
    : m_format(format), m_options(options), m_sink(std::move(sink)),
      m_writer(streaming_writer(format, options, m_sink)) {}

void ReportStream::hide(Baseline baseline) {
  m_baseline = std::move(baseline);
}

void ReportStream::add(std::vector<Finding> findings) {
  if (m_baseline) {
    m_hidden += m_baseline->hide(findings);
  }
  m_totals.summary.add(findings);
  m_totals.findings += findings.size();
  if (m_writer) {
    m_writer->add(findings);
  } else if (!findings.empty()) {
    m_kept.push_back(std::move(findings));
  }
}

Report ReportStream::finish(Report run) {
  m_totals.files_checked = run.files_checked;
  if (m_writer) {
    m_writer->finish(m_totals);
    return run;
  }
  if (m_kept.size() == 1) {
    run.findings = std::move(m_kept.front()); // a collected run's, added at once
  } else {
    run.findings.reserve(m_totals.findings);
    for (std::vector<Finding>& file : m_kept) {
      std::move(file.begin(), file.end(), std::back_inserter(run.findings));
      std::vector<Finding>().swap(file);
    }
  }
  m_kept.clear();
  m_sink(render_report(m_format, run, m_options));
  return run;
}

} // namespace answerlint
