#pragma once

#include "document/document.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace answerlint::detail {

// A `**strong**` span of a prose block: where its text sits in the block's
// text and in the file (the text, not the `**` markers).
struct StrongSpan {
  std::uint32_t text_begin = 0;
  std::uint32_t text_end = 0;
  std::size_t source_begin = 0;
  std::size_t source_end = 0;
};

// A prose block as md4c reports it, before section labels are split off.
struct RawParagraph {
  std::string text;
  std::vector<TextRun> runs;
  std::vector<std::uint32_t> line_starts; // text offsets just past a line break
  std::vector<StrongSpan> strongs;        // in the order they close
};

struct RawHeading {
  int level = 1;
  std::string text;
  std::size_t first = 0; // first byte of its first run
  std::size_t last = 0;  // past the last byte of its last run
};

struct RawBlock {
  bool is_heading = false;
  RawParagraph paragraph;
  RawHeading heading;
};

struct Markdown {
  std::vector<RawBlock> blocks;                          // prose blocks and headings, in file order
  std::vector<CodeSpan> code_spans;                      // spans are byte ranges only
  std::vector<CodeBlock> code_blocks;                    // spans are byte ranges only
  std::vector<std::pair<std::size_t, std::size_t>> html; // raw HTML byte ranges
};

// Runs md4c (GitHub dialect) over source[body_begin..]; every offset in the
// result is an offset of `source`.
Markdown parse_markdown(std::string_view source, const LineIndex& lines, std::size_t body_begin);

// The file offset of a byte of a block's text; a joining space maps to the
// start of the next run.
std::size_t map_text_offset(const std::vector<TextRun>& runs, std::size_t text_offset);

} // namespace answerlint::detail
