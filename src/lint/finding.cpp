#include "lint/finding.hpp"

#include <tuple>

namespace answerlint {

bool finding_less(const Finding& a, const Finding& b) {
  return std::tie(a.path, a.span.line, a.span.column, a.rule, a.message) <
         std::tie(b.path, b.span.line, b.span.column, b.rule, b.message);
}

Summary Report::summary() const {
  Summary summary;
  for (const Finding& finding : findings) {
    switch (finding.severity) {
    case Severity::error:
      ++summary.error;
      break;
    case Severity::warning:
      ++summary.warning;
      break;
    case Severity::info:
      ++summary.info;
      break;
    case Severity::off:
      break;
    }
  }
  return summary;
}

} // namespace answerlint
