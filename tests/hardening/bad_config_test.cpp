// Bad configurations (SPEC section 9), end to end: exit code 2 and one line
// naming the file, line and column, or, for a pattern that is valid but
// would be catastrophic for a backtracking engine, a run that stays linear.
#include "hardening/hardening.hpp"

#include <string>

namespace answerlint::test {
namespace {

constexpr std::string_view k_answer = "---\nquestion: Why?\n---\nA short TODO answer.\n";

// Exit code 2, nothing on stdout, and one error line on stderr that names
// `where` (the config's path ends with it) and holds `what`.
void expect_config_error(const RunResult& run, std::string_view where, std::string_view what) {
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err.rfind("answerlint: error: ", 0), 0U) << run.err;
  const std::size_t at = run.err.find(where);
  EXPECT_NE(at, std::string::npos) << run.err;
  EXPECT_TRUE(at != std::string::npos && (run.err[at - 1] == ' ' || run.err[at - 1] == '/'))
      << run.err;
  EXPECT_NE(run.err.find(what), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << "one line: " << run.err;
}

TEST_F(Hardening, BrokenTomlNamesFileLineAndColumn) {
  write("a.md", k_answer);
  write("answerlint.toml", "[rules.length]\nmax_words = 3\n[rules.length\n");
  expect_config_error(exec("check"), "answerlint.toml:3:", "");
  write("answerlint.toml", "[files]\ninclude = [\"**/*.md\"\n");
  expect_config_error(exec("check"), "answerlint.toml:2:", "");
  write("answerlint.toml", "x = \"\xFF\"\n");
  expect_config_error(exec("check"), "answerlint.toml:1:", "");
  write("answerlint.toml", std::string("a = 1\0b = 2\n", 12));
  expect_config_error(exec("check"), "answerlint.toml:1:", "");
  write("answerlint.toml", repeat("[", 100000));
  expect_config_error(exec("check"), "answerlint.toml:1:", "");
}

TEST_F(Hardening, UnknownRuleIdsInTheConfig) {
  write("a.md", k_answer);
  write("answerlint.toml", "[rules.no-such-rule]\nseverity = \"error\"\n");
  expect_config_error(exec("check"), "answerlint.toml:1:8:", "unknown rule 'no-such-rule'");
  write("answerlint.toml",
        "[[overrides]]\nfiles = [\"a.md\"]\n[overrides.rules.nope]\nseverity = \"off\"\n");
  expect_config_error(exec("check"), "answerlint.toml:3:", "unknown rule 'nope'");
}

TEST_F(Hardening, BadGlobs) {
  write("a.md", k_answer);
  write("answerlint.toml", "[files]\ninclude = [\"[a-\"]\n");
  expect_config_error(exec("check"), "answerlint.toml:2:", "");
  write("answerlint.toml", "[files]\nexclude = [\"{md,markdown\"]\n");
  expect_config_error(exec("check"), "answerlint.toml:2:", "");
  write("answerlint.toml", "[kinds]\nbehavioral = [\"stories/**\", \"\"]\n");
  expect_config_error(exec("check"), "answerlint.toml:2:", "");
  write("answerlint.toml", "[[overrides]]\nfiles = [\"[]\"]\n");
  expect_config_error(exec("check"), "answerlint.toml:2:", "");
  write("answerlint.toml", "[files]\ninclude = [\"" + repeat("{a,", 2000) + "\"]\n");
  expect_config_error(exec("check"), "answerlint.toml:2:", "");
}

TEST_F(Hardening, InvalidRegularExpressions) {
  write("a.md", k_answer);
  const std::string rule = "[rules.mine]\ntype = \"avoid-phrases\"\n";
  write("answerlint.toml", rule + "patterns = [\"(unclosed\"]\n");
  expect_config_error(exec("check"), "answerlint.toml:3:", "(unclosed");
  write("answerlint.toml", rule + "patterns = [\"a{1001}\"]\n");
  expect_config_error(exec("check"), "answerlint.toml:3:", "a{1001}");
  write("answerlint.toml", rule + "patterns = [\"(?<=look)behind\"]\n");
  expect_config_error(exec("check"), "answerlint.toml:3:", "");
  // Valid syntax, but too big to compile: an error, not memory exhaustion.
  write("answerlint.toml", rule + "patterns = [\"((a{100}){100}){100}\"]\n");
  expect_config_error(exec("check"), "answerlint.toml:3:", "");
  write("answerlint.toml", "[rules.placeholders]\npatterns = [\"\\\\\"]\n");
  expect_config_error(exec("check"), "answerlint.toml:2:", "");
}

TEST_F(Hardening, CatastrophicRegularExpressionsRunInLinearTime) {
  // Each takes exponential time in a backtracking engine on a long run of
  // 'a' without the final character; RE2 is linear.
  write("answerlint.toml", R"toml(
[rules.evil]
type = "avoid-phrases"
severity = "error"
patterns = ["(a+)+$x", "(a|aa)*b", "(a|a?)+c", "(x+x+)+y", "^((a)+.)+b(a)+$"]
message = "matched '{match}'"
)toml");
  write("a.md", repeat(repeat("a", 5000) + "\n", 200) + "\n" + std::string(30000, 'x') + "\n");
  const RunResult run = exec("check --format concise a.md");
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(run.out.find("[evil]"), std::string::npos) << run.out.substr(0, 2000);
}

TEST_F(Hardening, ConfigThatIsNotARegularFile) {
  write("a.md", k_answer);
  std::filesystem::create_directory(root() / "dir.toml");
  expect_config_error(exec("check --config dir.toml"), "dir.toml: ", "directory");
  write("answerlint.toml", "extends = [\"dir.toml\"]\n");
  expect_config_error(exec("check"), "answerlint.toml:1:", "directory");
  // A device would be read forever: it is refused, not read.
  write("answerlint.toml", "extends = [\"/dev/zero\"]\n");
  expect_config_error(exec("check", 30), "answerlint.toml:1:", "not a regular file");
  expect_config_error(exec("check --config /dev/zero", 30), "/dev/zero: ", "not a regular file");
}

} // namespace
} // namespace answerlint::test
