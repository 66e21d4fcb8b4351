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

} // namespace
} // namespace answerlint
