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
  bool no_cache = false; // --no-cache
};

struct AuditArgs {
  std::string path; // empty: "."
  std::string rev;  // --rev REV
  std::string config;
  std::string format = "text";
  std::string output;
  unsigned threads = 0;
  bool quiet = false;
};

// Each returns the process exit code; user mistakes throw answerlint::Error.
int run_check(const CheckArgs& args);
int run_audit(const AuditArgs& args);
// `init`: answerlint.toml in the current folder.
int run_init();
// `new KIND QUESTION`: an answer from the kind's template.
int run_new(const std::string& kind, const std::string& question);
int run_rules(const std::string& config);
int run_explain(const std::string& rule);
int run_explain_all(); // every rule's documentation: docs/rules.md
// `hook install [--chain]` (install) or `hook uninstall`.
int run_hook(bool install, bool chain);

} // namespace answerlint::cli
