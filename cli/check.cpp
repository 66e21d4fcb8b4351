#include "commands.hpp"
#include "config/resolve.hpp"
#include "lint/runner.hpp"
#include "report/baseline.hpp"
#include "report/render.hpp"
#include "report/reporter.hpp"

#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <unistd.h>

namespace answerlint::cli {

namespace {

int exit_code(const Report& report, std::optional<int> max_warnings) {
  if (!report.errors.empty()) {
    return 2;
  }
  Summary s = report.summary();
  bool too_many = max_warnings && s.warning > *max_warnings;
  return s.error > 0 || too_many ? 1 : 0;
}

Selection selection_of(const CheckArgs& args) {
  Selection selection;
  selection.paths.assign(args.paths.begin(), args.paths.end());
  if (args.staged) {
    selection.source = Source::staged;
  } else if (!args.since.empty()) {
    selection.source = Source::since;
    selection.ref = args.since;
  } else if (!args.rev.empty()) {
    selection.source = Source::rev;
    selection.ref = args.rev;
  }
  return selection;
}

// GitHub Actions shows the Markdown appended to $GITHUB_STEP_SUMMARY on the
// run's page; the file belongs to the runner, so it is appended to.
void append_step_summary(const Report& report) {
  const char* path = std::getenv("GITHUB_STEP_SUMMARY");
  if (path == nullptr || *path == '\0') {
    return;
  }
  std::ofstream out(path, std::ios::app | std::ios::binary);
  out << format_github_summary(report, github_blob_url());
  if (!out) {
    fmt::print(stderr, "answerlint: warning: cannot append the job summary to {}\n", path);
  }
}

} // namespace

int run_check(const CheckArgs& args) {
  RunOptions options;
  options.selection = selection_of(args);
  options.threads = args.threads;
  options.use_cache = !args.no_cache;
  options.progress = !args.quiet;
  auto config = resolve_config(args.config, options.selection.paths);
  Report report = run_check(*config, options);

  if (!args.write_baseline.empty()) {
    write_baseline(report, args.write_baseline);
  }
  std::size_t baselined = 0;
  if (!args.baseline.empty()) {
    baselined = apply_baseline(report, args.baseline);
  }

  bool to_file = !args.output.empty();
  bool color = !to_file && use_color(args.color, isatty(fileno(stdout)) != 0);
  if (to_file) {
    write_file_atomic(args.output, render_report(args.format, report, {color, !args.quiet}));
  } else {
    render_report_to(args.format, report, {color, !args.quiet, args.threads},
                     [](std::string_view piece) { fmt::print("{}", piece); });
  }
  if (args.format == "github") {
    append_step_summary(report);
  }
  if (!args.quiet) {
    for (const std::string& notice : report.notices) {
      fmt::print(stderr, "answerlint: {}\n", notice);
    }
    if (baselined > 0) {
      fmt::print(stderr, "answerlint: {} finding{} recorded in {} not shown\n", baselined,
                 baselined == 1 ? "" : "s", args.baseline);
    }
  }
  for (const std::string& error : report.errors) {
    fmt::print(stderr, "answerlint: error: {}\n", error);
  }
  return exit_code(report, args.max_warnings);
}

} // namespace answerlint::cli
