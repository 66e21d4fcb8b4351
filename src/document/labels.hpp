#pragma once

#include "document/markdown.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace answerlint::detail {

// A section label found at the start of a line of a prose block.
struct Label {
  std::string name;            // trimmed, without its ':' or '-'
  std::size_t title_begin = 0; // file offsets of the label's bytes
  std::size_t title_end = 0;
  std::uint32_t prose_begin = 0; // text offset where the block's prose resumes
};

// True when `name` starts with one of `labels` (lowercase) on a word
// boundary, ignoring ASCII case; a plural 's' still matches ("Results").
bool matches_label(std::string_view name, std::span<const std::string> labels);

// Looks for a label at text offset `at` of `paragraph`, which must be the
// block's start or a line start. Plain-text labels (`Situation - text`) are
// only looked for at the block's start.
std::optional<Label> find_label(const RawParagraph& paragraph, std::uint32_t at,
                                std::string_view source, std::span<const std::string> labels);

} // namespace answerlint::detail
