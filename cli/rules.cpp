#include "audit/score.hpp"
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
  if (rule == "score") {
    fmt::print("{}", audit::score_doc());
    return 0;
  }
  auto text = format_rule_doc(rule);
  if (!text) {
    throw Error(fmt::format("unknown rule '{}'; 'answerlint rules' lists them, and "
                            "'answerlint explain score' explains the audit's scores",
                            rule));
  }
  fmt::print("{}", *text);
  return 0;
}

int run_explain_all() {
  fmt::print("{}", format_rules_reference());
  return 0;
}

} // namespace answerlint::cli
