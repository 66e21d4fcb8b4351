// `answerlint audit` end to end: formats, exit codes, --rev, progress,
// the portfolio rules in `rules` and `explain`.

#include "git/git_fixture.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace answerlint {
namespace {

namespace fs = std::filesystem;
using test::run_answerlint;
using test::TempDir;

const fs::path k_source = ANSWERLINT_SOURCE_DIR;

constexpr std::string_view k_story = R"md(---
question: "Tell me about a time you fixed a slow service."
---
## Situation

Our checkout service answered in two seconds at the daily peak, and carts were abandoned.

## Task

I had to bring p95 latency under 300 ms within a month.

## Action

I profiled the service, found an N+1 query in PostgreSQL, and cached prices in Redis.

## Result

I cut p95 latency from 2 s to 250 ms within three weeks, and abandoned carts fell by 12%.
)md";

TEST(AuditCli, TextSummaryOfTheExamplePortfolio) {
  auto run = run_answerlint("audit examples/portfolio", k_source);
  EXPECT_EQ(run.exit_code, 1) << run.err; // the example has error-level findings
  EXPECT_TRUE(run.out.starts_with("Portfolio readiness: ")) << run.out;
  EXPECT_NE(run.out.find("13 answers in 12 files"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("  behavioral "), std::string::npos);
  EXPECT_NE(run.out.find("Fix first"), std::string::npos);
  EXPECT_NE(run.out.find("error[required-sections]"), std::string::npos);
  EXPECT_EQ(run.err, ""); // no progress bar in a pipe
}

TEST(AuditCli, JsonAndHtmlToFiles) {
  TempDir out;
  auto json_run = run_answerlint(fmt::format("audit examples/portfolio --format json --output '{}'",
                                             (out.path() / "a.json").string()),
                                 k_source);
  EXPECT_EQ(json_run.exit_code, 1);
  EXPECT_EQ(json_run.out, "");
  auto json = nlohmann::json::parse(test::read_file(out.path() / "a.json"));
  EXPECT_EQ(json["answers"].size(), 13U);
  EXPECT_TRUE(json["portfolio"].contains("coverage"));

  auto html_run = run_answerlint(fmt::format("audit examples/portfolio --format html --output '{}'",
                                             (out.path() / "r.html").string()),
                                 k_source);
  EXPECT_EQ(html_run.exit_code, 1);
  std::string html = test::read_file(out.path() / "r.html");
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(html.find("behavioral/difficult-stakeholder.md"), std::string::npos);
}

TEST(AuditCli, CleanPortfolioExitsZeroAndMistakesExitTwo) {
  TempDir dir;
  dir.write("answerlint.toml", "[kinds]\nbehavioral = [\"stories/**\"]\n"
                               "[rules.question-coverage]\nseverity = \"off\"\n");
  dir.write("stories/slow.md", k_story);
  auto clean = run_answerlint("audit --format json", dir.path());
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  auto json = nlohmann::json::parse(clean.out);
  EXPECT_EQ(json["answers"][0]["path"], "stories/slow.md");

  EXPECT_EQ(run_answerlint("audit --format xml", dir.path()).exit_code, 2);
  auto missing = run_answerlint("audit no-such-folder", dir.path());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no-such-folder"), std::string::npos) << missing.err;

  dir.write("bad.toml", "[rules.story-reuse]\nmax_uses = 0\n");
  auto bad = run_answerlint("audit --config bad.toml", dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.toml:2:12"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("max_uses must be at least 1"), std::string::npos) << bad.err;

  auto no_output_dir =
      run_answerlint("audit --format html --output missing-dir/report.html", dir.path());
  EXPECT_EQ(no_output_dir.exit_code, 2);
  EXPECT_NE(no_output_dir.err.find("missing-dir/report.html"), std::string::npos);
}

TEST(AuditCli, PortfolioRulesAreListedAndExplained) {
  TempDir dir;
  auto rules = run_answerlint("rules", dir.path());
  EXPECT_EQ(rules.exit_code, 0);
  for (std::string_view id : {"story-reuse", "question-coverage", "duplicate-question"}) {
    EXPECT_NE(rules.out.find(fmt::format("{} ", id)), std::string::npos) << id;
    auto explain = run_answerlint(fmt::format("explain {}", id), dir.path());
    EXPECT_EQ(explain.exit_code, 0);
    EXPECT_NE(explain.out.find("## What it does"), std::string::npos);
    EXPECT_NE(explain.out.find("A portfolio rule"), std::string::npos);
  }
  EXPECT_NE(rules.out.find("portfolio (audit)"), std::string::npos);
  auto score = run_answerlint("explain score", dir.path());
  EXPECT_EQ(score.exit_code, 0);
  EXPECT_NE(score.out.find("score = 100 * 30 / (30 + penalty)"), std::string::npos) << score.out;
}

// 320 answers: above the progress threshold.
void write_many(const TempDir& dir) {
  for (int i = 0; i < 320; ++i) {
    dir.write(fmt::format("stories/s{:03}.md", i), k_story);
  }
}

bool have_script() {
  return std::system("command -v script >/dev/null 2>&1") == 0;
}

// Runs `answerlint SUBCOMMAND ARGS` (audit by default) on a pseudo-terminal
// (util-linux `script`), where a person would see the bar; returns everything
// the terminal received.
std::string on_terminal(const fs::path& dir, const std::string& env, const std::string& args,
                        const std::string& subcommand = "audit") {
  TempDir capture;
  fs::path out = capture.path() / "tty";
  std::string command = fmt::format(
      "cd '{}' && env -u CI TERM=xterm {} script -qec \"'{}' {} {} --format json --output "
      "report.json\" /dev/null >'{}' 2>&1",
      dir.string(), env, ANSWERLINT_BINARY, subcommand, args, out.string());
  (void)std::system(command.c_str());
  return test::read_file(out);
}

TEST(AuditCli, ProgressBarOnATerminalOnly) {
  if (!have_script()) {
    GTEST_SKIP() << "util-linux `script` is not installed";
  }
  TempDir dir;
  write_many(dir);
  std::string tty = on_terminal(dir.path(), "", "");
  EXPECT_NE(tty.find("/320 files"), std::string::npos) << tty;
  EXPECT_NE(tty.find("\r\x1b[K"), std::string::npos); // erased at the end
  EXPECT_EQ(on_terminal(dir.path(), "CI=true", "").find("files"), std::string::npos);
  EXPECT_EQ(on_terminal(dir.path(), "", "--quiet").find("files"), std::string::npos);
  EXPECT_EQ(on_terminal(dir.path(), "TERM=dumb", "").find("files"), std::string::npos);
  auto piped = run_answerlint("audit --format json --output report.json", dir.path());
  EXPECT_EQ(piped.err.find("files"), std::string::npos) << piped.err;
}

TEST(CheckCli, ProgressBarOnATerminalOnly) {
  if (!have_script()) {
    GTEST_SKIP() << "util-linux `script` is not installed";
  }
  TempDir dir;
  write_many(dir);
  std::string tty = on_terminal(dir.path(), "", "--no-cache", "check");
  EXPECT_NE(tty.find("/320 files"), std::string::npos) << tty;
  EXPECT_EQ(on_terminal(dir.path(), "", "--no-cache --quiet", "check").find("files"),
            std::string::npos);
  EXPECT_EQ(on_terminal(dir.path(), "CI=1", "--no-cache", "check").find("files"),
            std::string::npos);
}

class AuditRevCli : public test::GitTest {};

TEST_F(AuditRevCli, AuditsTheCommittedTree) {
  std::string committed(k_story);
  init_repo({{"answerlint.toml", "[kinds]\nbehavioral = [\"stories/**\"]\n"},
             {"stories/slow.md", committed}});
  // The working tree now has a placeholder the commit does not.
  write("repo/stories/slow.md", committed + "\nTODO: add the follow-up.\n");
  auto head = run_answerlint("audit --rev HEAD --format json", root() / "repo");
  ASSERT_NE(head.exit_code, 2) << head.err;
  auto at_head = nlohmann::json::parse(head.out);
  auto disk = nlohmann::json::parse(run_answerlint("audit --format json", root() / "repo").out);
  auto placeholders = [](const nlohmann::json& report) {
    int n = 0;
    for (const auto& finding : report["answers"][0]["findings"]) {
      n += finding["rule"] == "placeholders" ? 1 : 0;
    }
    return n;
  };
  EXPECT_EQ(placeholders(at_head), 0);
  EXPECT_EQ(placeholders(disk), 1);
  EXPECT_NE(at_head["title"].get<std::string>().find("at HEAD"), std::string::npos);
  EXPECT_EQ(run_answerlint("audit --rev no-such-rev", root() / "repo").exit_code, 2);
}

} // namespace
} // namespace answerlint
