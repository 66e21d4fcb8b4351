#include "report/escape.hpp"
#include "report/reporter.hpp"

#include <fmt/format.h>

#include <map>

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

} // namespace

std::string format_checkstyle(const Report& report) {
  // Findings per path, paths in the order they first appear.
  std::vector<std::pair<std::string_view, std::vector<const Finding*>>> files;
  std::map<std::string_view, std::size_t> index;
  for (const Finding& finding : report.findings) {
    auto [it, added] = index.try_emplace(finding.path, files.size());
    if (added) {
      files.emplace_back(finding.path, std::vector<const Finding*>{});
    }
    files[it->second].second.push_back(&finding);
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  for (const auto& [path, findings] : files) {
    fmt::format_to(std::back_inserter(out), "  <file name=\"{}\">\n", xml_escape(path));
    for (const Finding* finding : findings) {
      append_error(out, *finding);
    }
    out += "  </file>\n";
  }
  out += "</checkstyle>\n";
  return out;
}

} // namespace answerlint
