// The audit of examples/portfolio: its README lists the deliberate mistakes,
// including one story told twice and one question answered twice.

#include "audit/audit.hpp"
#include "audit/render.hpp"
#include "audit_support.hpp"
#include "lint/runner.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <set>

namespace answerlint {
namespace {

namespace fs = std::filesystem;

const fs::path k_example = fs::path(ANSWERLINT_SOURCE_DIR) / "examples" / "portfolio";

class ExamplePortfolio : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    s_config = load_config(k_example / "answerlint.toml");
    audit::CollectOptions options;
    options.selection.paths = {k_example};
    s_result = new audit::AuditResult(audit::run_audit(*s_config, options, "examples/portfolio"));
  }
  static void TearDownTestSuite() {
    delete s_result;
    s_config.reset();
  }
  static const audit::AuditResult& result() { return *s_result; }
  static const Config& config() { return *s_config; }

private:
  static inline std::unique_ptr<Config> s_config;
  static inline audit::AuditResult* s_result = nullptr;
};

TEST_F(ExamplePortfolio, EveryAnswerWithItsFacts) {
  const auto& answers = result().portfolio.answers;
  EXPECT_EQ(result().portfolio.files_checked, 12);
  ASSERT_EQ(answers.size(), 13U); // stories.md holds two
  EXPECT_TRUE(result().portfolio.errors.empty());
  const auto* stories = test::answer_at(result(), "behavioral/stories.md");
  ASSERT_NE(stories, nullptr);
  EXPECT_EQ(stories->question, "Learning Kafka in three weeks for the order events pipeline");
  EXPECT_EQ(stories->line, 14);
  const auto* ledger = test::answer_at(result(), "projects/billing-ledger.md");
  ASSERT_NE(ledger, nullptr);
  EXPECT_EQ(ledger->kind, "project");
  EXPECT_EQ(ledger->question, "Walk me through a project you're proud of.");
  EXPECT_GT(ledger->words, 250U);
  EXPECT_NEAR(ledger->speaking_seconds(), ledger->words * 60.0 / 150, 1e-9);
  EXPECT_EQ(test::answer_at(result(), "questions-to-ask/for-the-interviewer.md")->question, "");
}

TEST_F(ExamplePortfolio, PerAnswerFindingsAreThoseOfCheck) {
  RunOptions options;
  options.selection.paths = {k_example};
  Report report = run_check(config(), options);
  std::multiset<std::tuple<std::string, int, int, std::string>> checked;
  for (const Finding& f : report.findings) {
    checked.emplace(f.path, f.span.line, f.span.column, f.rule);
  }
  std::multiset<std::tuple<std::string, int, int, std::string>> audited;
  for (const auto& answer : result().portfolio.answers) {
    for (const Finding& f : answer.findings) {
      if (!is_portfolio_rule(f.rule)) {
        audited.emplace(f.path, f.span.line, f.span.column, f.rule);
      }
    }
  }
  EXPECT_EQ(audited, checked);
}

TEST_F(ExamplePortfolio, KnownCoverage) {
  std::set<std::string> answered;
  for (const auto& item : result().coverage.entries) {
    if (!item.answers.empty()) {
      answered.insert(item.entry->id);
    }
  }
  std::set<std::string> expected = {
      "difficult-colleague", "performance-story",     "quick-fix-vs-proper-fix",
      "proudest-project",    "design-rate-limiter",   "url-shortener",
      "database-migrations", "debugging-performance", "rest-vs-graphql"};
  EXPECT_EQ(answered, expected);
  // The preset leaves questions-to-ask out of the coverage.
  std::vector<std::string> kinds;
  for (const auto& count : result().coverage.by_kind) {
    kinds.push_back(count.kind);
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"behavioral", "technical", "system-design"}));
  std::vector<std::string> gaps;
  for (const Finding& f : result().portfolio_findings) {
    EXPECT_EQ(f.rule, "question-coverage");
    gaps.push_back(f.message);
  }
  auto has_gap = [&gaps](std::string_view what) {
    return std::any_of(gaps.begin(), gaps.end(), [what](const std::string& message) {
      return message.find(what) != std::string::npos;
    });
  };
  for (std::string_view gap :
       {"behavioral questions on failure", "behavioral questions on leadership",
        "behavioral questions on ownership", "technical questions on security"}) {
    EXPECT_TRUE(has_gap(gap)) << gap;
  }
  for (std::string_view covered :
       {"questions on conflict", "questions on judgment", "questions on impact",
        "questions on system-design", "questions on api-design"}) {
    EXPECT_FALSE(has_gap(covered)) << covered;
  }
}

TEST_F(ExamplePortfolio, TheKafkaStoryIsToldTwice) {
  ASSERT_EQ(result().reuse.size(), 1U);
  const auto& group = result().reuse[0];
  EXPECT_TRUE(group.over_limit);
  ASSERT_EQ(group.uses.size(), 2U);
  const auto& answers = result().portfolio.answers;
  EXPECT_EQ(answers[group.uses[0].answer].relative, "behavioral/stories.md");
  EXPECT_EQ(answers[group.uses[0].answer].paragraphs[group.uses[0].paragraph].span.line, 26);
  EXPECT_EQ(answers[group.uses[1].answer].relative, "projects/order-events-pipeline.md");
  EXPECT_EQ(answers[group.uses[1].answer].paragraphs[group.uses[1].paragraph].span.line, 24);
  EXPECT_EQ(test::findings_of(result(), "story-reuse").size(), 2U);
}

TEST_F(ExamplePortfolio, TheProudestProjectIsAnsweredTwice) {
  ASSERT_EQ(result().duplicates.size(), 1U);
  EXPECT_EQ(result().duplicates[0].key, "proudest-project");
  const auto& answers = result().portfolio.answers;
  std::vector<std::string> paths;
  for (std::size_t a : result().duplicates[0].answers) {
    paths.push_back(answers[a].relative);
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"projects/billing-ledger.md",
                                             "projects/order-events-pipeline.md"}));
}

TEST_F(ExamplePortfolio, ScoresAndReports) {
  const auto& scores = result().scores;
  EXPECT_GT(scores.portfolio, 30);
  EXPECT_LT(scores.portfolio, 90);
  const auto& answers = result().portfolio.answers;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    EXPECT_EQ(scores.answers[i] == 100, answers[i].findings.empty()) << answers[i].relative;
  }
  const auto* clean = test::answer_at(result(), "behavioral/optimizing-shipment-search.md");
  const auto* weak = test::answer_at(result(), "behavioral/difficult-stakeholder.md");
  EXPECT_GT(scores.answers[static_cast<std::size_t>(clean - answers.data())],
            scores.answers[static_cast<std::size_t>(weak - answers.data())]);

  auto json = nlohmann::json::parse(audit::format_audit_json(result()));
  EXPECT_DOUBLE_EQ(json["portfolio"]["score"].get<double>(),
                   std::round(scores.portfolio * 10) / 10);
  EXPECT_EQ(json["answers"].size(), 13U);
  EXPECT_EQ(json["portfolio"]["reuse_groups"].size(), 1U);
  EXPECT_EQ(json["portfolio"]["duplicate_questions"].size(), 1U);
  EXPECT_EQ(json["portfolio"]["top_fixes"].size(), 5U);
  for (const auto& answer : json["answers"]) {
    for (const char* key :
         {"path", "kind", "question", "words", "speaking_seconds", "score", "findings"}) {
      EXPECT_TRUE(answer.contains(key)) << key;
    }
  }
  std::string text = audit::format_audit_text(result());
  EXPECT_NE(text.find(fmt::format("Portfolio readiness: {:.0f}/100", scores.portfolio)),
            std::string::npos)
      << text;
}

} // namespace
} // namespace answerlint
