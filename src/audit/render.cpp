#include "audit/render.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace answerlint::audit {

std::size_t top_fix_count() {
  return 5;
}

std::string format_seconds(double seconds) {
  auto total = static_cast<long long>(std::lround(seconds));
  return fmt::format("{}:{:02}", total / 60, total % 60);
}

std::string location_of(const Finding& finding) {
  if (finding.path.empty()) {
    return "portfolio";
  }
  return fmt::format("{}:{}:{}", finding.path, finding.span.line, finding.span.column);
}

std::string answer_label(const std::vector<AnswerFacts>& answers, std::size_t index) {
  const AnswerFacts& answer = answers[index];
  bool shared =
      answer.index > 0 || (index + 1 < answers.size() && answers[index + 1].path == answer.path);
  return shared ? fmt::format("{}:{}", answer.path, answer.line) : answer.path;
}

std::vector<std::size_t> weakest_first(const AuditResult& result) {
  std::vector<std::size_t> order(result.portfolio.answers.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return result.scores.answers[a] < result.scores.answers[b];
  });
  return order;
}

std::vector<RuleCount> count_by_rule(const AuditResult& result) {
  std::map<std::string, RuleCount, std::less<>> counts;
  auto add = [&counts](const Finding& finding) {
    RuleCount& count = counts[finding.rule];
    count.rule = finding.rule;
    count.error += finding.severity == Severity::error ? 1 : 0;
    count.warning += finding.severity == Severity::warning ? 1 : 0;
    count.info += finding.severity == Severity::info ? 1 : 0;
  };
  for (const AnswerFacts& answer : result.portfolio.answers) {
    std::for_each(answer.findings.begin(), answer.findings.end(), add);
  }
  std::for_each(result.portfolio_findings.begin(), result.portfolio_findings.end(), add);
  std::vector<RuleCount> out;
  out.reserve(counts.size());
  for (auto& [rule, count] : counts) {
    out.push_back(std::move(count));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const RuleCount& a, const RuleCount& b) { return a.total() > b.total(); });
  return out;
}

std::string render_audit(std::string_view format, const AuditResult& result) {
  if (format == "json") {
    return format_audit_json(result);
  }
  if (format == "html") {
    return format_audit_html(result);
  }
  return format_audit_text(result);
}

} // namespace answerlint::audit
