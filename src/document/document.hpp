#pragma once

#include "document/span.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace answerlint {

enum class FrontMatterFormat { none, yaml, toml };

// A rule id as a suppression names it, with where it is written: the id
// inside a comment, or the front matter's list item.
struct RuleRef {
  std::string id;
  Span span;

  friend bool operator==(const RuleRef& ref, std::string_view other) { return ref.id == other; }
};

struct FrontMatterProblem {
  std::string message;
  Span span;
};

// The front matter of a file: YAML between `---` lines or TOML between `+++`
// lines, parsed by a real parser. Only the keys answerlint knows are kept,
// typed; `keys` lists every top-level key with where it is written.
struct FrontMatter {
  FrontMatterFormat format = FrontMatterFormat::none;
  Span span; // the whole block, delimiters included
  std::map<std::string, Span, std::less<>> keys;

  std::optional<std::string> question;
  std::optional<std::string> kind;
  std::optional<std::string> company;
  std::optional<std::string> id;
  std::vector<std::string> tags;
  std::vector<RuleRef> disable;   // answerlint.disable
  std::optional<int> split_level; // split_level, top level or under answerlint

  // Unterminated block, syntax errors, not a mapping, a known key of the
  // wrong type. The document is still usable: the block is never prose.
  std::vector<FrontMatterProblem> problems;
};

// A word of prose. `text` points into Document::source.
struct Word {
  Span span;
  std::string_view text;
};

struct Sentence {
  Span span;
  std::uint32_t first_word = 0; // index into Document::words
  std::uint32_t word_count = 0;
};

// One run of text of a paragraph, with where it sits in the file.
struct TextRun {
  std::uint32_t text_offset = 0;   // offset in Paragraph::text
  std::size_t source_offset = 0;   // offset in Document::source
  std::uint32_t length = 0;        // bytes, the same in both
};

// A block of prose: a paragraph, a list item's text, a table cell. Headings
// and section labels are not prose (they are Section titles).
struct Paragraph {
  Span span;
  // The prose text: its runs joined, with a line break as one space and a
  // code span as one space, so that phrase rules see sentences, not markup.
  std::string text;
  std::vector<TextRun> runs;
  int section = -1; // innermost section holding it, or -1
  int answer = -1;  // the answer holding it, or -1 (preamble)

  // The file offset of a byte of `text`; a joining space maps to the start of
  // the next run.
  std::size_t source_offset(std::size_t text_offset) const;
};

struct Section {
  std::string name; // as written, trimmed, without a trailing ':' or ' -'
  int level = 0;    // 1..6 for a heading, 7 for a label
  Span title;       // the heading or label
  std::size_t body_begin = 0; // just past the title
  std::size_t body_end = 0;   // next section of the same or a higher level
  int answer = -1;
  int parent = -1;  // enclosing section, or -1
  std::uint32_t word_count = 0; // prose words in [body_begin, body_end)
};

// `code` spans are not prose, but a tool named in one counts (tools-named).
struct CodeSpan {
  Span span;
  std::string_view text;
};

struct CodeBlock {
  Span span;             // the content lines
  std::string info;      // the whole info string
  std::string language;  // its first word, lowercased; empty when none
  std::string text;      // the content
  int first_line = 0;    // line of the first content line
  bool fenced = false;
};

// `<!-- answerlint-disable a b -->`; no rules means all rules.
struct Directive {
  enum class Kind { disable, enable, disable_next_line };
  Kind kind = Kind::disable;
  std::vector<RuleRef> rules;
  int line = 0; // of the comment's start
};

// The directives that name one rule (or, under "", that name none), so that
// looking one up costs a binary search: a file with thousands of directives
// and thousands of findings stays linear.
struct RuleDirectives {
  std::vector<std::uint32_t> switches; // disable and enable: indices into Document::directives
  std::vector<int> next_lines;         // lines of disable-next-line, ascending
};

struct Answer {
  std::string question;     // front matter `question`, else the split heading, else the first heading
  Span title;               // the split heading, or an empty span at the start
  std::size_t begin = 0;    // byte range of the answer
  std::size_t end = 0;
  std::uint32_t word_count = 0;
};

struct ParseOptions {
  int split_level = 0; // 0: one answer per file; front matter may override
  // Lowercase section names and aliases that make a bold or plain label a
  // section (headings always are).
  std::vector<std::string> labels;
};

// Everything the rules see of one file. Vectors are in file order, so a
// byte range selects a slice (`words_in` and friends).
struct Document {
  std::string_view source;
  LineIndex lines;
  std::size_t body_begin = 0; // past the BOM and front matter
  FrontMatter front_matter;
  std::vector<Paragraph> paragraphs;
  std::vector<Word> words;
  std::vector<Sentence> sentences;
  std::vector<Section> sections;
  std::vector<CodeSpan> code_spans;
  std::vector<CodeBlock> code_blocks;
  std::vector<Directive> directives; // in file order
  std::map<std::string, RuleDirectives, std::less<>> directives_by_rule;
  std::vector<Answer> answers;

  std::span<const Word> words_in(std::size_t begin, std::size_t end) const;
  std::span<const Sentence> sentences_in(std::size_t begin, std::size_t end) const;
  std::span<const Paragraph> paragraphs_in(std::size_t begin, std::size_t end) const;
  std::span<const CodeSpan> code_spans_in(std::size_t begin, std::size_t end) const;
  std::span<const CodeBlock> code_blocks_in(std::size_t begin, std::size_t end) const;
  std::span<const Section> sections_of(int answer) const;
  Span span(std::size_t begin, std::size_t end) const { return lines.span(begin, end); }
};

// Never throws on any input: bad front matter becomes FrontMatter::problems.
// `source` must outlive the Document.
Document parse_document(std::string_view source, const ParseOptions& options);

} // namespace answerlint
