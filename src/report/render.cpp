#include "report/render.hpp"

#include "report/pieces.hpp"

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
  if (format == "sarif") {
    return sarif_writer(std::move(sink));
  }
  if (format == "github") {
    return github_writer(std::move(sink));
  }
  if (format == "junit") {
    return junit_writer(std::move(sink));
  }
  if (format == "gitlab") {
    return gitlab_writer(std::move(sink));
  }
  if (format == "checkstyle") {
    return checkstyle_writer(std::move(sink));
  }
  return nullptr;
}

namespace {

// streaming_writer, and text for a format not in k_formats, as ever.
std::unique_ptr<ReportWriter> writer_of(std::string_view format, const RenderOptions& options,
                                        TextSink sink) {
  std::unique_ptr<ReportWriter> writer = streaming_writer(format, options, sink);
  if (writer == nullptr) {
    writer = text_writer(options.color, options.summary, std::move(sink));
  }
  return writer;
}

} // namespace

std::string render_report(std::string_view format, const Report& report,
                          const RenderOptions& options) {
  return write_whole(report,
                     [&](TextSink sink) { return writer_of(format, options, std::move(sink)); });
}

ReportStream::ReportStream(std::string_view format, const RenderOptions& options, TextSink sink)
    : m_format(format) {
  m_writers.push_back(writer_of(format, options, std::move(sink)));
}

void ReportStream::hide(Baseline baseline) {
  m_baseline = std::move(baseline);
}

void ReportStream::also_write(std::unique_ptr<ReportWriter> writer) {
  m_writers.push_back(std::move(writer));
}

void ReportStream::add(std::vector<Finding>& findings) {
  if (m_baseline) {
    m_hidden += m_baseline->hide(findings);
  }
  m_totals.summary.add(findings);
  m_totals.findings += findings.size();
  for (const std::unique_ptr<ReportWriter>& writer : m_writers) {
    writer->add(findings);
  }
}

void ReportStream::finish(int files_checked) {
  m_totals.files_checked = files_checked;
  for (const std::unique_ptr<ReportWriter>& writer : m_writers) {
    writer->finish(m_totals);
  }
}

} // namespace answerlint
