#pragma once

#include "document/document.hpp"

#include <cstddef>
#include <string_view>

namespace answerlint::detail {

struct FrontMatterResult {
  FrontMatter front_matter;
  std::size_t body_begin = 0; // past the BOM and the block
};

// Finds and parses the front matter at the start of `source`. Never throws:
// every problem becomes FrontMatter::problems.
FrontMatterResult parse_front_matter(std::string_view source, const LineIndex& lines);

} // namespace answerlint::detail
