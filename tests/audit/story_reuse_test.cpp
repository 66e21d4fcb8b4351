#include "audit/story_reuse.hpp"
#include "audit_support.hpp"
#include "document/document.hpp"
#include "error.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace answerlint {
namespace {

using test::AuditFixture;
using test::findings_of;

constexpr std::string_view k_story =
    "I rewrote the invoice exporter in Go over two sprints, moved the nightly batch onto a "
    "queue with retries, and added a reconciliation report that finance checked every morning. "
    "Failed exports fell from forty a month to two, and the finance team stopped losing a day "
    "each month to manual corrections.";

// The same story with a few words changed, as a candidate pastes and edits.
constexpr std::string_view k_story_edited =
    "I rewrote the invoice exporter in Go over three sprints, moved the nightly batch onto a "
    "queue with retries, and added a reconciliation report that finance read every morning. "
    "Failed exports fell from forty a month to two, and the finance team stopped losing two "
    "days each month to manual corrections.";

constexpr std::string_view k_other =
    "When the search page slowed down during the holiday peak, I profiled the slowest queries, "
    "found a missing composite index on the shipments table, and added it online with a "
    "concurrent build. The p95 latency went from 2.1 seconds back under 300 milliseconds.";

std::string answer(std::string_view question, std::string_view paragraph) {
  return fmt::format("---\nquestion: \"{}\"\n---\n\n## Story\n\n{}\n", question, paragraph);
}

audit::ParagraphPrint print_of(std::string_view text) {
  Document doc = parse_document(text, ParseOptions{});
  audit::ParagraphPrint print;
  audit::fingerprint(doc.words, print);
  return print;
}

TEST(StoryReuseFingerprint, SimilarityOfCopiesEditsAndStrangers) {
  auto story = print_of(k_story);
  EXPECT_DOUBLE_EQ(audit::jaccard(story.shingles, print_of(k_story).shingles), 1.0);
  double edited = audit::jaccard(story.shingles, print_of(k_story_edited).shingles);
  EXPECT_GT(edited, 0.5);
  EXPECT_LT(edited, 1.0);
  EXPECT_LT(audit::jaccard(story.shingles, print_of(k_other).shingles), 0.1);
  // Case does not matter; the words' order does.
  std::string upper(k_story);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
  EXPECT_DOUBLE_EQ(audit::jaccard(story.shingles, print_of(upper).shingles), 1.0);
  EXPECT_EQ(story.shingles, print_of(upper).shingles);
  EXPECT_TRUE(print_of("two words").shingles.empty());
}

TEST(StoryReuse, ACopiedParagraphInTwoAnswersIsReportedInBoth) {
  AuditFixture f;
  f.write("behavioral/conflict.md", answer("Tell me about a conflict with finance.", k_story));
  f.write("behavioral/proud.md", answer("What are you most proud of?", k_story));
  f.write("behavioral/search.md", answer("Tell me about a slow system.", k_other));
  auto result = f.audit();
  ASSERT_EQ(result.reuse.size(), 1U);
  EXPECT_TRUE(result.reuse[0].over_limit);
  EXPECT_DOUBLE_EQ(result.reuse[0].similarity, 1.0);
  auto findings = findings_of(result, "story-reuse");
  ASSERT_EQ(findings.size(), 2U);
  EXPECT_TRUE(findings[0].path.ends_with("behavioral/conflict.md"));
  EXPECT_EQ(findings[0].span.line, 7);
  EXPECT_EQ(findings[0].severity, Severity::warning);
  EXPECT_NE(findings[0].message.find("behavioral/proud.md:7"), std::string::npos)
      << findings[0].message;
  EXPECT_NE(findings[1].message.find("behavioral/conflict.md:7"), std::string::npos);
  EXPECT_EQ(findings[1].source_line.substr(0, 20), k_story.substr(0, 20));
}

TEST(StoryReuse, AnEditedCopyIsStillTheSameStory) {
  AuditFixture f;
  f.write("behavioral/a.md", answer("Tell me about a conflict.", k_story));
  f.write("projects/b.md", answer("Walk me through a project.", k_story_edited));
  auto result = f.audit();
  ASSERT_EQ(result.reuse.size(), 1U);
  EXPECT_LT(result.reuse[0].similarity, 1.0);
  EXPECT_EQ(findings_of(result, "story-reuse").size(), 2U);
}

TEST(StoryReuse, DifferentStoriesAreNotReuse) {
  AuditFixture f;
  f.write("behavioral/a.md", answer("Tell me about a conflict.", k_story));
  f.write("behavioral/b.md", answer("Tell me about a slow system.", k_other));
  auto result = f.audit();
  EXPECT_TRUE(result.reuse.empty());
  EXPECT_TRUE(findings_of(result, "story-reuse").empty());
}

TEST(StoryReuse, MaxUsesAllowsThatManyAnswers) {
  AuditFixture f;
  f.write("behavioral/a.md", answer("Tell me about a conflict.", k_story));
  f.write("behavioral/b.md", answer("Tell me about a success.", k_story));
  auto two = f.audit("[rules.story-reuse]\nmax_uses = 2\n");
  ASSERT_EQ(two.reuse.size(), 1U); // still shown in the reports
  EXPECT_FALSE(two.reuse[0].over_limit);
  EXPECT_TRUE(findings_of(two, "story-reuse").empty());

  f.write("behavioral/c.md", answer("Tell me about a failure.", k_story_edited));
  auto three = f.audit("[rules.story-reuse]\nmax_uses = 2\n");
  ASSERT_EQ(three.reuse.size(), 1U);
  EXPECT_EQ(three.reuse[0].uses.size(), 3U);
  auto findings = findings_of(three, "story-reuse");
  ASSERT_EQ(findings.size(), 3U);
  EXPECT_NE(findings[0].message.find("3 answers"), std::string::npos) << findings[0].message;
}

TEST(StoryReuse, TwiceInOneAnswerIsNotReuse) {
  AuditFixture f;
  f.write(
      "behavioral/a.md",
      fmt::format("---\nquestion: Q\n---\n\n## Story\n\n{}\n\n## Again\n\n{}\n", k_story, k_story));
  EXPECT_TRUE(f.audit().reuse.empty());
}

TEST(StoryReuse, SplitFileAnswersAreSeparateAnswers) {
  AuditFixture f;
  f.write("behavioral/stories.md",
          fmt::format("---\nsplit_level: 2\n---\n\n## One\n\n{}\n\n## Two\n\n{}\n", k_story,
                      k_story_edited));
  auto result = f.audit();
  ASSERT_EQ(result.reuse.size(), 1U);
  auto findings = findings_of(result, "story-reuse");
  ASSERT_EQ(findings.size(), 2U);
  EXPECT_EQ(findings[0].span.line, 7);
  EXPECT_EQ(findings[1].span.line, 11);
}

TEST(StoryReuse, ShortParagraphsAndOtherKindsAreLeftAlone) {
  AuditFixture f;
  f.write("behavioral/a.md", answer("Tell me about a conflict.", k_story));
  f.write("technical/b.md", answer("How do queues work?", k_story));
  EXPECT_TRUE(f.audit("[rules.story-reuse]\nkinds = [\"behavioral\"]\n").reuse.empty());
  EXPECT_TRUE(f.audit("[rules.story-reuse]\nmin_words = 80\n").reuse.empty());
  EXPECT_TRUE(
      findings_of(f.audit("[rules.story-reuse]\nseverity = \"off\"\n"), "story-reuse").empty());
  EXPECT_EQ(f.audit().reuse.size(), 1U);
}

TEST(StoryReuse, BadOptionsAreConfigErrors) {
  AuditFixture f;
  EXPECT_THROW(f.audit("[rules.story-reuse]\nmax_uses = 0\n"), Error);
  EXPECT_THROW(f.audit("[rules.story-reuse]\nmin_similarity = 1.5\n"), Error);
  EXPECT_THROW(f.audit("[rules.story-reuse]\nmin_words = 2\n"), Error);
  EXPECT_THROW(f.audit("[rules.story-reuse]\nmax_usage = 2\n"), Error);
}

// Many answers that share stock phrases but no story: MinHash proposes
// few pairs, the exact check rejects them all, and one planted copy is found.
TEST(StoryReuse, OnePlantedCopyAmongManyAnswers) {
  AuditFixture f;
  std::vector<std::string> vocabulary;
  for (std::string_view word : {"service", "queue", "latency", "team", "customer", "deploy",
                                "incident", "database", "cache", "review", "metric", "budget",
                                "migration", "schema", "release", "index", "partner", "report"}) {
    for (int suffix = 0; suffix < 12; ++suffix) {
      vocabulary.push_back(fmt::format("{}{}", word, suffix));
    }
  }
  std::uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1664525U + 1013904223U;
    return state >> 8;
  };
  for (int i = 0; i < 150; ++i) {
    std::string text = "In my last role I was responsible for the";
    for (int w = 0; w < 40; ++w) {
      text += " " + vocabulary[next() % vocabulary.size()];
    }
    text += ", and in the end the team was happy with the result.";
    f.write(fmt::format("behavioral/a{:03}.md", i), answer(fmt::format("Question {}", i), text));
  }
  f.write("behavioral/z1.md", answer("Copy one", k_story));
  f.write("behavioral/z2.md", answer("Copy two", k_story_edited));
  auto result = f.audit();
  ASSERT_EQ(result.reuse.size(), 1U);
  for (const auto& use : result.reuse[0].uses) {
    EXPECT_TRUE(result.portfolio.answers[use.answer].relative.starts_with("behavioral/z"));
  }
}

} // namespace
} // namespace answerlint
