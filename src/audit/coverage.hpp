#pragma once

// question-coverage: which questions of the question bank the portfolio
// answers, by kind and by competency, and the gaps a coach would point out.

#include "audit/portfolio.hpp"
#include "config/question_bank.hpp"

#include <string>
#include <vector>

namespace answerlint::audit {

struct EntryCoverage {
  const BankEntry* entry = nullptr;
  std::vector<std::size_t> answers; // indices of the answers that answer it
};

struct CoverageCount {
  std::string kind;
  std::string competency; // empty in a per-kind count
  int total = 0;
  int answered = 0;
  double share() const { return total == 0 ? 1.0 : static_cast<double>(answered) / total; }
};

struct Coverage {
  std::vector<EntryCoverage> entries;       // in bank order, of the kinds looked at
  std::vector<CoverageCount> by_kind;       // in the order of k_kinds
  std::vector<CoverageCount> by_competency; // by kind, then competency
  int total = 0;
  int answered = 0;
};

// Coverage of the bank entries whose kind the rule looks at (`kinds`; all
// when empty). An entry is answered when an answer's bank_id names it.
Coverage compute_coverage(const QuestionBank& bank, const std::vector<AnswerFacts>& answers,
                          const PortfolioRule& rule);

// One portfolio-level finding (no path, line 0) per competency with fewer
// answered entries than the rule's min_per_competency.
std::vector<Finding> report_coverage_gaps(const Coverage& coverage, const PortfolioRule& rule);

} // namespace answerlint::audit
