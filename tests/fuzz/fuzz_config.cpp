// libFuzzer target: any bytes as answerlint.toml. A config either loads or
// throws answerlint::Error with a position; nothing else may escape.
#include "config/config.hpp"
#include "error.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    auto config = answerlint::load_config_text(text, "/fuzz/answerlint.toml");
    (void)config->rules_for("behavioral/a.md", "behavioral");
    (void)config->kind_for("x/y.md");
    (void)config->labels();
  } catch (const answerlint::Error&) {
    // A clear error is the expected answer to bad input.
  }
  return 0;
}
