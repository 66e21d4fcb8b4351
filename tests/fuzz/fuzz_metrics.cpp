// libFuzzer target: any bytes as a paragraph's prose for the metric
// recogniser. Matches must be in bounds, non-empty, ordered and disjoint;
// nothing may crash or hang (the recogniser is linear by construction).
#include "rules/metric_recognizer.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t previous_end = 0;
  for (const answerlint::rules::MetricMatch& match : answerlint::rules::find_metrics(text)) {
    if (match.begin >= match.end || match.end > size || match.begin < previous_end) {
      std::abort();
    }
    previous_end = match.end;
  }
  return 0;
}
