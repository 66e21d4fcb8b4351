#include "error.hpp"
#include "report/baseline.hpp"
#include "report/ci_support.hpp"
#include "report/fingerprint.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace answerlint {
namespace {

using test::make_finding;

Report portfolio() {
  Report report;
  report.findings = {
      make_finding("a.md", "length", Severity::warning, 1, 1, 1, 9, "too long", "# Title"),
      make_finding("a.md", "avoid-phrases", Severity::warning, 5, 3, 5, 9, "avoid \"synergy\"",
                   "We found synergy."),
      make_finding("b.md", "required-sections", Severity::error, 2, 1, 2, 4, "missing Result",
                   "## Situation"),
  };
  return report;
}

// The same portfolio after three lines were added at the top of a.md.
Report shifted() {
  Report report = portfolio();
  for (Finding& f : report.findings) {
    if (f.path == "a.md") {
      f.span.line += 3;
      f.span.end_line += 3;
    }
  }
  return report;
}

TEST(Baseline, StableSortedPrettyJson) {
  Report report = portfolio();
  std::string text = format_baseline(report);
  std::reverse(report.findings.begin(), report.findings.end());
  EXPECT_EQ(format_baseline(report), text);
  auto json = nlohmann::json::parse(text);
  EXPECT_EQ(json["version"], 1);
  ASSERT_EQ(json["findings"].size(), 3U);
  EXPECT_EQ(json["findings"][0]["rule"], "avoid-phrases");
  EXPECT_EQ(json["findings"][0]["message"], "avoid \"synergy\"");
  EXPECT_EQ(json["findings"][2]["path"], "b.md");
  EXPECT_NE(text.find("\n  \"findings\": [\n    {\n      \"path\": \"a.md\",\n"), std::string::npos)
      << text;
}

TEST(Baseline, EditsElsewhereInTheFileKeepTheMatch) {
  std::string baseline = format_baseline(portfolio());
  Report report = shifted();
  EXPECT_EQ(apply_baseline_text(report, baseline, "baseline.json"), 3U);
  EXPECT_TRUE(report.findings.empty());
}

TEST(Baseline, AChangedLineIsANewFinding) {
  std::string baseline = format_baseline(portfolio());
  Report report = shifted();
  report.findings[1].source_line = "We found synergy again.";
  EXPECT_EQ(apply_baseline_text(report, baseline, "baseline.json"), 2U);
  ASSERT_EQ(report.findings.size(), 1U);
  EXPECT_EQ(report.findings[0].rule, "avoid-phrases");
}

TEST(Baseline, EachEntryAbsorbsOneFinding) {
  Report recorded;
  recorded.findings = {make_finding("a.md", "r", Severity::info, 3, 1, 3, 2, "m", "dup")};
  std::string baseline = format_baseline(recorded);
  Report report;
  report.findings = {make_finding("a.md", "r", Severity::info, 3, 1, 3, 2, "m", "dup"),
                     make_finding("a.md", "r", Severity::info, 8, 1, 8, 2, "m", "dup")};
  EXPECT_EQ(apply_baseline_text(report, baseline, "b.json"), 1U);
  ASSERT_EQ(report.findings.size(), 1U);
  EXPECT_EQ(report.findings[0].span.line, 8);
}

TEST(Baseline, AFixedFindingDropsOutOnRewrite) {
  test::TempDir dir;
  std::string path = (dir.path() / "answerlint-baseline.json").string();
  write_baseline(portfolio(), path);
  Report fixed = portfolio();
  fixed.findings.erase(fixed.findings.begin() + 1);
  write_baseline(fixed, path);
  std::string text = test::read_file(path);
  EXPECT_EQ(text, format_baseline(fixed));
  EXPECT_EQ(text.find("avoid-phrases"), std::string::npos);
  // The fixed finding coming back is new again.
  Report again = portfolio();
  EXPECT_EQ(apply_baseline(again, path), 2U);
  ASSERT_EQ(again.findings.size(), 1U);
  EXPECT_EQ(again.findings[0].rule, "avoid-phrases");
}

TEST(Baseline, MatchingIgnoresTheRecordedMessageButNeedsRuleAndPath) {
  Report report = portfolio();
  std::string fp = fingerprints(report.findings)[2];
  std::string baseline = fmt::format(
      R"({{"version": 1, "findings": [
        {{"path": "b.md", "rule": "required-sections", "fingerprint": "{0}", "message": "edited"}},
        {{"path": "c.md", "rule": "required-sections", "fingerprint": "{0}"}},
        {{"path": "b.md", "rule": "length", "fingerprint": "{0}"}}]}})",
      fp);
  EXPECT_EQ(apply_baseline_text(report, baseline, "b.json"), 1U);
  EXPECT_EQ(report.findings.size(), 2U);
}

TEST(Baseline, MissingFileIsAnErrorNamingIt) {
  Report report = portfolio();
  try {
    apply_baseline(report, "/nonexistent/baseline.json");
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.path(), "/nonexistent/baseline.json");
    EXPECT_NE(e.format().find("No such file"), std::string::npos) << e.format();
  }
}

TEST(Baseline, SyntaxErrorHasLineAndColumn) {
  Report report = portfolio();
  try {
    apply_baseline_text(report, "{\n  \"version\": 1,\n  \"findings\": [,]\n}\n", "b.json");
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.path(), "b.json");
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.column(), 16);
    EXPECT_NE(e.format().find("b.json:3:16: the baseline is not valid JSON: syntax error"),
              std::string::npos)
        << e.format();
  }
  EXPECT_EQ(report.findings.size(), 3U);
}

TEST(Baseline, WrongShapeOrVersionIsAnError) {
  Report report = portfolio();
  for (std::string_view text :
       {R"([])", R"({"version": 2, "findings": []})", R"({"version": 1, "findings": {}})",
        R"({"version": 1, "findings": [{"path": "a.md", "rule": "r"}]})",
        R"({"version": 1, "findings": [3]})", R"({"findings": []})"}) {
    EXPECT_THROW(apply_baseline_text(report, text, "b.json"), Error) << text;
  }
}

TEST(Baseline, EmptyBaselineSuppressesNothing) {
  Report report = portfolio();
  EXPECT_EQ(apply_baseline_text(report, format_baseline(Report{}), "b.json"), 0U);
  EXPECT_EQ(report.findings.size(), 3U);
  EXPECT_EQ(format_baseline(Report{}), "{\n  \"version\": 1,\n  \"findings\": []\n}\n");
}

} // namespace
} // namespace answerlint
