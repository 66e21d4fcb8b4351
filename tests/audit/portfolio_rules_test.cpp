// The portfolio rules in the registry: documented like every rule, found by
// id, configurable, and never run per answer.

#include "audit_support.hpp"
#include "config/config.hpp"
#include "error.hpp"
#include "report/rule_docs.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>

namespace answerlint {
namespace {

constexpr std::string_view k_headings[] = {"## What it does", "## Why it matters", "## Options",
                                           "## Example", "## Instead"};

TEST(PortfolioRules, RegisteredDocumentedAndApartFromAnswerRules) {
  std::set<std::string_view> ids;
  for (const Rule* rule : portfolio_rules()) {
    SCOPED_TRACE(std::string(rule->id));
    ids.insert(rule->id);
    EXPECT_EQ(find_rule(rule->id), rule);
    EXPECT_TRUE(is_portfolio_rule(rule->id));
    EXPECT_EQ(rule->check, nullptr);
    EXPECT_FALSE(rule->summary.empty());
    EXPECT_NE(rule->default_severity, Severity::off);
    std::size_t previous = 0;
    for (std::string_view heading : k_headings) {
      std::size_t at = rule->doc.find(heading);
      ASSERT_NE(at, std::string_view::npos) << heading;
      EXPECT_GE(at, previous) << heading;
      previous = at;
    }
    std::string_view options_doc = rule->doc.substr(rule->doc.find("## Options"));
    for (const OptionSpec& option : rule->options) {
      EXPECT_NE(options_doc.find(fmt::format("`{}`", option.name)), std::string_view::npos)
          << option.name;
    }
    for (const Rule* answer_rule : all_rules()) {
      EXPECT_NE(answer_rule, rule);
    }
    auto doc = format_rule_doc(rule->id);
    ASSERT_TRUE(doc);
    EXPECT_NE(doc->find("A portfolio rule"), std::string::npos);
  }
  EXPECT_EQ(ids,
            (std::set<std::string_view>{"duplicate-question", "question-coverage", "story-reuse"}));
  EXPECT_FALSE(is_portfolio_rule("length"));
}

TEST(PortfolioRules, AConfigSetsThemAndTheRunnerSkipsThem) {
  auto config = load_config_text(R"toml(
[rules.story-reuse]
severity = "error"
max_uses = 3
kinds = ["behavioral"]
)toml",
                                 "/tmp/answerlint.toml");
  audit::PortfolioRule reuse = audit::portfolio_rule(*config, "story-reuse");
  EXPECT_EQ(reuse.severity, Severity::error);
  EXPECT_EQ(reuse.options.integer("max_uses"), 3);
  EXPECT_DOUBLE_EQ(reuse.options.number("min_similarity"), 0.5); // the preset's
  EXPECT_TRUE(reuse.applies_to("behavioral"));
  EXPECT_FALSE(reuse.applies_to("technical"));
  for (const ActiveRule& rule : *config->rules_for("behavioral/a.md", "behavioral")) {
    EXPECT_FALSE(is_portfolio_rule(rule.id)) << rule.id;
  }
  try {
    load_config_text("[[overrides]]\nkinds = [\"behavioral\"]\n[overrides.rules.story-reuse]\n"
                     "max_uses = 2\n",
                     "/tmp/answerlint.toml");
    ADD_FAILURE() << "a portfolio rule in an override loaded";
  } catch (const Error& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_NE(e.format().find("top-level [rules.story-reuse]"), std::string::npos) << e.format();
  }
  try {
    load_config_text("[rules.story-reuse]\nmax_uses = \"two\"\n", "/tmp/answerlint.toml");
    ADD_FAILURE() << "a string for an integer option loaded";
  } catch (const Error& e) {
    EXPECT_EQ(e.line(), 2);
    EXPECT_NE(e.format().find("max_uses"), std::string::npos) << e.format();
  }
}

} // namespace
} // namespace answerlint
