// Bad answers (SPEC section 9), end to end through the real binary: each is
// linted with findings where they are, or skipped with a notice, within a
// time limit, without a crash and without writing anything.
#include "hardening/hardening.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace answerlint::test {
namespace {

using nlohmann::json;

// The JSON report parses, and lists `files` files checked.
json parse_report(const RunResult& run, int files) {
  json report = json::parse(run.out);
  EXPECT_EQ(report["files_checked"], files) << run.out << run.err;
  return report;
}

bool has_finding(const json& report, std::string_view rule, int line, int column) {
  for (const json& finding : report["findings"]) {
    if (finding["rule"] == rule && finding["line"] == line && finding["column"] == column) {
      return true;
    }
  }
  return false;
}

TEST_F(Hardening, InvalidUtf8IsLintedAndReportedAsValidJson) {
  // Stray bytes count as one character each, in columns and in messages.
  write("a.md", "\xFF\xFE broken \xC3( bytes\n\nText \x80\x80 TODO \xE2\x82\n");
  const RunResult run = exec("check --format json a.md");
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  const json report = parse_report(run, 1);
  EXPECT_TRUE(has_finding(report, "placeholders", 3, 9)) << run.out;
  const RunResult text = exec("check --format text a.md");
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_NE(text.out.find(at("a.md", 3, 9, "placeholders")), std::string::npos) << text.out;
}

TEST_F(Hardening, NulBytesAreCharactersNotTheEndOfTheFile) {
  write("a.md", std::string("Before\0after.\n\nA \0\0 TODO here.\n", 31));
  const RunResult run = exec("check --format json a.md");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_TRUE(has_finding(parse_report(run, 1), "placeholders", 3, 6)) << run.out;
}

TEST_F(Hardening, CrlfAndLoneCrBreakLines) {
  write("crlf.md", "---\r\nquestion: q\r\n---\r\nFirst line.\r\n\r\nSo TODO here.\r\n");
  write("cr.md", "First line.\r\rSecond.\rSo TODO here.\r");
  write("mixed.md", "One.\r\n\rTwo.\n\r\nSo TODO here.\n");
  const RunResult run = exec("check --format concise crlf.md cr.md mixed.md");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find(at("crlf.md", 6, 4, "placeholders")), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(at("cr.md", 4, 4, "placeholders")), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(at("mixed.md", 5, 4, "placeholders")), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("front-matter"), std::string::npos) << "CRLF front matter parses";
  // The excerpt shows the line without its carriage return.
  const RunResult text = exec("check --color never crlf.md");
  EXPECT_NE(text.out.find("So TODO here.\n"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find('\r'), std::string::npos) << text.out;
}

TEST_F(Hardening, ByteOrderMarkTakesNoColumnAndHidesNoFrontMatter) {
  write("fm.md", "\xEF\xBB\xBF---\nquestion: Why?\n---\nTODO first.\n");
  write("plain.md", "\xEF\xBB\xBFTODO first.\n");
  const RunResult run = exec("check --format concise fm.md plain.md");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find(at("fm.md", 4, 1, "placeholders")), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(at("plain.md", 1, 1, "placeholders")), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("fm.md:1:1: error[front-matter]"), std::string::npos) << run.out;
}

TEST_F(Hardening, EmptyAndBlankFiles) {
  write("empty.md", "");
  write("bom.md", "\xEF\xBB\xBF");
  write("blank.md", "\n\r\n \t\n");
  const RunResult run = exec("check --format json .");
  EXPECT_LE(run.exit_code, 1) << run.err;
  const json report = parse_report(run, 3);
  for (const json& finding : report["findings"]) {
    EXPECT_GE(finding["line"].get<int>(), 1);
    EXPECT_GE(finding["column"].get<int>(), 1);
  }
}

TEST_F(Hardening, FiftyMegabyteAnswerIsSkippedThenLintedWhenAllowed) {
  const std::string paragraph =
      "I profiled the checkout service and moved the session store to Redis, which cut p95 "
      "latency from 900 ms to 120 ms for 40,000 daily users.\n\n";
  const std::size_t count = 50'000'000 / paragraph.size() + 1;
  write("big.md", "TODO first.\n\n" + repeat(paragraph, count));
  const RunResult skipped = exec("check --format json big.md");
  EXPECT_EQ(skipped.exit_code, 0) << skipped.err;
  EXPECT_EQ(parse_report(skipped, 0)["findings"].size(), 0U);
  EXPECT_NE(skipped.err.find("big.md: skipped: "), std::string::npos) << skipped.err;
  EXPECT_NE(skipped.err.find("max_file_bytes"), std::string::npos) << skipped.err;

  write("answerlint.toml",
        std::string(k_hardening_config) + "[files]\nmax_file_bytes = 60_000_000\n");
  const RunResult linted = exec("check --format json big.md", 600);
  EXPECT_EQ(linted.exit_code, 1) << linted.err;
  EXPECT_TRUE(has_finding(parse_report(linted, 1), "placeholders", 1, 1));
  EXPECT_EQ(linted.err.find("skipped"), std::string::npos) << linted.err;
}

TEST_F(Hardening, TenThousandDeepQuotesAndLists) {
  // Ten thousand levels on one line each: a list indented level by level
  // would be 100 MB (the document tests parse that one in memory).
  write("quotes.md", std::string(10000, '>') + " TODO deep\n");
  write("lists.md", repeat("- ", 10000) + "TODO\n");
  write("ordered.md", repeat("1. ", 10000) + "TODO\n");
  write("mixed.md", repeat("> - ", 5000) + "TODO\n");
  std::string stairs;
  for (int depth = 0; depth < 1000; ++depth) {
    stairs += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "- item\n";
  }
  write("stairs.md", stairs + "\nTODO after.\n");
  const RunResult run = exec("check --format concise .");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find(at("quotes.md", 1, 10002, "placeholders")), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(at("lists.md", 1, 20001, "placeholders")), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(at("ordered.md", 1, 30001, "placeholders")), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(at("mixed.md", 1, 20001, "placeholders")), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(at("stairs.md", 1002, 1, "placeholders")), std::string::npos) << run.out;
}

TEST_F(Hardening, HundredThousandAsterisksOrBackticksInARow) {
  const std::string runs = "*`_[<~";
  for (const char c : runs) {
    const std::string name = std::string("run-") + std::to_string(static_cast<int>(c)) + ".md";
    write(name, "Start " + std::string(100000, c) + " end.\n\nTODO after.\n");
  }
  write("pairs.md", repeat("**a", 50000) + "\n\nTODO after.\n");
  // A line of backticks alone opens a code block that never closes.
  write("fence.md", std::string(100000, '`') + "\nTODO is code here.\n");
  write("fences.md", repeat("```\n", 20001) + "TODO is code here.\n");
  const RunResult run = exec("check --format concise .");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  for (const char c : runs) {
    const std::string name = std::string("run-") + std::to_string(static_cast<int>(c)) + ".md";
    EXPECT_NE(run.out.find(at(name, 3, 1, "placeholders")), std::string::npos) << name;
  }
  EXPECT_NE(run.out.find(at("pairs.md", 3, 1, "placeholders")), std::string::npos);
  EXPECT_EQ(run.out.find("fence.md:2:1: error[placeholders]"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("fences.md:20002:1: error[placeholders]"), std::string::npos);
}

TEST_F(Hardening, HugeWordsInProse) {
  // A pasted token or a run of letters is one word: no spelling suggestion
  // may cost time or memory in the square of its length.
  std::string words;
  for (char c = 'a'; c < 'u'; ++c) {
    words += std::string(5000, c) + " ";
  }
  write("a.md", "Token " + std::string(30000, 'x') + " here.\n\n" + words + "\n\nTODO after.\n");
  const RunResult run = exec("check --format concise a.md");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find(at("a.md", 5, 1, "placeholders")), std::string::npos) << run.out;
}

TEST_F(Hardening, UnterminatedFrontMatterIsAFinding) {
  write("yaml.md", "---\nquestion: Why?\n\nTODO body.\n");
  write("toml.md", "+++\nquestion = \"Why?\"\n\nTODO body.\n");
  const RunResult run = exec("check --format concise yaml.md toml.md");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find(at("yaml.md", 1, 1, "front-matter")), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(at("toml.md", 1, 1, "front-matter")), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(at("yaml.md", 4, 1, "placeholders")), std::string::npos) << run.out;
}

TEST_F(Hardening, FrontMatterThatIsNotAMappingIsAFinding) {
  write("list.md", "---\n- one\n- two\n---\nBody.\n");
  write("scalar.md", "---\njust text\n---\nBody.\n");
  write("broken.md", "---\nquestion: [unclosed\n---\nBody.\n");
  write("toml.md", "+++\n= nothing\n+++\nBody.\n");
  const RunResult run = exec("check --format concise list.md scalar.md broken.md toml.md");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  for (const char* name : {"list.md:2:", "scalar.md:2:", "broken.md:", "toml.md:2:"}) {
    EXPECT_NE(run.out.find(std::string(name)), std::string::npos) << name << "\n" << run.out;
  }
  EXPECT_EQ(run.out.find(":1:1: error[front-matter]"), std::string::npos) << run.out;
}

TEST_F(Hardening, UnknownRuleIdsInAnAnswerSuppressNothing) {
  write("fm.md", "---\nquestion: q\nanswerlint:\n  disable: [no-such-rule]\n---\nTODO body.\n");
  write("comment.md", "<!-- answerlint-disable no-such-rule -->\nTODO body.\n");
  const RunResult run = exec("check --format concise fm.md comment.md");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find(at("fm.md", 6, 1, "placeholders")), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(at("comment.md", 2, 1, "placeholders")), std::string::npos) << run.out;
  // ...and say so, at the id.
  EXPECT_NE(run.out.find(at("fm.md", 4, 13, "unknown-rule-id", "warning")), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find(at("comment.md", 1, 25, "unknown-rule-id", "warning")), std::string::npos)
      << run.out;
  const RunResult explain = exec("explain no-such-rule");
  EXPECT_EQ(explain.exit_code, 2);
  EXPECT_NE(explain.err.find("unknown rule 'no-such-rule'"), std::string::npos) << explain.err;
}

TEST_F(Hardening, ManySuppressionCommentsStayLinear) {
  // Every line a directive for one rule and a finding for another: the
  // suppression lookup must not scan every directive for every finding.
  write("a.md", repeat("<!-- answerlint-disable-next-line length -->\nTODO\n\n", 50000));
  const RunResult run = exec("check --format json a.md");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(parse_report(run, 1)["summary"]["error"], 50000);
}

} // namespace
} // namespace answerlint::test
