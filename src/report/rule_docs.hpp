#pragma once

#include "config/config.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace answerlint {

// A rule's Markdown documentation: its `doc`, then `## Example` and
// `## Instead` built from its examples (with the configuration they are
// linted with), so that the docs show exactly what a test runs. What
// `explain` shows under its header, and SARIF's help text.
std::string rule_documentation(const Rule& rule);

// `answerlint rules`: one line per rule with the severity and kinds the
// config gives it (before overrides), and its summary.
std::string format_rule_list(const Config& config);

// `answerlint explain RULE`: the rule's documentation with its options and
// defaults, or nullopt when no builtin rule or rule type has that id.
std::optional<std::string> format_rule_doc(std::string_view id);

// `answerlint explain --all`: every rule and rule type, one `##` section per
// id, as docs/rules.md holds it (SARIF's helpUri points at `#<id>`).
std::string format_rules_reference();

} // namespace answerlint
