// The rule registry and each rule's metadata: what `answerlint rules` and
// `answerlint explain` show must be complete, and each rule's documented
// examples must behave as documented (the bad one fires, the good one not).

#include "config/config.hpp"
#include "error.hpp"
#include "lint/runner.hpp"
#include "report/rule_docs.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

namespace answerlint {
namespace {

namespace fs = std::filesystem;

const fs::path k_fixture_dir = fs::path(ANSWERLINT_SOURCE_DIR) / "tests" / "rules";

constexpr std::string_view k_doc_headings[] = {"## What it does", "## Why it matters", "## Options",
                                               "## Example", "## Instead"};

std::vector<const Rule*> every_rule_and_type() {
  std::vector<const Rule*> rules(all_rules().begin(), all_rules().end());
  rules.insert(rules.end(), rule_types().begin(), rule_types().end());
  return rules;
}

bool has_type(const OptionValue& value, OptionType type) {
  switch (type) {
  case OptionType::boolean:
    return std::holds_alternative<bool>(value);
  case OptionType::integer:
    return std::holds_alternative<std::int64_t>(value);
  case OptionType::number:
    return std::holds_alternative<double>(value) || std::holds_alternative<std::int64_t>(value);
  case OptionType::string:
    return std::holds_alternative<std::string>(value);
  case OptionType::string_list:
    return std::holds_alternative<StringList>(value);
  case OptionType::string_list_map:
    return std::holds_alternative<StringListMap>(value);
  }
  return false;
}

// Lints one example as an answer of the rule's example kind, and returns the
// findings of the rule (for a rule type: of the user rule its example config
// defines).
std::vector<Finding> lint_example(const Rule& rule, std::string_view example) {
  std::string kind(rule.example_kind);
  std::string config_text;
  if (kind != "answer") {
    config_text = fmt::format("[kinds]\n{} = [\"{}/**\"]\n\n", kind, kind);
  }
  config_text += rule.example_config;
  auto config = load_config_text(config_text, k_fixture_dir / "registry" / "answerlint.toml");
  std::string path = fmt::format("{}/example.md", kind);
  std::vector<Finding> findings = lint_source(*config, path, path, example);
  std::erase_if(findings, [&](const Finding& finding) {
    if (rule.type.empty() || rule.type != rule.id) {
      return finding.rule != rule.id;
    }
    return find_rule(finding.rule) != nullptr; // keep only the user-defined rule's
  });
  return findings;
}

std::string describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += fmt::format("{}:{} {} {}\n", f.span.line, f.span.column, f.rule, f.message);
  }
  return out;
}

TEST(Registry, IdsAreUniqueAndSorted) {
  std::vector<std::string_view> ids;
  for (const Rule* rule : all_rules()) {
    ids.push_back(rule->id);
  }
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
  for (const Rule* rule : all_rules()) {
    EXPECT_EQ(find_rule(rule->id), rule);
  }
  EXPECT_EQ(find_rule("no-such-rule"), nullptr);
}

TEST(Registry, HoldsTheFirstRules) {
  for (std::string_view id : {"front-matter", "length", "required-sections"}) {
    EXPECT_NE(find_rule(id), nullptr) << id;
  }
}

TEST(Registry, RuleTypesAreFoundByTypeAndAreNotRules) {
  std::set<std::string_view> types;
  for (const Rule* type : rule_types()) {
    EXPECT_FALSE(type->type.empty());
    EXPECT_TRUE(types.insert(type->type).second) << "type listed twice: " << type->type;
    EXPECT_EQ(find_rule_type(type->type), type);
    EXPECT_EQ(find_rule(type->id), nullptr) << type->id << " is a type, not a builtin rule";
  }
  EXPECT_TRUE(types.contains("avoid-phrases"));
  EXPECT_TRUE(types.contains("required-terms"));
}

TEST(Registry, EveryRuleIsDocumented) {
  for (const Rule* rule : every_rule_and_type()) {
    SCOPED_TRACE(std::string(rule->id));
    EXPECT_FALSE(rule->summary.empty());
    EXPECT_NE(rule->check, nullptr);
    EXPECT_NE(rule->default_severity, Severity::off);
    EXPECT_TRUE(is_known_kind(rule->example_kind)) << rule->example_kind;
    EXPECT_FALSE(rule->bad_example.empty());
    EXPECT_FALSE(rule->good_example.empty());
    // The Example and Instead sections come from the examples, never from
    // a copy of them in `doc` that could drift from what this test runs.
    EXPECT_EQ(rule->doc.find("## Example"), std::string_view::npos);
    EXPECT_EQ(rule->doc.find("## Instead"), std::string_view::npos);
    const std::string documentation = rule_documentation(*rule);
    std::size_t previous = 0;
    for (std::string_view heading : k_doc_headings) {
      std::size_t at = documentation.find(heading);
      EXPECT_NE(at, std::string_view::npos) << "doc has no '" << heading << "'";
      EXPECT_GE(at, previous) << "'" << heading << "' is out of order";
      previous = at == std::string_view::npos ? previous : at;
    }
    EXPECT_TRUE(fs::is_regular_file(k_fixture_dir / fmt::format("{}.md", rule->id)))
        << "no fixture tests/rules/" << rule->id << ".md";
  }
}

TEST(Registry, EveryOptionIsDocumentedWithADefaultOfItsType) {
  for (const Rule* rule : every_rule_and_type()) {
    std::set<std::string_view> names;
    std::string_view options_doc = rule->doc.substr(rule->doc.find("## Options"));
    for (const OptionSpec& option : rule->options) {
      SCOPED_TRACE(fmt::format("{}.{}", rule->id, option.name));
      EXPECT_TRUE(names.insert(option.name).second) << "declared twice";
      EXPECT_FALSE(option.doc.empty());
      EXPECT_TRUE(has_type(option.default_value, option.type));
      EXPECT_NE(options_doc.find(fmt::format("`{}`", option.name)), std::string_view::npos)
          << "not described under ## Options";
    }
  }
}

TEST(Registry, BadExampleFiresAndGoodExampleDoesNot) {
  for (const Rule* rule : every_rule_and_type()) {
    SCOPED_TRACE(std::string(rule->id));
    try {
      std::vector<Finding> bad = lint_example(*rule, rule->bad_example);
      EXPECT_FALSE(bad.empty()) << "the bad example gives no finding";
      std::vector<Finding> good = lint_example(*rule, rule->good_example);
      EXPECT_TRUE(good.empty()) << "the good example gives findings:\n" << describe(good);
    } catch (const Error& e) {
      ADD_FAILURE() << "example config: " << e.format();
    }
  }
}

} // namespace
} // namespace answerlint
