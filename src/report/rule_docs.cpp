#include "report/rule_docs.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace answerlint {
namespace {

std::string describe(const OptionValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return fmt::format("\"{}\"", v);
        } else if constexpr (std::is_same_v<T, StringList>) {
          return v.size() > 6 ? fmt::format("{} entries", v.size()) : fmt::format("{}", v);
        } else if constexpr (std::is_same_v<T, StringListMap>) {
          return v.empty() ? std::string("{}") : fmt::format("{} entries", v.size());
        } else {
          return fmt::format("{}", v);
        }
      },
      value);
}

// A fence longer than any run of backticks in `text`, so that an example
// holding code blocks stays one block.
std::string fence_for(std::string_view text) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

void add_code_block(std::string& out, std::string_view language, std::string_view text) {
  const std::string fence = fence_for(text);
  fmt::format_to(std::back_inserter(out), "{}{}\n{}", fence, language, text);
  if (!text.ends_with('\n')) {
    out += '\n';
  }
  out += fence;
  out += '\n';
}

} // namespace

std::string rule_documentation(const Rule& rule) {
  std::string out(rule.doc);
  if (rule.bad_example.empty()) {
    return out;
  }
  if (!out.empty() && !out.ends_with('\n')) {
    out += '\n';
  }
  out += "\n## Example\n\n";
  if (!rule.example_config.empty()) {
    out += "With this configuration:\n\n";
    add_code_block(out, "toml", rule.example_config);
    out += '\n';
  }
  if (!rule.example_note.empty()) {
    fmt::format_to(std::back_inserter(out), "{}\n\n", rule.example_note);
  }
  add_code_block(out, "markdown", rule.bad_example);
  out += "\n## Instead\n\n";
  add_code_block(out, "markdown", rule.good_example);
  return out;
}

std::string format_rule_list(const Config& config) {
  std::string out = fmt::format("{:<22} {:<8} {:<40} {}\n", "RULE", "SEVERITY", "KINDS", "SUMMARY");
  for (const Rule* rule : all_rules()) {
    Severity severity = rule->default_severity;
    std::string kinds = "all";
    if (auto it = config.rules.find(rule->id); it != config.rules.end()) {
      severity = it->second.severity.value_or(severity);
      if (it->second.kinds && !it->second.kinds->empty()) {
        kinds = fmt::format("{}", fmt::join(*it->second.kinds, ","));
      }
    }
    fmt::format_to(std::back_inserter(out), "{:<22} {:<8} {:<40} {}\n", rule->id,
                   to_string(severity), kinds, rule->summary);
  }
  // Portfolio rules run in `audit` only, over all answers at once.
  for (const Rule* rule : portfolio_rules()) {
    Severity severity = rule->default_severity;
    if (auto it = config.rules.find(rule->id); it != config.rules.end()) {
      severity = it->second.severity.value_or(severity);
    }
    fmt::format_to(std::back_inserter(out), "{:<22} {:<8} {:<40} {}\n", rule->id,
                   to_string(severity), "portfolio (audit)", rule->summary);
  }
  return out;
}

std::optional<std::string> format_rule_doc(std::string_view id) {
  const Rule* rule = find_rule(id);
  if (rule == nullptr) {
    rule = find_rule_type(id);
  }
  if (rule == nullptr) {
    return std::nullopt;
  }
  std::string out = fmt::format("# {}\n\n{}\n\nDefault severity: {}.", rule->id, rule->summary,
                                to_string(rule->default_severity));
  if (!rule->type.empty() && rule->type != rule->id) {
    out += fmt::format(" An instance of the rule type `{}`.", rule->type);
  }
  if (is_portfolio_rule(rule->id)) {
    out += " A portfolio rule: `answerlint audit` runs it over all answers at once.";
  }
  out += "\n\n";
  out += rule_documentation(*rule);
  if (!rule->options.empty()) {
    out += "\n\n## Defaults\n\n";
    for (const OptionSpec& option : rule->options) {
      fmt::format_to(std::back_inserter(out), "- `{}` ({}): {}\n", option.name,
                     to_string(option.type), describe(option.default_value));
    }
  }
  if (out.back() != '\n') {
    out += '\n';
  }
  return out;
}

} // namespace answerlint
