// Every mistake in answerlint.toml is an Error naming the file, the line and
// the column of the offending key or value, and saying what was expected.

#include "config_test_support.hpp"

#include <string>

namespace answerlint {
namespace {

using config_test::file_error;
using config_test::load_error;
using config_test::TempDir;

void expect_at(const std::optional<Error>& error, int line, int column, std::string_view fragment,
               std::string_view path = "answerlint.toml") {
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->path(), path);
  EXPECT_EQ(error->line(), line) << error->format();
  EXPECT_EQ(error->column(), column) << error->format();
  EXPECT_NE(std::string(error->what()).find(fragment), std::string::npos)
      << "'" << error->what() << "' lacks '" << fragment << "'";
}

TEST(ConfigErrors, SyntaxErrorComesFromTomlWithItsPosition) {
  expect_at(load_error("[files]\nexclude = [\"a\" \"b\"]\n"), 2, 16, "array");
  expect_at(load_error("x = \n"), 1, 5, "expected value");
}

TEST(ConfigErrors, SyntaxErrorColumnsCountCharacters) {
  // "café" is five bytes but four characters: the error is at column 12.
  expect_at(load_error("a = \"caf\xc3\xa9\" b = 1\n"), 1, 12, "");
}

TEST(ConfigErrors, UnknownTopLevelKey) {
  const auto error = load_error("extends = []\n\n  rule = 1\n[files]\n");
  expect_at(error, 3, 3, "unknown key 'rule'");
  EXPECT_STREQ(error->what(),
               "unknown key 'rule' (expected one of: extends, files, kinds, rules, overrides)");
}

TEST(ConfigErrors, UnknownKeyInFilesAndOverrides) {
  expect_at(load_error("[files]\nincludes = []\n"), 2, 1,
            "files: unknown key 'includes' (expected one of: include, exclude, max_file_bytes, "
            "split_level)");
  expect_at(load_error("[[overrides]]\nfile = [\"a/**\"]\n"), 2, 1,
            "overrides[0]: unknown key 'file' (expected one of: files, kinds, rules)");
}

TEST(ConfigErrors, UnknownRuleIdNamesTheKnownRulesAndTypes) {
  const auto error = load_error("[rules.lenght]\nseverity = \"off\"\n");
  expect_at(error, 1, 8, "rules.lenght: unknown rule 'lenght'");
  EXPECT_NE(std::string(error->what()).find("length"), std::string::npos);
  EXPECT_NE(std::string(error->what()).find("required-sections"), std::string::npos);
  EXPECT_NE(std::string(error->what()).find("avoid-phrases"), std::string::npos);
}

TEST(ConfigErrors, UnknownRuleIdInAnOverride) {
  expect_at(load_error("[[overrides]]\nkinds = [\"behavioral\"]\n[overrides.rules.nope]\n"
                       "severity = \"off\"\n"),
            3, 18, "overrides[0].rules.nope: unknown rule 'nope'");
}

TEST(ConfigErrors, UnknownOptionListsTheRuleOptions) {
  const auto error = load_error("[rules.length]\nseverity = \"warning\"\nmax_wrds = 3\n");
  expect_at(error, 3, 1,
            "rules.length: unknown option 'max_wrds' (expected one of: severity, "
            "kinds, ");
  for (const char* option : {"min_words", "max_words", "words_per_minute", "max_section_words"}) {
    EXPECT_NE(std::string(error->what()).find(option), std::string::npos) << error->what();
  }
}

TEST(ConfigErrors, WrongOptionType) {
  const auto error = load_error("[rules.length]\nmax_words = \"450\"\n");
  expect_at(error, 2, 13, "");
  EXPECT_STREQ(error->what(), "rules.length.max_words: expected an integer, found a string");
  expect_at(load_error("[rules.required-sections]\nordered = 1\n"), 2, 11,
            "rules.required-sections.ordered: expected a boolean, found an integer");
}

TEST(ConfigErrors, SingleStringIsNotAList) {
  expect_at(load_error("[rules.front-matter]\nrequired = \"question\"\n"), 2, 12,
            "rules.front-matter.required: expected a list of strings, found a string");
  expect_at(load_error("[rules.front-matter]\nrequired = [\"question\", 3]\n"), 2, 25,
            "rules.front-matter.required[1]: expected a string, found an integer");
}

TEST(ConfigErrors, StringListMapNeedsListsOfStrings) {
  expect_at(load_error("[rules.required-sections.aliases]\nSituation = \"Context\"\n"), 2, 13,
            "rules.required-sections.aliases.Situation: expected a list of strings, found a "
            "string");
  expect_at(load_error("[rules.required-sections]\naliases = [\"Context\"]\n"), 2, 11,
            "rules.required-sections.aliases: expected a table of string lists, found a list");
}

TEST(ConfigErrors, RuleMustBeATable) {
  expect_at(load_error("[rules]\nlength = 5\n"), 2, 10,
            "rules.length: expected a table, found an integer");
}

TEST(ConfigErrors, BadSeverity) {
  expect_at(load_error("[rules.length]\nseverity = \"loud\"\n"), 2, 12,
            "rules.length.severity: expected one of error, warning, info, off, found 'loud'");
  expect_at(load_error("[rules.length]\nseverity = 2\n"), 2, 12,
            "expected one of error, warning, info, off, found an integer");
}

TEST(ConfigErrors, BadKind) {
  expect_at(load_error("[rules.length]\nkinds = [\"technical\", \"behavioural\"]\n"), 2, 23,
            "rules.length.kinds: unknown kind 'behavioural' (expected one of: behavioral, "
            "technical, system-design, project, question, answer)");
  expect_at(load_error("[kinds]\nbehavioral = [\"stories/**\"]\nbehavioural = [\"star/**\"]\n"), 3,
            1, "kinds: unknown kind 'behavioural'");
  expect_at(load_error("[[overrides]]\nkinds = [\"design\"]\n"), 2, 10,
            "overrides[0].kinds: unknown kind 'design'");
}

TEST(ConfigErrors, BadGlob) {
  expect_at(load_error("[files]\nexclude = [\"ok/**\", \"[abc\"]\n"), 2, 21,
            "files.exclude: bad glob '[abc': unclosed '['");
  expect_at(load_error("[kinds]\ntechnical = [\"tech/{a,b\"]\n"), 2, 14,
            "kinds.technical: bad glob 'tech/{a,b': unclosed '{'");
  expect_at(load_error("[[overrides]]\nfiles = [\"\"]\n"), 2, 10,
            "overrides[0].files: bad glob '': a glob cannot be empty");
}

TEST(ConfigErrors, BadRegexInUserDefinedRule) {
  const auto error = load_error("[rules.no-we]\ntype = \"avoid-phrases\"\n"
                                "patterns = [\"fine\", \"(oops\"]\n");
  // The message is the rule type's own; the position is the bad item.
  expect_at(error, 3, 21, "rules.no-we.patterns: ");
}

TEST(ConfigErrors, BadRegexInAnOverride) {
  expect_at(load_error("[rules.hedges]\ntype = \"avoid-phrases\"\nterms = [\"maybe\"]\n\n"
                       "[[overrides]]\nfiles = [\"legacy/**\"]\n[overrides.rules.hedges]\n"
                       "patterns = [\"a{2,1}\"]\n"),
            8, 13, "overrides[0].rules.hedges.patterns: ");
}

TEST(ConfigErrors, OptionValueRejectedByTheRulePointsAtThatOption) {
  // length's prepare() refuses a speaking rate of 0 words a minute.
  const auto error = load_error("[rules.length]\nmax_words = 300\nwords_per_minute = 0\n");
  expect_at(error, 3, 20, "rules.length.words_per_minute: ");
}

TEST(ConfigErrors, TypeOnABuiltinRule) {
  expect_at(load_error("[rules.length]\ntype = \"avoid-phrases\"\n"), 2, 8,
            "rules.length.type: 'length' is a builtin rule");
}

TEST(ConfigErrors, UnknownRuleType) {
  expect_at(load_error("[rules.mine]\ntype = \"avoid-words\"\n"), 2, 8,
            "rules.mine.type: unknown rule type 'avoid-words' (expected one of: ");
}

TEST(ConfigErrors, UserRuleCannotChangeItsType) {
  expect_at(load_error("[rules.mine]\ntype = \"avoid-phrases\"\n[[overrides]]\n"
                       "[overrides.rules.mine]\ntype = \"required-terms\"\n"),
            5, 8, "rule 'mine' is already defined with type 'avoid-phrases'");
}

TEST(ConfigErrors, OptionOfAnotherRuleType) {
  const auto error = load_error("[rules.mine]\ntype = \"avoid-phrases\"\nmin = 2\n");
  expect_at(error, 3, 1,
            "rules.mine: unknown option 'min' (expected one of: severity, kinds, type, ");
  EXPECT_NE(std::string(error->what()).find("patterns"), std::string::npos) << error->what();
}

TEST(ConfigErrors, FilesValuesAreChecked) {
  expect_at(load_error("[files]\nsplit_level = 9\n"), 2, 15,
            "files.split_level: expected an integer from 0 to 6");
  expect_at(load_error("[files]\nmax_file_bytes = -1\n"), 2, 18,
            "files.max_file_bytes: expected an integer >= 0, found -1");
  expect_at(load_error("[files]\nmax_file_bytes = \"10MB\"\n"), 2, 18,
            "files.max_file_bytes: expected an integer, found a string");
  expect_at(load_error("files = [\"*.md\"]\n"), 1, 9, "files: expected a table, found a list");
  expect_at(load_error("extends = \"builtin:backend-interview\"\n"), 1, 11,
            "extends: expected a list of strings, found a string");
  expect_at(load_error("overrides = 1\n"), 1, 13, "overrides: expected a list of tables");
}

TEST(ConfigErrors, ExtendsOfAMissingFile) {
  TempDir dir;
  const auto top = dir.write("answerlint.toml", "extends = [\"builtin:backend-interview\", "
                                                "\"shared/missing.toml\"]\n");
  const auto error = file_error(top);
  expect_at(error, 1, 41, "extends: cannot read '", top.string());
  EXPECT_NE(std::string(error->what()).find("missing.toml"), std::string::npos);
}

TEST(ConfigErrors, UnknownBuiltinPreset) {
  expect_at(load_error("extends = [\"builtin:frontend\"]\n"), 1, 12,
            "extends: unknown builtin preset 'builtin:frontend' (expected one of: "
            "builtin:backend-interview)");
}

TEST(ConfigErrors, ExtendsCycle) {
  TempDir dir;
  const auto top = dir.write("answerlint.toml", "extends = [\"a.toml\"]\n");
  dir.write("a.toml", "extends = [\"sub/b.toml\"]\n");
  const auto b = dir.write("sub/b.toml", "# back to the start\nextends = [\"../a.toml\"]\n");
  const auto error = file_error(top);
  expect_at(error, 2, 12, "extends: cycle: ", b.string());
  EXPECT_NE(std::string(error->what()).find("a.toml -> "), std::string::npos) << error->what();
}

TEST(ConfigErrors, SelfExtendIsACycle) {
  TempDir dir;
  const auto top = dir.write("answerlint.toml", "extends = [\"answerlint.toml\"]\n");
  expect_at(file_error(top), 1, 12, "extends: cycle", top.string());
}

TEST(ConfigErrors, ErrorInAnExtendedFileNamesThatFile) {
  TempDir dir;
  const auto top = dir.write("answerlint.toml", "extends = [\"base.toml\"]\n");
  const auto base = dir.write("base.toml", "[rules.length]\n\nmax_words = true\n");
  expect_at(file_error(top), 3, 13, "rules.length.max_words: expected an integer, found a boolean",
            base.string());
}

TEST(ConfigErrors, MissingConfigFile) {
  TempDir dir;
  const auto error = file_error(dir.path() / "answerlint.toml");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->path(), (dir.path() / "answerlint.toml").string());
  EXPECT_EQ(error->line(), 0);
  EXPECT_NE(std::string(error->what()).find("cannot read the config"), std::string::npos);
}

TEST(ConfigErrors, FormatNamesFileLineAndColumn) {
  const auto error = load_error("[rules.length]\nmax_words = \"450\"\n", "cfg/answerlint.toml");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->format(),
            "cfg/answerlint.toml:2:13: rules.length.max_words: expected an integer, found a "
            "string");
}

} // namespace
} // namespace answerlint
