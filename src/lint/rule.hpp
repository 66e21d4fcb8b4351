#pragma once

#include "document/document.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace answerlint {

enum class Severity { off, info, warning, error };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

using StringList = std::vector<std::string>;
using StringListMap = std::map<std::string, StringList>;
using OptionValue =
    std::variant<bool, std::int64_t, double, std::string, StringList, StringListMap>;

enum class OptionType { boolean, integer, number, string, string_list, string_list_map };

std::string_view to_string(OptionType type); // "an integer", "a list of strings", ...

struct OptionSpec {
  std::string_view name;
  OptionType type;
  OptionValue default_value;
  std::string_view doc;
};

// A rule's options after config merging: every declared option has a value
// (its default unless the config set it). The config loader checks types.
class Options {
public:
  Options() = default;
  explicit Options(std::map<std::string, OptionValue, std::less<>> values)
      : m_values(std::move(values)) {}

  bool boolean(std::string_view name) const;
  std::int64_t integer(std::string_view name) const;
  double number(std::string_view name) const; // integers convert
  const std::string& string(std::string_view name) const;
  const StringList& list(std::string_view name) const;
  const StringListMap& map(std::string_view name) const;

  void set(std::string name, OptionValue value) { m_values[std::move(name)] = std::move(value); }
  const std::map<std::string, OptionValue, std::less<>>& values() const { return m_values; }

private:
  const OptionValue& at(std::string_view name) const;
  std::map<std::string, OptionValue, std::less<>> m_values;
};

// What a rule reports: where and what to do. The runner adds the rule id,
// severity, path and source line.
struct Hit {
  Span span;
  std::string message;
};

struct RuleContext {
  const Document& doc;
  const Answer& answer;
  int answer_index;
  std::string_view kind;
  const Options& options;
  const void* prepared; // what Rule::prepare built from the options, or null
  // Every rule id of the configuration, sorted: builtin, portfolio and
  // user-defined rules, whether on or off (Config::rule_ids).
  std::span<const std::string> rule_ids;
};

using CheckFn = void (*)(const RuleContext& context, std::vector<Hit>& hits);
// Builds what a rule needs once per configuration (compiled patterns...).
// Throws answerlint::Error (without a path) on a bad option value.
using PrepareFn = std::shared_ptr<const void> (*)(const Options& options);

struct Rule {
  std::string_view id;
  // Empty for a rule of its own; otherwise the rule type it instantiates
  // ("avoid-phrases", "required-terms"): users may define new rules of it.
  std::string_view type;
  std::string_view summary;
  // Markdown: ## What it does, ## Why it matters, ## Options. The docs add
  // ## Example and ## Instead from the fields below (rule_documentation);
  // a rule without examples (a portfolio rule) writes those sections here.
  std::string_view doc;
  Severity default_severity = Severity::warning;
  std::span<const OptionSpec> options;
  CheckFn check = nullptr;
  PrepareFn prepare = nullptr;
  // The failing and passing examples the docs show; a test runs both.
  std::string_view bad_example;
  std::string_view good_example;
  std::string_view example_kind = "answer"; // the kind the examples are linted as
  // answerlint.toml the examples are linted with and shown with, when the
  // defaults would not show the problem (a rule type needs one to exist).
  std::string_view example_config;
  // A line between that configuration and the bad example saying what is
  // wrong with it ("the story below has no Result:"); may be empty.
  std::string_view example_note;
};

// Every builtin rule, in id order (rules/all_rules.cpp).
std::span<const Rule* const> all_rules();
// The portfolio rules `audit` runs over all answers at once (src/audit/), in
// id order. They carry the same metadata (docs, options, severity) and no
// per-answer `check`: the runner never sees them, but find_rule does, so that
// a config may set their severity and options and `explain` shows them.
std::span<const Rule* const> portfolio_rules();
// A builtin or portfolio rule by id.
const Rule* find_rule(std::string_view id);
bool is_portfolio_rule(std::string_view id);
// The generic rule types users instantiate with `type = "..."`.
std::span<const Rule* const> rule_types();
const Rule* find_rule_type(std::string_view type);

} // namespace answerlint
