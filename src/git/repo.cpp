#include "git/repo.hpp"

#include "error.hpp"
#include "git/libgit2.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <git2/sys/repository.h>

namespace answerlint::git {
namespace fs = std::filesystem;
using namespace detail;

namespace {

// Git hands hooks relative paths (GIT_INDEX_FILE=.git/index) meant for the
// directory the hook started in; a later chdir must not change what they name.
fs::path directory_at_start() {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  return ec ? fs::path() : cwd;
}
const fs::path k_start_dir = directory_at_start();

fs::path from_start_dir(const char* value) {
  fs::path path(value);
  return path.is_absolute() || k_start_dir.empty() ? path : k_start_dir / path;
}

const char* env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : nullptr;
}

fs::path without_trailing_slash(const char* path) {
  if (path == nullptr) {
    return {};
  }
  std::string text(path);
  while (text.size() > 1 && text.back() == '/') {
    text.pop_back();
  }
  return text;
}

[[noreturn]] void fail(std::string_view what, const fs::path& where) {
  std::string message = last_error_message();
  throw Error(fmt::format("{} {}: {}{}", what, where.string(), message, advice_for(message)));
}

// Returns nullptr outside any repository.
git_repository* open_repository(const fs::path& start) {
  git_repository* raw = nullptr;
  if (const char* git_dir = env("GIT_DIR")) {
    fs::path dir = from_start_dir(git_dir);
    if (git_repository_open_ext(&raw, dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0) {
      fail("cannot open the git repository that GIT_DIR names,", dir);
    }
    return raw;
  }
  int code = git_repository_open_ext(&raw, start.c_str(), 0, env("GIT_CEILING_DIRECTORIES"));
  if (code == GIT_ENOTFOUND) {
    return nullptr;
  }
  if (code < 0) {
    fail("cannot open the git repository at", start);
  }
  return raw;
}

void apply_environment(git_repository* repo) {
  if (const char* work_tree = env("GIT_WORK_TREE")) {
    check(git_repository_set_workdir(repo, from_start_dir(work_tree).c_str(), 0),
          "cannot use the working tree that GIT_WORK_TREE names");
  }
  // During `git commit` the hook must read the index git is about to commit
  // (.git/index.lock for `commit -a`, next-index-*.lock for `commit PATH`),
  // not .git/index. This index is only read, never written.
  if (const char* index_file = env("GIT_INDEX_FILE")) {
    fs::path file = from_start_dir(index_file);
    git_index* raw = nullptr;
    if (git_index_open(&raw, file.c_str()) < 0) {
      fail("cannot read the index that GIT_INDEX_FILE names,", file);
    }
    IndexHandle index(raw);
    check(git_repository_set_index(repo, index.get()), "cannot use the index of GIT_INDEX_FILE");
  }
}

} // namespace

void Repo::Free::operator()(git_repository* repo) const {
  git_repository_free(repo);
}

Repo::Repo(git_repository* repo)
    : m_repo(repo), m_workdir(without_trailing_slash(git_repository_workdir(repo))),
      m_git_dir(without_trailing_slash(git_repository_path(repo))),
      m_common_dir(without_trailing_slash(git_repository_commondir(repo))) {}

Repo::Repo(Repo&&) noexcept = default;
Repo& Repo::operator=(Repo&&) noexcept = default;
Repo::~Repo() = default;

std::optional<Repo> Repo::discover(const fs::path& start) {
  ensure_initialized();
  git_repository* raw = open_repository(start);
  if (raw == nullptr) {
    return std::nullopt;
  }
  RepositoryHandle owner(raw);
  apply_environment(raw);
  return Repo(owner.release());
}

std::optional<fs::path> Repo::common_dir_at(const fs::path& start) {
  ensure_initialized();
  try {
    RepositoryHandle repo(open_repository(start));
    if (!repo) {
      return std::nullopt;
    }
    return without_trailing_slash(git_repository_commondir(repo.get()));
  } catch (const Error&) {
    return std::nullopt;
  }
}

bool Repo::is_shallow() const {
  return git_repository_is_shallow(m_repo.get()) == 1;
}

std::optional<std::string> Repo::relative_path(const fs::path& path) const {
  if (is_bare()) {
    return std::nullopt;
  }
  std::error_code ec;
  fs::path root = fs::weakly_canonical(m_workdir, ec);
  fs::path full = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) {
    return std::nullopt;
  }
  fs::path relative = full.lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") {
    return std::nullopt;
  }
  return relative == "." ? std::string() : relative.generic_string();
}

bool Repo::ignored(std::string_view repo_relative_path) {
  if (is_bare() || repo_relative_path.empty()) {
    return false;
  }
  int flag = 0;
  std::string path(repo_relative_path);
  check(git_ignore_path_is_ignored(&flag, m_repo.get(), path.c_str()),
        fmt::format("cannot read the ignore rules for {}", path));
  return flag == 1;
}

std::string Repo::hooks_path_setting() {
  git_config* raw = nullptr;
  check(git_repository_config_snapshot(&raw, m_repo.get()), "cannot read the git config");
  ConfigHandle config(raw);
  Buffer value;
  // git_config_get_path expands "~/", as git does for core.hooksPath.
  int code = git_config_get_path(value.get(), config.get(), "core.hooksPath");
  if (code == GIT_ENOTFOUND) {
    return {};
  }
  check(code, "cannot read core.hooksPath");
  return value.str();
}

fs::path Repo::hooks_dir() {
  std::string setting = hooks_path_setting();
  if (!setting.empty()) {
    // Relative to where git runs hooks: the working tree root, or the git
    // directory of a bare repository.
    fs::path base = is_bare() ? m_git_dir : m_workdir;
    fs::path hooks = fs::path(setting).is_absolute() ? fs::path(setting) : base / setting;
    return without_trailing_slash(hooks.lexically_normal().c_str());
  }
  Buffer path;
  check(git_repository_item_path(path.get(), m_repo.get(), GIT_REPOSITORY_ITEM_HOOKS),
        "cannot find the hooks folder");
  return without_trailing_slash(path.str().c_str());
}

} // namespace answerlint::git
