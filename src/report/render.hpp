#pragma once

#include "lint/finding.hpp"

#include <array>
#include <string>
#include <string_view>

namespace answerlint {

inline constexpr std::array<std::string_view, 3> k_formats = {"text", "concise", "json"};

struct RenderOptions {
  bool color = false;
  bool summary = true; // the text formats' last line; off with --quiet
};

// The report in `format` (one of k_formats).
std::string render_report(std::string_view format, const Report& report,
                          const RenderOptions& options);

} // namespace answerlint
