#pragma once

#include "lint/finding.hpp"

#include <string>
#include <string_view>

namespace answerlint {

inline constexpr std::string_view k_version = ANSWERLINT_VERSION;

// `path:line:col: severity[rule] message`, the source line with the range
// underlined, then a summary line.
std::string format_text(const Report& report, bool color, bool summary = true);
// The first line of the text format per finding, and the summary.
std::string format_concise(const Report& report, bool color, bool summary = true);
// SPEC §6 json.
std::string format_json(const Report& report);

// Writes `content` to `path` through a temporary file in the same folder and a
// rename: readers see the old file or the new one, never a part. Throws
// answerlint::Error.
void write_file_atomic(const std::string& path, std::string_view content);

} // namespace answerlint

namespace answerlint {

// Colour for `mode` (auto, always, never): auto means a terminal and no
// NO_COLOR; an explicit --color wins over NO_COLOR, as no-color.org asks.
bool use_color(std::string_view mode, bool to_terminal);

} // namespace answerlint
