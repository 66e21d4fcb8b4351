#include "document/document.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace answerlint {
namespace {

const std::vector<std::string> k_star = {"situation", "task",    "action",
                                         "result",    "context", "outcome"};

Document parse(const std::string& source, std::vector<std::string> labels = k_star,
               int split_level = 0) {
  ParseOptions options;
  options.labels = std::move(labels);
  options.split_level = split_level;
  return parse_document(source, options);
}

void expect_span(const Span& span, int line, int column, int end_line, int end_column) {
  EXPECT_EQ(span.line, line);
  EXPECT_EQ(span.column, column);
  EXPECT_EQ(span.end_line, end_line);
  EXPECT_EQ(span.end_column, end_column);
}

TEST(DocumentSections, AtxHeadingsNestByLevel) {
  const std::string source = "# Story\n"
                             "\n"
                             "## Situation\n"
                             "\n"
                             "We had a slow API.\n"
                             "\n"
                             "## Result: p95 back under 300 ms ##\n"
                             "\n"
                             "Latency fell.\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.sections.size(), 3U);
  const Section& story = doc.sections[0];
  const Section& situation = doc.sections[1];
  const Section& result = doc.sections[2];
  EXPECT_EQ(story.name, "Story");
  EXPECT_EQ(story.level, 1);
  EXPECT_EQ(story.parent, -1);
  EXPECT_EQ(story.word_count, 7U);
  EXPECT_EQ(story.body_end, source.size());
  EXPECT_EQ(situation.name, "Situation");
  EXPECT_EQ(situation.level, 2);
  EXPECT_EQ(situation.parent, 0);
  expect_span(situation.title, 3, 1, 3, 13);
  EXPECT_EQ(situation.body_begin, source.find("\n\nWe"));
  EXPECT_EQ(situation.body_end, source.find("## Result"));
  EXPECT_EQ(situation.word_count, 5U);
  EXPECT_EQ(result.name, "Result: p95 back under 300 ms");
  expect_span(result.title, 7, 1, 7, 36);
  EXPECT_EQ(result.word_count, 2U);
  // Headings are not prose.
  ASSERT_EQ(doc.paragraphs.size(), 2U);
  EXPECT_EQ(doc.paragraphs[0].section, 1);
  EXPECT_EQ(doc.paragraphs[1].section, 2);
  ASSERT_EQ(doc.answers.size(), 1U);
  EXPECT_EQ(doc.answers[0].question, "Story");
  EXPECT_EQ(doc.answers[0].word_count, 7U);
  EXPECT_EQ(doc.sections_of(0).size(), 3U);
}

TEST(DocumentSections, SetextHeadings) {
  const std::string source = "Situation\n"
                             "=========\n"
                             "\n"
                             "Text here.\n"
                             "\n"
                             "Task\n"
                             "----\n"
                             "More text.\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.sections.size(), 2U);
  EXPECT_EQ(doc.sections[0].name, "Situation");
  EXPECT_EQ(doc.sections[0].level, 1);
  expect_span(doc.sections[0].title, 1, 1, 1, 10);
  EXPECT_EQ(doc.sections[1].name, "Task");
  EXPECT_EQ(doc.sections[1].level, 2);
  EXPECT_EQ(doc.sections[1].parent, 0);
  expect_span(doc.sections[1].title, 6, 1, 6, 5);
  EXPECT_EQ(doc.sections[1].word_count, 2U);
  EXPECT_EQ(doc.sections[0].word_count, 4U);
}

TEST(DocumentSections, BoldLabelWithColonInside) {
  const std::string source = "**Situation:** We had a slow API.\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.sections.size(), 1U);
  const Section& label = doc.sections[0];
  EXPECT_EQ(label.name, "Situation");
  EXPECT_EQ(label.level, 7);
  expect_span(label.title, 1, 1, 1, 15);
  EXPECT_EQ(label.body_begin, 14U);
  EXPECT_EQ(label.word_count, 5U);
  ASSERT_EQ(doc.paragraphs.size(), 1U);
  EXPECT_EQ(doc.paragraphs[0].text, "We had a slow API.");
  expect_span(doc.paragraphs[0].span, 1, 16, 1, 34);
  EXPECT_EQ(doc.paragraphs[0].section, 0);
}

TEST(DocumentSections, BoldLabelThenColonAndHardBreak) {
  const std::string spaces = "**Situation**:  \nWe had a slow API.\n";
  const Document doc = parse(spaces);
  ASSERT_EQ(doc.sections.size(), 1U);
  EXPECT_EQ(doc.sections[0].name, "Situation");
  expect_span(doc.sections[0].title, 1, 1, 1, 15);
  ASSERT_EQ(doc.paragraphs.size(), 1U);
  EXPECT_EQ(doc.paragraphs[0].text, "We had a slow API.");
  expect_span(doc.paragraphs[0].span, 2, 1, 2, 19);

  const std::string backslash = "**Task**:\\\nShip it by Friday.\n";
  const Document other = parse(backslash);
  ASSERT_EQ(other.sections.size(), 1U);
  EXPECT_EQ(other.sections[0].name, "Task");
  expect_span(other.sections[0].title, 1, 1, 1, 10);
  ASSERT_EQ(other.paragraphs.size(), 1U);
  EXPECT_EQ(other.paragraphs[0].text, "Ship it by Friday.");
}

TEST(DocumentSections, BoldLabelAloneFollowedByAList) {
  const std::string source = "**Outcome**\n"
                             "- p95 fell to 300 ms\n"
                             "- errors halved\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.sections.size(), 1U);
  EXPECT_EQ(doc.sections[0].name, "Outcome");
  EXPECT_EQ(doc.sections[0].level, 7);
  expect_span(doc.sections[0].title, 1, 1, 1, 12);
  EXPECT_EQ(doc.sections[0].word_count, 7U);
  ASSERT_EQ(doc.paragraphs.size(), 2U);
  EXPECT_EQ(doc.paragraphs[0].text, "p95 fell to 300 ms");
  EXPECT_EQ(doc.paragraphs[0].section, 0);
  EXPECT_EQ(doc.paragraphs[1].section, 0);
  EXPECT_EQ(doc.sentences.size(), 2U);
}

TEST(DocumentSections, BoldLabelAloneAsAParagraph) {
  const std::string source = "**Result**\n\nWe shipped.\n\nIt held.\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.sections.size(), 1U);
  EXPECT_EQ(doc.sections[0].name, "Result");
  EXPECT_EQ(doc.sections[0].word_count, 4U);
  ASSERT_EQ(doc.paragraphs.size(), 2U);
}

TEST(DocumentSections, PlainTextLabels) {
  const std::string hyphen = "Situation - The API was slow.\n";
  const Document doc = parse(hyphen);
  ASSERT_EQ(doc.sections.size(), 1U);
  EXPECT_EQ(doc.sections[0].name, "Situation");
  expect_span(doc.sections[0].title, 1, 1, 1, 12);
  ASSERT_EQ(doc.paragraphs.size(), 1U);
  EXPECT_EQ(doc.paragraphs[0].text, "The API was slow.");
  expect_span(doc.paragraphs[0].span, 1, 13, 1, 30);

  const std::string colon = "Results: p95 fell.\n";
  const Document plural = parse(colon);
  ASSERT_EQ(plural.sections.size(), 1U);
  EXPECT_EQ(plural.sections[0].name, "Results");
  EXPECT_EQ(plural.paragraphs[0].text, "p95 fell.");

  const std::string dash = "Task \xE2\x80\x94 ship it\n";
  const Document em = parse(dash);
  ASSERT_EQ(em.sections.size(), 1U);
  EXPECT_EQ(em.sections[0].name, "Task");
  expect_span(em.sections[0].title, 1, 1, 1, 7);
  EXPECT_EQ(em.paragraphs[0].text, "ship it");
}

TEST(DocumentSections, PlainTextThatIsNotALabel) {
  // Too many words before the colon, an unknown name, a word glued to "Task".
  const std::string source = "The result of the whole migration: fine.\n\n"
                             "Summary: fine.\n\n"
                             "Taskforce: fine.\n";
  const Document doc = parse(source);
  EXPECT_TRUE(doc.sections.empty());
  EXPECT_EQ(doc.paragraphs.size(), 3U);
}

TEST(DocumentSections, ListItemsOpeningWithALabel) {
  const std::string source = "- **S**: p95 was 2.1 s\n"
                             "- **A:** I added an index\n"
                             "- R - it dropped\n";
  const Document doc = parse(source, {"s", "a", "r"});
  ASSERT_EQ(doc.sections.size(), 3U);
  EXPECT_EQ(doc.sections[0].name, "S");
  expect_span(doc.sections[0].title, 1, 3, 1, 9);
  EXPECT_EQ(doc.sections[0].body_end, doc.sections[1].title.begin);
  EXPECT_EQ(doc.sections[1].name, "A");
  EXPECT_EQ(doc.sections[2].name, "R");
  ASSERT_EQ(doc.paragraphs.size(), 3U);
  EXPECT_EQ(doc.paragraphs[0].text, "p95 was 2.1 s");
  expect_span(doc.paragraphs[0].span, 1, 10, 1, 23);
  ASSERT_GE(doc.words.size(), 4U);
  EXPECT_EQ(doc.words[0].text, "p95");
  EXPECT_EQ(doc.words[2].text, "2.1");
  EXPECT_EQ(doc.sections[0].word_count, 4U);
  // "S" is an exact alias: "Situation" is not its word.
  const Document other = parse("- **Situation**: x\n", {"s"});
  EXPECT_TRUE(other.sections.empty());
}

TEST(DocumentSections, BoldThatIsNotALabel) {
  const std::string source = "**Note:** remember this.\n\n**Redis** was the bottleneck.\n";
  const Document doc = parse(source);
  EXPECT_TRUE(doc.sections.empty());
  ASSERT_EQ(doc.paragraphs.size(), 2U);
  EXPECT_EQ(doc.paragraphs[0].text, "Note: remember this.");
  EXPECT_EQ(doc.paragraphs[1].text, "Redis was the bottleneck.");
  EXPECT_EQ(doc.words.size(), 7U);
  // With "note" among the labels it is one.
  const Document labelled = parse(source, {"note"});
  ASSERT_EQ(labelled.sections.size(), 1U);
  EXPECT_EQ(labelled.sections[0].name, "Note");
}

TEST(DocumentSections, SeveralLabelsInOneParagraph) {
  const std::string source = "Intro line.\n**Situation:** slow API.\n**Task:** fix it.\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.sections.size(), 2U);
  EXPECT_EQ(doc.sections[0].name, "Situation");
  expect_span(doc.sections[0].title, 2, 1, 2, 15);
  EXPECT_EQ(doc.sections[0].body_end, doc.sections[1].title.begin);
  EXPECT_EQ(doc.sections[1].name, "Task");
  ASSERT_EQ(doc.paragraphs.size(), 3U);
  EXPECT_EQ(doc.paragraphs[0].text, "Intro line.");
  EXPECT_EQ(doc.paragraphs[0].section, -1);
  EXPECT_EQ(doc.paragraphs[1].text, "slow API.");
  EXPECT_EQ(doc.paragraphs[1].section, 0);
  EXPECT_EQ(doc.paragraphs[2].text, "fix it.");
  EXPECT_EQ(doc.paragraphs[2].section, 1);
}

TEST(DocumentSections, LabelsEndAtTheNextLabelOrHeading) {
  const std::string source = "## Story\n"
                             "\n"
                             "**Situation:** slow.\n"
                             "\n"
                             "**Action:** I fixed it.\n"
                             "\n"
                             "## Next\n"
                             "\n"
                             "After.\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.sections.size(), 4U);
  EXPECT_EQ(doc.sections[1].parent, 0);
  EXPECT_EQ(doc.sections[2].parent, 0);
  EXPECT_EQ(doc.sections[1].body_end, doc.sections[2].title.begin);
  EXPECT_EQ(doc.sections[2].body_end, source.find("## Next"));
  EXPECT_EQ(doc.sections[2].word_count, 3U);
  EXPECT_EQ(doc.sections[3].parent, -1);
  EXPECT_EQ(doc.paragraphs.back().section, 3);
}

TEST(DocumentSections, SplitLevelWithAPreamble) {
  const std::string source = "# Behavioral stories\n"
                             "\n"
                             "Some intro.\n"
                             "\n"
                             "## Conflict with a teammate\n"
                             "\n"
                             "**Situation:** we disagreed.\n"
                             "\n"
                             "## Missed deadline\n"
                             "\n"
                             "### Task\n"
                             "\n"
                             "Ship it.\n";
  const Document doc = parse(source, k_star, 2);
  ASSERT_EQ(doc.answers.size(), 2U);
  const Answer& first = doc.answers[0];
  EXPECT_EQ(first.question, "Conflict with a teammate");
  expect_span(first.title, 5, 1, 5, 28);
  EXPECT_EQ(first.begin, source.find("## Conflict"));
  EXPECT_EQ(first.end, source.find("## Missed"));
  EXPECT_EQ(first.word_count, 2U);
  EXPECT_EQ(doc.answers[1].question, "Missed deadline");
  EXPECT_EQ(doc.answers[1].end, source.size());
  EXPECT_EQ(doc.answers[1].word_count, 2U);

  ASSERT_EQ(doc.sections.size(), 5U);
  EXPECT_EQ(doc.sections[0].answer, -1);
  EXPECT_EQ(doc.sections[0].body_end, first.begin); // the preamble ends at the first answer
  EXPECT_EQ(doc.sections[0].word_count, 2U);
  EXPECT_EQ(doc.sections[1].answer, 0);
  EXPECT_EQ(doc.sections[1].parent, -1);
  EXPECT_EQ(doc.sections[2].answer, 0);
  EXPECT_EQ(doc.sections[2].parent, 1);
  EXPECT_EQ(doc.sections[4].name, "Task");
  EXPECT_EQ(doc.sections[4].parent, 3);

  const auto first_sections = doc.sections_of(0);
  ASSERT_EQ(first_sections.size(), 2U);
  EXPECT_EQ(first_sections[0].name, "Conflict with a teammate");
  EXPECT_EQ(first_sections[1].name, "Situation");
  EXPECT_EQ(doc.sections_of(1).size(), 2U);
  EXPECT_TRUE(doc.sections_of(2).empty());
  EXPECT_TRUE(doc.sections_of(-1).empty());

  ASSERT_EQ(doc.paragraphs.size(), 3U);
  EXPECT_EQ(doc.paragraphs[0].answer, -1);
  EXPECT_EQ(doc.paragraphs[0].section, 0);
  EXPECT_EQ(doc.paragraphs[1].answer, 0);
  EXPECT_EQ(doc.paragraphs[2].answer, 1);
  EXPECT_EQ(doc.paragraphs[2].section, 4);
}

TEST(DocumentSections, AHigherHeadingEndsAnAnswer) {
  const std::string source = "## One\n\nA.\n\n# Part two\n\nB.\n\n## Two\n\nC.\n";
  const Document doc = parse(source, k_star, 2);
  ASSERT_EQ(doc.answers.size(), 2U);
  EXPECT_EQ(doc.answers[0].end, source.find("# Part two"));
  EXPECT_EQ(doc.sections[1].answer, -1);
  EXPECT_EQ(doc.paragraphs[1].answer, -1);
  EXPECT_EQ(doc.paragraphs[2].answer, 1);
}

TEST(DocumentSections, QuestionFallsBackToTheFirstHeadingThenNothing) {
  const Document headed = parse("Intro.\n\n### Why Kafka?\n\nBecause.\n");
  ASSERT_EQ(headed.answers.size(), 1U);
  EXPECT_EQ(headed.answers[0].question, "Why Kafka?");
  const Document bare = parse("Just text.\n");
  ASSERT_EQ(bare.answers.size(), 1U);
  EXPECT_EQ(bare.answers[0].question, "");
  EXPECT_TRUE(bare.answers[0].title.empty());
  EXPECT_EQ(bare.answers[0].end, 11U);
}

} // namespace
} // namespace answerlint
