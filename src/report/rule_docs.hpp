#pragma once

#include "config/config.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace answerlint {

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
