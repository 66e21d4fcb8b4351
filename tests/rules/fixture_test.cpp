// Runs the rule fixtures in tests/rules/<rule-id>.md.
//
// A fixture is a Markdown file holding one or more cases. Markers never go
// inside the answer, so word counts and positions stay those of a real file:
//
//   ## case: what the case shows (path: behavioral/story.md)
//
//   ```toml                       optional: the answerlint.toml to lint with
//   [rules.required-sections]     (none: every rule at its defaults)
//   sections = ["Situation"]
//   ```
//
//   ````markdown                  the answer, verbatim (4 backticks or ~~~
//   ...                           so that it may hold code blocks)
//   ````
//
//   ```expected                   one finding per line:
//   3:1 required-sections Situation section is missing
//   ```                           LINE:COL[-END_LINE:END_COL] RULE MESSAGE-SUBSTRING
//
// `(path: ...)` is optional (default `answer.md`): it is the path linted,
// relative to the config's folder, so `[kinds]` globs apply. An empty
// expected block means no findings. Only findings of the fixture's rule, and
// of the user-defined rules its config declares (`type = "..."`), are
// compared: each expected line must match exactly one of them, and none may
// be left over. Instead of an expected block, an `expected-error` block
// holds text that the configuration error must contain.

#include "config/config.hpp"
#include "error.hpp"
#include "lint/runner.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <ostream>
#include <set>

namespace answerlint {
namespace {

namespace fs = std::filesystem;

const fs::path k_fixture_dir = fs::path(ANSWERLINT_SOURCE_DIR) / "tests" / "rules";

struct ExpectedFinding {
  int line = 0;
  int column = 0;
  std::optional<int> end_line;
  std::optional<int> end_column;
  std::string rule;
  std::string message; // a substring of the finding's message
  std::string text;    // the line as written, for failure messages
};

struct FixtureCase {
  std::string rule; // the fixture's file name without .md
  std::string name;
  int line = 0; // of the case header in the fixture
  std::string path = "answer.md";
  std::optional<std::string> config;
  std::optional<std::string> input;
  std::optional<std::vector<ExpectedFinding>> expected;
  std::optional<std::string> expected_error;
  std::string problem; // a mistake in the fixture itself
};

// gtest shows this when a case fails, instead of the object's bytes.
void PrintTo(const FixtureCase& c, std::ostream* out) { // NOLINT(readability-identifier-naming)
  *out << "tests/rules/" << c.rule << ".md:" << c.line << " '" << c.name << "'";
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

struct Fence {
  char marker = 0;
  std::size_t length = 0;
  std::string info;
};

std::optional<Fence> opening_fence(const std::string& line) {
  if (line.empty() || (line[0] != '`' && line[0] != '~')) {
    return std::nullopt;
  }
  std::size_t length = line.find_first_not_of(line[0]);
  length = length == std::string::npos ? line.size() : length;
  if (length < 3) {
    return std::nullopt;
  }
  std::string info = line.substr(length);
  info.erase(0, info.find_first_not_of(" \t"));
  info = info.substr(0, info.find_first_of(" \t"));
  return Fence{line[0], length, info};
}

bool closes(const Fence& fence, const std::string& line) {
  std::size_t length = line.find_first_not_of(fence.marker);
  std::size_t run = length == std::string::npos ? line.size() : length;
  return run >= fence.length && line.find_first_not_of(" \t", run) == std::string::npos;
}

std::optional<ExpectedFinding> parse_expected(const std::string& line) {
  static const RE2 k_line(R"((\d+):(\d+)(?:-(\d+):(\d+))?\s+(\S+)\s*(.*))");
  ExpectedFinding out;
  std::string end_line;
  std::string end_column;
  if (!RE2::FullMatch(line, k_line, &out.line, &out.column, &end_line, &end_column, &out.rule,
                      &out.message)) {
    return std::nullopt;
  }
  if (!end_line.empty()) {
    out.end_line = std::stoi(end_line);
    out.end_column = std::stoi(end_column);
  }
  out.text = line;
  return out;
}

void take_block(FixtureCase& current, const Fence& fence, const std::vector<std::string>& body) {
  std::string text;
  for (const std::string& line : body) {
    text += line;
    text += '\n';
  }
  auto set_once = [&](std::optional<std::string>& slot) {
    if (slot) {
      current.problem = fmt::format("two '{}' blocks in one case", fence.info);
    }
    slot = text;
  };
  if (fence.info == "toml") {
    set_once(current.config);
  } else if (fence.info == "markdown" || fence.info == "md") {
    set_once(current.input);
  } else if (fence.info == "expected-error") {
    std::string error = text;
    error.erase(error.find_last_not_of(" \n") + 1);
    current.expected_error = error;
  } else if (fence.info == "expected") {
    std::vector<ExpectedFinding> expected;
    for (const std::string& line : body) {
      if (line.find_first_not_of(" \t") == std::string::npos) {
        continue;
      }
      if (auto parsed = parse_expected(line)) {
        expected.push_back(*parsed);
      } else {
        current.problem = fmt::format("bad expected line '{}'", line);
      }
    }
    current.expected = std::move(expected);
  }
}

FixtureCase start_case(const std::string& rule, const std::string& header, int line) {
  FixtureCase out;
  out.rule = rule;
  out.line = line;
  out.name = header.substr(std::string_view("## case:").size());
  if (std::size_t open = out.name.rfind("(path:"); open != std::string::npos) {
    std::size_t close = out.name.find(')', open);
    std::string path = out.name.substr(open + 6, close - open - 6);
    path.erase(0, path.find_first_not_of(' '));
    path.erase(path.find_last_not_of(' ') + 1);
    out.path = path;
    out.name.erase(open);
  }
  out.name.erase(0, out.name.find_first_not_of(' '));
  out.name.erase(out.name.find_last_not_of(' ') + 1);
  return out;
}

void finish_case(std::vector<FixtureCase>& cases, std::optional<FixtureCase>& current) {
  if (!current) {
    return;
  }
  if (current->problem.empty() && !current->input) {
    current->problem = "the case has no ```markdown input block";
  } else if (current->problem.empty() && !current->expected && !current->expected_error) {
    current->problem = "the case has no ```expected block";
  }
  cases.push_back(std::move(*current));
  current.reset();
}

std::vector<FixtureCase> parse_fixture(const fs::path& file) {
  const std::string rule = file.stem().string();
  std::vector<std::string> lines = split_lines(test::read_file(file));
  std::vector<FixtureCase> cases;
  std::optional<FixtureCase> current;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.starts_with("## case:")) {
      finish_case(cases, current);
      current = start_case(rule, line, static_cast<int>(i + 1));
      continue;
    }
    std::optional<Fence> fence = opening_fence(line);
    if (!fence) {
      continue;
    }
    std::vector<std::string> body;
    std::size_t j = i + 1;
    while (j < lines.size() && !closes(*fence, lines[j])) {
      body.push_back(lines[j++]);
    }
    if (current) {
      if (j == lines.size()) {
        current->problem = fmt::format("the fence at line {} is never closed", i + 1);
      }
      take_block(*current, *fence, body);
    }
    i = j;
  }
  finish_case(cases, current);
  return cases;
}

std::vector<fs::path> fixture_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(k_fixture_dir)) {
    if (entry.path().extension() == ".md") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<FixtureCase> all_cases() {
  std::vector<FixtureCase> cases;
  for (const fs::path& file : fixture_files()) {
    std::vector<FixtureCase> more = parse_fixture(file);
    std::move(more.begin(), more.end(), std::back_inserter(cases));
  }
  return cases;
}

std::string describe(const Finding& finding) {
  return fmt::format("{}:{}-{}:{} {} {}", finding.span.line, finding.span.column,
                     finding.span.end_line, finding.span.end_column, finding.rule, finding.message);
}

bool matches(const ExpectedFinding& expected, const Finding& finding) {
  return expected.line == finding.span.line && expected.column == finding.span.column &&
         (!expected.end_line || *expected.end_line == finding.span.end_line) &&
         (!expected.end_column || *expected.end_column == finding.span.end_column) &&
         expected.rule == finding.rule &&
         finding.message.find(expected.message) != std::string::npos;
}

// The rules a case is about: the fixture's own, and the user-defined rules
// of its config (for the rule-type fixtures).
std::set<std::string, std::less<>> checked_rules(const FixtureCase& c, const Config& config) {
  std::set<std::string, std::less<>> ids{c.rule};
  for (const auto& [id, patch] : config.rules) {
    if (patch.type) {
      ids.insert(id);
    }
  }
  return ids;
}

class RuleFixture : public testing::TestWithParam<FixtureCase> {};

void compare(const FixtureCase& c, const std::vector<Finding>& findings) {
  std::vector<bool> used(findings.size(), false);
  for (const ExpectedFinding& expected : *c.expected) {
    std::vector<std::size_t> hits;
    for (std::size_t i = 0; i < findings.size(); ++i) {
      if (matches(expected, findings[i])) {
        hits.push_back(i);
      }
    }
    EXPECT_EQ(hits.size(), 1u) << "expected line '" << expected.text << "' matches " << hits.size()
                               << " findings";
    for (std::size_t i : hits) {
      used[i] = true;
    }
  }
  for (std::size_t i = 0; i < findings.size(); ++i) {
    EXPECT_TRUE(used[i]) << "unexpected finding: " << describe(findings[i]);
  }
}

TEST_P(RuleFixture, Case) {
  const FixtureCase& c = GetParam();
  SCOPED_TRACE(fmt::format("tests/rules/{}.md:{}: case '{}'", c.rule, c.line, c.name));
  ASSERT_TRUE(c.problem.empty()) << c.problem;
  std::vector<Finding> relevant;
  std::string all;
  try {
    auto config =
        load_config_text(c.config.value_or(""), k_fixture_dir / c.rule / "answerlint.toml");
    std::vector<Finding> findings = lint_source(*config, c.path, c.path, *c.input);
    auto ids = checked_rules(c, *config);
    for (Finding& finding : findings) {
      all += describe(finding) + "\n";
      if (ids.contains(finding.rule)) {
        relevant.push_back(std::move(finding));
      }
    }
  } catch (const Error& e) {
    ASSERT_TRUE(c.expected_error) << "unexpected error: " << e.format();
    EXPECT_NE(e.format().find(*c.expected_error), std::string::npos) << e.format();
    return;
  }
  ASSERT_FALSE(c.expected_error) << "expected an error containing '" << *c.expected_error << "'";
  compare(c, relevant);
  if (HasFailure()) {
    ADD_FAILURE() << "all findings of the case:\n" << all;
  }
}

std::string case_name(const testing::TestParamInfo<FixtureCase>& info) {
  std::string name = fmt::format("{}_{:02}_{}", info.param.rule, info.index, info.param.name);
  for (char& ch : name) {
    bool keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    ch = keep ? ch : '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, RuleFixture, testing::ValuesIn(all_cases()), case_name);

TEST(RuleFixtures, EveryRuleAndRuleTypeHasOne) {
  for (const Rule* rule : all_rules()) {
    EXPECT_TRUE(fs::is_regular_file(k_fixture_dir / fmt::format("{}.md", rule->id)))
        << "no fixture tests/rules/" << rule->id << ".md";
  }
  for (const Rule* type : rule_types()) {
    EXPECT_TRUE(fs::is_regular_file(k_fixture_dir / fmt::format("{}.md", type->type)))
        << "no fixture tests/rules/" << type->type << ".md";
  }
}

TEST(RuleFixtures, EachNamesARuleAndHoldsCases) {
  for (const fs::path& file : fixture_files()) {
    std::string id = file.stem().string();
    EXPECT_TRUE(find_rule(id) != nullptr || find_rule_type(id) != nullptr)
        << file << " is named after no rule";
    EXPECT_FALSE(parse_fixture(file).empty()) << file << " holds no '## case:'";
  }
}

} // namespace
} // namespace answerlint
