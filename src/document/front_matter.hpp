#pragma once

#include "document/document.hpp"

#include <cstddef>
#include <string_view>

namespace answerlint::detail {

struct FrontMatterResult {
  FrontMatter front_matter;
  std::size_t body_begin = 0; // past the BOM and the block
};

// How YAML front matter is read: by read_simple_yaml when it can (the
// product), or always by yaml-cpp (the tests that compare the two).
enum class YamlReading { simple_first, yaml_cpp };

// Finds and parses the front matter at the start of `source`. Never throws:
// every problem becomes FrontMatter::problems.
FrontMatterResult parse_front_matter(std::string_view source, const LineIndex& lines,
                                     YamlReading reading = YamlReading::simple_first);

} // namespace answerlint::detail
