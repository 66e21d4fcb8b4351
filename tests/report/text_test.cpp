#include "report/reporter.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include "error.hpp"
#include "support/temp_dir.hpp"

namespace answerlint {
namespace {

Finding finding(std::string path, int line, int column, int end_column, Severity severity,
                std::string source_line) {
  Finding f;
  f.path = std::move(path);
  f.span.line = line;
  f.span.column = column;
  f.span.end_line = line;
  f.span.end_column = end_column;
  f.rule = "length";
  f.severity = severity;
  f.message = "too long: cut it";
  f.kind = "behavioral";
  f.source_line = std::move(source_line);
  return f;
}

TEST(TextFormat, UnderlinesTheRangeInCharacters) {
  Report report;
  report.files_checked = 1;
  report.findings.push_back(finding("a.md", 3, 4, 8, Severity::warning, "Ça va trop loin"));
  std::string text = format_text(report, false);
  EXPECT_EQ(text, "a.md:3:4: warning[length] too long: cut it\n"
                  "3 | Ça va trop loin\n"
                  "  |    ^^^^\n"
                  "\n"
                  "Found 0 errors, 1 warning, 0 info in 1 file.\n");
}

TEST(TextFormat, KeepsTabsBeforeTheRange) {
  Report report;
  report.findings.push_back(finding("a.md", 1, 3, 4, Severity::error, "\tx y"));
  std::string text = format_text(report, false, false);
  EXPECT_NE(text.find("  | \t ^\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("Found"), std::string::npos);
}

TEST(TextFormat, MultiLineRangeUnderlinesToTheEndOfTheLine) {
  Report report;
  Finding f = finding("a.md", 2, 2, 1, Severity::info, "abcd");
  f.span.end_line = 4;
  report.findings.push_back(f);
  EXPECT_NE(format_text(report, false).find("  |  ^^^\n"), std::string::npos);
}

TEST(TextFormat, ColourOnlyWhenAsked) {
  Report report;
  report.findings.push_back(finding("a.md", 1, 1, 2, Severity::error, "x"));
  EXPECT_EQ(format_text(report, false).find('\x1b'), std::string::npos);
  EXPECT_NE(format_text(report, true).find("\x1b[1;31merror"), std::string::npos);
}

TEST(TextFormat, NoFindingsSaysSo) {
  Report report;
  report.files_checked = 2;
  EXPECT_EQ(format_text(report, false), "No findings in 2 files.\n");
  EXPECT_EQ(format_concise(report, false), "No findings in 2 files.\n");
}

TEST(ConciseFormat, OneLinePerFinding) {
  Report report;
  report.files_checked = 1;
  report.findings.push_back(finding("a b.md", 1, 1, 2, Severity::error, "x"));
  EXPECT_EQ(format_concise(report, false),
            "a b.md:1:1: error[length] too long: cut it\nFound 1 error, 0 warnings, 0 info in 1 file.\n");
}

TEST(ColorChoice, AutoNeedsATerminalAndNoNoColor) {
  unsetenv("NO_COLOR");
  setenv("TERM", "xterm", 1);
  EXPECT_TRUE(use_color("auto", true));
  EXPECT_FALSE(use_color("auto", false));
  EXPECT_TRUE(use_color("always", false));
  EXPECT_FALSE(use_color("never", true));
  setenv("NO_COLOR", "1", 1);
  EXPECT_FALSE(use_color("auto", true));
  EXPECT_TRUE(use_color("always", true));
  unsetenv("NO_COLOR");
}

TEST(JsonFormat, HasTheSpecShape) {
  Report report;
  report.files_checked = 1;
  Finding f = finding("dir/a \"q\".md", 2, 1, 5, Severity::warning, "x");
  f.message = "bad \xff byte";
  report.findings.push_back(f);
  auto json = nlohmann::json::parse(format_json(report));
  EXPECT_EQ(json["tool"]["name"], "answerlint");
  EXPECT_EQ(json["tool"]["version"], std::string(k_version));
  EXPECT_EQ(json["files_checked"], 1);
  const auto& first = json["findings"][0];
  EXPECT_EQ(first["path"], "dir/a \"q\".md");
  EXPECT_EQ(first["line"], 2);
  EXPECT_EQ(first["column"], 1);
  EXPECT_EQ(first["end_line"], 2);
  EXPECT_EQ(first["end_column"], 5);
  EXPECT_EQ(first["rule"], "length");
  EXPECT_EQ(first["severity"], "warning");
  EXPECT_EQ(first["kind"], "behavioral");
  EXPECT_EQ(json["summary"]["warning"], 1);
  EXPECT_EQ(json["summary"]["error"], 0);
}

TEST(AtomicWrite, ReplacesTheFileAndLeavesNoTemporary) {
  test::TempDir dir;
  auto target = dir.write("report.txt", "old");
  write_file_atomic(target.string(), "new content");
  EXPECT_EQ(test::read_file(target), "new content");
  int entries = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    (void)entry;
    ++entries;
  }
  EXPECT_EQ(entries, 1);
}

TEST(AtomicWrite, FailsCleanlyInAMissingFolder) {
  test::TempDir dir;
  auto target = dir.path() / "missing" / "report.txt";
  EXPECT_THROW(write_file_atomic(target.string(), "x"), Error);
  EXPECT_FALSE(std::filesystem::exists(target));
}

} // namespace
} // namespace answerlint
