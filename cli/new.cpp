#include "commands.hpp"
#include "config/resolve.hpp"
#include "scaffold/scaffold.hpp"

#include <filesystem>
#include <fmt/format.h>

namespace answerlint::cli {

int run_new(const std::string& kind, const std::string& question) {
  // The folder comes from the config's [kinds], found upward from here.
  auto config = resolve_config("", {});
  scaffold::NewAnswer made = scaffold::write_new_answer(*config, kind, question);
  std::error_code ec;
  fmt::print("wrote {}\n", std::filesystem::proximate(made.path, ec).string());
  if (made.entry != nullptr && made.by_id) {
    fmt::print("  bank question {}: \"{}\"\n", made.entry->id, made.entry->question);
  } else if (made.entry != nullptr) {
    fmt::print("  close to the bank question {}: \"{}\"\n", made.entry->id, made.entry->question);
  }
  return 0;
}

} // namespace answerlint::cli
