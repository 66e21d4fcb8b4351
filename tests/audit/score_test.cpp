#include "audit/score.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <random>

namespace answerlint {
namespace {

using audit::AnswerFacts;

Finding finding(std::string rule, Severity severity, int line = 1) {
  Finding f;
  f.path = "a.md";
  f.rule = std::move(rule);
  f.severity = severity;
  f.span.line = line;
  f.message = "fix it";
  return f;
}

// A portfolio of random findings, drawn from every rule the weights table
// knows and from rules it does not.
struct RandomPortfolio {
  std::vector<AnswerFacts> answers;
  std::vector<Finding> portfolio;
};

RandomPortfolio random_portfolio(std::mt19937& rng) {
  const char* rules[] = {
      "required-sections", "placeholders", "spelling",        "length",
      "story-reuse",       "my-own-rule",  "section-balance", "question-coverage"};
  const Severity severities[] = {Severity::info, Severity::warning, Severity::error};
  RandomPortfolio out;
  std::uniform_int_distribution<int> answers(1, 8);
  std::uniform_int_distribution<int> count(0, 40);
  std::uniform_int_distribution<int> pick(0, 7);
  std::uniform_int_distribution<int> severity(0, 2);
  int n = answers(rng);
  for (int a = 0; a < n; ++a) {
    AnswerFacts answer;
    answer.path = fmt::format("a{}.md", a);
    int k = count(rng);
    for (int i = 0; i < k; ++i) {
      answer.findings.push_back(finding(rules[pick(rng)], severities[severity(rng)], i + 1));
    }
    out.answers.push_back(std::move(answer));
  }
  int gaps = count(rng);
  for (int i = 0; i < gaps; ++i) {
    out.portfolio.push_back(finding("question-coverage", Severity::info));
  }
  return out;
}

TEST(Score, CleanIsAHundredAndPenaltiesHalveAtK) {
  EXPECT_DOUBLE_EQ(audit::score_of_penalty(0), 100);
  EXPECT_DOUBLE_EQ(audit::score_of_penalty(audit::k_half_score_penalty), 50);
  std::vector<AnswerFacts> answers(2);
  auto scores = audit::compute_scores(answers, {});
  EXPECT_DOUBLE_EQ(scores.portfolio, 100);
  EXPECT_DOUBLE_EQ(scores.answers[0], 100);
  EXPECT_DOUBLE_EQ(audit::compute_scores({}, {}).portfolio, 100);
}

TEST(Score, WeightsFollowSeverityThenRule) {
  EXPECT_GT(audit::severity_weight(Severity::error), audit::severity_weight(Severity::warning));
  EXPECT_GT(audit::severity_weight(Severity::warning), audit::severity_weight(Severity::info));
  EXPECT_GT(audit::severity_weight(Severity::info), 0);
  EXPECT_GT(audit::rule_weight("required-sections"), audit::rule_weight("spelling"));
  EXPECT_DOUBLE_EQ(audit::rule_weight("a-rule-of-my-own"), 1);
  EXPECT_DOUBLE_EQ(audit::finding_penalty(finding("required-sections", Severity::warning)),
                   audit::severity_weight(Severity::warning) *
                       audit::rule_weight("required-sections"));
  EXPECT_GT(audit::finding_penalty(finding("spelling", Severity::error)),
            audit::finding_penalty(finding("spelling", Severity::warning)));
}

TEST(Score, FixingAnyOneFindingRaisesTheAnswerAndThePortfolioScore) {
  std::mt19937 rng(20261129);
  for (int round = 0; round < 40; ++round) {
    RandomPortfolio p = random_portfolio(rng);
    auto before = audit::compute_scores(p.answers, p.portfolio);
    for (std::size_t a = 0; a < p.answers.size(); ++a) {
      for (std::size_t i = 0; i < p.answers[a].findings.size(); ++i) {
        auto fixed = p.answers;
        fixed[a].findings.erase(fixed[a].findings.begin() + static_cast<std::ptrdiff_t>(i));
        auto after = audit::compute_scores(fixed, p.portfolio);
        ASSERT_GT(after.answers[a], before.answers[a]) << "round " << round;
        ASSERT_GT(after.portfolio, before.portfolio) << "round " << round;
        for (std::size_t other = 0; other < p.answers.size(); ++other) {
          if (other != a) {
            ASSERT_DOUBLE_EQ(after.answers[other], before.answers[other]);
          }
        }
      }
    }
    for (std::size_t i = 0; i < p.portfolio.size(); ++i) {
      auto fixed = p.portfolio;
      fixed.erase(fixed.begin() + static_cast<std::ptrdiff_t>(i));
      ASSERT_GT(audit::compute_scores(p.answers, fixed).portfolio, before.portfolio);
    }
    EXPECT_GT(before.portfolio, 0);
    EXPECT_LE(before.portfolio, 100);
  }
}

TEST(Score, DependsOnTheFindingsNotTheirOrder) {
  std::mt19937 rng(7);
  RandomPortfolio p = random_portfolio(rng);
  auto before = audit::compute_scores(p.answers, p.portfolio);
  for (auto& answer : p.answers) {
    std::shuffle(answer.findings.begin(), answer.findings.end(), rng);
  }
  std::reverse(p.answers.begin(), p.answers.end());
  EXPECT_DOUBLE_EQ(audit::compute_scores(p.answers, p.portfolio).portfolio, before.portfolio);
}

TEST(Score, MostValuableFixesAreExactGainsInOrder) {
  std::vector<AnswerFacts> answers(3);
  answers[0].findings = {finding("spelling", Severity::warning),
                         finding("required-sections", Severity::error, 5)};
  answers[1].findings = {finding("length", Severity::info)};
  std::vector<Finding> portfolio = {finding("question-coverage", Severity::info)};
  portfolio[0].path.clear();
  auto scores = audit::compute_scores(answers, portfolio);
  auto fixes = audit::most_valuable_fixes(answers, portfolio, scores, 3);
  ASSERT_EQ(fixes.size(), 3U);
  EXPECT_EQ(fixes[0].finding->rule, "required-sections");
  for (std::size_t i = 1; i < fixes.size(); ++i) {
    EXPECT_GE(fixes[i - 1].gain, fixes[i].gain);
  }
  auto fixed = answers;
  fixed[0].findings.pop_back();
  EXPECT_NEAR(fixes[0].gain, audit::compute_scores(fixed, portfolio).portfolio - scores.portfolio,
              1e-9);
  EXPECT_EQ(audit::most_valuable_fixes(answers, portfolio, scores, 10).size(), 4U);
}

TEST(Score, ExplainScoreStatesTheFormulaAndTheWeights) {
  std::string doc = audit::score_doc();
  EXPECT_NE(doc.find(fmt::format("score = 100 * {} / ({} + penalty)", audit::k_half_score_penalty,
                                 audit::k_half_score_penalty)),
            std::string::npos)
      << doc;
  EXPECT_NE(doc.find(fmt::format(
                "error {}, warning {}, info {}", audit::severity_weight(Severity::error),
                audit::severity_weight(Severity::warning), audit::severity_weight(Severity::info))),
            std::string::npos);
  EXPECT_NE(
      doc.find(fmt::format("`required-sections`: {}", audit::rule_weight("required-sections"))),
      std::string::npos);
}

} // namespace
} // namespace answerlint
