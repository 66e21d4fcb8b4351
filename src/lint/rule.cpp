#include "lint/rule.hpp"

#include <fmt/format.h>

namespace answerlint {

std::string_view to_string(Severity severity) {
  switch (severity) {
  case Severity::off:
    return "off";
  case Severity::info:
    return "info";
  case Severity::warning:
    return "warning";
  case Severity::error:
    return "error";
  }
  return "off";
}

std::optional<Severity> parse_severity(std::string_view text) {
  for (Severity s : {Severity::off, Severity::info, Severity::warning, Severity::error}) {
    if (to_string(s) == text) {
      return s;
    }
  }
  return std::nullopt;
}

std::string_view to_string(OptionType type) {
  switch (type) {
  case OptionType::boolean:
    return "a boolean";
  case OptionType::integer:
    return "an integer";
  case OptionType::number:
    return "a number";
  case OptionType::string:
    return "a string";
  case OptionType::string_list:
    return "a list of strings";
  case OptionType::string_list_map:
    return "a table of string lists";
  }
  return "a value";
}

const OptionValue& Options::at(std::string_view name) const {
  auto it = m_values.find(name);
  if (it == m_values.end()) {
    // A rule asked for an option it never declared: a bug, reported as an
    // internal-error finding by the runner.
    throw std::logic_error(fmt::format("undeclared option '{}'", name));
  }
  return it->second;
}

namespace {
template <typename T> const T& get(const OptionValue& value, std::string_view name) {
  if (const T* v = std::get_if<T>(&value)) {
    return *v;
  }
  throw std::logic_error(fmt::format("option '{}' has another type", name));
}
} // namespace

bool Options::boolean(std::string_view name) const { return get<bool>(at(name), name); }

std::int64_t Options::integer(std::string_view name) const {
  return get<std::int64_t>(at(name), name);
}

double Options::number(std::string_view name) const {
  const OptionValue& value = at(name);
  if (const auto* i = std::get_if<std::int64_t>(&value)) {
    return static_cast<double>(*i);
  }
  return get<double>(value, name);
}

const std::string& Options::string(std::string_view name) const {
  return get<std::string>(at(name), name);
}

const StringList& Options::list(std::string_view name) const {
  return get<StringList>(at(name), name);
}

const StringListMap& Options::map(std::string_view name) const {
  return get<StringListMap>(at(name), name);
}

const Rule* find_rule(std::string_view id) {
  for (auto list : {all_rules(), portfolio_rules()}) {
    for (const Rule* rule : list) {
      if (rule->id == id) {
        return rule;
      }
    }
  }
  return nullptr;
}

bool is_portfolio_rule(std::string_view id) {
  for (const Rule* rule : portfolio_rules()) {
    if (rule->id == id) {
      return true;
    }
  }
  return false;
}

const Rule* find_rule_type(std::string_view type) {
  for (const Rule* rule : rule_types()) {
    if (rule->type == type) {
      return rule;
    }
  }
  return nullptr;
}

} // namespace answerlint
