#include "report/escape.hpp"
#include "report/pieces.hpp"
#include "report/reporter.hpp"

#include <fmt/format.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace answerlint {
namespace {

// Checkstyle's own levels are error, warning, info and ignore.
std::string_view checkstyle_severity(Severity severity) {
  switch (severity) {
  case Severity::error:
    return "error";
  case Severity::warning:
    return "warning";
  case Severity::info:
    return "info";
  case Severity::off:
    break;
  }
  return "ignore";
}

void append_error(std::string& out, const Finding& f) {
  fmt::format_to(std::back_inserter(out),
                 "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" "
                 "source=\"{}\"/>\n",
                 f.span.line, f.span.column, checkstyle_severity(f.severity), xml_escape(f.message),
                 xml_escape(fmt::format("answerlint.{}", f.rule)));
}

// One <file> per path, in the order paths first appear (group_by_path); a
// path's findings are in one add() or continue the last one's.
class CheckstyleWriter final : public ReportWriter {
public:
  explicit CheckstyleWriter(TextSink sink) : m_sink(std::move(sink)) {
    m_out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  }

  void add(std::span<const Finding> findings) override {
    for (const auto& [path, group] : group_by_path(findings)) {
      if (!m_open || path != m_path) {
        close_file();
        fmt::format_to(std::back_inserter(m_out), "  <file name=\"{}\">\n", xml_escape(path));
        m_path = std::string(path);
        m_open = true;
      }
      for (const Finding* finding : group) {
        append_error(m_out, *finding);
      }
      pass_on_piece(m_out, m_sink);
    }
  }

  void finish(const ReportTotals& /*totals*/) override {
    close_file();
    m_out += "</checkstyle>\n";
    m_sink(m_out);
    m_out.clear();
  }

private:
  void close_file() {
    if (m_open) {
      m_out += "  </file>\n";
      m_open = false;
    }
  }

  TextSink m_sink;
  std::string m_out;
  std::string m_path; // of the open <file>
  bool m_open = false;
};

} // namespace

std::unique_ptr<ReportWriter> checkstyle_writer(TextSink sink) {
  return std::make_unique<CheckstyleWriter>(std::move(sink));
}

std::string format_checkstyle(const Report& report) {
  return write_whole(report, checkstyle_writer);
}

} // namespace answerlint
