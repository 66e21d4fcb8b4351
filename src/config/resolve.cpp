#include "config/resolve.hpp"

#include "error.hpp"

namespace answerlint {
namespace fs = std::filesystem;

std::unique_ptr<Config> resolve_config(const std::string& explicit_file,
                                       const std::vector<fs::path>& paths) {
  if (!explicit_file.empty()) {
    std::error_code ec;
    if (!fs::exists(explicit_file, ec)) {
      throw Error("config file not found", explicit_file);
    }
    return load_config(explicit_file);
  }
  if (!paths.empty()) {
    std::error_code ec;
    fs::path first = fs::absolute(paths.front(), ec);
    fs::path start = fs::is_directory(first, ec) ? first : first.parent_path();
    if (auto found = discover_config(start)) {
      return load_config(*found);
    }
  }
  if (auto found = discover_config(fs::current_path())) {
    return load_config(*found);
  }
  return builtin_config(fs::current_path());
}

} // namespace answerlint
