// libFuzzer target: YAML front matter read by read_simple_yaml must come out
// exactly as yaml-cpp reads it (values, key positions, problems), whenever
// read_simple_yaml accepts the block at all.
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
  const auto [simple, full] = testing::yaml_readings(content);
  if (simple != full) {
    std::fprintf(stderr, "simple reading:\n%s\nyaml-cpp:\n%s\n", simple.c_str(), full.c_str());
    std::abort();
  }
  return 0;
}
