#include "audit/duplicate_question.hpp"
#include "audit_support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace answerlint {
namespace {

using test::AuditFixture;
using test::findings_of;

std::string with_question(std::string_view question) {
  return fmt::format("---\nkind: behavioral\nquestion: \"{}\"\n---\n\nSome prose.\n", question);
}

TEST(DuplicateQuestion, FoldIgnoresCaseAndPunctuation) {
  EXPECT_EQ(audit::fold_question("  What's the  difference?! "), "what s the difference");
  EXPECT_EQ(audit::fold_question("WHAT'S THE DIFFERENCE"), "what s the difference");
  EXPECT_EQ(audit::fold_question("?!"), "");
  EXPECT_EQ(audit::fold_question("Qué es"), "qué es");
}

TEST(DuplicateQuestion, TwoWordingsOfOneBankQuestion) {
  AuditFixture f;
  f.write("behavioral/a.md",
          with_question("Tell me about a time you disagreed with your manager."));
  f.write("behavioral/b.md",
          with_question("Have you ever disagreed with your manager? What happened?"));
  f.write("behavioral/c.md", with_question("Tell me about a time you led a team."));
  auto result = f.audit();
  ASSERT_EQ(result.duplicates.size(), 1U);
  EXPECT_TRUE(result.duplicates[0].from_bank);
  EXPECT_EQ(result.duplicates[0].key, "disagree-with-manager");
  auto findings = findings_of(result, "duplicate-question");
  ASSERT_EQ(findings.size(), 2U);
  // At the question, in the front matter.
  EXPECT_EQ(findings[0].span.line, 3);
  EXPECT_EQ(findings[0].source_line.substr(0, 9), "question:");
  EXPECT_NE(findings[0].message.find("behavioral/b.md:3 answers the same question"),
            std::string::npos)
      << findings[0].message;
  EXPECT_NE(findings[1].message.find("behavioral/a.md:3"), std::string::npos);
}

TEST(DuplicateQuestion, QuestionsOutsideTheBankMatchByTheirWords) {
  AuditFixture f;
  f.write("behavioral/a.md", with_question("Why did you leave Zorblax Industries?"));
  f.write("behavioral/b.md", with_question("why did you leave zorblax industries"));
  f.write("behavioral/c.md", with_question("Why did you join Zorblax Industries?"));
  auto result = f.audit();
  ASSERT_EQ(result.duplicates.size(), 1U);
  EXPECT_FALSE(result.duplicates[0].from_bank);
  EXPECT_EQ(result.duplicates[0].answers.size(), 2U);
}

TEST(DuplicateQuestion, SplitHeadingsAreQuestions) {
  AuditFixture f;
  f.write("behavioral/stories.md",
          "---\nsplit_level: 2\n---\n\n## Why did you leave Zorblax?\n\nOne.\n\n"
          "## Why did you leave Zorblax\n\nTwo.\n");
  auto findings = findings_of(f.audit(), "duplicate-question");
  ASSERT_EQ(findings.size(), 2U);
  EXPECT_EQ(findings[0].span.line, 5);
  EXPECT_EQ(findings[1].span.line, 9);
}

TEST(DuplicateQuestion, OffAndKinds) {
  AuditFixture f;
  f.write("behavioral/a.md", with_question("Why did you leave Zorblax?"));
  f.write("behavioral/b.md", with_question("Why did you leave Zorblax?"));
  EXPECT_TRUE(
      findings_of(f.audit("[rules.duplicate-question]\nseverity = \"off\"\n"), "duplicate-question")
          .empty());
  EXPECT_TRUE(findings_of(f.audit("[rules.duplicate-question]\nkinds = [\"technical\"]\n"),
                          "duplicate-question")
                  .empty());
  auto errors = findings_of(f.audit("[rules.duplicate-question]\nseverity = \"error\"\n"),
                            "duplicate-question");
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_EQ(errors[0].severity, Severity::error);
}

} // namespace
} // namespace answerlint
