#include "report/rule_docs.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

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

} // namespace

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
  out += rule->doc;
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
