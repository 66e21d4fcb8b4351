#pragma once

// Private to src/config: typed reads of toml++ nodes that fail with an
// answerlint::Error at the node's file:line:column, saying what was expected.

#include "config/config.hpp"

#include <toml++/toml.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace answerlint::config_detail {

// "a string", "an integer", "a list", "a table"...
std::string_view describe(const toml::node& node);

// toml++ keeps a table's keys sorted; the config means them in the order
// they are written (`[kinds]`: the first match wins).
std::vector<std::pair<const toml::key*, const toml::node*>>
entries_in_order(const toml::table& table);

std::string known_kinds();
std::string rule_type_names();
const OptionSpec* find_option(const Rule& rule, std::string_view name);
// What a rule table may hold: severity, kinds (type), then the rule's options.
std::string option_names(const Rule& rule, bool with_type);

class TomlReader {
public:
  explicit TomlReader(std::string display) : m_display(std::move(display)) {}

protected:
  [[noreturn]] void fail_at(const toml::source_region& region, std::string message) const;
  [[noreturn]] void fail_at(const toml::node& node, std::string message) const;

  // `where` is the dotted name of the table, empty for the top level.
  void check_keys(const toml::table& table, std::span<const std::string_view> allowed,
                  std::string_view where) const;

  const toml::table& expect_table(const toml::node& node, std::string_view where) const;
  const toml::array& expect_array(const toml::node& node, std::string_view where,
                                  std::string_view expected) const;
  std::string read_string(const toml::node& node, std::string_view where) const;
  std::int64_t read_integer(const toml::node& node, std::string_view where) const;
  std::vector<std::string> read_strings(const toml::node& node, std::string_view where) const;
  std::vector<Glob> read_globs(const toml::node& node, std::string_view where) const;
  std::vector<std::string> read_kind_list(const toml::node& node, std::string_view where) const;
  Severity read_severity(const toml::node& node, std::string_view where) const;
  OptionValue read_option(const OptionSpec& spec, const toml::node& node,
                          std::string_view where) const;

  // Runs the rule's prepare() on its defaults plus `patch` and, when it
  // throws, reports the error at the option (or list item) that caused it.
  void check_prepare(const Rule& rule, const RulePatch& patch, const toml::table& table,
                     std::string_view where) const;

private:
  std::string m_display;
};

} // namespace answerlint::config_detail
