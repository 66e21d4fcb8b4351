// libFuzzer target: YAML front matter read by read_simple_yaml must come out
// exactly as yaml-cpp reads it (values, key positions, problems), whenever
// read_simple_yaml accepts the block at all.
#include "document/front_matter.hpp"
#include "document/simple_yaml.hpp"
#include "tests/support/front_matter_text.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace answerlint;
  const std::string content(reinterpret_cast<const char*>(data), size);
  if (content.find("\n---") != std::string::npos || content.find("\n...") != std::string::npos ||
      content.starts_with("---") || content.starts_with("...")) {
    return 0; // a closing line inside: not one block
  }
  if (!detail::read_simple_yaml(content)) {
    return 0;
  }
  const std::string source = "---\n" + content + "\n---\nBody.\n";
  const LineIndex lines(source);
  const auto simple = detail::parse_front_matter(source, lines, detail::YamlReading::simple_first);
  const auto full = detail::parse_front_matter(source, lines, detail::YamlReading::yaml_cpp);
  const std::string simple_text = testing::front_matter_text(simple.front_matter);
  const std::string full_text = testing::front_matter_text(full.front_matter);
  if (simple_text != full_text) {
    std::fprintf(stderr, "simple reading:\n%s\nyaml-cpp:\n%s\n", simple_text.c_str(),
                 full_text.c_str());
    std::abort();
  }
  return 0;
}
