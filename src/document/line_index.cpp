#include "document/document.hpp"
#include "document/utf8.hpp"

#include <algorithm>

namespace answerlint {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

} // namespace

LineIndex::LineIndex(std::string_view text) : m_text(text) {
  m_starts.push_back(0);
  const std::size_t size = text.size();
  if (text.find('\r') == std::string_view::npos) {
    // The common case: memchr runs far faster than a byte loop.
    for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
      m_starts.push_back(i + 1);
    }
    return;
  }
  for (std::size_t i = 0; i < size; ++i) {
    const char c = text[i];
    if (c == '\n') {
      m_starts.push_back(i + 1);
    } else if (c == '\r') {
      if (i + 1 < size && text[i + 1] == '\n') {
        ++i;
      }
      m_starts.push_back(i + 1);
    }
  }
}

Position LineIndex::position(std::size_t offset) const {
  offset = std::min(offset, m_text.size());
  if (m_starts.empty()) {
    return {};
  }
  const auto next = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
  const auto line_index = static_cast<std::size_t>(next - m_starts.begin()) - 1;
  const std::size_t start = m_starts[line_index];
  auto column = static_cast<int>(utf8::count_chars(m_text, start, offset)) + 1;
  // The byte order mark is invisible in every editor, so it must not shift
  // the columns of line 1.
  if (line_index == 0 && offset > 0 && m_text.starts_with(k_bom)) {
    column -= 1;
  }
  return {static_cast<int>(line_index) + 1, column};
}

Span LineIndex::span(std::size_t begin, std::size_t end) const {
  end = std::max(begin, end);
  const Position first = position(begin);
  const Position last = position(end);
  return {begin, end, first.line, first.column, last.line, last.column};
}

std::size_t LineIndex::line_start(int line) const {
  if (line < 1 || m_starts.empty()) {
    return 0;
  }
  const auto index = static_cast<std::size_t>(line) - 1;
  if (index >= m_starts.size()) {
    return m_text.size();
  }
  return m_starts[index];
}

std::string_view LineIndex::line_text(int line) const {
  if (line < 1 || line > line_count()) {
    return {};
  }
  const auto index = static_cast<std::size_t>(line) - 1;
  const std::size_t begin = m_starts[index];
  std::size_t end = index + 1 < m_starts.size() ? m_starts[index + 1] : m_text.size();
  if (end > begin && m_text[end - 1] == '\n') {
    --end;
  }
  if (end > begin && m_text[end - 1] == '\r') {
    --end;
  }
  return m_text.substr(begin, end - begin);
}

} // namespace answerlint
