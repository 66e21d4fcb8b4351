#include "audit/score.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <tuple>

namespace answerlint::audit {
namespace {

struct RuleWeight {
  std::string_view rule;
  double weight;
  std::string_view why;
};

// What a finding of each rule costs relative to others of its severity.
constexpr RuleWeight k_rule_weights[] = {
    {"required-sections", 1.5, "a story without its Result, a design without its API"},
    {"placeholders", 1.5, "a TODO or XX% makes the whole portfolio look unfinished"},
    {"first-person", 1.25, "the interviewer needs to hear what you did"},
    {"key-concepts", 1.25, "the ideas the interviewer listens for"},
    {"quantified-metrics", 1.25, "numbers make a result believable"},
    {"front-matter", 0.75, "bookkeeping: the answer itself may be fine"},
    {"section-balance", 0.75, "a rule of thumb"},
    {"question-coverage", 0.5, "one per missing competency; many are normal early on"},
    {"sentence-length", 0.5, "one long sentence is quick to split"},
    {"spelling", 0.5, "quick to fix, and often a name the dictionary lacks"},
};

} // namespace

double severity_weight(Severity severity) {
  switch (severity) {
  case Severity::error:
    return 10;
  case Severity::warning:
    return 4;
  case Severity::info:
    return 1;
  case Severity::off:
    return 0;
  }
  return 0;
}

double rule_weight(std::string_view rule) {
  for (const RuleWeight& entry : k_rule_weights) {
    if (entry.rule == rule) {
      return entry.weight;
    }
  }
  return 1;
}

double finding_penalty(const Finding& finding) {
  return severity_weight(finding.severity) * rule_weight(finding.rule);
}

double score_of_penalty(double penalty) {
  return 100 * k_half_score_penalty / (k_half_score_penalty + std::max(penalty, 0.0));
}

Scores compute_scores(const std::vector<AnswerFacts>& answers,
                      const std::vector<Finding>& portfolio_findings) {
  Scores scores;
  double total = 0;
  for (const AnswerFacts& answer : answers) {
    double penalty = 0;
    for (const Finding& finding : answer.findings) {
      penalty += finding_penalty(finding);
    }
    scores.penalties.push_back(penalty);
    scores.answers.push_back(score_of_penalty(penalty));
    total += penalty;
  }
  scores.answer_penalty = answers.empty() ? 0 : total / static_cast<double>(answers.size());
  for (const Finding& finding : portfolio_findings) {
    scores.portfolio_penalty += finding_penalty(finding);
  }
  scores.portfolio = score_of_penalty(scores.answer_penalty + scores.portfolio_penalty);
  return scores;
}

std::vector<Fix> most_valuable_fixes(const std::vector<AnswerFacts>& answers,
                                     const std::vector<Finding>& portfolio_findings,
                                     const Scores& scores, std::size_t limit) {
  const double penalty = scores.answer_penalty + scores.portfolio_penalty;
  const double count = static_cast<double>(std::max<std::size_t>(answers.size(), 1));
  std::vector<Fix> fixes;
  auto add = [&](const Finding& finding, double share) {
    double gain = score_of_penalty(penalty - finding_penalty(finding) * share) - scores.portfolio;
    fixes.push_back({&finding, gain});
  };
  for (const AnswerFacts& answer : answers) {
    for (const Finding& finding : answer.findings) {
      add(finding, 1 / count);
    }
  }
  for (const Finding& finding : portfolio_findings) {
    add(finding, 1);
  }
  auto key = [](const Fix& fix) {
    const Finding& f = *fix.finding;
    return std::make_tuple(-fix.gain, -static_cast<int>(f.severity), std::cref(f.path), f.span.line,
                           f.span.column, std::cref(f.rule), std::cref(f.message));
  };
  std::stable_sort(fixes.begin(), fixes.end(),
                   [&](const Fix& a, const Fix& b) { return key(a) < key(b); });
  if (fixes.size() > limit) {
    fixes.resize(limit);
  }
  return fixes;
}

std::string score_doc() {
  std::string out = fmt::format(R"md(# score

The readiness score of an answer and of the portfolio, 0 to 100, that
`answerlint audit` reports.

## How it is computed

Every finding costs a penalty: the weight of its severity times the weight
of its rule.

- severity: error {}, warning {}, info {}
- rule: 1, except the rules below

An answer's penalty is the sum over its findings (the per-answer rules, and
`story-reuse` and `duplicate-question` findings that point at it), and

    score = 100 * {} / ({} + penalty)

so a clean answer scores 100, a penalty of {} halves the score, one warning
costs about 12 points and one error 25. The portfolio's penalty is the mean
of its answers' penalties plus the penalties of the portfolio-level findings
(`question-coverage`), with the same formula.

There is no floor: removing any finding lowers a penalty and raises the
score, however many findings are left, and the score depends on the
findings only (not on their order or on file names). Reports round it to a
whole number (one decimal in JSON).

The "most valuable fixes" are the findings whose removal raises the
portfolio score most: an error in any answer before a warning, and a
missing competency before a warning in one answer of a large portfolio.

## Rule weights

)md",
                                severity_weight(Severity::error),
                                severity_weight(Severity::warning), severity_weight(Severity::info),
                                k_half_score_penalty, k_half_score_penalty, k_half_score_penalty);
  for (const RuleWeight& entry : k_rule_weights) {
    fmt::format_to(std::back_inserter(out), "- `{}`: {} ({})\n", entry.rule, entry.weight,
                   entry.why);
  }
  return out;
}

} // namespace answerlint::audit
