#include "audit/audit.hpp"

#include "config/question_bank.hpp"

#include <algorithm>

namespace answerlint::audit {
namespace {

void count(Summary& summary, const Finding& finding) {
  summary.error += finding.severity == Severity::error ? 1 : 0;
  summary.warning += finding.severity == Severity::warning ? 1 : 0;
  summary.info += finding.severity == Severity::info ? 1 : 0;
}

} // namespace

Summary AuditResult::summary() const {
  Summary summary;
  for (const AnswerFacts& answer : portfolio.answers) {
    for (const Finding& finding : answer.findings) {
      count(summary, finding);
    }
  }
  for (const Finding& finding : portfolio_findings) {
    count(summary, finding);
  }
  return summary;
}

AuditResult run_audit(const Config& config, const CollectOptions& options, std::string title) {
  const PortfolioRule coverage_rule = portfolio_rule(config, "question-coverage");
  const PortfolioRule reuse_rule = portfolio_rule(config, "story-reuse");
  const PortfolioRule duplicate_rule = portfolio_rule(config, "duplicate-question");

  CollectOptions collect = options;
  collect.min_paragraph_words =
      reuse_rule.enabled() ? static_cast<std::size_t>(reuse_rule.options.integer("min_words")) : 0;

  AuditResult result;
  result.title = std::move(title);
  result.portfolio = collect_portfolio(config, collect);
  auto& answers = result.portfolio.answers;

  // Coverage is a figure of every report; only its findings depend on the
  // rule being on.
  result.coverage = compute_coverage(builtin_question_bank(), answers, coverage_rule);
  if (coverage_rule.enabled()) {
    result.portfolio_findings = report_coverage_gaps(result.coverage, coverage_rule);
  }
  if (reuse_rule.enabled()) {
    result.reuse = find_story_reuse(answers, reuse_rule);
    report_story_reuse(result.reuse, reuse_rule, answers);
  }
  if (duplicate_rule.enabled()) {
    result.duplicates = find_duplicate_questions(answers, duplicate_rule);
    report_duplicate_questions(result.duplicates, duplicate_rule, answers);
  }
  for (AnswerFacts& answer : answers) {
    std::stable_sort(answer.findings.begin(), answer.findings.end(), finding_less);
  }
  result.scores = compute_scores(answers, result.portfolio_findings);
  return result;
}

int audit_exit_code(const AuditResult& result) {
  if (!result.portfolio.errors.empty()) {
    return 2;
  }
  return result.summary().error > 0 ? 1 : 0;
}

} // namespace answerlint::audit
