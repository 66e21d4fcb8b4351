#include "report/fingerprint.hpp"
#include "report/reporter.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace answerlint {
namespace {

using Json = nlohmann::ordered_json;

// Code Quality's scale is info, minor, major, critical, blocker; an
// answerlint error blocks like a failing check, not like a security hole.
std::string_view gitlab_severity(Severity severity) {
  switch (severity) {
  case Severity::error:
    return "major";
  case Severity::warning:
    return "minor";
  default:
    return "info";
  }
}

// The last line the range covers: an exclusive end at column 1 stops on the
// line before.
int last_line(const Span& span) {
  if (span.end_line > span.line && span.end_column <= 1) {
    return span.end_line - 1;
  }
  return std::max(span.line, span.end_line);
}

} // namespace

std::string format_gitlab(const Report& report) {
  std::vector<std::string> prints = fingerprints(report.findings);
  // GitLab drops every issue after the first with a given fingerprint; a
  // 64-bit hash collision must not hide a finding.
  std::set<std::string> used;
  Json issues = Json::array();
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    std::string print = prints[i];
    for (int n = 1; !used.insert(print).second; ++n) {
      print = fmt::format("{}-{}", prints[i], n);
    }
    issues.push_back(
        {{"description", f.message},
         {"check_name", f.rule},
         {"fingerprint", print},
         {"severity", gitlab_severity(f.severity)},
         {"location",
          {{"path", f.path}, {"lines", {{"begin", f.span.line}, {"end", last_line(f.span)}}}}}});
  }
  return issues.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace answerlint
