#include "commands.hpp"
#include "error.hpp"
#include "git/hook.hpp"
#include "git/repo.hpp"

#include <fmt/format.h>

namespace answerlint::cli {

namespace fs = std::filesystem;

namespace {

git::Repo current_repo() {
  std::optional<git::Repo> repo = git::Repo::discover(fs::current_path());
  if (!repo) {
    throw Error(fmt::format("{} is not inside a git repository: run `answerlint hook` in the "
                            "portfolio's repository",
                            fs::current_path().string()));
  }
  return std::move(*repo);
}

} // namespace

int run_hook(bool install, bool chain) {
  git::Repo repo = current_repo();
  std::string said;
  if (install) {
    // The hook records this binary's absolute path, tried before PATH.
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    said = git::install_hook(repo, chain, ec ? fs::path("answerlint") : self);
  } else {
    said = git::uninstall_hook(repo);
  }
  fmt::print("{}\n", said);
  return 0;
}

} // namespace answerlint::cli
