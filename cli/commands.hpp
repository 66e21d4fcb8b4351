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
  unsigned threads = 0;
  bool quiet = false;
};

// Each returns the process exit code; user mistakes throw answerlint::Error.
int run_check(const CheckArgs& args);
int run_rules(const std::string& config);
int run_explain(const std::string& rule);

} // namespace answerlint::cli
