// End-to-end tests: the real binary, real files, real exit codes.
#include "support/temp_dir.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace answerlint {
namespace {

using test::run_answerlint;
using test::TempDir;

// A config that asks for two sections and keeps the length rule and the
// rules for technical answers quiet unless a test wants them.
constexpr std::string_view k_config = R"toml(
[kinds]
behavioral = ["stories/**"]

[rules.required-sections]
kinds = ["behavioral"]
sections = ["Situation", "Result"]

[rules.length]
min_words = 5
max_words = 400

[rules.front-matter]
required = ["question"]

[rules.tools-named]
kinds = ["technical"]

[rules.tradeoffs]
kinds = ["technical"]
)toml";

constexpr std::string_view k_good = R"md(---
question: Tell me about a time you fixed a slow service.
---
## Situation

Our checkout service answered in two seconds at the daily peak.

## Result

I cut p95 latency from 2 s to 300 ms within three weeks.
)md";

constexpr std::string_view k_missing_result = R"md(---
question: Tell me about a conflict.
---
## Situation

Two teams wanted the same database migration window every week.
)md";

class Cli : public ::testing::Test {
protected:
  void SetUp() override { m_dir.write("answerlint.toml", k_config); }
  const std::filesystem::path& root() const { return m_dir.path(); }
  void write(const std::string& path, std::string_view text) { m_dir.write(path, text); }

private:
  TempDir m_dir;
};

TEST_F(Cli, VersionAndHelp) {
  auto version = run_answerlint("--version", root());
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, std::string("answerlint ") + ANSWERLINT_VERSION + "\n");
  auto help = run_answerlint("--help", root());
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("check"), std::string::npos);
  EXPECT_NE(help.out.find("explain"), std::string::npos);
}

TEST_F(Cli, UsageMistakesExitTwo) {
  EXPECT_EQ(run_answerlint("frobnicate", root()).exit_code, 2);
  EXPECT_EQ(run_answerlint("check --format xml", root()).exit_code, 2);
  EXPECT_EQ(run_answerlint("check -j 0", root()).exit_code, 2);
  auto missing = run_answerlint("check no-such-folder", root());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no-such-folder: no such file or directory"), std::string::npos)
      << missing.err;
}

TEST_F(Cli, CleanAnswerExitsZero) {
  write("stories/fix.md", k_good);
  auto run = run_answerlint("check", root());
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(run.out, "No findings in 1 file.\n");
}

TEST_F(Cli, ErrorFindingExitsOneWithSourceExcerpt) {
  write("stories/conflict.md", k_missing_result);
  auto run = run_answerlint("check --color never", root());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("stories/conflict.md:"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(": error[required-sections] "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(" | "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find('^'), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find('\x1b'), std::string::npos);
}

TEST_F(Cli, ColourOnlyWhenForcedOrOnATerminal) {
  write("stories/conflict.md", k_missing_result);
  EXPECT_EQ(run_answerlint("check", root()).out.find('\x1b'), std::string::npos);
  EXPECT_NE(run_answerlint("check --color always", root()).out.find('\x1b'), std::string::npos);
  EXPECT_EQ(run_answerlint("check", root(), "NO_COLOR=1").out.find('\x1b'), std::string::npos);
}

TEST_F(Cli, WarningsPassUnlessOverTheLimit) {
  write("stories/fix.md", "---\nquestion: q\n---\n## Situation\n\nShort.\n\n## Result\n\nDone well.\n");
  auto run = run_answerlint("check --format concise", root());
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("warning[length]"), std::string::npos) << run.out;
  EXPECT_EQ(run_answerlint("check --max-warnings 0", root()).exit_code, 1);
  EXPECT_EQ(run_answerlint("check --max-warnings 5", root()).exit_code, 0);
}

TEST_F(Cli, JsonReportHasEveryField) {
  write("stories/conflict.md", k_missing_result);
  write("stories/fix.md", k_good);
  auto run = run_answerlint("check --format json", root());
  EXPECT_EQ(run.exit_code, 1);
  auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["files_checked"], 2);
  ASSERT_EQ(json["findings"].size(), 1U) << run.out;
  const auto& f = json["findings"][0];
  EXPECT_EQ(f["path"], "stories/conflict.md");
  EXPECT_EQ(f["rule"], "required-sections");
  EXPECT_EQ(f["severity"], "error");
  EXPECT_EQ(f["kind"], "behavioral");
  EXPECT_GE(f["line"].get<int>(), 1);
  EXPECT_EQ(json["summary"]["error"], 1);
}

TEST_F(Cli, OutputFileInsteadOfStdout) {
  write("stories/conflict.md", k_missing_result);
  auto run = run_answerlint("check --format json --output out/report.json", root());
  EXPECT_EQ(run.exit_code, 2) << "the folder out/ does not exist";
  std::filesystem::create_directories(root() / "out");
  run = run_answerlint("check --format json --output out/report.json", root());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
  auto json = nlohmann::json::parse(test::read_file(root() / "out/report.json"));
  EXPECT_EQ(json["findings"].size(), 1U);
}

TEST_F(Cli, InlineSuppressionComments) {
  // An empty Result is reported on its heading line.
  std::string head = "---\nquestion: q\n---\n## Situation\n\nThe build took forty minutes daily.\n\n";
  write("stories/control.md", head + "## Result\n");
  write("stories/next-line.md", head + "<!-- answerlint-disable-next-line required-sections -->\n## Result\n");
  write("stories/block.md", head + "<!-- answerlint-disable -->\n## Result\n<!-- answerlint-enable -->\n");
  write("stories/other-rule.md", head + "<!-- answerlint-disable-next-line length -->\n## Result\n");
  auto run = run_answerlint("check --format concise", root());
  EXPECT_NE(run.out.find("stories/control.md:8:1: error[required-sections]"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("stories/other-rule.md:9:1: error[required-sections]"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("next-line.md:9:1: error[required-sections]"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("block.md:9:1: error[required-sections]"), std::string::npos) << run.out;
}

TEST_F(Cli, FrontMatterDisable) {
  std::string text(k_missing_result);
  text.insert(text.find("---\n", 4), "answerlint:\n  disable: [required-sections]\n");
  write("stories/a.md", text);
  auto run = run_answerlint("check --format concise", root());
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_EQ(run.out.find("required-sections"), std::string::npos);
}

TEST_F(Cli, UnknownRuleIdInASuppressionIsAWarningAtTheId) {
  std::string text(k_good);
  text.insert(text.find("---\n", 4), "answerlint:\n  disable: [fist-person]\n");
  write("stories/a.md", text);
  auto run = run_answerlint("check --format json", root());
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err; // a warning
  auto json = nlohmann::json::parse(run.out);
  ASSERT_EQ(json["findings"].size(), 1U) << run.out;
  const auto& finding = json["findings"][0];
  EXPECT_EQ(finding["rule"], "unknown-rule-id");
  EXPECT_EQ(finding["severity"], "warning");
  EXPECT_EQ(finding["message"], "'fist-person' is not a rule id; did you mean 'first-person'? "
                                "(answerlint explain --all lists them)");
  EXPECT_EQ(finding["line"], 4); // "  disable: [fist-person]"
  EXPECT_EQ(finding["column"], 13);
  EXPECT_EQ(finding["end_line"], 4);
  EXPECT_EQ(finding["end_column"], 24);
  // Like any rule: an error when the config says so.
  write("answerlint.toml",
        std::string(k_config) + "[rules.unknown-rule-id]\nseverity = \"error\"\n");
  run = run_answerlint("check --format concise", root());
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_NE(run.out.find("stories/a.md:4:13: error[unknown-rule-id]"), std::string::npos)
      << run.out;
}

TEST_F(Cli, ConfigMistakeNamesFileLineAndColumn) {
  write("answerlint.toml", "[rules.length]\nmax_words = \"many\"\n");
  write("stories/fix.md", k_good);
  auto run = run_answerlint("check", root());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("answerlint.toml:2:"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("integer"), std::string::npos) << run.err;
}

TEST_F(Cli, ExplicitConfigAndDiscoveryFromThePath) {
  write("sub/answerlint.toml", "[rules.required-sections]\nsections = [\"Task\"]\n");
  write("sub/a.md", k_good);
  auto discovered = run_answerlint("check --format concise sub", root());
  EXPECT_NE(discovered.out.find("Task"), std::string::npos) << discovered.out;
  auto explicit_config = run_answerlint("check --format concise --config answerlint.toml sub", root());
  EXPECT_EQ(explicit_config.out.find("Task"), std::string::npos) << explicit_config.out;
  EXPECT_EQ(run_answerlint("check --config nope.toml", root()).exit_code, 2);
}

TEST_F(Cli, WalkSkipsGitExcludedAndSymlinkLoops) {
  write("stories/fix.md", k_good);
  write(".git/x.md", k_missing_result);
  write("notes.txt", "not markdown");
  std::filesystem::create_directory_symlink(root(), root() / "stories" / "loop");
  TempDir outside;
  outside.write("secret.md", k_missing_result);
  std::filesystem::create_symlink(outside.path() / "secret.md", root() / "stories" / "out.md");
  auto run = run_answerlint("check --format json", root());
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(nlohmann::json::parse(run.out)["files_checked"], 1);
}

TEST_F(Cli, StableOrderWhateverTheThreads) {
  for (int i = 0; i < 30; ++i) {
    write("stories/s" + std::to_string(i) + ".md", k_missing_result);
  }
  auto one = run_answerlint("check -j 1 --format concise", root());
  auto four = run_answerlint("check -j 4 --format concise", root());
  EXPECT_EQ(one.out, four.out);
  EXPECT_LT(one.out.find("stories/s0.md"), one.out.find("stories/s1.md"));
}

// The report is written while the answers are linted, in order whatever the
// threads, and --output gets exactly what stdout gets, in every format.
TEST_F(Cli, EveryFormatTheSameWhateverTheThreadsOnStdoutOrInAFile) {
  for (int i = 0; i < 40; ++i) {
    write(fmt::format("stories/s{:02}.md", (i * 17) % 40), i % 3 == 0 ? k_good : k_missing_result);
  }
  for (std::string_view format : {"text", "concise", "json", "sarif", "github", "junit", "gitlab",
                                  "checkstyle"}) {
    SCOPED_TRACE(format);
    auto one = run_answerlint(fmt::format("check -j 1 --color never --format {}", format), root());
    auto four = run_answerlint(fmt::format("check -j 4 --color never --format {}", format), root());
    EXPECT_EQ(one.exit_code, 1);
    EXPECT_EQ(four.exit_code, 1);
    EXPECT_EQ(one.out, four.out);
    auto file = run_answerlint(fmt::format("check -j 4 --format {} --output report.out", format),
                               root());
    EXPECT_EQ(file.exit_code, 1);
    EXPECT_EQ(file.out, "");
    EXPECT_EQ(test::read_file(root() / "report.out"), one.out);
  }
}

// A run that fails before its report starts prints none of it, and leaves
// no --output file.
TEST_F(Cli, NoReportWhenTheRunFailsBeforeIt) {
  write("stories/conflict.md", k_missing_result);
  for (std::string_view format : {"text", "json", "gitlab", "sarif"}) {
    SCOPED_TRACE(format);
    for (std::string_view args : {"missing-folder", "--baseline missing.json stories"}) {
      auto run = run_answerlint(fmt::format("check --format {} {}", format, args), root());
      EXPECT_EQ(run.exit_code, 2);
      EXPECT_EQ(run.out, "");
      run = run_answerlint(fmt::format("check --format {} --output r.out {}", format, args),
                           root());
      EXPECT_EQ(run.exit_code, 2);
      EXPECT_FALSE(std::filesystem::exists(root() / "r.out"));
    }
  }
}

TEST_F(Cli, QuietDropsTheSummary) {
  write("stories/conflict.md", k_missing_result);
  auto run = run_answerlint("check --quiet", root());
  EXPECT_EQ(run.out.find("Found"), std::string::npos);
  EXPECT_NE(run.out.find("required-sections"), std::string::npos);
}

TEST_F(Cli, OversizedFileIsSkippedWithANotice) {
  write("answerlint.toml", "[files]\nmax_file_bytes = 10\n");
  write("big.md", k_good);
  auto run = run_answerlint("check", root());
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.err.find("big.md: skipped"), std::string::npos) << run.err;
}

TEST_F(Cli, RulesAndExplain) {
  auto rules = run_answerlint("rules", root());
  EXPECT_EQ(rules.exit_code, 0);
  for (const char* id : {"front-matter", "length", "required-sections"}) {
    EXPECT_NE(rules.out.find(id), std::string::npos) << id;
  }
  auto explain = run_answerlint("explain length", root());
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_NE(explain.out.find("## What it does"), std::string::npos);
  EXPECT_NE(explain.out.find("max_words"), std::string::npos);
  auto unknown = run_answerlint("explain nope", root());
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown rule 'nope'"), std::string::npos);
  auto all = run_answerlint("explain --all", root());
  EXPECT_EQ(all.exit_code, 0);
  EXPECT_NE(all.out.find("\n## tools-named\n"), std::string::npos);
  EXPECT_NE(all.out.find("\n## required-terms\n"), std::string::npos);
  EXPECT_EQ(run_answerlint("explain", root()).exit_code, 2);
}

} // namespace
} // namespace answerlint
