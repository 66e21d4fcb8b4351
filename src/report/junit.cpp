#include "report/escape.hpp"
#include "report/pieces.hpp"
#include "report/reporter.hpp"

#include <fmt/format.h>

#include <iterator>
#include <memory>
#include <string>
#include <utility>

namespace answerlint {
namespace {

void append_testcase(std::string& out, const Finding& f) {
  std::string detail = fmt::format("{}:{}:{}: {}[{}] {}", f.path, f.span.line, f.span.column,
                                   to_string(f.severity), f.rule, f.message);
  fmt::format_to(std::back_inserter(out),
                 "    <testcase name=\"{}\" classname=\"{}\">\n"
                 "      <failure message=\"{}\" type=\"{}\">{}</failure>\n"
                 "    </testcase>\n",
                 xml_escape(fmt::format("{} {}:{}", f.rule, f.span.line, f.span.column)),
                 xml_escape(f.path), xml_escape(f.message), xml_escape(f.rule), xml_escape(detail));
}

// One testsuite per path, in the order paths first appear (group_by_path),
// one failing testcase per finding. The first line counts every finding, so
// the suites wait in a spill until finish(); a suite's own count comes
// first too, so its testcases wait here until its path's findings end: a
// path's findings are in one add() or continue the last one's.
class JunitWriter final : public ReportWriter {
public:
  explicit JunitWriter(TextSink sink) : m_sink(std::move(sink)) {}

  void add(std::span<const Finding> findings) override {
    for (const FileGroup& group : group_by_path(findings)) {
      if (!m_open || group.path != m_path) {
        close_suite();
        m_path = std::string(group.path);
        m_open = true;
      }
      for (const Finding* finding : group.findings) {
        append_testcase(m_cases, *finding);
      }
      m_suite_tests += group.findings.size();
    }
  }

  void finish(const ReportTotals& /*totals*/) override {
    close_suite();
    std::string head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    if (m_tests == 0) {
      // CI servers treat a report without any testcase as a broken run: a
      // clean lint is one passing case.
      head += "<testsuites name=\"answerlint\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
              "  <testsuite name=\"answerlint\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
              "    <testcase name=\"no findings\" classname=\"answerlint\"/>\n"
              "  </testsuite>\n"
              "</testsuites>\n";
      m_sink(head);
      return;
    }
    fmt::format_to(std::back_inserter(head),
                   "<testsuites name=\"answerlint\" tests=\"{0}\" failures=\"{0}\" errors=\"0\">\n",
                   m_tests);
    m_sink(head);
    m_spill.drain(m_sink);
    m_sink("</testsuites>\n");
  }

private:
  void close_suite() {
    if (!m_open) {
      return;
    }
    std::string& out = m_spill.buffer();
    fmt::format_to(std::back_inserter(out),
                   "  <testsuite name=\"{0}\" tests=\"{1}\" failures=\"{1}\" errors=\"0\">\n",
                   xml_escape(m_path), m_suite_tests);
    out += m_cases;
    out += "  </testsuite>\n";
    m_spill.settle();
    m_tests += m_suite_tests;
    m_suite_tests = 0;
    m_cases.clear();
    m_open = false;
  }

  TextSink m_sink;
  Spill m_spill;
  std::size_t m_tests = 0; // in the closed suites
  bool m_open = false;     // a suite whose path's findings may go on
  std::string m_path;      // of the open suite
  std::string m_cases;     // its testcases
  std::size_t m_suite_tests = 0;
};

} // namespace

std::unique_ptr<ReportWriter> junit_writer(TextSink sink) {
  return std::make_unique<JunitWriter>(std::move(sink));
}

std::string format_junit(const Report& report) {
  return write_whole(report, junit_writer);
}

} // namespace answerlint
