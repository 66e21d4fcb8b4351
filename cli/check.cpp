#include "commands.hpp"
#include "config/resolve.hpp"
#include "lint/runner.hpp"
#include "report/render.hpp"
#include "report/reporter.hpp"

#include <cstdio>
#include <fmt/format.h>
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

} // namespace

int run_check(const CheckArgs& args) {
  RunOptions options;
  options.paths.assign(args.paths.begin(), args.paths.end());
  options.threads = args.threads;
  auto config = resolve_config(args.config, options.paths);
  Report report = run_check(*config, options);

  bool to_file = !args.output.empty();
  bool color = !to_file && use_color(args.color, isatty(fileno(stdout)) != 0);
  std::string out = render_report(args.format, report, {color, !args.quiet});
  if (to_file) {
    write_file_atomic(args.output, out);
  } else {
    fmt::print("{}", out);
  }
  if (!args.quiet) {
    for (const std::string& notice : report.notices) {
      fmt::print(stderr, "answerlint: {}\n", notice);
    }
  }
  for (const std::string& error : report.errors) {
    fmt::print(stderr, "answerlint: error: {}\n", error);
  }
  return exit_code(report, args.max_warnings);
}

} // namespace answerlint::cli
