#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace answerlint::cli {

struct CheckArgs {
  std::vector<std::string> paths;
  std::string config;
  std::string format = "text";
  std::string output;
  std::string color = "auto";
  std::optional<int> max_warnings;
  std::string since;          // --since REF
  std::string rev;            // --rev REV
  std::string baseline;       // --baseline FILE
  std::string write_baseline; // --write-baseline FILE
  unsigned threads = 0;
  bool staged = false;
  bool quiet = false;
};

// Each returns the process exit code; user mistakes throw answerlint::Error.
int run_check(const CheckArgs& args);
int run_rules(const std::string& config);
int run_explain(const std::string& rule);
int run_explain_all(); // every rule's documentation: docs/rules.md
// `hook install [--chain]` (install) or `hook uninstall`.
int run_hook(bool install, bool chain);

} // namespace answerlint::cli
