#pragma once

#include "config/config.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace answerlint {

// The config a command runs with: `explicit_file` when given; else the
// answerlint.toml found upward from the first path, then from the cwd; else
// the builtin preset based at the cwd.
std::unique_ptr<Config> resolve_config(const std::string& explicit_file,
                                       const std::vector<std::filesystem::path>& paths);

} // namespace answerlint
