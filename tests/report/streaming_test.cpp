// A report written file by file while the run goes on (ReportStream, as
// `check` uses it) is exactly the report rendered whole, in every format,
// with or without a baseline, and so is the GitHub job summary written
// alongside; every format is written as the findings come, in pieces.
#include "report/baseline.hpp"
#include "report/render.hpp"
#include "report/reporter.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>

namespace answerlint {
namespace {

Report large_report() {
  Report report;
  report.files_checked = 9;
  for (int i = 0; i < 5000; ++i) {
    Finding f;
    // Files of different sizes, one without findings; the same line twice
    // in a file, for the fingerprints' occurrence count.
    f.path = fmt::format("stories/{}.md", i < 1500 ? 'a' : i < 1510 ? 'b' : i < 4000 ? 'c' : 'e');
    f.span = {0, 5, i / 2 + 1, 3, i / 2 + 1, 8};
    f.rule = i % 5 == 0 ? "filler-words" : "cliches";
    f.severity = i % 3 == 0 ? Severity::error : i % 3 == 1 ? Severity::warning : Severity::info;
    f.message = fmt::format("'basically' is filler ({}) <&> \"q\"", i / 2);
    f.kind = "behavioral";
    f.source_line =
        fmt::format("We basically rewrote the \xC3\xA9l\xC3\xA9ment {} service.", i / 2);
    report.findings.push_back(std::move(f));
  }
  std::sort(report.findings.begin(), report.findings.end(), finding_less);
  return report;
}

// The report's findings file by file, as the runner hands them over, with a
// clean file in the middle.
std::vector<std::vector<Finding>> by_file(const Report& report) {
  std::map<std::string, std::vector<Finding>> files;
  files["stories/d.md"];
  for (const Finding& f : report.findings) {
    files[f.path].push_back(f);
  }
  std::vector<std::vector<Finding>> result;
  for (auto& [path, findings] : files) {
    result.push_back(std::move(findings));
  }
  return result;
}

struct Streamed {
  std::string text;
  int pieces = 0;
  std::string summary; // the GitHub job summary, with the github format
  Summary shown;
  std::size_t hidden = 0;
};

constexpr std::string_view k_blob_url = "https://github.com/o/r/blob/abc";

Streamed stream(std::string_view format, const Report& whole, bool color,
                const std::string* baseline = nullptr) {
  Streamed out;
  ReportStream stream(format, {color, true}, [&out](std::string_view piece) {
    out.text += piece;
    ++out.pieces;
  });
  if (baseline != nullptr) {
    stream.hide(Baseline::parse(*baseline, "baseline.json"));
  }
  if (format == "github") {
    stream.also_write(github_summary_writer(
        k_blob_url, [&out](std::string_view piece) { out.summary += piece; }));
  }
  for (std::vector<Finding>& file : by_file(whole)) {
    stream.add(file);
  }
  stream.finish(whole.files_checked);
  out.shown = stream.shown();
  out.hidden = stream.hidden();
  return out;
}

bool streams(std::string_view format) {
  return streaming_writer(format, {}, [](std::string_view) {}) != nullptr;
}

TEST(StreamedReport, FileByFileIsExactlyTheWholeReport) {
  const Report report = large_report();
  for (std::string_view format : k_formats) {
    for (bool color : {false, true}) {
      SCOPED_TRACE(fmt::format("{}, colour {}", format, color));
      Streamed streamed = stream(format, report, color);
      EXPECT_EQ(streamed.text, render_report(format, report, {color, true}));
      EXPECT_EQ(streamed.shown.error, report.summary().error);
      EXPECT_EQ(streamed.shown.warning, report.summary().warning);
      EXPECT_EQ(streamed.shown.info, report.summary().info);
      if (format == "github") {
        EXPECT_EQ(streamed.summary, format_github_summary(report, k_blob_url));
      }
    }
  }
  for (std::string_view format : k_formats) {
    EXPECT_TRUE(streams(format)) << format;
  }
  EXPECT_FALSE(streams("xml"));
  EXPECT_GT(stream("text", report, false).pieces, 5) << "a large report comes in pieces";
}

// A baseline recording part of the report hides, file by file, exactly what
// it hides from the whole report.
TEST(StreamedReport, BaselineHidesFileByFileWhatItHidesFromTheWhole) {
  const Report report = large_report();
  Report recorded;
  for (std::size_t i = 0; i < report.findings.size(); i += 3) {
    recorded.findings.push_back(report.findings[i]);
  }
  const std::string baseline = format_baseline(recorded);
  Report whole = report;
  const std::size_t hidden = apply_baseline_text(whole, baseline, "baseline.json");
  ASSERT_GT(hidden, 1000U);
  for (std::string_view format : {"json", "concise", "gitlab", "sarif", "junit", "github"}) {
    SCOPED_TRACE(format);
    Streamed streamed = stream(format, report, false, &baseline);
    EXPECT_EQ(streamed.hidden, hidden);
    EXPECT_EQ(streamed.text, render_report(format, whole, {false, true}));
    EXPECT_EQ(streamed.shown.error, whole.summary().error);
    EXPECT_EQ(streamed.shown.warning, whole.summary().warning);
    if (format == "github") {
      EXPECT_EQ(streamed.summary, format_github_summary(whole, k_blob_url));
    }
  }
}

TEST(StreamedReport, FindingsOnOneLineShareIt) {
  Finding a;
  a.source_line = std::string("A long paragraph line.");
  Finding b = a;
  EXPECT_EQ(a.source_line.view().data(), b.source_line.view().data());
  EXPECT_EQ(b.source_line, "A long paragraph line.");
  EXPECT_EQ(fmt::format("[{}]", b.source_line), "[A long paragraph line.]");
  Finding empty;
  EXPECT_TRUE(empty.source_line.empty());
  EXPECT_EQ(fmt::format("[{}]", empty.source_line), "[]");
}

} // namespace
} // namespace answerlint
