#include "audit_support.hpp"
#include "config/question_bank.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace answerlint {
namespace {

using test::AuditFixture;
using test::findings_of;

std::string with_id(std::string_view id) {
  return fmt::format("---\nid: {}\n---\n\nSome prose.\n", id);
}

std::string with_question(std::string_view question) {
  return fmt::format("---\nquestion: \"{}\"\n---\n\nSome prose.\n", question);
}

const audit::CoverageCount* count_of(const std::vector<audit::CoverageCount>& counts,
                                     std::string_view kind, std::string_view competency = {}) {
  for (const auto& count : counts) {
    if (count.kind == kind && count.competency == competency) {
      return &count;
    }
  }
  return nullptr;
}

int bank_count(std::string_view kind, std::string_view competency = {}) {
  int n = 0;
  for (const BankEntry& entry : builtin_question_bank().entries) {
    n += entry.kind == kind && (competency.empty() || entry.competency == competency) ? 1 : 0;
  }
  return n;
}

TEST(QuestionCoverage, EveryBankEntryHasAKnownKindAndACompetency) {
  for (const BankEntry& entry : builtin_question_bank().entries) {
    EXPECT_TRUE(is_known_kind(entry.kind)) << entry.id;
    EXPECT_FALSE(entry.competency.empty()) << entry.id;
  }
  for (std::string_view competency :
       {"conflict", "failure", "leadership", "ownership", "learning"}) {
    EXPECT_GT(bank_count("behavioral", competency), 0) << competency;
  }
}

TEST(QuestionCoverage, AnswersCountByIdAndByWording) {
  AuditFixture f;
  f.write("behavioral/conflict.md", with_id("difficult-colleague"));
  // The bank's leadership question, reworded.
  f.write("behavioral/lead.md", with_question("Describe a time when you led a team or a project."));
  f.write("technical/index.md", with_id("database-indexing"));
  f.write("technical/unrelated.md", with_question("What is your favourite editor?"));
  auto result = f.audit();
  const auto& coverage = result.coverage;

  EXPECT_EQ(test::answer_at(result, "behavioral/conflict.md")->bank_id, "difficult-colleague");
  EXPECT_EQ(test::answer_at(result, "behavioral/lead.md")->bank_id, "leadership");
  EXPECT_EQ(test::answer_at(result, "technical/unrelated.md")->bank_id, "");
  EXPECT_EQ(coverage.answered, 3);
  EXPECT_EQ(coverage.total, static_cast<int>(builtin_question_bank().entries.size()));
  const auto* behavioral = count_of(coverage.by_kind, "behavioral");
  ASSERT_NE(behavioral, nullptr);
  EXPECT_EQ(behavioral->answered, 2);
  EXPECT_EQ(behavioral->total, bank_count("behavioral"));
  const auto* databases = count_of(coverage.by_competency, "technical", "databases");
  ASSERT_NE(databases, nullptr);
  EXPECT_EQ(databases->answered, 1);
  EXPECT_EQ(databases->total, bank_count("technical", "databases"));
  ASSERT_NE(count_of(coverage.by_competency, "behavioral", "conflict"), nullptr);
  EXPECT_EQ(count_of(coverage.by_competency, "behavioral", "conflict")->answered, 1);
}

TEST(QuestionCoverage, EachUnansweredCompetencyIsOnePortfolioFinding) {
  AuditFixture f;
  f.write("behavioral/conflict.md", with_id("difficult-colleague"));
  auto result = f.audit();
  auto gaps = findings_of(result, "question-coverage");
  std::size_t groups = result.coverage.by_competency.size();
  EXPECT_EQ(gaps.size(), groups - 1); // every group but conflict
  for (const Finding& gap : gaps) {
    EXPECT_TRUE(gap.path.empty());
    EXPECT_EQ(gap.span.line, 0);
    EXPECT_EQ(gap.severity, Severity::info);
    EXPECT_EQ(gap.message.find("on conflict "), std::string::npos) << gap.message;
  }
  auto failure = std::find_if(gaps.begin(), gaps.end(), [](const Finding& gap) {
    return gap.message.find("behavioral questions on failure") != std::string::npos;
  });
  ASSERT_NE(failure, gaps.end());
  EXPECT_NE(failure->message.find("answerlint new behavioral production-mistake"),
            std::string::npos)
      << failure->message;
}

TEST(QuestionCoverage, KindsAndMinPerCompetency) {
  AuditFixture f;
  f.write("behavioral/a.md", with_id("learning-new-technology"));
  auto result = f.audit(R"toml(
[rules.question-coverage]
kinds = ["behavioral"]
min_per_competency = 2
)toml");
  for (const auto& count : result.coverage.by_kind) {
    EXPECT_EQ(count.kind, "behavioral");
  }
  auto gaps = findings_of(result, "question-coverage");
  // learning has two bank questions and one answer: still a gap at 2.
  auto learning = std::find_if(gaps.begin(), gaps.end(), [](const Finding& gap) {
    return gap.message.find("on learning") != std::string::npos;
  });
  ASSERT_NE(learning, gaps.end());
  EXPECT_NE(
      learning->message.find("1 of the 2 behavioral questions on learning answered, fewer than 2"),
      std::string::npos)
      << learning->message;
  // A competency with one bank question needs only that one.
  EXPECT_EQ(gaps.size(), result.coverage.by_competency.size());
}

TEST(QuestionCoverage, OffKeepsTheFiguresAndDropsTheFindings) {
  AuditFixture f;
  f.write("behavioral/a.md", with_id("leadership"));
  auto result = f.audit("[rules.question-coverage]\nseverity = \"off\"\n");
  EXPECT_TRUE(findings_of(result, "question-coverage").empty());
  EXPECT_EQ(result.coverage.answered, 1);
}

} // namespace
} // namespace answerlint
