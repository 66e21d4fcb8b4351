#include "commands.hpp"
#include "config/resolve.hpp"
#include "error.hpp"
#include "lint/rule.hpp"
#include "report/rule_docs.hpp"

#include <fmt/format.h>

namespace answerlint::cli {

int run_rules(const std::string& config_file) {
  auto config = resolve_config(config_file, {});
  fmt::print("{}", format_rule_list(*config));
  return 0;
}

int run_explain(const std::string& rule) {
  auto text = format_rule_doc(rule);
  if (!text) {
    throw Error(fmt::format("unknown rule '{}'; 'answerlint rules' lists them", rule));
  }
  fmt::print("{}", *text);
  return 0;
}

int run_explain_all() {
  fmt::print("{}", format_rules_reference());
  return 0;
}

} // namespace answerlint::cli
