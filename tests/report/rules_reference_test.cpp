#include "report/rule_docs.hpp"
#include "support/temp_dir.hpp"

#include <filesystem>
#include <gtest/gtest.h>

namespace answerlint {
namespace {

// SARIF's helpUri and the README link to docs/rules.md#<id>: it must hold
// every rule as the binary documents it.
TEST(RulesReference, DocsRulesMdIsTheGeneratedReference) {
  std::string committed =
      test::read_file(std::filesystem::path(ANSWERLINT_SOURCE_DIR) / "docs" / "rules.md");
  EXPECT_EQ(committed, format_rules_reference())
      << "docs/rules.md is out of date: run `build/release/answerlint explain --all > "
         "docs/rules.md`";
}

TEST(RulesReference, EveryRuleIsASectionAndExamplesKeepTheirHeadings) {
  std::string reference = format_rules_reference();
  for (const Rule* rule : all_rules()) {
    EXPECT_NE(reference.find("\n## " + std::string(rule->id) + "\n"), std::string::npos)
        << rule->id;
  }
  EXPECT_NE(reference.find("\n## avoid-phrases\n"), std::string::npos);
  EXPECT_NE(reference.find("\n### What it does\n"), std::string::npos);
  EXPECT_EQ(reference.find("\n#### Situation\n"), std::string::npos); // inside code: unchanged
}

TEST(RuleDocumentation, BuildsExampleAndInsteadFromTheExamples) {
  const Rule rule{
      .id = "demo",
      .summary = "A demo.",
      .doc = "## What it does\n\nDemonstrates.\n",
      .bad_example = "Text with\n\n```\ncode\n```\n",
      .good_example = "Better text.", // no final line break: the block still closes
      .example_config = "[rules.demo]\nmin = 2\n",
      .example_note = "the answer below is a demo:",
  };
  EXPECT_EQ(rule_documentation(rule), "## What it does\n\nDemonstrates.\n"
                                      "\n## Example\n\n"
                                      "With this configuration:\n\n"
                                      "```toml\n[rules.demo]\nmin = 2\n```\n\n"
                                      "the answer below is a demo:\n\n"
                                      "````markdown\nText with\n\n```\ncode\n```\n````\n"
                                      "\n## Instead\n\n"
                                      "```markdown\nBetter text.\n```\n");
}

TEST(RuleDocumentation, WithoutConfigOrNoteTheExampleIsTheBlockAlone) {
  const Rule rule{.id = "demo",
                  .doc = "## What it does\n\nDemonstrates.",
                  .bad_example = "Bad.\n",
                  .good_example = "Good.\n"};
  EXPECT_EQ(rule_documentation(rule), "## What it does\n\nDemonstrates.\n"
                                      "\n## Example\n\n```markdown\nBad.\n```\n"
                                      "\n## Instead\n\n```markdown\nGood.\n```\n");
}

TEST(RuleDocumentation, ARuleWithoutExamplesKeepsItsOwnSections) {
  const Rule rule{.id = "demo", .doc = "## What it does\n\n## Example\n\nTwo files.\n"};
  EXPECT_EQ(rule_documentation(rule), rule.doc);
}

} // namespace
} // namespace answerlint
