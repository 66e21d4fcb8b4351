#include "lint/finding.hpp"

#include <tuple>

namespace answerlint {

bool finding_less(const Finding& a, const Finding& b) {
  return std::tie(a.path, a.span.line, a.span.column, a.rule, a.message) <
         std::tie(b.path, b.span.line, b.span.column, b.rule, b.message);
}

void Summary::add(std::span<const Finding> findings) {
  for (const Finding& finding : findings) {
    switch (finding.severity) {
    case Severity::error:
      ++error;
      break;
    case Severity::warning:
      ++warning;
      break;
    case Severity::info:
      ++info;
      break;
    case Severity::off:
      break;
    }
  }
}

Summary Report::summary() const {
  Summary summary;
  summary.add(findings);
  return summary;
}

} // namespace answerlint
