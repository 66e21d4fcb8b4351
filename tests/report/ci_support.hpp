#pragma once

// Shared by the CI format tests: one fixed report full of hostile text, the
// golden-file check, and the consumers' own parsers (xmllint, jsonschema)
// run as commands when they are installed.

#include "lint/finding.hpp"
#include "report/baseline.hpp"
#include "report/reporter.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <sys/wait.h>
#include <vector>

namespace answerlint::test {

// Both a path and a message a consumer could misread: separators of every
// format, quotes, markup, percent signs, non-ASCII.
inline constexpr std::string_view k_hostile_path = "answers/Ça va, v2: 100% <draft> & \"q\" 'x'.md";
inline constexpr std::string_view k_hostile_message =
    "quotes \"the answer\" and 'this' <b>bold</b> & 50% off,: then\nanother line\r\nand a | pipe";

inline Finding make_finding(std::string path, std::string rule, Severity severity, int line,
                            int column, int end_line, int end_column, std::string message,
                            std::string source_line = "Some line of the answer.") {
  Finding f;
  f.path = std::move(path);
  f.rule = std::move(rule);
  f.severity = severity;
  f.span.line = line;
  f.span.column = column;
  f.span.end_line = end_line;
  f.span.end_column = end_column;
  f.message = std::move(message);
  f.kind = "behavioral";
  f.source_line = std::move(source_line);
  return f;
}

// The report every golden file is written from.
inline Report golden_report() {
  Report report;
  report.files_checked = 3;
  report.findings = {
      make_finding("answers/behavioral/conflict.md", "required-sections", Severity::error, 1, 1, 1,
                   24, "missing the \"Result\" section: say what changed, with a number",
                   "# Conflict with a peer"),
      make_finding("answers/behavioral/conflict.md", "length", Severity::warning, 3, 1, 9, 1,
                   "512 words, about 3.5 minutes to say: cut to 450 words (3 minutes)",
                   "## Situation"),
      make_finding(std::string(k_hostile_path), "length", Severity::warning, 4, 3, 4, 9,
                   std::string(k_hostile_message), "  «Ça» was   hard"),
      make_finding(std::string(k_hostile_path), "no-buzzwords", Severity::info, 7, 5, 7, 13,
                   "avoid \"synergy\": say what you did", "We found synergy."),
      make_finding(std::string(k_hostile_path), "no-buzzwords", Severity::info, 9, 5, 9, 13,
                   "avoid \"synergy\": say what you did", "We found synergy."),
  };
  std::sort(report.findings.begin(), report.findings.end(), finding_less);
  return report;
}

// The findings file by file, as the runner hands them to a writer.
inline std::vector<std::vector<Finding>> by_file(const std::vector<Finding>& findings) {
  std::vector<std::vector<Finding>> files;
  for (const Finding& f : findings) {
    if (files.empty() || files.back().front().path != f.path) {
      files.emplace_back();
    }
    files.back().push_back(f);
  }
  return files;
}

// What a writer hands to its sink, and in how many pieces.
struct Captured {
  std::string text;
  int pieces = 0;

  TextSink sink() {
    return [this](std::string_view piece) {
      text += piece;
      ++pieces;
    };
  }
};

// The golden report with more findings, which `baseline` records: in its two
// files and in a third that the baseline then empties.
struct UnderBaseline {
  Report report;
  std::string baseline;
};

inline UnderBaseline golden_report_under_baseline() {
  Report recorded;
  recorded.findings = {
      make_finding("answers/behavioral/conflict.md", "no-buzzwords", Severity::error, 5, 1, 5, 9,
                   "avoid \"leverage\"", "We leverage it."),
      make_finding(std::string(k_hostile_path), "custom-rule", Severity::error, 2, 1, 2, 4,
                   "an old finding", "Old text."),
      make_finding("answers/extra.md", "length", Severity::warning, 1, 1, 3, 1, "old", "# Old"),
  };
  UnderBaseline result{golden_report(), format_baseline(recorded)};
  result.report.findings.insert(result.report.findings.end(), recorded.findings.begin(),
                                recorded.findings.end());
  std::sort(result.report.findings.begin(), result.report.findings.end(), finding_less);
  return result;
}

// What `make` writes of the report's findings fed file by file, each file
// through `baseline` when there is one.
template <typename Make>
std::string write_by_file(Make make, const Report& report, const std::string* baseline = nullptr) {
  std::string out;
  std::unique_ptr<ReportWriter> writer = make([&out](std::string_view piece) { out += piece; });
  std::optional<Baseline> hiding;
  if (baseline != nullptr) {
    hiding = Baseline::parse(*baseline, "baseline.json");
  }
  ReportTotals totals{report.files_checked, 0, {}};
  for (std::vector<Finding>& file : by_file(report.findings)) {
    if (hiding) {
      hiding->hide(file);
    }
    writer->add(file);
    totals.findings += file.size();
    totals.summary.add(file);
  }
  writer->finish(totals);
  return out;
}

inline std::filesystem::path source_path(std::string_view relative) {
  return std::filesystem::path(ANSWERLINT_SOURCE_DIR) / relative;
}

// The version changes with every release; the golden file says @VERSION@.
inline std::string without_version(std::string text) {
  std::string quoted = fmt::format(": \"{}\"", k_version);
  for (std::size_t at = text.find(quoted); at != std::string::npos; at = text.find(quoted, at)) {
    text.replace(at, quoted.size(), ": \"@VERSION@\"");
  }
  return text;
}

// Compares with tests/report/golden/<name>; ANSWERLINT_UPDATE_GOLDEN=1
// rewrites the file instead (check the diff by eye before committing).
inline void expect_golden(std::string_view name, const std::string& actual) {
  std::filesystem::path golden = source_path("tests/report/golden") / name;
  const char* update = std::getenv("ANSWERLINT_UPDATE_GOLDEN");
  if (update != nullptr && std::string_view(update) == "1") {
    std::filesystem::create_directories(golden.parent_path());
    std::FILE* out = std::fopen(golden.c_str(), "wb");
    ASSERT_NE(out, nullptr) << golden;
    std::fwrite(actual.data(), 1, actual.size(), out);
    std::fclose(out);
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(golden)) << golden << " is missing";
  EXPECT_EQ(actual, read_file(golden)) << "differs from " << golden;
}

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs a shell command, capturing both streams.
inline CommandResult run_command(const std::string& command) {
  TempDir capture;
  auto out = capture.path() / "out";
  auto err = capture.path() / "err";
  int status =
      std::system(fmt::format("{} >'{}' 2>'{}'", command, out.string(), err.string()).c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(out);
  result.err = read_file(err);
  return result;
}

inline bool have_xmllint() {
  return run_command("command -v xmllint").exit_code == 0;
}

inline bool have_jsonschema() {
  return run_command("python3 -c 'import jsonschema'").exit_code == 0;
}

// Single-quoted for the shell.
inline std::string shell_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

// A document a real XML parser accepts: `xmllint --noout`. The caller skips
// when have_xmllint() is false.
inline void expect_well_formed_xml(const std::string& xml) {
  TempDir dir;
  auto file = dir.write("report.xml", xml);
  CommandResult result = run_command(fmt::format("xmllint --noout {}", shell_quote(file.string())));
  EXPECT_EQ(result.exit_code, 0) << result.err << xml;
}

// The string value of an XPath expression, as xmllint's parser reads it.
inline std::string xpath_string(const std::string& xml, std::string_view expression) {
  TempDir dir;
  auto file = dir.write("report.xml", xml);
  CommandResult result = run_command(fmt::format("xmllint --xpath {} {}",
                                                 shell_quote(fmt::format("string({})", expression)),
                                                 shell_quote(file.string())));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  if (!result.out.empty() && result.out.back() == '\n') {
    result.out.pop_back();
  }
  return result.out;
}

} // namespace answerlint::test
