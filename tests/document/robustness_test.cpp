#include "document/document.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace answerlint {
namespace {

Document parse(const std::string& source, int split_level = 0) {
  ParseOptions options;
  options.labels = {"situation", "task", "action", "result", "s"};
  options.split_level = split_level;
  return parse_document(source, options);
}

bool valid_span(const Span& span, std::size_t size) {
  return span.begin <= span.end && span.end <= size && span.line >= 1 && span.column >= 1 &&
         span.end_line >= span.line;
}

// What every rule relies on, whatever the input: spans inside the file,
// words pointing at their own bytes, everything in file order.
void expect_consistent(const Document& doc) {
  const std::size_t size = doc.source.size();
  for (std::size_t i = 0; i < doc.words.size(); ++i) {
    const Word& word = doc.words[i];
    ASSERT_TRUE(valid_span(word.span, size));
    ASSERT_EQ(word.text, doc.source.substr(word.span.begin, word.span.end - word.span.begin));
    ASSERT_FALSE(word.text.empty());
    if (i > 0) {
      ASSERT_LE(doc.words[i - 1].span.end, word.span.begin);
    }
  }
  for (const Sentence& sentence : doc.sentences) {
    ASSERT_TRUE(valid_span(sentence.span, size));
    ASSERT_LE(sentence.first_word + sentence.word_count, doc.words.size());
  }
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    ASSERT_TRUE(valid_span(doc.paragraphs[i].span, size));
    if (i > 0) {
      ASSERT_LE(doc.paragraphs[i - 1].span.begin, doc.paragraphs[i].span.begin);
    }
    for (const TextRun& run : doc.paragraphs[i].runs) {
      ASSERT_LE(run.source_offset + run.length, size);
      ASSERT_LE(run.text_offset + run.length, doc.paragraphs[i].text.size());
    }
  }
  for (std::size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& section = doc.sections[i];
    ASSERT_TRUE(valid_span(section.title, size));
    ASSERT_LE(section.body_begin, section.body_end);
    ASSERT_LE(section.body_end, size);
    ASSERT_LT(section.parent, static_cast<int>(i));
  }
  for (const CodeBlock& block : doc.code_blocks) {
    ASSERT_TRUE(valid_span(block.span, size));
  }
  for (const CodeSpan& span : doc.code_spans) {
    ASSERT_TRUE(valid_span(span.span, size));
  }
  for (const Answer& answer : doc.answers) {
    ASSERT_LE(answer.begin, answer.end);
    ASSERT_LE(answer.end, size);
  }
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) {
    out += piece;
  }
  return out;
}

TEST(DocumentRobustness, EmptyAndByteOrderMarkOnly) {
  const std::string empty;
  const Document none = parse(empty);
  expect_consistent(none);
  ASSERT_EQ(none.answers.size(), 1U);
  EXPECT_EQ(none.answers[0].begin, 0U);
  EXPECT_TRUE(none.words.empty());
  const std::string bom = "\xEF\xBB\xBF";
  const Document marked = parse(bom);
  expect_consistent(marked);
  EXPECT_EQ(marked.body_begin, 3U);
}

TEST(DocumentRobustness, InvalidUtf8) {
  std::string source;
  for (int i = 0; i < 256; ++i) {
    source.push_back(static_cast<char>(i));
  }
  source += "\n\xFF\xFE\x80"
            "abc \xC3\n\xE2\x82 word\n";
  const Document doc = parse(source);
  expect_consistent(doc);
  EXPECT_EQ(doc.words.back().text, "word");
}

TEST(DocumentRobustness, NulBytesSplitWords) {
  const std::string source("ab\0cd ef\n\0\n", 11);
  const Document doc = parse(source);
  expect_consistent(doc);
  ASSERT_EQ(doc.words.size(), 3U);
  EXPECT_EQ(doc.words[0].text, "ab");
  EXPECT_EQ(doc.words[1].text, "cd");
  EXPECT_EQ(doc.words[1].span.column, 4);
}

TEST(DocumentRobustness, DeeplyNestedQuotes) {
  const std::string source = std::string(10000, '>') + " **Situation:** deep\n";
  const Document doc = parse(source);
  expect_consistent(doc);
  ASSERT_EQ(doc.sections.size(), 1U);
  ASSERT_EQ(doc.words.size(), 1U);
  EXPECT_EQ(doc.words[0].span.column, 10017);
}

TEST(DocumentRobustness, DeeplyNestedLists) {
  std::string source;
  for (int i = 0; i < 10000; ++i) {
    source += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- item\n";
  }
  const Document doc = parse(source);
  expect_consistent(doc);
  EXPECT_GE(doc.words.size(), 100U);
  const std::string inline_markers = repeat("- ", 10000) + "x\n";
  expect_consistent(parse(inline_markers));
}

TEST(DocumentRobustness, LongRunsOfMarkup) {
  for (const char c : {'*', '`', '_', '[', '<', '>', '#', '|', '~', '!'}) {
    const std::string source = std::string(100000, c) + "\n";
    const Document doc = parse(source);
    expect_consistent(doc);
  }
  expect_consistent(parse(repeat("**a", 50000)));
  expect_consistent(parse(repeat("<!--", 100000)));
  expect_consistent(parse(repeat("```\n", 20000)));
  expect_consistent(parse(repeat("# \n", 20000)));
}

TEST(DocumentRobustness, LongSingleLineStaysLinear) {
  const std::string source = repeat("word `code` ", 200000);
  const Document doc = parse(source);
  expect_consistent(doc);
  ASSERT_EQ(doc.words.size(), 200000U);
  EXPECT_EQ(doc.code_spans.size(), 200000U);
  EXPECT_EQ(doc.words.back().span.column, 12 * 199999 + 1);
}

TEST(DocumentRobustness, ManyLabelsAndSections) {
  const std::string source =
      repeat("**Situation:** a\n", 20000) + repeat("## h\n\nS - b\n\n", 20000);
  const Document doc = parse(source, 2);
  expect_consistent(doc);
  EXPECT_EQ(doc.answers.size(), 20000U);
  EXPECT_EQ(doc.sections.size(), 60000U);
}

TEST(DocumentRobustness, BadFrontMatterStillLintsTheBody) {
  for (const std::string& source :
       {std::string("---\n"), std::string("+++"), std::string("---\n- a\n---\nText\n"),
        std::string("+++\n[[[\n+++\nText\n"), std::string("---\n\t: :\n---\nText\n"),
        std::string("---\r---\rText")}) {
    const Document doc = parse(source);
    expect_consistent(doc);
  }
}

} // namespace
} // namespace answerlint
