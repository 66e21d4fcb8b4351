#include "document/markdown.hpp"

#include "document/utf8.hpp"

#include <md4c.h>

#include <algorithm>
#include <functional>
#include <limits>

namespace answerlint::detail {

namespace {

constexpr std::size_t k_none = std::numeric_limits<std::size_t>::max();
constexpr std::size_t k_min_fence = 3;

bool is_prose_block(MD_BLOCKTYPE type) {
  return type == MD_BLOCK_P || type == MD_BLOCK_LI || type == MD_BLOCK_TH || type == MD_BLOCK_TD;
}

bool is_line_break(char c) {
  return c == '\n' || c == '\r';
}

std::size_t next_line_start(std::string_view source, std::size_t offset) {
  while (offset < source.size() && !is_line_break(source[offset])) {
    ++offset;
  }
  if (offset < source.size() && source[offset] == '\r') {
    ++offset;
  }
  if (offset < source.size() && source[offset] == '\n') {
    ++offset;
  }
  return offset;
}

// Skips what may precede a fence on its line: indentation, `>` of quotes and
// list markers.
std::size_t skip_container_prefix(std::string_view source, std::size_t offset) {
  const auto at = [&](std::size_t i) { return i < source.size() ? source[i] : '\n'; };
  for (;;) {
    const std::size_t before = offset;
    while (at(offset) == ' ' || at(offset) == '\t' || at(offset) == '>') {
      ++offset;
    }
    if ((at(offset) == '-' || at(offset) == '+' || at(offset) == '*') && at(offset + 1) == ' ') {
      offset += 2;
    }
    std::size_t digits = offset;
    while (at(digits) >= '0' && at(digits) <= '9') {
      ++digits;
    }
    if (digits > offset && (at(digits) == '.' || at(digits) == ')') && at(digits + 1) == ' ') {
      offset = digits + 2;
    }
    if (offset == before) {
      return offset;
    }
  }
}

std::size_t fence_run(std::string_view source, std::size_t offset, char fence) {
  std::size_t count = 0;
  while (offset + count < source.size() && source[offset + count] == fence) {
    ++count;
  }
  return count;
}

bool is_fence_at(std::string_view source, std::size_t offset, char fence) {
  return fence_run(source, offset, fence) >= k_min_fence;
}

struct OpenStrong {
  std::uint32_t text_begin = 0;
  std::size_t runs_begin = 0;
};

struct OpenLink {
  std::string href;
  std::size_t text_begin = 0;
  std::size_t runs_begin = 0;
  std::size_t line_starts_begin = 0;
};

// Text that md4c made a link only because it looks like a URL (GitHub's
// permissive autolinks, `<...>`): an address is not prose.
bool is_autolink(std::string_view text, std::string_view href) {
  if (text.empty()) {
    return false;
  }
  if (href == text) {
    return true;
  }
  for (std::string_view scheme : {"mailto:", "http://", "https://"}) {
    if (href.size() == scheme.size() + text.size() && href.starts_with(scheme) &&
        href.ends_with(text)) {
      return true;
    }
  }
  return false;
}

class Walker {
public:
  Walker(std::string_view source, const LineIndex& lines, std::size_t body_begin)
      : m_source(source), m_lines(lines), m_fence_floor(body_begin) {}

  Markdown run(std::size_t body_begin);

  int enter_block(MD_BLOCKTYPE type, void* detail);
  int leave_block(MD_BLOCKTYPE type);
  int enter_span(MD_SPANTYPE type, void* detail);
  int leave_span(MD_SPANTYPE type);
  int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size);

private:
  bool in_buffer(const char* data) const {
    const char* begin = m_source.data();
    return std::greater_equal<const char*>{}(data, begin) &&
           std::less<const char*>{}(data, begin + m_source.size());
  }
  MD_BLOCKTYPE top() const { return m_blocks.empty() ? MD_BLOCK_DOC : m_blocks.back(); }
  bool collecting_prose() const { return m_open && !m_block.is_heading && m_image_depth == 0; }

  void open_block();
  void flush_block();
  void flush_html();
  void static_text(MD_TEXTTYPE type);
  void add_run(std::size_t offset, std::size_t size);
  void add_joining_space(bool line_break);
  void add_code_span_text(std::size_t offset, std::size_t size);
  void leave_code_span();
  void leave_strong();
  void leave_link();
  void begin_code_block(const MD_BLOCK_CODE_DETAIL& detail);
  void end_code_block();
  std::pair<std::size_t, int> locate_code_content();
  bool closes_code_block(int line) const;
  std::size_t find_fence(char fence);

  std::string_view m_source;
  const LineIndex& m_lines;
  Markdown m_out;
  std::vector<MD_BLOCKTYPE> m_blocks;
  int m_heading_level = 1;

  bool m_open = false;
  RawBlock m_block;
  std::vector<OpenStrong> m_strongs;
  std::vector<OpenLink> m_links;
  int m_image_depth = 0;

  bool m_in_code_span = false;
  std::size_t m_code_span_begin = k_none;
  std::size_t m_code_span_end = 0;

  bool m_in_code_block = false;
  CodeBlock m_code;
  std::size_t m_code_fence = k_none; // offset of the opening fence (or of its info string)
  char m_fence_char = 0;
  std::size_t m_code_first = k_none; // first content byte md4c reported
  std::size_t m_code_last = 0;

  std::size_t m_html_begin = k_none;
  std::size_t m_html_end = 0;

  // Where the search for the next opening fence starts: past the last text
  // md4c reported and past the previous code block.
  std::size_t m_cursor = k_none;
  std::size_t m_fence_floor = 0;
};

void Walker::open_block() {
  if (m_open) {
    return;
  }
  m_block = RawBlock{};
  m_block.is_heading = top() == MD_BLOCK_H;
  m_block.heading.level = m_heading_level;
  m_block.heading.first = k_none;
  m_open = true;
}

void Walker::flush_block() {
  if (!m_open) {
    return;
  }
  m_open = false;
  if (m_block.is_heading ? m_block.heading.first != k_none : !m_block.paragraph.runs.empty()) {
    m_out.blocks.push_back(std::move(m_block));
  }
}

void Walker::flush_html() {
  if (m_html_begin != k_none) {
    m_out.html.emplace_back(m_html_begin, m_html_end);
    m_html_begin = k_none;
  }
}

int Walker::enter_block(MD_BLOCKTYPE type, void* detail) {
  flush_html();
  flush_block();
  m_blocks.push_back(type);
  if (type == MD_BLOCK_H) {
    m_heading_level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
  } else if (type == MD_BLOCK_CODE) {
    begin_code_block(*static_cast<MD_BLOCK_CODE_DETAIL*>(detail));
  }
  return 0;
}

int Walker::leave_block(MD_BLOCKTYPE type) {
  flush_html();
  if (type == MD_BLOCK_CODE) {
    end_code_block();
  }
  flush_block();
  if (!m_blocks.empty()) {
    m_blocks.pop_back();
  }
  return 0;
}

int Walker::enter_span(MD_SPANTYPE type, void* detail) {
  if (top() == MD_BLOCK_H || is_prose_block(top())) {
    open_block();
  }
  switch (type) {
  case MD_SPAN_STRONG:
    m_strongs.push_back(
        {static_cast<std::uint32_t>(m_block.paragraph.text.size()), m_block.paragraph.runs.size()});
    break;
  case MD_SPAN_IMG:
    ++m_image_depth;
    break;
  case MD_SPAN_CODE:
    m_in_code_span = true;
    m_code_span_begin = k_none;
    break;
  case MD_SPAN_A: {
    const auto& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
    const RawParagraph& paragraph = m_block.paragraph;
    m_links.push_back({std::string(href.text, href.size), paragraph.text.size(),
                       paragraph.runs.size(), paragraph.line_starts.size()});
    break;
  }
  default:
    break;
  }
  return 0;
}

int Walker::leave_span(MD_SPANTYPE type) {
  switch (type) {
  case MD_SPAN_STRONG:
    leave_strong();
    break;
  case MD_SPAN_IMG:
    m_image_depth = std::max(0, m_image_depth - 1);
    break;
  case MD_SPAN_CODE:
    leave_code_span();
    break;
  case MD_SPAN_A:
    leave_link();
    break;
  default:
    break;
  }
  return 0;
}

void Walker::leave_strong() {
  if (m_strongs.empty()) {
    return;
  }
  const OpenStrong open = m_strongs.back();
  m_strongs.pop_back();
  RawParagraph& paragraph = m_block.paragraph;
  if (!collecting_prose() || paragraph.runs.size() <= open.runs_begin) {
    return;
  }
  const TextRun& first = paragraph.runs[open.runs_begin];
  const TextRun& last = paragraph.runs.back();
  paragraph.strongs.push_back({open.text_begin, static_cast<std::uint32_t>(paragraph.text.size()),
                               first.source_offset, last.source_offset + last.length});
}

void Walker::leave_link() {
  if (m_links.empty()) {
    return;
  }
  const OpenLink open = std::move(m_links.back());
  m_links.pop_back();
  RawParagraph& paragraph = m_block.paragraph;
  if (!collecting_prose() || open.text_begin > paragraph.text.size()) {
    return;
  }
  const std::string_view text = std::string_view(paragraph.text).substr(open.text_begin);
  if (!is_autolink(text, open.href)) {
    return;
  }
  paragraph.text.resize(open.text_begin);
  paragraph.runs.resize(std::min(paragraph.runs.size(), open.runs_begin));
  paragraph.line_starts.resize(std::min(paragraph.line_starts.size(), open.line_starts_begin));
  while (!paragraph.strongs.empty() && paragraph.strongs.back().text_begin >= open.text_begin) {
    paragraph.strongs.pop_back();
  }
}

void Walker::leave_code_span() {
  m_in_code_span = false;
  if (m_code_span_begin == k_none || m_image_depth > 0) {
    return;
  }
  CodeSpan span;
  span.span.begin = m_code_span_begin;
  span.span.end = m_code_span_end;
  span.text = m_source.substr(m_code_span_begin, m_code_span_end - m_code_span_begin);
  m_out.code_spans.push_back(span);
  if (collecting_prose()) {
    add_joining_space(false);
  }
}

void Walker::add_code_span_text(std::size_t offset, std::size_t size) {
  if (m_code_span_begin == k_none) {
    m_code_span_begin = offset;
  }
  m_code_span_end = offset + size;
  if (m_open && m_block.is_heading && m_image_depth == 0) {
    add_run(offset, size);
  }
}

int Walker::text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size) {
  const bool inside = in_buffer(data);
  if (inside) {
    m_cursor = static_cast<std::size_t>(data - m_source.data()) + size;
  }
  if (m_in_code_block) {
    m_code.text.append(data, size);
    if (inside) {
      const auto offset = static_cast<std::size_t>(data - m_source.data());
      m_code_first = std::min(m_code_first, offset);
      m_code_last = offset + size;
    }
    return 0;
  }
  if (!inside) {
    static_text(type);
    return 0;
  }
  const auto offset = static_cast<std::size_t>(data - m_source.data());
  if (type == MD_TEXT_HTML) {
    // Raw HTML is never prose, but it may hold suppression comments.
    m_html_begin = std::min(m_html_begin, offset);
    m_html_end = offset + size;
    return 0;
  }
  flush_html();
  if (m_in_code_span) {
    add_code_span_text(offset, size);
  } else if (m_image_depth == 0) {
    open_block();
    add_run(offset, size);
  }
  return 0;
}

void Walker::static_text(MD_TEXTTYPE type) {
  if (!m_open || m_image_depth > 0 || type == MD_TEXT_HTML) {
    return;
  }
  if (type == MD_TEXT_BR || type == MD_TEXT_SOFTBR) {
    add_joining_space(true);
  } else if (!m_in_code_span || m_block.is_heading) {
    // A NUL (shown as U+FFFD) or a line break inside a code span.
    add_joining_space(false);
  }
}

void Walker::add_run(std::size_t offset, std::size_t size) {
  if (m_block.is_heading) {
    RawHeading& heading = m_block.heading;
    heading.text.append(m_source.substr(offset, size));
    heading.first = std::min(heading.first, offset);
    heading.last = std::max(heading.last, offset + size);
    return;
  }
  RawParagraph& paragraph = m_block.paragraph;
  if (paragraph.text.size() + size > std::numeric_limits<std::uint32_t>::max()) {
    return;
  }
  paragraph.runs.push_back({static_cast<std::uint32_t>(paragraph.text.size()), offset,
                            static_cast<std::uint32_t>(size)});
  paragraph.text.append(m_source.substr(offset, size));
}

void Walker::add_joining_space(bool line_break) {
  std::string& text = m_block.is_heading ? m_block.heading.text : m_block.paragraph.text;
  if (!text.empty() && text.back() != ' ') {
    text.push_back(' ');
  }
  if (line_break && !m_block.is_heading && !text.empty()) {
    m_block.paragraph.line_starts.push_back(static_cast<std::uint32_t>(text.size()));
  }
}

void Walker::begin_code_block(const MD_BLOCK_CODE_DETAIL& detail) {
  m_in_code_block = true;
  m_code = CodeBlock{};
  m_code.fenced = detail.fence_char != 0;
  if (detail.info.text != nullptr) {
    m_code.info.assign(detail.info.text, detail.info.size);
  }
  m_code_first = k_none;
  m_code_last = 0;
  m_code_fence = k_none;
  m_fence_char = detail.fence_char;
  if (m_code.fenced) {
    m_code_fence = detail.info.size > 0 && in_buffer(detail.info.text)
                       ? static_cast<std::size_t>(detail.info.text - m_source.data())
                       : find_fence(detail.fence_char);
  }
}

// md4c gives blocks no offsets: an opening fence is the first fence line
// after the text reported so far (nothing between two blocks can hold one).
std::size_t Walker::find_fence(char fence) {
  std::size_t line = m_fence_floor;
  if (m_cursor != k_none && m_cursor > line) {
    line = next_line_start(m_source, m_cursor - 1);
  }
  while (line < m_source.size()) {
    const std::size_t start = skip_container_prefix(m_source, line);
    if (is_fence_at(m_source, start, fence)) {
      return start;
    }
    line = next_line_start(m_source, line);
  }
  return k_none;
}

// Whether `line`, the one after a fenced block's content, is its closing
// fence. It is not when the block ended with its list item: a fence after a
// new item's marker opens the next block, as in "- ```" on two lines in a
// row. (md4c closes a block with a fence even when the line lacks the
// container's `>` or indentation.)
bool Walker::closes_code_block(int line) const {
  if (m_code_fence == k_none || line > m_lines.line_count()) {
    return false;
  }
  const std::size_t open_line = m_lines.line_start(m_lines.position(m_code_fence).line);
  const std::size_t open_fence = skip_container_prefix(m_source, open_line);
  const std::size_t begin = m_lines.line_start(line);
  const std::size_t fence = skip_container_prefix(m_source, begin);
  if (m_source.substr(begin, fence - begin).find_first_not_of(" \t>") != std::string_view::npos) {
    return false;
  }
  const std::size_t run = fence_run(m_source, fence, m_fence_char);
  if (run < std::max(k_min_fence, fence_run(m_source, open_fence, m_fence_char))) {
    return false;
  }
  for (std::size_t i = fence + run; i < m_source.size() && !is_line_break(m_source[i]); ++i) {
    if (m_source[i] != ' ' && m_source[i] != '\t') {
      return false;
    }
  }
  return true;
}

// Where the content of the block that just ended starts, and on which line.
std::pair<std::size_t, int> Walker::locate_code_content() {
  if (m_code_fence == k_none) {
    // Indented code always has text; the fallbacks only keep offsets sane.
    const std::size_t fallback = m_cursor == k_none ? m_fence_floor : m_cursor;
    const std::size_t begin =
        std::min(m_code_first == k_none ? fallback : m_code_first, m_source.size());
    return {begin, m_lines.position(begin).line};
  }
  const int first_line = m_lines.position(m_code_fence).line + 1;
  const std::size_t line_begin = m_lines.line_start(first_line);
  const bool first_on_line =
      m_code_first != k_none && m_code_first >= line_begin &&
      (first_line >= m_lines.line_count() || m_code_first < m_lines.line_start(first_line + 1));
  // Each content line ends with '\n' in md4c's text: the closing fence (if
  // any) is the line after them, and no later block may start there.
  const int after =
      first_line + static_cast<int>(std::count(m_code.text.begin(), m_code.text.end(), '\n'));
  m_fence_floor = m_lines.line_start(closes_code_block(after) ? after + 1 : after);
  std::size_t begin = std::min(first_on_line ? m_code_first : line_begin, m_source.size());
  if (begin == m_source.size() && m_code_fence < begin) {
    // An empty block the file ends in: anchored on its fence, it belongs to
    // the answer the fence is in (an offset at the very end belongs to none).
    begin = m_code_fence;
  }
  return {begin, first_line};
}

void Walker::end_code_block() {
  m_in_code_block = false;
  const auto [begin, first_line] = locate_code_content();
  m_code.span.begin = begin;
  m_code.span.end = std::max(begin, m_code_first == k_none ? begin : m_code_last);
  m_code.first_line = first_line;
  const std::string_view info = m_code.info;
  const std::size_t word_end = std::min(info.find_first_of(" \t"), info.size());
  for (char c : info.substr(0, word_end)) {
    m_code.language.push_back(utf8::to_lower_ascii(c));
  }
  m_out.code_blocks.push_back(std::move(m_code));
}

Markdown Walker::run(std::size_t body_begin) {
  MD_PARSER parser{};
  parser.flags = MD_DIALECT_GITHUB;
  parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
    return static_cast<Walker*>(self)->enter_block(type, detail);
  };
  parser.leave_block = [](MD_BLOCKTYPE type, void*, void* self) {
    return static_cast<Walker*>(self)->leave_block(type);
  };
  parser.enter_span = [](MD_SPANTYPE type, void* detail, void* self) {
    return static_cast<Walker*>(self)->enter_span(type, detail);
  };
  parser.leave_span = [](MD_SPANTYPE type, void*, void* self) {
    return static_cast<Walker*>(self)->leave_span(type);
  };
  parser.text = [](MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* self) {
    return static_cast<Walker*>(self)->text(type, data, size);
  };
  body_begin = std::min(body_begin, m_source.size());
  const std::size_t size =
      std::min<std::size_t>(m_source.size() - body_begin, std::numeric_limits<MD_SIZE>::max());
  md_parse(m_source.data() + body_begin, static_cast<MD_SIZE>(size), &parser, this);
  flush_html();
  flush_block();
  return std::move(m_out);
}

} // namespace

Markdown parse_markdown(std::string_view source, const LineIndex& lines, std::size_t body_begin) {
  Walker walker(source, lines, body_begin);
  return walker.run(body_begin);
}

std::size_t map_text_offset(const std::vector<TextRun>& runs, std::size_t text_offset) {
  if (runs.empty()) {
    return 0;
  }
  auto next = std::upper_bound(
      runs.begin(), runs.end(), text_offset,
      [](std::size_t offset, const TextRun& run) { return offset < run.text_offset; });
  if (next == runs.begin()) {
    return runs.front().source_offset;
  }
  const TextRun& run = *std::prev(next);
  if (text_offset < run.text_offset + run.length) {
    return run.source_offset + (text_offset - run.text_offset);
  }
  return next != runs.end() ? next->source_offset : run.source_offset + run.length;
}

} // namespace answerlint::detail
