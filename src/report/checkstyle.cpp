#include "report/escape.hpp"
#include "report/reporter.hpp"

#include <fmt/format.h>

#include <map>
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

constexpr std::size_t k_piece = std::size_t{64} * 1024;

// One <file> per path, in the order paths first appear. Findings come
// sorted, so a path's findings are together, in one add() or continuing the
// last one's; within one add() they are grouped whatever their order.
class CheckstyleWriter final : public ReportWriter {
public:
  explicit CheckstyleWriter(TextSink sink) : m_sink(std::move(sink)) {
    m_out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  }

  void add(std::span<const Finding> findings) override {
    std::vector<std::pair<std::string_view, std::vector<const Finding*>>> files;
    std::map<std::string_view, std::size_t> index;
    for (const Finding& finding : findings) {
      auto [it, added] = index.try_emplace(finding.path, files.size());
      if (added) {
        files.emplace_back(finding.path, std::vector<const Finding*>{});
      }
      files[it->second].second.push_back(&finding);
    }
    for (const auto& [path, group] : files) {
      if (!m_open || path != m_path) {
        close_file();
        fmt::format_to(std::back_inserter(m_out), "  <file name=\"{}\">\n", xml_escape(path));
        m_path = std::string(path);
        m_open = true;
      }
      for (const Finding* finding : group) {
        append_error(m_out, *finding);
      }
      if (m_out.size() >= k_piece) {
        m_sink(m_out);
        m_out.clear();
      }
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
  std::string out;
  CheckstyleWriter writer([&out](std::string_view piece) { out += piece; });
  writer.add(report.findings);
  writer.finish(ReportTotals::of(report));
  return out;
}

} // namespace answerlint
