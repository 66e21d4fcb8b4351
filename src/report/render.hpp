#pragma once

#include "lint/finding.hpp"

#include <array>
#include <functional>
#include <string>
#include <string_view>

namespace answerlint {

inline constexpr std::array<std::string_view, 8> k_formats = {
    "text", "concise", "json", "sarif", "github", "junit", "gitlab", "checkstyle"};

struct RenderOptions {
  bool color = false;
  bool summary = true;  // the text formats' last line; off with --quiet
  unsigned threads = 1; // render_report_to: threads for text and concise (0: every core)
};

// The report in `format` (one of k_formats). `github` gives the workflow
// commands only; the job summary is format_github_summary (reporter.hpp).
std::string render_report(std::string_view format, const Report& report,
                          const RenderOptions& options);
// The same handed to `sink` in pieces: text and concise as they are rendered
// (a large report is never whole in memory), the other formats in one piece.
void render_report_to(std::string_view format, const Report& report, const RenderOptions& options,
                      const std::function<void(std::string_view piece)>& sink);

} // namespace answerlint
