#include "document/position_cursor.hpp"

#include "document/utf8.hpp"

#include <algorithm>
#include <limits>

namespace answerlint::detail {

PositionCursor::PositionCursor(std::string_view text, const LineIndex& lines)
    : m_text(text), m_lines(&lines) {
  // Start past a byte order mark: offsets inside it go through the LineIndex,
  // which knows the mark takes no column.
  jump(text.starts_with("\xEF\xBB\xBF") ? 3 : 0);
}

void PositionCursor::jump(std::size_t offset) {
  const Position position = m_lines->position(offset);
  m_offset = std::min(offset, m_text.size());
  m_line = position.line;
  m_column = position.column;
  m_next_line_start = m_line < m_lines->line_count() ? m_lines->line_start(m_line + 1)
                                                     : std::numeric_limits<std::size_t>::max();
}

void PositionCursor::set(std::size_t offset, Position position) {
  if (position.line != m_line) {
    jump(offset);
    return;
  }
  m_offset = std::min(offset, m_text.size());
  m_column = position.column;
}

Position PositionCursor::at(std::size_t offset) {
  offset = std::min(offset, m_text.size());
  if (offset < m_offset || offset >= m_next_line_start) {
    // A later line costs its own prefix only, which lies past m_offset, so a
    // forward pass stays linear.
    jump(offset);
  } else {
    m_column += static_cast<int>(utf8::count_chars(m_text, m_offset, offset));
    m_offset = offset;
  }
  return {m_line, m_column};
}

Span PositionCursor::span(std::size_t begin, std::size_t end) {
  end = std::max(begin, end);
  const Position first = at(begin);
  const Position last = at(end);
  return {begin, end, first.line, first.column, last.line, last.column};
}

} // namespace answerlint::detail
