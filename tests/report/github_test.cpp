#include "report/ci_support.hpp"
#include "report/pieces.hpp"
#include "report/reporter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace answerlint {
namespace {

using test::golden_report;
using test::make_finding;

// A workflow command as the Actions runner reads it: `::name
// k=v,k=v::data`, properties split at ',' and the first '=', then
// unescaped (%0D %0A %3A %2C %25 in properties; %0D %0A %25 in data).
struct Command {
  std::string name;
  std::map<std::string, std::string> properties;
  std::string data;
};

std::string unescape(std::string text, bool property) {
  std::vector<std::pair<std::string, std::string>> codes = {{"%0D", "\r"}, {"%0A", "\n"}};
  if (property) {
    codes.insert(codes.end(), {{"%3A", ":"}, {"%2C", ","}});
  }
  codes.emplace_back("%25", "%");
  for (const auto& [code, plain] : codes) {
    for (std::size_t at = text.find(code); at != std::string::npos;
         at = text.find(code, at + plain.size())) {
      text.replace(at, code.size(), plain);
    }
  }
  return text;
}

Command parse_command(std::string_view line) {
  Command command;
  EXPECT_EQ(line.substr(0, 2), "::");
  line.remove_prefix(2);
  std::size_t end = line.find("::");
  EXPECT_NE(end, std::string_view::npos);
  std::string_view head = line.substr(0, end);
  command.data = unescape(std::string(line.substr(end + 2)), false);
  std::size_t space = head.find(' ');
  command.name = std::string(head.substr(0, space));
  std::string_view rest = space == std::string_view::npos ? "" : head.substr(space + 1);
  while (!rest.empty()) {
    std::string_view pair = rest.substr(0, rest.find(','));
    rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
    std::size_t eq = pair.find('=');
    command.properties[std::string(pair.substr(0, eq))] =
        unescape(std::string(pair.substr(eq + 1)), true);
  }
  return command;
}

std::vector<Command> parse_output(const std::string& out) {
  std::vector<Command> commands;
  std::size_t start = 0;
  while (start < out.size()) {
    std::size_t end = out.find('\n', start);
    EXPECT_NE(end, std::string::npos) << "every command ends with a newline";
    commands.push_back(parse_command(std::string_view(out).substr(start, end - start)));
    start = end + 1;
  }
  return commands;
}

TEST(GithubFormat, HostilePathAndMessageRoundTripThroughTheRunnersParser) {
  Report report;
  report.findings.push_back(make_finding(std::string(test::k_hostile_path), "my,rule:x",
                                         Severity::warning, 4, 3, 4, 9,
                                         std::string(test::k_hostile_message)));
  std::vector<Command> commands = parse_output(format_github(report));
  ASSERT_EQ(commands.size(), 1U);
  EXPECT_EQ(commands[0].name, "warning");
  EXPECT_EQ(commands[0].properties["file"], test::k_hostile_path);
  EXPECT_EQ(commands[0].properties["title"], "answerlint (my,rule:x)");
  EXPECT_EQ(commands[0].data, test::k_hostile_message);
  EXPECT_EQ(commands[0].properties.size(), 6U);
}

TEST(GithubFormat, ExactEscaping) {
  Report report;
  report.findings.push_back(
      make_finding("a, b:c%.md", "length", Severity::error, 1, 1, 1, 2, "50%: a,b\r\nc"));
  EXPECT_EQ(format_github(report), "::error file=a%2C b%3Ac%25.md,line=1,endLine=1,col=1,"
                                   "endColumn=2,title=answerlint (length)::50%25: a,b%0D%0Ac\n");
}

TEST(GithubFormat, ColumnsOnlyOnASingleLine) {
  Report report;
  report.findings.push_back(make_finding("a.md", "length", Severity::warning, 2, 3, 5, 4, "m"));
  report.findings.push_back(make_finding("a.md", "length", Severity::warning, 7, 3, 7, 8, "m"));
  std::vector<Command> commands = parse_output(format_github(report));
  ASSERT_EQ(commands.size(), 2U);
  EXPECT_EQ(commands[0].properties["line"], "2");
  EXPECT_EQ(commands[0].properties["endLine"], "5");
  EXPECT_FALSE(commands[0].properties.contains("col"));
  EXPECT_FALSE(commands[0].properties.contains("endColumn"));
  EXPECT_EQ(commands[1].properties["col"], "3");
  EXPECT_EQ(commands[1].properties["endColumn"], "8");
}

TEST(GithubFormat, RangeEndingAtALineStartStopsOnTheLineBefore) {
  Report report;
  report.findings.push_back(make_finding("a.md", "length", Severity::warning, 2, 1, 6, 1, "m"));
  EXPECT_EQ(parse_output(format_github(report))[0].properties["endLine"], "5");
}

TEST(GithubFormat, ErrorsFirstThenWarningsThenNotices) {
  std::vector<Command> commands = parse_output(format_github(golden_report()));
  std::vector<std::string> names;
  for (const Command& c : commands) {
    names.push_back(c.name);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"error", "warning", "warning", "notice", "notice"}));
  // Stable within a severity: the report's order.
  EXPECT_EQ(commands[1].properties["file"], "answers/behavioral/conflict.md");
  EXPECT_EQ(commands[2].properties["file"], test::k_hostile_path);
  EXPECT_EQ(commands[3].properties["line"], "7");
  EXPECT_EQ(commands[4].properties["line"], "9");
}

TEST(GithubFormat, EveryFindingIsPrintedBeyondGithubsDisplayLimit) {
  Report report;
  for (int i = 1; i <= 60; ++i) {
    report.findings.push_back(make_finding("a.md", "length", Severity::error, i, 1, i, 2, "m"));
  }
  EXPECT_EQ(parse_output(format_github(report)).size(), 60U);
}

TEST(GithubFormat, LongMessageIsCutUnder4096Characters) {
  Report report;
  std::string message;
  for (int i = 0; i < 3000; ++i) {
    message += "é%";
  }
  report.findings.push_back(make_finding("a.md", "length", Severity::error, 1, 1, 1, 2, message));
  std::string data = parse_output(format_github(report))[0].data;
  std::size_t characters = 0;
  for (char c : data) {
    characters += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  }
  EXPECT_LT(characters, 4096U);
  EXPECT_EQ(data.substr(data.size() - 3), "\u2026");
  EXPECT_EQ(data.substr(0, 6), "é%é%");
}

TEST(GithubFormat, NoFindingsNoCommands) {
  EXPECT_EQ(format_github(Report{}), "");
}

TEST(GithubSummary, CountsPerRuleAndSeverity) {
  std::string summary = format_github_summary(golden_report());
  EXPECT_NE(summary.find("**1 error, 2 warnings, 2 info** in 3 files checked."), std::string::npos)
      << summary;
  EXPECT_NE(summary.find("| length | 0 | 2 | 0 |"), std::string::npos) << summary;
  EXPECT_NE(summary.find("| no-buzzwords | 0 | 0 | 2 |"), std::string::npos) << summary;
  EXPECT_NE(summary.find("| required-sections | 1 | 0 | 0 |"), std::string::npos) << summary;
}

TEST(GithubSummary, CellsCannotBreakTheTableOrInjectHtml) {
  Report report;
  report.findings.push_back(make_finding("a|b<i>.md", "length", Severity::warning, 1, 1, 1, 2,
                                         "x | y\n<script>&amp; [l](u) *b*"));
  std::string summary = format_github_summary(report);
  std::string row = summary.substr(summary.rfind("\n| ", summary.size() - 2) + 1);
  EXPECT_EQ(row, "| a\\|b&lt;i&gt;.md:1 | warning | length | x \\| y<br>&lt;script&gt;&amp;amp; "
                 "\\[l\\](u) \\*b\\* |\n");
}

TEST(GithubSummary, LinksToTheLinesWhenTheRepositoryIsKnown) {
  Report report;
  report.findings.push_back(
      make_finding("dir/a b.md", "length", Severity::warning, 12, 1, 12, 2, "m"));
  std::string summary = format_github_summary(report, "https://github.com/o/r/blob/abc");
  EXPECT_NE(summary.find("| [dir/a b.md:12](https://github.com/o/r/blob/abc/dir/a%20b.md#L12) |"),
            std::string::npos)
      << summary;
}

TEST(GithubSummary, BlobUrlComesFromTheActionsEnvironment) {
  setenv("GITHUB_SERVER_URL", "https://github.com", 1);
  setenv("GITHUB_REPOSITORY", "o/r", 1);
  setenv("GITHUB_SHA", "abc", 1);
  EXPECT_EQ(github_blob_url(), "https://github.com/o/r/blob/abc");
  unsetenv("GITHUB_SHA");
  EXPECT_EQ(github_blob_url(), "");
  unsetenv("GITHUB_SERVER_URL");
  unsetenv("GITHUB_REPOSITORY");
}

TEST(GithubSummary, StaysUnderOneMebibyteWithANote) {
  Report report;
  for (int i = 1; i <= 20000; ++i) {
    report.findings.push_back(make_finding(fmt::format("answers/file-{}.md", i), "length",
                                           Severity::warning, i, 1, i, 2, std::string(200, 'w')));
  }
  std::string summary = format_github_summary(report, "https://github.com/o/r/blob/abc");
  EXPECT_LT(summary.size(), 1024U * 1024U);
  EXPECT_GT(summary.size(), 900U * 1024U);
  EXPECT_NE(summary.find("more not shown: the job summary is limited to 1 MiB"), std::string::npos);
}

TEST(GithubSummary, NoFindings) {
  Report report;
  report.files_checked = 1;
  EXPECT_EQ(format_github_summary(report), "## answerlint\n\nNo findings in 1 file checked.\n");
}

TEST(GithubWriter, NoFindingsNoCommandsAndASummarySayingSo) {
  std::string out;
  auto writer = github_writer([&out](std::string_view piece) { out += piece; });
  writer->add({});
  writer->finish({});
  EXPECT_EQ(out, "");
  auto summary = github_summary_writer({}, [&out](std::string_view piece) { out += piece; });
  summary->add({});
  summary->finish({2, 0, {}});
  EXPECT_EQ(out, "## answerlint\n\nNo findings in 2 files checked.\n");
}

// Errors come first, so they are written as they come, in pieces of about
// 64 KiB; the warnings and notices wait for finish(), each in the report's
// order.
TEST(GithubWriter, ErrorsReachTheSinkBeforeFinishTheRestAfter) {
  Report report;
  for (int i = 0; i < 6000; ++i) {
    Severity severity = i % 3 == 0   ? Severity::info
                        : i % 3 == 1 ? Severity::warning
                                     : Severity::error;
    report.findings.push_back(make_finding(fmt::format("answers/{:03}.md", i / 30), "length",
                                           severity, i % 30 + 1, 1, i % 30 + 1, 5,
                                           fmt::format("finding {}", i)));
  }
  test::Captured out;
  auto writer = github_writer(out.sink());
  for (const std::vector<Finding>& file : test::by_file(report.findings)) {
    writer->add(file);
  }
  const std::string before_finish = out.text;
  EXPECT_GE(out.pieces, 2);
  EXPECT_GE(before_finish.size(), k_piece);
  for (const Command& command : parse_output(before_finish)) {
    ASSERT_EQ(command.name, "error");
  }
  writer->finish(ReportTotals::of(report));
  EXPECT_TRUE(out.text.starts_with(before_finish));
  EXPECT_EQ(out.text, format_github(report));

  std::vector<std::string> expected; // errors, warnings, notices, each in the report's order
  for (int rest : {2, 1, 0}) {
    for (int i = rest; i < 6000; i += 3) {
      expected.push_back(fmt::format("finding {}", i));
    }
  }
  std::vector<std::string> got;
  for (const Command& command : parse_output(out.text)) {
    got.push_back(command.data);
  }
  EXPECT_EQ(got, expected);
}

// Findings in files of their own, each severity's rows of one size: a/
// warnings (long rows, fewer than fill the table), then b/ errors, which
// come before them in the table and push some out, c/ infos, and d/
// warnings with short rows, after every a/ row in the table.
std::vector<Finding> rows_of_one_size(std::size_t errors) {
  std::vector<Finding> findings;
  auto add = [&findings](std::string_view folder, Severity severity, std::size_t count,
                         std::size_t message) {
    for (std::size_t i = 0; i < count; ++i) {
      findings.push_back(make_finding(fmt::format("{}/{:05}.md", folder, i), "length", severity, 1,
                                      1, 1, 2, std::string(message, 'w')));
    }
  };
  add("a", Severity::warning, 900, 1000);
  add("b", Severity::error, errors, 200);
  add("c", Severity::info, 50, 200);
  add("d", Severity::warning, 50, 1);
  return findings;
}

std::string summary_by_file(const std::vector<Finding>& findings) {
  Report report;
  report.files_checked = 9;
  report.findings = findings;
  return test::write_by_file(
      [](TextSink sink) { return github_summary_writer({}, std::move(sink)); }, report);
}

std::vector<std::string> table_rows(const std::string& summary) {
  std::vector<std::string> rows;
  const std::string_view head = "|---|---|---|---|\n";
  std::size_t at = summary.find(head) + head.size();
  for (std::size_t end = summary.find('\n', at); summary.compare(at, 2, "| ") == 0;
       at = end + 1, end = summary.find('\n', at)) {
    rows.push_back(summary.substr(at, end + 1 - at));
  }
  return rows;
}

// The table is cut where the whole report, errors first, would cut it,
// whatever order the severities come in: the writer keeps only the rows
// that may still be shown, drops those the errors push past the limit, and
// then no later row of theirs, even one short enough to fit in the room
// left. The error counts vary that room.
TEST(GithubSummary, TableCutAsTheWholeReportWouldCutItWhateverTheOrder) {
  for (std::size_t errors : {2000U, 2001U, 2002U, 2003U, 6000U}) {
    SCOPED_TRACE(errors);
    std::vector<Finding> findings = rows_of_one_size(errors);
    const std::string summary = summary_by_file(findings);
    // The same findings, errors first: no row is ever dropped for another.
    std::stable_partition(findings.begin(), findings.end(),
                          [](const Finding& f) { return f.severity == Severity::error; });
    EXPECT_EQ(summary, summary_by_file(findings));

    const std::vector<std::string> rows = table_rows(summary);
    ASSERT_FALSE(rows.empty());
    std::size_t error_rows = 0;
    while (error_rows < rows.size() && rows[error_rows].starts_with("| b/")) {
      ++error_rows;
    }
    const std::size_t warning_rows = rows.size() - error_rows;
    for (std::size_t i = error_rows; i < rows.size(); ++i) {
      ASSERT_TRUE(rows[i].starts_with("| a/")) << "the table stops at the first row past the limit";
    }
    if (errors < 6000) {
      EXPECT_EQ(error_rows, errors);
      ASSERT_GT(warning_rows, 0U);
      ASSERT_LT(warning_rows, 900U);
      EXPECT_TRUE(rows.back().starts_with(fmt::format("| a/{:05}.md:1 |", warning_rows - 1)))
          << "the first warnings, in order";
    } else {
      EXPECT_EQ(warning_rows, 0U) << "every warning row pushed out by the errors";
    }
    EXPECT_LT(summary.size(), 1024U * 1024U);
    EXPECT_GT(summary.size() + rows.back().size(), 1024U * 1024U - 16U * 1024U)
        << "the next row would not have fitted";
    EXPECT_NE(summary.find(fmt::format("_{} findings more not shown", 1000 + errors - rows.size())),
              std::string::npos);
  }
}

} // namespace
} // namespace answerlint
