#pragma once

#include "document/span.hpp"

#include <cstddef>
#include <string_view>

namespace answerlint::detail {

// Positions for offsets that mostly come in file order (words, paragraphs,
// code spans): counting characters from the previous offset keeps a long
// line linear instead of quadratic. A backward jump falls back to the
// LineIndex.
class PositionCursor {
public:
  PositionCursor(std::string_view text, const LineIndex& lines);

  Position at(std::size_t offset);
  Span span(std::size_t begin, std::size_t end);
  // Moves to a position the caller counted itself (a scanner that walked the
  // bytes anyway), so they are not counted twice.
  void set(std::size_t offset, Position position);

private:
  void jump(std::size_t offset);

  std::string_view m_text;
  const LineIndex* m_lines;
  std::size_t m_offset = 0;
  std::size_t m_next_line_start = 0;
  int m_line = 1;
  int m_column = 1;
};

} // namespace answerlint::detail
