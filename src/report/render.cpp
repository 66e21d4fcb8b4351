#include "report/render.hpp"

#include "report/reporter.hpp"

#include <algorithm>
#include <thread>

namespace answerlint {

std::string render_report(std::string_view format, const Report& report,
                          const RenderOptions& options) {
  if (format == "json") {
    return format_json(report);
  }
  if (format == "sarif") {
    return format_sarif(report);
  }
  if (format == "github") {
    return format_github(report);
  }
  if (format == "junit") {
    return format_junit(report);
  }
  if (format == "gitlab") {
    return format_gitlab(report);
  }
  if (format == "checkstyle") {
    return format_checkstyle(report);
  }
  if (format == "concise") {
    return format_concise(report, options.color, options.summary);
  }
  return format_text(report, options.color, options.summary);
}

void render_report_to(std::string_view format, const Report& report, const RenderOptions& options,
                      const std::function<void(std::string_view piece)>& sink) {
  const unsigned threads =
      options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  const TextOptions text{options.color, options.summary, threads};
  if (format == "text") {
    write_text(report, text, sink);
  } else if (format == "concise") {
    write_concise(report, text, sink);
  } else {
    sink(render_report(format, report, options));
  }
}

} // namespace answerlint
