// `answerlint init` and `answerlint new`, in temporary folders: what they
// write must load, parse and lint as intended, and they never overwrite.

#include "config/config.hpp"
#include "document/document.hpp"
#include "scaffold/scaffold.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <toml++/toml.h>
#include <nlohmann/json.hpp>

namespace answerlint {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::run_answerlint;
using test::TempDir;

TEST(Slug, FromQuestions) {
  EXPECT_EQ(scaffold::slugify("Tell me about a time you failed!"),
            "tell-me-about-a-time-you-failed");
  EXPECT_EQ(scaffold::slugify("  REST vs. GraphQL?? "), "rest-vs-graphql");
  EXPECT_EQ(scaffold::slugify("Qué pasó en 2020"), "qu-pas-en-2020");
  EXPECT_EQ(scaffold::slugify("???"), "answer");
  std::string slug = scaffold::slugify(
      "Describe the most complicated distributed system you have designed and operated yourself");
  EXPECT_LE(slug.size(), 60U);
  EXPECT_FALSE(slug.ends_with("-"));
  EXPECT_TRUE(slug.starts_with("describe-the-most-complicated-distributed-system"));
}

TEST(YamlQuote, RoundTripsThroughTheFrontMatterParser) {
  for (std::string_view question :
       {std::string_view("Plain question?"), std::string_view("A \"quoted\" word: and # hash"),
        std::string_view("Back\\slash, tab\there, 'single' & <angle>"),
        std::string_view("Ünïcødé — déjà vu"), std::string_view("- starts like a list: [x]")}) {
    std::string text =
        fmt::format("---\nquestion: {}\n---\n\nBody.\n", scaffold::yaml_quote(question));
    Document doc = parse_document(text, ParseOptions{});
    EXPECT_TRUE(doc.front_matter.problems.empty()) << question;
    ASSERT_TRUE(doc.front_matter.question) << question;
    EXPECT_EQ(*doc.front_matter.question, question);
  }
}

TEST(TomlQuote, RoundTripsThroughToml) {
  for (std::string_view text :
       {std::string_view("stories/**"), std::string_view("a \"quoted\" folder\\**"),
        std::string_view("tab\there, bell\x07, delete\x7F"), std::string_view("Ünïcødé/**")}) {
    toml::table table = toml::parse("k = " + scaffold::toml_quote(text));
    EXPECT_EQ(table["k"].value<std::string>(), std::string(text)) << text;
  }
}

TEST(InitGuess, FromFolderNamesThenFrontMatter) {
  TempDir dir;
  dir.write("Behavioral-Stories/a.md", "x");
  dir.write("tech_notes/b.md", "x");
  dir.write("system design/c.md", "x");
  dir.write("questions-to-ask/d.md", "x");
  dir.write("misc/one.md", "---\nkind: project\n---\nx\n");
  dir.write("misc/two.md", "---\nkind: project\n---\nx\n");
  dir.write("misc/three.md", "no front matter\n");
  dir.write("mixed/one.md", "---\nkind: technical\n---\nx\n");
  dir.write("mixed/two.md", "x\n");
  dir.write("drafts/e.md", "---\nkind: behavioral\n---\n");
  dir.write(".git/f.md", "x");
  auto guesses = scaffold::guess_kinds(dir.path());
  std::vector<std::string> seen;
  for (const auto& guess : guesses) {
    seen.push_back(fmt::format("{}={} ({})", guess.folder, guess.kind, guess.reason));
  }
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "Behavioral-Stories=behavioral (folder name)",
                      "misc=project (front matter of 2 of 3 files)",
                      "questions-to-ask=question (folder name)",
                      "system design=system-design (folder name)",
                      "tech_notes=technical (folder name)",
                  }));
}

TEST(InitCli, WritesAConfigThatLoadsAndMapsTheFolders) {
  TempDir dir;
  dir.write("stories/a.md", "x");
  dir.write("tech/b.md", "x");
  dir.write("weird [name]/c.md", "---\nkind: behavioral\n---\n");
  auto run = run_answerlint("init", dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("wrote answerlint.toml"), std::string::npos);
  EXPECT_NE(run.out.find("stories/ -> behavioral (folder name)"), std::string::npos) << run.out;
  std::string text = read_file(dir.path() / "answerlint.toml");
  EXPECT_NE(text.find("extends = [\"builtin:backend-interview\"]"), std::string::npos);
  EXPECT_NE(text.find("# [rules.story-reuse]"), std::string::npos); // commented examples
  auto config = load_config(dir.path() / "answerlint.toml");
  EXPECT_EQ(config->kind_for("stories/a.md"), "behavioral");
  EXPECT_EQ(config->kind_for("tech/b.md"), "technical");
  EXPECT_EQ(config->kind_for("weird [name]/c.md"), "behavioral");
  // And the portfolio checks with it.
  EXPECT_NE(run_answerlint("check", dir.path()).exit_code, 2);
}

TEST(InitCli, RefusesToOverwrite) {
  TempDir dir;
  dir.write("answerlint.toml", "# mine\n");
  auto run = run_answerlint("init", dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("answerlint.toml: already exists"), std::string::npos) << run.err;
  EXPECT_EQ(read_file(dir.path() / "answerlint.toml"), "# mine\n");
}

TEST(InitCli, EmptyFolderGetsExamplesAndStillLoads) {
  TempDir dir;
  auto run = run_answerlint("init", dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("no folder looked like a kind"), std::string::npos);
  std::string text = read_file(dir.path() / "answerlint.toml");
  EXPECT_NE(text.find("# behavioral = ["), std::string::npos);
  EXPECT_NO_THROW(load_config(dir.path() / "answerlint.toml"));
}

TEST(NewCli, EveryKindHasATemplateWithItsSections) {
  TempDir dir;
  struct Case {
    std::string_view kind;
    std::string_view folder;
    std::vector<std::string_view> sections;
  };
  const Case cases[] = {
      {"behavioral", "behavioral", {"## Situation", "## Task", "## Action", "## Result"}},
      {"system-design",
       "system-design",
       {"## Requirements", "## Data model", "## API", "## Scalability"}},
      {"technical", "technical", {"## Short answer", "## Trade-offs"}},
      {"project", "projects", {"## Context", "## Result"}},
      {"question", "questions-to-ask", {"## Questions"}},
      {"answer", "", {"## Answer"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.kind));
    auto run = run_answerlint(
        fmt::format("new {} \"What would you do about a flaky Zorblax?\"", c.kind), dir.path());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    fs::path file = dir.path() / c.folder / "what-would-you-do-about-a-flaky-zorblax.md";
    EXPECT_NE(run.out.find(fs::proximate(file, dir.path()).string()), std::string::npos) << run.out;
    std::string text = read_file(file);
    Document doc = parse_document(text, ParseOptions{});
    EXPECT_TRUE(doc.front_matter.problems.empty());
    EXPECT_EQ(doc.front_matter.question.value_or(""), "What would you do about a flaky Zorblax?");
    EXPECT_EQ(doc.front_matter.kind.value_or(""), c.kind);
    EXPECT_FALSE(doc.front_matter.id);
    for (std::string_view section : c.sections) {
      EXPECT_NE(text.find(fmt::format("\n{}\n\n<!-- ", section)), std::string::npos) << section;
    }
    EXPECT_EQ(text.find("{{"), std::string::npos) << text;
    EXPECT_EQ(text.find("\n\n\n"), std::string::npos) << text;
    EXPECT_TRUE(doc.words.empty()) << "guidance must not count as prose";
  }
}

TEST(NewCli, AFreshStoryFailsCheckOnlyForItsEmptySections) {
  TempDir dir;
  ASSERT_EQ(run_answerlint("new behavioral \"Tell me about a conflict: with \\\"quotes\\\" # too\"",
                           dir.path())
                .exit_code,
            0);
  auto check = run_answerlint("check --format json", dir.path());
  EXPECT_EQ(check.exit_code, 1);
  auto json = nlohmann::json::parse(check.out);
  int empty_sections = 0;
  for (const auto& finding : json["findings"]) {
    EXPECT_NE(finding["rule"], "front-matter") << finding;
    EXPECT_NE(finding["rule"], "placeholders") << finding;
    if (finding["rule"] == "required-sections") {
      EXPECT_NE(finding["message"].get<std::string>().find("is empty"), std::string::npos);
      ++empty_sections;
    }
  }
  EXPECT_EQ(empty_sections, 4);
}

TEST(NewCli, ABankIdGivesTheBankQuestionAndItsConcepts) {
  TempDir dir;
  auto run = run_answerlint("new technical api-rate-limiting", dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("bank question api-rate-limiting"), std::string::npos) << run.out;
  std::string text = read_file(dir.path() / "technical" / "api-rate-limiting.md");
  Document doc = parse_document(text, ParseOptions{});
  EXPECT_EQ(doc.front_matter.id.value_or(""), "api-rate-limiting");
  EXPECT_EQ(doc.front_matter.question.value_or(""), "How would you add rate limiting to an API?");
  EXPECT_NE(text.find("token bucket"), std::string::npos) << text;

  // A project story may answer a behavioral bank question.
  EXPECT_EQ(run_answerlint("new project proudest-project", dir.path()).exit_code, 0);
  EXPECT_TRUE(fs::is_regular_file(dir.path() / "projects" / "proudest-project.md"));
}

TEST(NewCli, OffersBankQuestionsForAnUnknownId) {
  TempDir dir;
  auto run = run_answerlint("new behavioral conflict", dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("no question-bank id 'conflict'"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("difficult-colleague (behavioral)"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("(technical)"), std::string::npos) << run.err;
  auto rate = run_answerlint("new technical rate-limit", dir.path());
  EXPECT_EQ(rate.exit_code, 2);
  EXPECT_NE(rate.err.find("api-rate-limiting"), std::string::npos) << rate.err;
  auto wrong_kind = run_answerlint("new behavioral api-rate-limiting", dir.path());
  EXPECT_EQ(wrong_kind.exit_code, 2);
  EXPECT_NE(wrong_kind.err.find("`answerlint new technical api-rate-limiting`"), std::string::npos)
      << wrong_kind.err;
  EXPECT_FALSE(fs::exists(dir.path() / "behavioral"));
}

TEST(NewCli, MistakesAndNoOverwrite) {
  TempDir dir;
  EXPECT_EQ(run_answerlint("new poetry \"Q?\"", dir.path()).exit_code, 2);
  EXPECT_EQ(run_answerlint("new behavioral \"   \"", dir.path()).exit_code, 2);
  EXPECT_EQ(run_answerlint("new behavioral", dir.path()).exit_code, 2);
  ASSERT_EQ(run_answerlint("new behavioral \"Why Zorblax?\"", dir.path()).exit_code, 0);
  fs::path file = dir.path() / "behavioral" / "why-zorblax.md";
  dir.write("behavioral/why-zorblax.md", "my own words\n");
  auto again = run_answerlint("new behavioral \"Why Zorblax?\"", dir.path());
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("behavioral/why-zorblax.md: already exists"), std::string::npos)
      << again.err;
  EXPECT_EQ(read_file(file), "my own words\n");
}

TEST(NewCli, TheConfigDecidesTheFolder) {
  TempDir dir;
  dir.write("answerlint.toml", "[kinds]\nbehavioral = [\"interview/stories/**\"]\n");
  fs::create_directories(dir.path() / "interview" / "sub");
  auto run = run_answerlint("new behavioral \"Why Zorblax?\"", dir.path() / "interview" / "sub");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::is_regular_file(dir.path() / "interview" / "stories" / "why-zorblax.md"));
  // The preset's floating globs pick an existing folder of that name.
  TempDir other;
  fs::create_directories(other.path() / "stories");
  ASSERT_EQ(run_answerlint("new behavioral \"Why Zorblax?\"", other.path()).exit_code, 0);
  EXPECT_TRUE(fs::is_regular_file(other.path() / "stories" / "why-zorblax.md"));
}

} // namespace
} // namespace answerlint
