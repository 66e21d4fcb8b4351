#include "commands.hpp"
#include "scaffold/scaffold.hpp"

#include <filesystem>
#include <fmt/format.h>

namespace answerlint::cli {

int run_init() {
  fmt::print("{}\n", scaffold::write_init_config(std::filesystem::current_path()));
  return 0;
}

} // namespace answerlint::cli
