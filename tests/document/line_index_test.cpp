#include "document/span.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace answerlint {
namespace {

void expect_position(const LineIndex& index, std::size_t offset, int line, int column) {
  const Position position = index.position(offset);
  EXPECT_EQ(position.line, line) << "offset " << offset;
  EXPECT_EQ(position.column, column) << "offset " << offset;
}

TEST(LineIndex, EmptyTextHasOneEmptyLine) {
  const LineIndex index("");
  EXPECT_EQ(index.line_count(), 1);
  expect_position(index, 0, 1, 1);
  EXPECT_EQ(index.line_text(1), "");
}

TEST(LineIndex, LineFeeds) {
  const std::string text = "ab\ncd\n";
  const LineIndex index(text);
  EXPECT_EQ(index.line_count(), 3);
  expect_position(index, 0, 1, 1);
  expect_position(index, 2, 1, 3);
  expect_position(index, 3, 2, 1);
  expect_position(index, 4, 2, 2);
  expect_position(index, 6, 3, 1);
  EXPECT_EQ(index.line_text(1), "ab");
  EXPECT_EQ(index.line_text(2), "cd");
  EXPECT_EQ(index.line_text(3), "");
  EXPECT_EQ(index.line_start(2), 3U);
}

TEST(LineIndex, CarriageReturnLineFeedIsOneBreak) {
  const std::string text = "ab\r\ncd\r\n";
  const LineIndex index(text);
  EXPECT_EQ(index.line_count(), 3);
  expect_position(index, 2, 1, 3);
  expect_position(index, 4, 2, 1);
  EXPECT_EQ(index.line_text(1), "ab");
  EXPECT_EQ(index.line_text(2), "cd");
  EXPECT_EQ(index.line_start(3), 8U);
}

TEST(LineIndex, LoneCarriageReturnBreaksLines) {
  const std::string text = "a\rb\r\rc";
  const LineIndex index(text);
  EXPECT_EQ(index.line_count(), 4);
  EXPECT_EQ(index.line_text(2), "b");
  EXPECT_EQ(index.line_text(3), "");
  EXPECT_EQ(index.line_text(4), "c");
  expect_position(index, 5, 4, 1);
}

TEST(LineIndex, MixedBreaks) {
  const std::string text = "a\nb\r\nc\rd";
  const LineIndex index(text);
  EXPECT_EQ(index.line_count(), 4);
  expect_position(index, 2, 2, 1);
  expect_position(index, 5, 3, 1);
  expect_position(index, 7, 4, 1);
}

TEST(LineIndex, ColumnsCountCharactersNotBytes) {
  const std::string text = "Caf\xC3\xA9 na\xC3\xAFve \xF0\x9F\x9A\x80!";
  const LineIndex index(text);
  expect_position(index, 6, 1, 6);   // 'n' after "Café "
  expect_position(index, 12, 1, 11); // the space after "naïve"
  expect_position(index, 13, 1, 12); // the rocket, 4 bytes
  expect_position(index, 17, 1, 13); // '!'
}

TEST(LineIndex, ByteOrderMarkTakesNoColumn) {
  const std::string text = "\xEF\xBB\xBF"
                           "ab\ncd";
  const LineIndex index(text);
  expect_position(index, 0, 1, 1);
  expect_position(index, 3, 1, 1);
  expect_position(index, 4, 1, 2);
  expect_position(index, 6, 2, 1);
  EXPECT_EQ(index.line_text(1), "\xEF\xBB\xBF"
                                "ab");
}

TEST(LineIndex, InvalidUtf8CountsEachStrayByte) {
  const std::string stray = "\xFF\xFE a";
  expect_position(LineIndex(stray), 3, 1, 4);
  const std::string continuation = "\x80\x80"
                                   "a";
  expect_position(LineIndex(continuation), 2, 1, 3);
  const std::string truncated = "\xE2\x80"
                                "a";
  expect_position(LineIndex(truncated), 2, 1, 3);
}

// Long ASCII runs are counted 32 and 8 bytes at a time: a two-byte
// character or a stray byte anywhere in or after such a run still takes one
// column.
TEST(LineIndex, LongLinesCountEachCharacterOnce) {
  for (std::size_t before = 0; before < 80; ++before) {
    for (const std::string_view odd : {std::string_view("\xC3\xA9"), std::string_view("\xFF")}) {
      std::string text(before, 'a');
      text += odd;
      text += std::string(80, 'b');
      text += "\n";
      const LineIndex index(text);
      const std::size_t after = before + odd.size();
      expect_position(index, before, 1, static_cast<int>(before) + 1);
      expect_position(index, after, 1, static_cast<int>(before) + 2);
      expect_position(index, after + 39, 1, static_cast<int>(before) + 41);
      expect_position(index, after + 80, 1, static_cast<int>(before) + 82);
    }
  }
}

TEST(LineIndex, SpanFillsBothEnds) {
  const std::string text = "ab\ncd";
  const LineIndex index(text);
  const Span span = index.span(1, 4);
  EXPECT_EQ(span.begin, 1U);
  EXPECT_EQ(span.end, 4U);
  EXPECT_EQ(span.line, 1);
  EXPECT_EQ(span.column, 2);
  EXPECT_EQ(span.end_line, 2);
  EXPECT_EQ(span.end_column, 2);
}

TEST(LineIndex, OutOfRangeQueriesAreClamped) {
  const std::string text = "ab\ncd";
  const LineIndex index(text);
  expect_position(index, 100, 2, 3);
  EXPECT_EQ(index.line_start(0), 0U);
  EXPECT_EQ(index.line_start(99), text.size());
  EXPECT_EQ(index.line_text(0), "");
  EXPECT_EQ(index.line_text(3), "");
}

} // namespace
} // namespace answerlint
