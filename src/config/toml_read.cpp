#include "config/toml_read.hpp"

#include "config/config_internal.hpp"
#include "error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>

namespace answerlint::config_detail {

std::string_view describe(const toml::node& node) {
  switch (node.type()) {
  case toml::node_type::string:
    return "a string";
  case toml::node_type::integer:
    return "an integer";
  case toml::node_type::floating_point:
    return "a float";
  case toml::node_type::boolean:
    return "a boolean";
  case toml::node_type::date:
    return "a date";
  case toml::node_type::time:
    return "a time";
  case toml::node_type::date_time:
    return "a date-time";
  case toml::node_type::array:
    return "a list";
  case toml::node_type::table:
    return "a table";
  case toml::node_type::none:
    break;
  }
  return "nothing";
}

std::vector<std::pair<const toml::key*, const toml::node*>>
entries_in_order(const toml::table& table) {
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (const auto& [key, node] : table) {
    entries.emplace_back(&key, &node);
  }
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const auto& left = a.first->source().begin;
    const auto& right = b.first->source().begin;
    return left.line != right.line ? left.line < right.line : left.column < right.column;
  });
  return entries;
}

std::string known_kinds() {
  return fmt::format("{}", fmt::join(k_kinds, ", "));
}

std::string rule_type_names() {
  std::vector<std::string_view> names;
  for (const Rule* type : rule_types()) {
    names.push_back(type->type);
  }
  return fmt::format("{}", fmt::join(names, ", "));
}

const OptionSpec* find_option(const Rule& rule, std::string_view name) {
  for (const OptionSpec& spec : rule.options) {
    if (spec.name == name) {
      return &spec;
    }
  }
  return nullptr;
}

std::string option_names(const Rule& rule, bool with_type) {
  std::vector<std::string_view> names = {"severity", "kinds"};
  if (with_type) {
    names.emplace_back("type");
  }
  for (const OptionSpec& spec : rule.options) {
    names.push_back(spec.name);
  }
  return fmt::format("{}", fmt::join(names, ", "));
}

void TomlReader::fail_at(const toml::source_region& region, std::string message) const {
  throw Error(std::move(message), m_display, static_cast<int>(region.begin.line),
              static_cast<int>(region.begin.column));
}

void TomlReader::fail_at(const toml::node& node, std::string message) const {
  fail_at(node.source(), std::move(message));
}

void TomlReader::check_keys(const toml::table& table, std::span<const std::string_view> allowed,
                            std::string_view where) const {
  for (const auto& [key, node] : entries_in_order(table)) {
    const std::string name(key->str());
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) {
      continue;
    }
    const std::string prefix = where.empty() ? "" : fmt::format("{}: ", where);
    fail_at(key->source(), fmt::format("{}unknown key '{}' (expected one of: {})", prefix, name,
                                       fmt::join(allowed, ", ")));
  }
}

const toml::table& TomlReader::expect_table(const toml::node& node, std::string_view where) const {
  const auto* table = node.as_table();
  if (table == nullptr) {
    fail_at(node, fmt::format("{}: expected a table, found {}", where, describe(node)));
  }
  return *table;
}

const toml::array& TomlReader::expect_array(const toml::node& node, std::string_view where,
                                            std::string_view expected) const {
  const auto* array = node.as_array();
  if (array == nullptr) {
    fail_at(node, fmt::format("{}: expected {}, found {}", where, expected, describe(node)));
  }
  return *array;
}

std::string TomlReader::read_string(const toml::node& node, std::string_view where) const {
  const auto* text = node.as_string();
  if (text == nullptr) {
    fail_at(node, fmt::format("{}: expected a string, found {}", where, describe(node)));
  }
  return text->get();
}

std::int64_t TomlReader::read_integer(const toml::node& node, std::string_view where) const {
  const auto* number = node.as_integer();
  if (number == nullptr) {
    fail_at(node, fmt::format("{}: expected an integer, found {}", where, describe(node)));
  }
  return number->get();
}

std::vector<std::string> TomlReader::read_strings(const toml::node& node,
                                                  std::string_view where) const {
  const toml::array& array = expect_array(node, where, "a list of strings");
  std::vector<std::string> items;
  items.reserve(array.size());
  for (std::size_t i = 0; i < array.size(); ++i) {
    items.push_back(read_string(*array.get(i), fmt::format("{}[{}]", where, i)));
  }
  return items;
}

std::vector<Glob> TomlReader::read_globs(const toml::node& node, std::string_view where) const {
  const std::vector<std::string> patterns = read_strings(node, where);
  std::vector<Glob> globs;
  globs.reserve(patterns.size());
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    try {
      globs.emplace_back(patterns[i]);
    } catch (const Error& error) {
      fail_at(*node.as_array()->get(i), fmt::format("{}: {}", where, error.what()));
    }
  }
  return globs;
}

std::vector<std::string> TomlReader::read_kind_list(const toml::node& node,
                                                    std::string_view where) const {
  std::vector<std::string> kinds = read_strings(node, where);
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if (!is_known_kind(kinds[i])) {
      fail_at(*node.as_array()->get(i), fmt::format("{}: unknown kind '{}' (expected one of: {})",
                                                    where, kinds[i], known_kinds()));
    }
  }
  return kinds;
}

Severity TomlReader::read_severity(const toml::node& node, std::string_view where) const {
  constexpr std::string_view k_expected = "expected one of error, warning, info, off";
  const auto* text = node.as_string();
  if (text == nullptr) {
    fail_at(node, fmt::format("{}: {}, found {}", where, k_expected, describe(node)));
  }
  const auto severity = parse_severity(text->get());
  if (!severity) {
    fail_at(node, fmt::format("{}: {}, found '{}'", where, k_expected, text->get()));
  }
  return *severity;
}

OptionValue TomlReader::read_option(const OptionSpec& spec, const toml::node& node,
                                    std::string_view where) const {
  switch (spec.type) {
  case OptionType::boolean:
    if (const auto* value = node.as_boolean()) {
      return value->get();
    }
    break;
  case OptionType::integer:
    if (const auto* value = node.as_integer()) {
      return value->get();
    }
    break;
  case OptionType::number:
    if (const auto* value = node.as_integer()) {
      return static_cast<double>(value->get());
    }
    if (const auto* value = node.as_floating_point()) {
      return value->get();
    }
    break;
  case OptionType::string:
    if (const auto* value = node.as_string()) {
      return value->get();
    }
    break;
  case OptionType::string_list:
    if (node.is_array()) {
      return read_strings(node, where);
    }
    break;
  case OptionType::string_list_map:
    if (const auto* table = node.as_table()) {
      StringListMap map;
      for (const auto& [key, value] : entries_in_order(*table)) {
        map[std::string(key->str())] =
            read_strings(*value, fmt::format("{}.{}", where, key->str()));
      }
      return map;
    }
    break;
  }
  fail_at(node,
          fmt::format("{}: expected {}, found {}", where, to_string(spec.type), describe(node)));
}

namespace {

// The message prepare() throws for these options, or none.
std::optional<std::string> prepare_error(const Rule& rule, const Options& options) {
  try {
    (void)rule.prepare(options);
  } catch (const std::exception& error) {
    return std::string(error.what());
  }
  return std::nullopt;
}

Options defaults_with(const Rule& rule, const std::string& name, OptionValue value) {
  Options options = default_options(rule);
  options.set(name, std::move(value));
  return options;
}

} // namespace

void TomlReader::check_prepare(const Rule& rule, const RulePatch& patch, const toml::table& table,
                               std::string_view where) const {
  if (rule.prepare == nullptr) {
    return;
  }
  Options options = default_options(rule);
  for (const auto& [name, value] : patch.options) {
    options.set(name, value);
  }
  const auto message = prepare_error(rule, options);
  if (!message) {
    return;
  }
  // prepare() does not say which option it choked on: try each alone, then
  // each item of a list alone, to point at the one the user must fix.
  for (const auto& [key, node] : entries_in_order(table)) {
    const auto option = patch.options.find(key->str());
    if (option == patch.options.end()) {
      continue;
    }
    auto alone = prepare_error(rule, defaults_with(rule, option->first, option->second));
    if (!alone) {
      continue;
    }
    const toml::node* culprit = node;
    if (const auto* list = std::get_if<StringList>(&option->second)) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        if (auto item =
                prepare_error(rule, defaults_with(rule, option->first, StringList{(*list)[i]}))) {
          culprit = node->as_array()->get(i);
          alone = std::move(item);
          break;
        }
      }
    }
    fail_at(*culprit, fmt::format("{}.{}: {}", where, option->first, *alone));
  }
  fail_at(table, fmt::format("{}: {}", where, *message));
}

} // namespace answerlint::config_detail
