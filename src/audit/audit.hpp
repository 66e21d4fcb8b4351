#pragma once

// `answerlint audit`: every per-answer rule, the portfolio rules
// (question-coverage, story-reuse, duplicate-question) and the scores, as one
// result the text, JSON and HTML reports render.

#include "audit/coverage.hpp"
#include "audit/duplicate_question.hpp"
#include "audit/portfolio.hpp"
#include "audit/score.hpp"
#include "audit/story_reuse.hpp"

#include <string>
#include <vector>

namespace answerlint::audit {

struct AuditResult {
  std::string title; // what was audited, as the reports name it
  Portfolio portfolio;
  Coverage coverage;
  std::vector<ReuseGroup> reuse;           // every story in two answers or more
  std::vector<DuplicateGroup> duplicates;  // every question answered twice or more
  std::vector<Finding> portfolio_findings; // findings of no single answer (coverage gaps)
  Scores scores;

  Summary summary() const; // over every finding, answers' and portfolio's
};

// Collects the portfolio and runs the portfolio rules the config enables.
// `title` names the audited folder or revision in the reports.
AuditResult run_audit(const Config& config, const CollectOptions& options, std::string title);

// The exit code of an audit, as for `check`: 2 when a file could not be
// read, 1 with an error-level finding, else 0.
int audit_exit_code(const AuditResult& result);

} // namespace answerlint::audit
