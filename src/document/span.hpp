#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace answerlint {

// A range of the file's bytes, with its 1-based line and column (columns
// count characters, not bytes). `end_column` is exclusive: the column just
// past the last character, as in SARIF and ruff.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  int line = 1;
  int column = 1;
  int end_line = 1;
  int end_column = 1;

  bool empty() const { return begin == end; }
  bool contains(std::size_t offset) const { return offset >= begin && offset < end; }
};

struct Position {
  int line = 1;
  int column = 1;
};

// Maps byte offsets of one file to lines and columns. Line breaks are LF,
// CRLF and a lone CR (as CommonMark says). A UTF-8 byte order mark takes no
// column. Invalid UTF-8 never fails: each stray byte counts as a character.
class LineIndex {
public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  Position position(std::size_t offset) const;
  Span span(std::size_t begin, std::size_t end) const;

  int line_count() const { return static_cast<int>(m_starts.size()); }
  // Byte offset where a 1-based line starts.
  std::size_t line_start(int line) const;
  // The text of a 1-based line, without its line break.
  std::string_view line_text(int line) const;

private:
  std::string_view m_text;
  std::vector<std::size_t> m_starts;
};

} // namespace answerlint
