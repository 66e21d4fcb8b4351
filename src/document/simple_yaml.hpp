#pragma once

// Front matter as almost every answer writes it, read without yaml-cpp:
//
//   question: "How did you cut the p99 latency?"
//   kind: behavioral
//   tags: [latency, postgres]
//
// yaml-cpp's scanner costs about 1,500 instructions per byte, as much as
// every rule together on a typical answer. read_simple_yaml accepts only
// block mappings of one line per key whose values are empty, plain,
// quoted without escapes, or flow lists of such scalars, ASCII keys at the
// start of the line, comment lines and blank lines; anything else (indented
// lines, tabs, a lone CR, escapes, anchors, block scalars, nested maps, a
// trailing comment, invalid UTF-8...) returns nothing, and yaml-cpp reads
// the block. What it accepts, it reads exactly as yaml-cpp does: a fuzz
// target (tests/fuzz/fuzz_simple_yaml.cpp) compares the two.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace answerlint::detail {

// A value: null (`key:`, `~`, `null`), a scalar, or a flow list of scalars.
struct SimpleYamlNode {
  enum class Type { null, scalar, sequence };
  Type type = Type::null;
  std::string text;        // a scalar's value, quotes removed
  std::size_t begin = 0;   // a scalar's bytes as written, quotes included,
  std::size_t end = 0;     // as offsets into the text given to read_simple_yaml
  std::vector<SimpleYamlNode> items; // a sequence's scalars
};

// The top-level keys and values, in the order written (a repeated key
// appears twice, as yaml-cpp keeps it).
using SimpleYamlMap = std::vector<std::pair<SimpleYamlNode, SimpleYamlNode>>;

// `content`: the lines between the front matter's delimiters.
std::optional<SimpleYamlMap> read_simple_yaml(std::string_view content);

} // namespace answerlint::detail
