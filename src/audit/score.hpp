#pragma once

// Readiness scores, 0 to 100: each answer's from its findings, the
// portfolio's from its answers and its own findings. Every finding costs a
// penalty (its severity's weight times its rule's weight) and
//   score = 100 * K / (K + penalty),   K = k_half_score_penalty,
// so a clean answer scores 100, a penalty of K halves the score, and
// removing any finding raises the score: there is no floor to get stuck at.

#include "audit/portfolio.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace answerlint::audit {

inline constexpr double k_half_score_penalty = 30;

double severity_weight(Severity severity); // error 10, warning 4, info 1
double rule_weight(std::string_view rule); // 1 unless the table says otherwise
double finding_penalty(const Finding& finding);
double score_of_penalty(double penalty);

struct Scores {
  std::vector<double> answers;   // per answer, in answer order
  std::vector<double> penalties; // per answer
  double answer_penalty = 0;     // the mean of the answers' penalties
  double portfolio_penalty = 0;  // the portfolio-level findings' penalties
  double portfolio = 100;
};

// The portfolio's penalty is the mean answer penalty plus the penalties of
// the portfolio-level findings (question coverage), so a large portfolio is
// not punished for its size and a small one gains nothing from it.
Scores compute_scores(const std::vector<AnswerFacts>& answers,
                      const std::vector<Finding>& portfolio_findings);

// A finding and what fixing it alone adds to the portfolio score.
struct Fix {
  const Finding* finding = nullptr;
  double gain = 0;
};

// The `limit` findings whose fix raises the portfolio score most; ties go
// to the more severe, then in path and line order.
std::vector<Fix> most_valuable_fixes(const std::vector<AnswerFacts>& answers,
                                     const std::vector<Finding>& portfolio_findings,
                                     const Scores& scores, std::size_t limit);

// `answerlint explain score`.
std::string score_doc();

} // namespace answerlint::audit
