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
#include <optional>
#include <string>
#include <string_view>
#include <unistd.h>
#include <utility>

namespace answerlint::cli {

namespace {

int exit_code(const Report& report, const Summary& shown, std::optional<int> max_warnings) {
  if (!report.errors.empty()) {
    return 2;
  }
  bool too_many = max_warnings && shown.warning > *max_warnings;
  return shown.error > 0 || too_many ? 1 : 0;
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
// run's page, when the github format is asked for.
const char* step_summary_path(const CheckArgs& args) {
  const char* path = std::getenv("GITHUB_STEP_SUMMARY");
  return args.format == "github" && path != nullptr && *path != '\0' ? path : nullptr;
}

// The file belongs to the runner, so it is appended to.
void append_step_summary(const char* path, std::string_view summary) {
  std::ofstream out(path, std::ios::app | std::ios::binary);
  out << summary;
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
  auto config = resolve_config(args.config, options.selection.paths);

  // The report is written while the answers are linted: -o into a temporary
  // file renamed at the end, else stdout.
  bool to_file = !args.output.empty();
  bool to_terminal = !to_file && isatty(fileno(stdout)) != 0;
  bool color = !to_file && use_color(args.color, to_terminal);
  std::optional<AtomicFile> file;
  if (to_file) {
    file.emplace(args.output);
  }
  ReportStream stream(args.format, {color, !args.quiet}, [&file](std::string_view piece) {
    if (file) {
      file->write(piece);
    } else {
      // Bytes as they are: fmt::print("{}", ...) copies them through its
      // formatter one by one (60M instructions for a warm run's report).
      std::fwrite(piece.data(), 1, piece.size(), stdout);
    }
  });
  // The job summary is built as the findings come, from counts and the rows
  // that fit, and appended once the report is written.
  const char* summary_path = step_summary_path(args);
  std::string summary;
  if (summary_path != nullptr) {
    stream.also_write(github_summary_writer(
        github_blob_url(), [&summary](std::string_view piece) { summary += piece; }));
  }
  // Findings printed on the terminal while the bar redraws there would mix
  // with it: they show the progress themselves.
  options.progress = !args.quiet && !(to_terminal && stream.writes_early());
  Report report;
  if (args.write_baseline.empty()) {
    if (!args.baseline.empty()) {
      stream.hide(Baseline::read(args.baseline));
    }
    report = run_check(*config, options, [&stream](std::string_view, std::vector<Finding>&& found) {
      stream.add(found);
    });
  } else {
    // The baseline file records every finding before any is hidden: the
    // findings are collected, then written at once.
    report = run_check(*config, options);
    write_baseline(report, args.write_baseline);
    if (!args.baseline.empty()) {
      stream.hide(Baseline::read(args.baseline));
    }
    stream.add(report.findings);
    report.findings = {};
  }
  stream.finish(report.files_checked);
  if (file) {
    file->commit();
  }

  if (summary_path != nullptr) {
    append_step_summary(summary_path, summary);
  }
  if (!args.quiet) {
    for (const std::string& notice : report.notices) {
      fmt::print(stderr, "answerlint: {}\n", notice);
    }
    if (stream.hidden() > 0) {
      fmt::print(stderr, "answerlint: {} finding{} recorded in {} not shown\n", stream.hidden(),
                 stream.hidden() == 1 ? "" : "s", args.baseline);
    }
  }
  for (const std::string& error : report.errors) {
    fmt::print(stderr, "answerlint: error: {}\n", error);
  }
  return exit_code(report, stream.shown(), args.max_warnings);
}

} // namespace answerlint::cli
