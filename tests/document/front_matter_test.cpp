#include "document/document.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace answerlint {
namespace {

Document parse(const std::string& source, int split_level = 0) {
  ParseOptions options;
  options.split_level = split_level;
  return parse_document(source, options);
}

std::vector<std::string> ids(const std::vector<RuleRef>& rules) {
  std::vector<std::string> out;
  for (const RuleRef& rule : rules) {
    out.push_back(rule.id);
  }
  return out;
}

void expect_span(const Span& span, int line, int column, int end_line, int end_column) {
  EXPECT_EQ(span.line, line);
  EXPECT_EQ(span.column, column);
  EXPECT_EQ(span.end_line, end_line);
  EXPECT_EQ(span.end_column, end_column);
}

TEST(DocumentFrontMatter, NoneWhenTheFileDoesNotOpenWithADelimiter) {
  const std::string source = "# Title\n\n---\nquestion: x\n---\n";
  const Document doc = parse(source);
  EXPECT_EQ(doc.front_matter.format, FrontMatterFormat::none);
  EXPECT_EQ(doc.body_begin, 0U);
  EXPECT_TRUE(doc.front_matter.keys.empty());
  EXPECT_TRUE(doc.front_matter.problems.empty());
}

TEST(DocumentFrontMatter, YamlKeysAndTypedValues) {
  const std::string source = "---\n"
                             "question: Why Postgres?\n"
                             "kind: technical\n"
                             "company: Acme\n"
                             "id: db-choice\n"
                             "tags: [databases, sql]\n"
                             "answerlint:\n"
                             "  disable: [length, spelling]\n"
                             "---\n"
                             "Body text.\n";
  const Document doc = parse(source);
  const FrontMatter& fm = doc.front_matter;
  EXPECT_EQ(fm.format, FrontMatterFormat::yaml);
  EXPECT_TRUE(fm.problems.empty());
  expect_span(fm.span, 1, 1, 9, 4);
  EXPECT_EQ(doc.body_begin, source.find("Body"));
  EXPECT_EQ(fm.question, "Why Postgres?");
  EXPECT_EQ(fm.kind, "technical");
  EXPECT_EQ(fm.company, "Acme");
  EXPECT_EQ(fm.id, "db-choice");
  EXPECT_EQ(fm.tags, (std::vector<std::string>{"databases", "sql"}));
  EXPECT_EQ(ids(fm.disable), (std::vector<std::string>{"length", "spelling"}));
  expect_span(fm.disable[0].span, 8, 13, 8, 19);
  expect_span(fm.disable[1].span, 8, 21, 8, 29);
  EXPECT_FALSE(fm.split_level.has_value());
  ASSERT_EQ(fm.keys.size(), 6U);
  expect_span(fm.keys.at("question"), 2, 1, 2, 9);
  expect_span(fm.keys.at("tags"), 6, 1, 6, 5);
  expect_span(fm.keys.at("answerlint"), 7, 1, 7, 11);
  // Front matter is never prose and the question comes from it.
  ASSERT_EQ(doc.words.size(), 2U);
  EXPECT_EQ(doc.words[0].text, "Body");
  ASSERT_EQ(doc.answers.size(), 1U);
  EXPECT_EQ(doc.answers[0].question, "Why Postgres?");
}

TEST(DocumentFrontMatter, YamlSingleTagAndQuotedKey) {
  const std::string source = "---\n\"tags\": redis\n---\n";
  const Document doc = parse(source);
  EXPECT_EQ(doc.front_matter.tags, (std::vector<std::string>{"redis"}));
  expect_span(doc.front_matter.keys.at("tags"), 2, 1, 2, 7);
}

TEST(DocumentFrontMatter, YamlClosedByDots) {
  const std::string source = "---\nkind: behavioral\n...\nText.\n";
  const Document doc = parse(source);
  EXPECT_EQ(doc.front_matter.kind, "behavioral");
  EXPECT_EQ(doc.body_begin, source.find("Text"));
}

TEST(DocumentFrontMatter, EmptyYamlBlockIsFine) {
  const std::string source = "---\n---\n# T\n";
  const Document doc = parse(source);
  EXPECT_EQ(doc.front_matter.format, FrontMatterFormat::yaml);
  EXPECT_TRUE(doc.front_matter.problems.empty());
  EXPECT_TRUE(doc.front_matter.keys.empty());
  ASSERT_EQ(doc.sections.size(), 1U);
  EXPECT_EQ(doc.sections[0].title.line, 3);
}

TEST(DocumentFrontMatter, SplitLevelOverridesTheOptions) {
  const std::string nested = "---\nanswerlint:\n  split_level: 2\n---\nNo level-2 heading here.\n";
  const Document split = parse(nested, 0);
  EXPECT_EQ(split.front_matter.split_level, 2);
  EXPECT_TRUE(split.answers.empty());
  ASSERT_EQ(split.paragraphs.size(), 1U);
  EXPECT_EQ(split.paragraphs[0].answer, -1);

  const std::string top = "---\nsplit_level: 0\n---\n## A\n\nText.\n";
  const Document whole = parse(top, 2);
  EXPECT_EQ(whole.front_matter.split_level, 0);
  ASSERT_EQ(whole.answers.size(), 1U);
  EXPECT_EQ(whole.answers[0].begin, whole.body_begin);
}

TEST(DocumentFrontMatter, YamlWithBomAndCrlf) {
  const std::string source =
      "\xEF\xBB\xBF---\r\nquestion: Caf\xC3\xA9?\r\nkind: x\r\n---\r\nHi.\r\n";
  const Document doc = parse(source);
  EXPECT_EQ(doc.front_matter.question, "Caf\xC3\xA9?");
  expect_span(doc.front_matter.span, 1, 1, 4, 4);
  expect_span(doc.front_matter.keys.at("kind"), 3, 1, 3, 5);
  EXPECT_EQ(doc.body_begin, source.find("Hi."));
}

TEST(DocumentFrontMatter, YamlDisableItemsPointAtThemselves) {
  const std::string block = "---\n"
                            "answerlint:\n"
                            "  disable:\n"
                            "    - length\n"
                            "    - \"sp\xC3\xA9lling\"\n"
                            "---\n";
  const Document listed = parse(block);
  EXPECT_TRUE(listed.front_matter.problems.empty());
  ASSERT_EQ(ids(listed.front_matter.disable),
            (std::vector<std::string>{"length", "sp\xC3\xA9lling"}));
  expect_span(listed.front_matter.disable[0].span, 4, 7, 4, 13);
  expect_span(listed.front_matter.disable[1].span, 5, 7, 5, 17); // quotes included

  const Document scalar = parse("---\nanswerlint: {disable: length}\n---\n");
  ASSERT_EQ(ids(scalar.front_matter.disable), (std::vector<std::string>{"length"}));
  expect_span(scalar.front_matter.disable[0].span, 2, 23, 2, 29);
}

TEST(DocumentFrontMatter, TomlInlineTableDisableItems) {
  const std::string source = "+++\n"
                             "answerlint = { disable = [\"length\", \"fist-person\"] }\n"
                             "+++\n";
  const Document doc = parse(source);
  EXPECT_TRUE(doc.front_matter.problems.empty());
  ASSERT_EQ(ids(doc.front_matter.disable), (std::vector<std::string>{"length", "fist-person"}));
  expect_span(doc.front_matter.disable[0].span, 2, 27, 2, 35);
  expect_span(doc.front_matter.disable[1].span, 2, 37, 2, 50);
}

TEST(DocumentFrontMatter, TomlKeysAndTypedValues) {
  const std::string source = "+++\n"
                             "question = \"Design a URL shortener\"\n"
                             "tags = [\"system-design\"]\n"
                             "split_level = 0\n"
                             "[answerlint]\n"
                             "disable = [\"length\"]\n"
                             "+++\n"
                             "# Title\n";
  const Document doc = parse(source);
  const FrontMatter& fm = doc.front_matter;
  EXPECT_EQ(fm.format, FrontMatterFormat::toml);
  EXPECT_TRUE(fm.problems.empty());
  EXPECT_EQ(fm.question, "Design a URL shortener");
  EXPECT_EQ(fm.tags, (std::vector<std::string>{"system-design"}));
  EXPECT_EQ(ids(fm.disable), (std::vector<std::string>{"length"}));
  expect_span(fm.disable[0].span, 6, 12, 6, 20); // the string, quotes included
  EXPECT_EQ(fm.split_level, 0);
  expect_span(fm.span, 1, 1, 7, 4);
  expect_span(fm.keys.at("question"), 2, 1, 2, 9);
  expect_span(fm.keys.at("answerlint"), 5, 2, 5, 12);
  EXPECT_EQ(doc.body_begin, source.find("# Title"));
}

TEST(DocumentFrontMatter, UnterminatedBlockKeepsTheRestAsMarkdown) {
  const std::string source = "---\nquestion: x\n\n# Heading\n\nSome text.\n";
  const Document doc = parse(source);
  const FrontMatter& fm = doc.front_matter;
  ASSERT_EQ(fm.problems.size(), 1U);
  EXPECT_EQ(fm.problems[0].message,
            "front matter opened on line 1 is never closed: add a closing `---` line");
  expect_span(fm.problems[0].span, 1, 1, 1, 4);
  expect_span(fm.span, 1, 1, 1, 4);
  EXPECT_EQ(doc.body_begin, 4U);
  EXPECT_FALSE(fm.question.has_value());
  ASSERT_EQ(doc.sections.size(), 1U);
  EXPECT_EQ(doc.sections[0].name, "Heading");
  ASSERT_EQ(doc.paragraphs.size(), 2U);
  EXPECT_EQ(doc.paragraphs[1].text, "Some text.");
}

TEST(DocumentFrontMatter, UnterminatedTomlNamesItsDelimiter) {
  const std::string source = "+++\nquestion = \"x\"\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.front_matter.problems.size(), 1U);
  EXPECT_EQ(doc.front_matter.problems[0].message,
            "front matter opened on line 1 is never closed: add a closing `+++` line");
}

TEST(DocumentFrontMatter, YamlSyntaxErrorHasAPosition) {
  const std::string source = "---\nkind: a: b\n---\nText.\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.front_matter.problems.size(), 1U);
  const FrontMatterProblem& problem = doc.front_matter.problems[0];
  EXPECT_EQ(problem.message.rfind("front matter is not valid YAML: illegal map value", 0), 0U)
      << problem.message;
  expect_span(problem.span, 2, 8, 2, 9);
  ASSERT_EQ(doc.words.size(), 1U);
}

TEST(DocumentFrontMatter, TomlSyntaxErrorColumnCountsCharacters) {
  const std::string source = "+++\nquestion = \"Caf\xC3\xA9\" x\n+++\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.front_matter.problems.size(), 1U);
  const FrontMatterProblem& problem = doc.front_matter.problems[0];
  EXPECT_EQ(problem.message.rfind("front matter is not valid TOML: ", 0), 0U) << problem.message;
  expect_span(problem.span, 2, 19, 2, 20);
  EXPECT_EQ(problem.span.begin, source.find(" x") + 1);
}

TEST(DocumentFrontMatter, YamlListIsNotAMapping) {
  const std::string source = "---\n- a\n- b\n---\ntext\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.front_matter.problems.size(), 1U);
  EXPECT_EQ(doc.front_matter.problems[0].message,
            "front matter must be a mapping of keys to values (`key: value` lines), not a list");
  expect_span(doc.front_matter.problems[0].span, 2, 1, 3, 4);
  EXPECT_EQ(doc.body_begin, source.find("text"));
}

TEST(DocumentFrontMatter, YamlScalarIsNotAMapping) {
  const std::string source = "---\njust text\n---\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.front_matter.problems.size(), 1U);
  EXPECT_EQ(doc.front_matter.problems[0].message,
            "front matter must be a mapping of keys to values (`key: value` lines), not a "
            "single value");
}

TEST(DocumentFrontMatter, YamlKnownKeysOfTheWrongType) {
  const std::string source = "---\n"
                             "kind: [a, b]\n"
                             "tags: {a: 1}\n"
                             "split_level: high\n"
                             "answerlint: off\n"
                             "question: ok\n"
                             "---\n";
  const Document doc = parse(source);
  const auto& problems = doc.front_matter.problems;
  ASSERT_EQ(problems.size(), 4U);
  EXPECT_EQ(problems[0].message, "front matter `kind` must be a string");
  expect_span(problems[0].span, 2, 1, 2, 5);
  EXPECT_EQ(problems[1].message, "front matter `tags` must be a list of strings");
  expect_span(problems[1].span, 3, 1, 3, 5);
  EXPECT_EQ(problems[2].message, "front matter `split_level` must be an integer from 0 to 6");
  EXPECT_EQ(problems[3].message.rfind("front matter `answerlint` must be a table", 0), 0U);
  EXPECT_FALSE(doc.front_matter.kind.has_value());
  EXPECT_EQ(doc.front_matter.question, "ok");
}

TEST(DocumentFrontMatter, TomlKnownKeysOfTheWrongType) {
  const std::string source = "+++\n"
                             "question = 42\n"
                             "split_level = 9\n"
                             "[answerlint]\n"
                             "disable = [\"a\", 3]\n"
                             "+++\n";
  const Document doc = parse(source);
  const auto& problems = doc.front_matter.problems;
  ASSERT_EQ(problems.size(), 3U);
  // toml++ keeps keys sorted: answerlint, question, split_level.
  EXPECT_EQ(problems[0].message, "front matter `answerlint.disable` must be a list of strings");
  expect_span(problems[0].span, 5, 1, 5, 8);
  EXPECT_EQ(problems[1].message, "front matter `question` must be a string");
  expect_span(problems[1].span, 2, 1, 2, 9);
  EXPECT_EQ(problems[2].message, "front matter `split_level` must be an integer from 0 to 6");
  EXPECT_EQ(ids(doc.front_matter.disable), (std::vector<std::string>{"a"}));
  expect_span(doc.front_matter.disable[0].span, 5, 12, 5, 15);
  EXPECT_FALSE(doc.front_matter.question.has_value());
}

TEST(DocumentFrontMatter, DeeplyNestedYamlIsAProblemNotACrash) {
  const std::string source = "---\n" + std::string(100000, '[') + "\n---\nx\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.front_matter.problems.size(), 1U);
  EXPECT_EQ(doc.front_matter.problems[0].message.rfind("front matter is not valid YAML", 0), 0U);
  ASSERT_EQ(doc.words.size(), 1U);
}

} // namespace
} // namespace answerlint
