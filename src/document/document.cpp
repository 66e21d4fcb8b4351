#include "document/document.hpp"

#include "document/directives.hpp"
#include "document/front_matter.hpp"
#include "document/labels.hpp"
#include "document/markdown.hpp"
#include "document/position_cursor.hpp"
#include "document/words.hpp"

#include <algorithm>

namespace answerlint {

namespace {

constexpr int k_label_level = 7;
constexpr int k_max_heading_level = 6;

bool is_space(char c) {
  return c == ' ' || c == '\t';
}
bool is_line_break(char c) {
  return c == '\n' || c == '\r';
}

std::string section_name(std::string_view text) {
  const auto trim = [](std::string_view view) {
    while (!view.empty() && is_space(view.front())) {
      view.remove_prefix(1);
    }
    while (!view.empty() && is_space(view.back())) {
      view.remove_suffix(1);
    }
    return view;
  };
  text = trim(text);
  if (text.ends_with(':')) {
    text.remove_suffix(1);
  } else if (text.ends_with(" -")) {
    text.remove_suffix(2);
  }
  return std::string(trim(text));
}

// Items whose `key` (a file offset) lies in [begin, end); items are in file order.
template <typename T, typename Key>
std::span<const T> slice(const std::vector<T>& items, std::size_t begin, std::size_t end, Key key) {
  const auto below = [&](const T& item, std::size_t offset) { return key(item) < offset; };
  const auto first = std::lower_bound(items.begin(), items.end(), begin, below);
  const auto last = std::lower_bound(first, items.end(), std::max(begin, end), below);
  return {first, last};
}

class Builder {
public:
  Builder(Document& doc, const ParseOptions& options)
      : m_doc(doc), m_options(options), m_paragraphs(doc.source, doc.lines),
        m_sections(doc.source, doc.lines) {}

  void add_blocks(std::vector<detail::RawBlock>& blocks);
  void add_code(detail::Markdown& markdown);
  void add_words();
  void add_answers(int split_level);
  void link_sections();

private:
  void add_heading(const detail::RawHeading& heading);
  void add_paragraph(detail::RawParagraph& raw);
  void add_segment(const detail::RawParagraph& raw, std::size_t begin, std::size_t end);
  void add_label(const detail::Label& label);
  void split_at_level(int level);
  std::size_t region_end(std::size_t offset, int& answer, std::size_t& next_answer) const;
  void set_section_extents();
  void set_parents();
  void set_paragraph_owners();
  void count_words();

  Document& m_doc;
  const ParseOptions& m_options;
  detail::PositionCursor m_paragraphs;
  detail::PositionCursor m_sections;
};

void Builder::add_blocks(std::vector<detail::RawBlock>& blocks) {
  for (detail::RawBlock& block : blocks) {
    if (block.is_heading) {
      add_heading(block.heading);
    } else {
      add_paragraph(block.paragraph);
    }
  }
}

// md4c gives a heading no offsets: its title runs from the start of the line
// of its first text (the `#` marker) to the end of the line of its last.
void Builder::add_heading(const detail::RawHeading& heading) {
  const std::string_view source = m_doc.source;
  std::size_t begin = heading.first;
  while (begin > m_doc.body_begin && !is_line_break(source[begin - 1])) {
    --begin;
  }
  std::size_t end = heading.last;
  while (end < source.size() && !is_line_break(source[end])) {
    ++end;
  }
  Section section;
  section.name = section_name(heading.text);
  section.level = std::clamp(heading.level, 1, k_max_heading_level);
  section.title = m_sections.span(begin, end);
  section.body_begin = end;
  m_doc.sections.push_back(std::move(section));
}

// A block may hold labels at the start of any of its lines: each one starts a
// section, and the prose around them becomes separate paragraphs.
void Builder::add_paragraph(detail::RawParagraph& raw) {
  std::size_t prose_begin = 0;
  if (!m_options.labels.empty()) {
    std::stable_sort(raw.strongs.begin(), raw.strongs.end(),
                     [](const auto& a, const auto& b) { return a.text_begin < b.text_begin; });
    const auto try_at = [&](std::uint32_t at) {
      if (at < prose_begin) {
        return;
      }
      const auto label = detail::find_label(raw, at, m_doc.source, m_options.labels);
      if (label) {
        add_segment(raw, prose_begin, at);
        add_label(*label);
        prose_begin = label->prose_begin;
      }
    };
    try_at(0);
    for (std::uint32_t line_start : raw.line_starts) {
      try_at(line_start);
    }
  }
  add_segment(raw, prose_begin, raw.text.size());
}

void Builder::add_segment(const detail::RawParagraph& raw, std::size_t begin, std::size_t end) {
  const std::string_view text = raw.text;
  end = std::min(end, text.size());
  while (begin < end && is_space(text[begin])) {
    ++begin;
  }
  while (end > begin && is_space(text[end - 1])) {
    --end;
  }
  if (begin >= end) {
    return;
  }
  Paragraph paragraph;
  paragraph.text = std::string(text.substr(begin, end - begin));
  auto run =
      std::upper_bound(raw.runs.begin(), raw.runs.end(), begin,
                       [](std::size_t offset, const TextRun& r) { return offset < r.text_offset; });
  if (run != raw.runs.begin()) {
    --run;
  }
  for (; run != raw.runs.end() && run->text_offset < end; ++run) {
    const std::size_t run_end = run->text_offset + run->length;
    if (run_end <= begin) {
      continue;
    }
    const std::size_t clip_begin = std::max<std::size_t>(run->text_offset, begin);
    const std::size_t clip_end = std::min(run_end, end);
    paragraph.runs.push_back({static_cast<std::uint32_t>(clip_begin - begin),
                              run->source_offset + (clip_begin - run->text_offset),
                              static_cast<std::uint32_t>(clip_end - clip_begin)});
  }
  if (paragraph.runs.empty()) {
    return;
  }
  const TextRun& last = paragraph.runs.back();
  paragraph.span =
      m_paragraphs.span(paragraph.runs.front().source_offset, last.source_offset + last.length);
  m_doc.paragraphs.push_back(std::move(paragraph));
}

void Builder::add_label(const detail::Label& label) {
  Section section;
  section.name = label.name;
  section.level = k_label_level;
  section.title = m_sections.span(label.title_begin, label.title_end);
  section.body_begin = label.title_end;
  m_doc.sections.push_back(std::move(section));
}

void Builder::add_code(detail::Markdown& markdown) {
  detail::PositionCursor cursor(m_doc.source, m_doc.lines);
  for (CodeSpan& span : markdown.code_spans) {
    span.span = cursor.span(span.span.begin, span.span.end);
  }
  m_doc.code_spans = std::move(markdown.code_spans);
  detail::PositionCursor block_cursor(m_doc.source, m_doc.lines);
  for (CodeBlock& block : markdown.code_blocks) {
    block.span = block_cursor.span(block.span.begin, block.span.end);
  }
  m_doc.code_blocks = std::move(markdown.code_blocks);
  detail::PositionCursor html_cursor(m_doc.source, m_doc.lines);
  for (const auto& [begin, end] : markdown.html) {
    detail::scan_directives(m_doc.source, begin, end, html_cursor, m_doc.directives);
  }
  m_doc.directives_by_rule = detail::index_directives(m_doc.directives);
}

void Builder::add_words() {
  detail::PositionCursor cursor(m_doc.source, m_doc.lines);
  for (const Paragraph& paragraph : m_doc.paragraphs) {
    detail::tokenize(paragraph, m_doc.source, cursor, m_doc.words, m_doc.sentences);
  }
}

void Builder::add_answers(int split_level) {
  if (split_level >= 1 && split_level <= k_max_heading_level) {
    split_at_level(split_level);
    return;
  }
  Answer answer;
  answer.begin = m_doc.body_begin;
  answer.end = m_doc.source.size();
  answer.title = m_doc.span(answer.begin, answer.begin);
  if (m_doc.front_matter.question) {
    answer.question = *m_doc.front_matter.question;
  } else {
    const auto heading =
        std::find_if(m_doc.sections.begin(), m_doc.sections.end(),
                     [](const Section& s) { return s.level <= k_max_heading_level; });
    if (heading != m_doc.sections.end()) {
      answer.question = heading->name;
    }
  }
  m_doc.answers.push_back(std::move(answer));
}

// Every heading of `level` starts an answer, which a heading of that level or
// a higher one ends.
void Builder::split_at_level(int level) {
  bool open = false;
  for (const Section& section : m_doc.sections) {
    if (section.level > level) {
      continue;
    }
    if (open) {
      m_doc.answers.back().end = section.title.begin;
      open = false;
    }
    if (section.level == level) {
      Answer answer;
      answer.question = section.name;
      answer.title = section.title;
      answer.begin = section.title.begin;
      answer.end = m_doc.source.size();
      m_doc.answers.push_back(std::move(answer));
      open = true;
    }
  }
}

// The end of the answer holding `offset`, or of the stretch between answers
// (the preamble) holding it. `next_answer` only moves forward.
std::size_t Builder::region_end(std::size_t offset, int& answer, std::size_t& next_answer) const {
  const auto& answers = m_doc.answers;
  while (next_answer < answers.size() && answers[next_answer].end <= offset) {
    ++next_answer;
  }
  if (next_answer < answers.size() && answers[next_answer].begin <= offset) {
    answer = static_cast<int>(next_answer);
    return answers[next_answer].end;
  }
  answer = -1;
  return next_answer < answers.size() ? answers[next_answer].begin : m_doc.source.size();
}

void Builder::set_section_extents() {
  auto& sections = m_doc.sections;
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    while (!open.empty() && sections[open.back()].level >= sections[i].level) {
      sections[open.back()].body_end = sections[i].title.begin;
      open.pop_back();
    }
    open.push_back(i);
  }
  for (std::size_t i : open) {
    sections[i].body_end = m_doc.source.size();
  }
  std::size_t next_answer = 0;
  for (Section& section : sections) {
    const std::size_t limit = region_end(section.title.begin, section.answer, next_answer);
    section.body_end = std::max(section.body_begin, std::min(section.body_end, limit));
  }
}

void Builder::set_parents() {
  auto& sections = m_doc.sections;
  std::vector<int> open;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const std::size_t begin = sections[i].title.begin;
    while (!open.empty() && sections[static_cast<std::size_t>(open.back())].body_end <= begin) {
      open.pop_back();
    }
    sections[i].parent = open.empty() ? -1 : open.back();
    open.push_back(static_cast<int>(i));
  }
}

void Builder::set_paragraph_owners() {
  const auto& sections = m_doc.sections;
  std::vector<int> open;
  std::size_t next_section = 0;
  std::size_t next_answer = 0;
  for (Paragraph& paragraph : m_doc.paragraphs) {
    const std::size_t begin = paragraph.span.begin;
    for (; next_section < sections.size() && sections[next_section].title.begin <= begin;
         ++next_section) {
      open.push_back(static_cast<int>(next_section));
    }
    // Sections are nested or disjoint, so the innermost open one is last.
    while (!open.empty() && sections[static_cast<std::size_t>(open.back())].body_end <= begin) {
      open.pop_back();
    }
    paragraph.section = open.empty() ? -1 : open.back();
    region_end(begin, paragraph.answer, next_answer);
  }
}

void Builder::count_words() {
  for (Section& section : m_doc.sections) {
    section.word_count =
        static_cast<std::uint32_t>(m_doc.words_in(section.body_begin, section.body_end).size());
  }
  for (Answer& answer : m_doc.answers) {
    answer.word_count = static_cast<std::uint32_t>(m_doc.words_in(answer.begin, answer.end).size());
  }
}

void Builder::link_sections() {
  set_section_extents();
  set_parents();
  set_paragraph_owners();
  count_words();
}

} // namespace

std::size_t Paragraph::source_offset(std::size_t text_offset) const {
  return detail::map_text_offset(runs, text_offset);
}

std::span<const Word> Document::words_in(std::size_t begin, std::size_t end) const {
  return slice(words, begin, end, [](const Word& w) { return w.span.begin; });
}

std::span<const Sentence> Document::sentences_in(std::size_t begin, std::size_t end) const {
  return slice(sentences, begin, end, [](const Sentence& s) { return s.span.begin; });
}

std::span<const Paragraph> Document::paragraphs_in(std::size_t begin, std::size_t end) const {
  return slice(paragraphs, begin, end, [](const Paragraph& p) { return p.span.begin; });
}

std::span<const CodeSpan> Document::code_spans_in(std::size_t begin, std::size_t end) const {
  return slice(code_spans, begin, end, [](const CodeSpan& c) { return c.span.begin; });
}

std::span<const CodeBlock> Document::code_blocks_in(std::size_t begin, std::size_t end) const {
  return slice(code_blocks, begin, end, [](const CodeBlock& c) { return c.span.begin; });
}

std::span<const Section> Document::sections_of(int answer) const {
  if (answer < 0 || static_cast<std::size_t>(answer) >= answers.size()) {
    return {};
  }
  const Answer& range = answers[static_cast<std::size_t>(answer)];
  return slice(sections, range.begin, range.end, [](const Section& s) { return s.title.begin; });
}

Document parse_document(std::string_view source, const ParseOptions& options) {
  Document doc;
  doc.source = source;
  doc.lines = LineIndex(source);
  detail::FrontMatterResult front = detail::parse_front_matter(source, doc.lines);
  doc.front_matter = std::move(front.front_matter);
  doc.body_begin = front.body_begin;
  detail::Markdown markdown = detail::parse_markdown(source, doc.lines, doc.body_begin);
  Builder builder(doc, options);
  builder.add_blocks(markdown.blocks);
  builder.add_code(markdown);
  builder.add_words();
  builder.add_answers(doc.front_matter.split_level.value_or(options.split_level));
  builder.link_sections();
  return doc;
}

} // namespace answerlint
