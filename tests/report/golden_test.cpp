#include "report/baseline.hpp"
#include "report/ci_support.hpp"
#include "report/reporter.hpp"

#include <gtest/gtest.h>

// One fixed report in every CI format, compared byte for byte with
// tests/report/golden/. The SARIF one uses a fixed rule catalogue so that
// edits to the real rules' docs do not touch it.
namespace answerlint {
namespace {

using test::expect_golden;
using test::golden_report;
using test::without_version;
using test::write_by_file;

const Rule k_golden_length{
    .id = "length",
    .summary = "An answer takes two to three minutes to say.",
    .doc = "## What it does\n\nCounts the words of prose\nin the answer.\n\n## Why it matters\n\n"
           "Long answers are cut off.\n",
    .default_severity = Severity::warning,
};

const Rule k_golden_sections{
    .id = "required-sections",
    .summary = "Each answer has the sections its kind needs.",
    .doc = "## What it does\n\nChecks the headings.\n",
    .default_severity = Severity::error,
};

const Rule* const k_golden_rules[] = {&k_golden_length, &k_golden_sections};

TEST(CiGolden, Sarif) {
  expect_golden("report.sarif", without_version(format_sarif(golden_report(), k_golden_rules)));
}

TEST(CiGolden, GithubAnnotations) {
  expect_golden("github.txt", format_github(golden_report()));
}

TEST(CiGolden, GithubSummary) {
  expect_golden("github-summary.md",
                format_github_summary(golden_report(), "https://github.com/o/r/blob/abc123"));
}

TEST(CiGolden, Junit) {
  expect_golden("junit.xml", format_junit(golden_report()));
}

// Fed file by file, the sarif writer writes the golden file, also when a
// baseline hides findings in every file (one of a rule only it names), and
// all of one.
TEST(CiGolden, SarifFileByFile) {
  auto sarif = [](TextSink sink) { return sarif_writer(k_golden_rules, std::move(sink)); };
  expect_golden("report.sarif", without_version(write_by_file(sarif, golden_report())));
  const test::UnderBaseline hidden = test::golden_report_under_baseline();
  expect_golden("report.sarif",
                without_version(write_by_file(sarif, hidden.report, &hidden.baseline)));
}

// Fed file by file, the junit writer writes the golden file, also when a
// baseline hides findings in every file, and all of one.
TEST(CiGolden, JunitFileByFile) {
  auto junit = [](TextSink sink) { return junit_writer(std::move(sink)); };
  expect_golden("junit.xml", write_by_file(junit, golden_report()));
  const test::UnderBaseline hidden = test::golden_report_under_baseline();
  expect_golden("junit.xml", write_by_file(junit, hidden.report, &hidden.baseline));
}

// Fed file by file, the github writers write the golden files, also when a
// baseline hides findings (errors among them) in every file, and all of one.
TEST(CiGolden, GithubFileByFile) {
  auto annotations = [](TextSink sink) { return github_writer(std::move(sink)); };
  auto summary = [](TextSink sink) {
    return github_summary_writer("https://github.com/o/r/blob/abc123", std::move(sink));
  };
  const test::UnderBaseline hidden = test::golden_report_under_baseline();
  expect_golden("github.txt", write_by_file(annotations, golden_report()));
  expect_golden("github.txt", write_by_file(annotations, hidden.report, &hidden.baseline));
  expect_golden("github-summary.md", write_by_file(summary, golden_report()));
  expect_golden("github-summary.md", write_by_file(summary, hidden.report, &hidden.baseline));
}

TEST(CiGolden, Gitlab) {
  expect_golden("gitlab.json", format_gitlab(golden_report()));
}

TEST(CiGolden, Checkstyle) {
  expect_golden("checkstyle.xml", format_checkstyle(golden_report()));
}

TEST(CiGolden, Baseline) {
  expect_golden("baseline.json", format_baseline(golden_report()));
}

} // namespace
} // namespace answerlint
