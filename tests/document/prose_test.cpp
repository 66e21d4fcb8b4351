#include "document/document.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace answerlint {
namespace {

Document parse(const std::string& source) {
  ParseOptions options;
  options.labels = {"situation", "task", "action", "result"};
  return parse_document(source, options);
}

std::vector<std::string> word_texts(const Document& doc) {
  std::vector<std::string> texts;
  for (const Word& word : doc.words) {
    texts.emplace_back(word.text);
  }
  return texts;
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

TEST(DocumentWords, InnerPunctuationKeepsOneWord) {
  const std::string source = "don't don\xE2\x80\x99t Node.js e-mail 2.1 p95 CI/CD snake_case 1,000 "
                             "users, a,b end.\n";
  const Document doc = parse(source);
  EXPECT_EQ(word_texts(doc), (std::vector<std::string>{
                                 "don't", "don\xE2\x80\x99t", "Node.js", "e-mail", "2.1", "p95",
                                 "CI/CD", "snake_case", "1,000", "users", "a", "b", "end"}));
}

// Only the joiners above keep a word whole (the tokenizer tells them from
// any other ASCII mark with one table, so a joiner missing from it fails the
// test above); any other mark ends the word.
TEST(DocumentWords, OtherAsciiMarksSplitWords) {
  const std::string source = "a;b c:d e!f g?h i+j k=l m@n o%p q,r\n";
  const Document doc = parse(source);
  EXPECT_EQ(word_texts(doc),
            (std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l",
                                      "m", "n", "o", "p", "q", "r"}));
  expect_span(doc.words[1].span, 1, 3, 1, 4);
  expect_span(doc.words[17].span, 1, 35, 1, 36);
}

TEST(DocumentWords, NonAsciiColumnsCountCharacters) {
  const std::string source = "Caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve test.\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.words.size(), 3U);
  EXPECT_EQ(doc.words[0].text, "Caf\xC3\xA9");
  expect_span(doc.words[0].span, 1, 1, 1, 5);
  EXPECT_EQ(doc.words[1].text, "na\xC3\xAFve");
  expect_span(doc.words[1].span, 1, 8, 1, 13);
  expect_span(doc.words[2].span, 1, 14, 1, 18);
  EXPECT_EQ(doc.words[1].span.begin, 10U);
}

TEST(DocumentWords, ByteOrderMarkAndCrlf) {
  const std::string source = "\xEF\xBB\xBF# Title\r\n\r\nOne two.\r\nThree\r\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.sections.size(), 1U);
  expect_span(doc.sections[0].title, 1, 1, 1, 8);
  EXPECT_EQ(doc.body_begin, 3U);
  ASSERT_EQ(doc.words.size(), 3U);
  expect_span(doc.words[0].span, 3, 1, 3, 4);
  expect_span(doc.words[2].span, 4, 1, 4, 6);
  ASSERT_EQ(doc.paragraphs.size(), 1U);
  EXPECT_EQ(doc.paragraphs[0].text, "One two. Three");
}

TEST(DocumentWords, LoneCarriageReturns) {
  const std::string source = "# T\rline one\rline **two**\r";
  const Document doc = parse(source);
  ASSERT_EQ(doc.words.size(), 4U);
  expect_span(doc.words[3].span, 3, 8, 3, 11);
}

TEST(DocumentWords, CodeBlocksAndHtmlAreNotProse) {
  const std::string source = "Intro text.\n"
                             "\n"
                             "```Python title\n"
                             "def f(): pass\n"
                             "```\n"
                             "\n"
                             "<div>hidden words</div>\n"
                             "\n"
                             "    indented code\n"
                             "\n"
                             "Done <b>bold</b>.\n";
  const Document doc = parse(source);
  EXPECT_EQ(word_texts(doc), (std::vector<std::string>{"Intro", "text", "Done", "bold"}));
  ASSERT_EQ(doc.code_blocks.size(), 2U);
  const CodeBlock& fenced = doc.code_blocks[0];
  EXPECT_TRUE(fenced.fenced);
  EXPECT_EQ(fenced.info, "Python title");
  EXPECT_EQ(fenced.language, "python");
  EXPECT_EQ(fenced.text, "def f(): pass\n");
  EXPECT_EQ(fenced.first_line, 4);
  expect_span(fenced.span, 4, 1, 4, 14);
  const CodeBlock& indented = doc.code_blocks[1];
  EXPECT_FALSE(indented.fenced);
  EXPECT_EQ(indented.language, "");
  EXPECT_EQ(indented.text, "indented code\n");
  EXPECT_EQ(indented.first_line, 9);
  expect_span(indented.span, 9, 5, 9, 18);
  EXPECT_EQ(doc.code_blocks_in(0, source.find("<div>")).size(), 1U);
}

TEST(DocumentWords, EmptyFencedBlocksStillHaveALine) {
  const std::string source = "Text.\n\n```\n```\n\n~~~\n\n\nx\n~~~\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.code_blocks.size(), 2U);
  EXPECT_EQ(doc.code_blocks[0].first_line, 4);
  EXPECT_EQ(doc.code_blocks[0].text, "");
  EXPECT_EQ(doc.code_blocks[1].first_line, 7);
  EXPECT_EQ(doc.code_blocks[1].text, "\n\nx\n");
  expect_span(doc.code_blocks[1].span, 7, 1, 9, 2);
}

TEST(DocumentWords, CodeSpansAreRecordedButAreNotWords) {
  const std::string source = "Use `Redis` for caching.\n";
  const Document doc = parse(source);
  EXPECT_EQ(word_texts(doc), (std::vector<std::string>{"Use", "for", "caching"}));
  ASSERT_EQ(doc.code_spans.size(), 1U);
  EXPECT_EQ(doc.code_spans[0].text, "Redis");
  expect_span(doc.code_spans[0].span, 1, 6, 1, 11);
  ASSERT_EQ(doc.paragraphs.size(), 1U);
  const Paragraph& paragraph = doc.paragraphs[0];
  EXPECT_EQ(paragraph.text, "Use  for caching.");
  EXPECT_EQ(paragraph.source_offset(0), 0U);
  EXPECT_EQ(paragraph.source_offset(5), source.find("for"));
  EXPECT_EQ(doc.code_spans_in(0, 5).size(), 0U);
  EXPECT_EQ(doc.code_spans_in(5, 6).size(), 1U);
}

TEST(DocumentWords, LinksAreProseButUrlsAndImagesAreNot) {
  const std::string source =
      "See [the docs](https://x.io) and ![alt words](a.png) https://example.com now.\n";
  const Document doc = parse(source);
  EXPECT_EQ(word_texts(doc), (std::vector<std::string>{"See", "the", "docs", "and", "now"}));
}

TEST(DocumentWords, EntitiesStayInTheTextButAreNotWords) {
  const std::string source = "R&amp;D team\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.paragraphs.size(), 1U);
  EXPECT_EQ(doc.paragraphs[0].text, "R&amp;D team");
  EXPECT_EQ(word_texts(doc), (std::vector<std::string>{"R", "D", "team"}));
}

// A word stops at the end of its run: before markup, before an entity and
// at the end of a file with no line break, where no byte follows to stop
// the scan.
TEST(DocumentWords, WordsEndWithTheirRuns) {
  const std::string source = "R&amp;D **bold**text end";
  const Document doc = parse(source);
  EXPECT_EQ(word_texts(doc), (std::vector<std::string>{"R", "D", "bold", "text", "end"}));
  ASSERT_EQ(doc.words.size(), 5U);
  expect_span(doc.words[2].span, 1, 11, 1, 15);
  expect_span(doc.words[3].span, 1, 17, 1, 21);
  expect_span(doc.words[4].span, 1, 22, 1, 25);
}

TEST(DocumentParagraphs, SoftBreakIsOneSpaceMappedToTheNextRun) {
  const std::string source = "one\ntwo\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.paragraphs.size(), 1U);
  const Paragraph& paragraph = doc.paragraphs[0];
  EXPECT_EQ(paragraph.text, "one two");
  ASSERT_EQ(paragraph.runs.size(), 2U);
  EXPECT_EQ(paragraph.source_offset(2), 2U);
  EXPECT_EQ(paragraph.source_offset(3), 4U);
  EXPECT_EQ(paragraph.source_offset(4), 4U);
  EXPECT_EQ(paragraph.source_offset(7), 7U);
  expect_span(paragraph.span, 1, 1, 2, 4);
}

TEST(DocumentParagraphs, TightAndLooseListItemsAndTableCells) {
  const std::string source = "- first item\n"
                             "  - nested item\n"
                             "- second\n"
                             "\n"
                             "| Metric | Value |\n"
                             "|---|---|\n"
                             "| p95 | 300 ms |\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.paragraphs.size(), 7U);
  EXPECT_EQ(doc.paragraphs[0].text, "first item");
  EXPECT_EQ(doc.paragraphs[1].text, "nested item");
  EXPECT_EQ(doc.paragraphs[2].text, "second");
  EXPECT_EQ(doc.paragraphs[3].text, "Metric");
  EXPECT_EQ(doc.paragraphs[6].text, "300 ms");
  expect_span(doc.paragraphs[6].span, 7, 9, 7, 15);
  EXPECT_EQ(doc.sentences.size(), 7U);
  EXPECT_EQ(doc.paragraphs_in(0, source.find('|')).size(), 3U);
}

TEST(DocumentSentences, EndAtTerminatorsButNotAbbreviations) {
  const std::string source = "I led the team. We cut p95 from 2.1 s to 300 ms! Did it work? "
                             "Yes, e.g. for Node.js users etc. it did\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.sentences.size(), 4U);
  EXPECT_EQ(doc.sentences[0].first_word, 0U);
  EXPECT_EQ(doc.sentences[0].word_count, 4U);
  expect_span(doc.sentences[0].span, 1, 1, 1, 15);
  EXPECT_EQ(doc.sentences[1].first_word, 4U);
  EXPECT_EQ(doc.sentences[1].word_count, 9U);
  EXPECT_EQ(doc.sentences[2].word_count, 3U);
  EXPECT_EQ(doc.sentences[3].word_count, 8U);
  EXPECT_EQ(doc.sentences[3].span.end, source.size() - 1);
  EXPECT_EQ(doc.sentences_in(source.find("Did"), source.size()).size(), 2U);
  EXPECT_EQ(doc.words_in(source.find("Did"), source.find("Yes")).size(), 3U);
}

TEST(DocumentSentences, QuotesAndBracketsCloseASentence) {
  const std::string source = "He said \"ship it.\" Then (quietly) we did.) Done\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.sentences.size(), 3U);
  EXPECT_EQ(doc.sentences[0].word_count, 4U);
  EXPECT_EQ(doc.sentences[1].word_count, 4U);
  EXPECT_EQ(doc.sentences[2].word_count, 1U);
}

TEST(DocumentDirectives, CommentsInHtmlBlocksAndInline) {
  const std::string source = "<!-- answerlint-disable length, spelling -->\n"
                             "\n"
                             "Text <!-- answerlint-disable-next-line cliches --> here.\n"
                             "\n"
                             "<!-- answerlint-enable -->\n"
                             "\n"
                             "<!-- answerlint-disabled x -->\n"
                             "\n"
                             "<!-- just a comment -->\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.directives.size(), 3U);
  EXPECT_EQ(doc.directives[0].kind, Directive::Kind::disable);
  EXPECT_EQ(ids(doc.directives[0].rules), (std::vector<std::string>{"length", "spelling"}));
  expect_span(doc.directives[0].rules[0].span, 1, 25, 1, 31);
  expect_span(doc.directives[0].rules[1].span, 1, 33, 1, 41);
  EXPECT_EQ(doc.directives[0].line, 1);
  EXPECT_EQ(doc.directives[1].kind, Directive::Kind::disable_next_line);
  EXPECT_EQ(ids(doc.directives[1].rules), (std::vector<std::string>{"cliches"}));
  expect_span(doc.directives[1].rules[0].span, 3, 40, 3, 47);
  EXPECT_EQ(doc.directives[1].line, 3);
  EXPECT_EQ(doc.directives[2].kind, Directive::Kind::enable);
  EXPECT_TRUE(doc.directives[2].rules.empty());
  EXPECT_EQ(doc.directives[2].line, 5);
  EXPECT_EQ(word_texts(doc), (std::vector<std::string>{"Text", "here"}));
}

TEST(DocumentDirectives, EachIdKnowsItsLineAndColumnInCharacters) {
  // A comment over several lines keeps the line it starts on (suppression
  // counts from there), while each id points where it is written.
  const std::string source = "Caf\xC3\xA9 \xE2\x80\x94 <!-- answerlint-disable fist-person -->\n"
                             "\n"
                             "<!-- answerlint-disable\n"
                             "     length,\tspelling -->\n";
  const Document doc = parse(source);
  ASSERT_EQ(doc.directives.size(), 2U);
  ASSERT_EQ(doc.directives[0].rules.size(), 1U);
  const RuleRef& typo = doc.directives[0].rules[0];
  EXPECT_EQ(typo.id, "fist-person");
  expect_span(typo.span, 1, 32, 1, 43); // "Café — " is 7 characters, 10 bytes
  EXPECT_EQ(source.substr(typo.span.begin, typo.span.end - typo.span.begin), "fist-person");
  EXPECT_EQ(doc.directives[1].line, 3);
  ASSERT_EQ(doc.directives[1].rules.size(), 2U);
  expect_span(doc.directives[1].rules[0].span, 4, 6, 4, 12);
  expect_span(doc.directives[1].rules[1].span, 4, 14, 4, 22);
}

TEST(DocumentDirectives, InsideCodeIsNotADirective) {
  const std::string source =
      "```\n<!-- answerlint-disable -->\n```\n\n`<!-- answerlint-enable -->`\n";
  const Document doc = parse(source);
  EXPECT_TRUE(doc.directives.empty());
}

} // namespace
} // namespace answerlint
