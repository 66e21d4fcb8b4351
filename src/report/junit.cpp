#include "report/escape.hpp"
#include "report/reporter.hpp"

#include <fmt/format.h>

#include <map>

namespace answerlint {
namespace {

struct FileGroup {
  std::string_view path;
  std::vector<const Finding*> findings;
};

// Findings per path, paths in the order they first appear.
std::vector<FileGroup> group_by_path(const Report& report) {
  std::vector<FileGroup> groups;
  std::map<std::string_view, std::size_t> index;
  for (const Finding& finding : report.findings) {
    auto [it, added] = index.try_emplace(finding.path, groups.size());
    if (added) {
      groups.push_back({finding.path, {}});
    }
    groups[it->second].findings.push_back(&finding);
  }
  return groups;
}

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

} // namespace

std::string format_junit(const Report& report) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  std::size_t total = report.findings.size();
  if (total == 0) {
    // CI servers treat a report without any testcase as a broken run: a
    // clean lint is one passing case.
    out += "<testsuites name=\"answerlint\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
           "  <testsuite name=\"answerlint\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
           "    <testcase name=\"no findings\" classname=\"answerlint\"/>\n"
           "  </testsuite>\n"
           "</testsuites>\n";
    return out;
  }
  fmt::format_to(std::back_inserter(out),
                 "<testsuites name=\"answerlint\" tests=\"{0}\" failures=\"{0}\" errors=\"0\">\n",
                 total);
  for (const FileGroup& group : group_by_path(report)) {
    fmt::format_to(std::back_inserter(out),
                   "  <testsuite name=\"{0}\" tests=\"{1}\" failures=\"{1}\" errors=\"0\">\n",
                   xml_escape(group.path), group.findings.size());
    for (const Finding* finding : group.findings) {
      append_testcase(out, *finding);
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

} // namespace answerlint
