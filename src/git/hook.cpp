#include "git/hook.hpp"

#include "error.hpp"
#include "git/repo.hpp"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace answerlint::git {
namespace fs = std::filesystem;

namespace {

// A copy of hooks/pre-commit, kept byte-identical by a test: the build
// embeds only templates/, and the hook must exist as a file for readers and
// for people who install hooks by hand.
constexpr std::string_view k_template = R"sh(#!/bin/sh
# answerlint pre-commit hook
#
# Written by `answerlint hook install`; `answerlint hook uninstall` removes it
# and puts back the hook it replaced, if any. It lints what is staged (the
# index), not the working tree: a commit is judged by what it will contain.
# To commit once without it: git commit --no-verify

# The answerlint that installed this hook. It is tried first because git GUIs
# and editors often run hooks with a minimal PATH; PATH is the fallback when
# that binary has moved.
recorded='@ANSWERLINT_BINARY@'

case $0 in
*/*) hooks_dir=${0%/*} ;;
*) hooks_dir=. ;;
esac

# A hook that was here before answerlint (kept by `hook install --chain`)
# runs first, with the same arguments and standard input; its failure stops
# the commit.
chained="$hooks_dir/pre-commit.answerlint-chained"
if [ -x "$chained" ]; then
  "$chained" "$@" || {
    status=$?
    echo "answerlint: the chained pre-commit hook ($chained) failed with exit code $status" >&2
    exit "$status"
  }
fi

if [ -x "$recorded" ]; then
  answerlint=$recorded
elif command -v answerlint >/dev/null 2>&1; then
  answerlint=answerlint
else
  echo "answerlint: cannot find answerlint (not in PATH, not at $recorded)." >&2
  echo "answerlint: install it and run 'answerlint hook install' again," >&2
  echo "answerlint: or commit once without this check: git commit --no-verify" >&2
  exit 1
fi

"$answerlint" check --staged
status=$?
if [ "$status" -ne 0 ]; then
  echo "answerlint: commit stopped. Fix what is reported above and stage the fix," >&2
  echo "answerlint: or commit once without this check: git commit --no-verify" >&2
fi
exit "$status"
)sh";

constexpr std::string_view k_binary_placeholder = "'@ANSWERLINT_BINARY@'";
constexpr std::uintmax_t k_max_hook_bytes = 1 << 20;
constexpr mode_t k_hook_mode = 0755;

enum class HookState { missing, ours, foreign };

std::string shell_quote(std::string_view text) {
  std::string quoted = "'";
  for (char c : text) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

// Nullopt when the file cannot be read.
std::optional<std::string> read_small_file(const fs::path& path) {
  std::FILE* in = std::fopen(path.c_str(), "rb");
  if (in == nullptr) {
    return std::nullopt;
  }
  std::string text;
  char buffer[8192];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0 && text.size() < k_max_hook_bytes) {
    text.append(buffer, n);
  }
  std::fclose(in);
  return text;
}

bool has_marker_line(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (line == k_hook_marker) {
      return true;
    }
    start = end == std::string_view::npos ? text.size() : end + 1;
  }
  return false;
}

// A symbolic link is foreign even when it points at a copy of our script:
// whoever made the link manages it.
HookState inspect(const fs::path& hook) {
  std::error_code ec;
  fs::file_status status = fs::symlink_status(hook, ec);
  if (ec || status.type() == fs::file_type::not_found) {
    return HookState::missing;
  }
  if (status.type() != fs::file_type::regular) {
    return HookState::foreign;
  }
  std::optional<std::string> text = read_small_file(hook);
  return text && has_marker_line(*text) ? HookState::ours : HookState::foreign;
}

bool exists_or_dangles(const fs::path& path) {
  std::error_code ec;
  return fs::symlink_status(path, ec).type() != fs::file_type::not_found && !ec;
}

bool is_executable_file(const fs::path& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && (info.st_mode & 07777) == k_hook_mode;
}

[[noreturn]] void fail_io(std::string_view what, const fs::path& path, int error) {
  throw Error(fmt::format("cannot {}: {}", what, std::strerror(error)), path.string());
}

void write_all(int fd, std::string_view content, const fs::path& temp) {
  while (!content.empty()) {
    ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written < 0) {
      fail_io("write the hook", temp, errno);
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
}

// A commit running at the same moment sees the old hook or the new one,
// never half a file.
void write_hook_atomically(const fs::path& hook, std::string_view content) {
  std::string temp = (hook.parent_path() / ".pre-commit.answerlint-XXXXXX").string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    fail_io("create a file in the hooks folder", hook.parent_path(), errno);
  }
  try {
    write_all(fd, content, temp);
    if (::fchmod(fd, k_hook_mode) != 0) {
      fail_io("make the hook executable", temp, errno);
    }
    if (::close(fd) != 0) {
      fd = -1;
      fail_io("write the hook", temp, errno);
    }
    fd = -1;
    if (std::rename(temp.c_str(), hook.c_str()) != 0) {
      fail_io("install the hook", hook, errno);
    }
  } catch (...) {
    if (fd >= 0) {
      ::close(fd);
    }
    ::unlink(temp.c_str());
    throw;
  }
}

void rename_or_fail(const fs::path& from, const fs::path& to) {
  if (std::rename(from.c_str(), to.c_str()) != 0) {
    throw Error(fmt::format("cannot rename it to {}: {}", to.string(), std::strerror(errno)),
                from.string());
  }
}

// What messages show: relative to the working tree when inside it.
std::string display(Repo& repo, const fs::path& path) {
  std::optional<std::string> relative = repo.relative_path(path);
  return relative && !relative->empty() ? *relative : path.string();
}

// husky points core.hooksPath at .husky (v4-8) or .husky/_ (v9) and
// regenerates what is there; the hook a user owns is .husky/pre-commit.
std::optional<fs::path> husky_folder(Repo& repo) {
  fs::path setting = repo.hooks_path_setting();
  fs::path folder;
  for (const fs::path& part : setting) {
    folder /= part;
    if (part == ".husky") {
      return folder;
    }
  }
  return std::nullopt;
}

std::optional<std::string> husky_advice(Repo& repo) {
  std::optional<fs::path> husky = husky_folder(repo);
  if (!husky) {
    return std::nullopt;
  }
  fs::path user_hook =
      husky->is_absolute() ? *husky / "pre-commit" : repo.workdir() / *husky / "pre-commit";
  std::optional<std::string> text = read_small_file(user_hook);
  if (text && text->find("answerlint check --staged") != std::string::npos) {
    return fmt::format("husky runs {}, which already calls `answerlint check --staged`; nothing "
                       "changed",
                       display(repo, user_hook));
  }
  throw Error(fmt::format("core.hooksPath is '{}': husky manages this repository's hooks and "
                          "would replace or skip a hook written there; add this line to {} "
                          "instead:\n  answerlint check --staged",
                          repo.hooks_path_setting(), display(repo, user_hook)));
}

std::string install_foreign(Repo& repo, const fs::path& hook, std::string_view script, bool chain) {
  fs::path chained = hook.parent_path() / k_chained_hook_name;
  if (!chain) {
    throw Error("a pre-commit hook that answerlint did not write is already there; run "
                "`answerlint hook install --chain` to keep it and run it before answerlint, or "
                "remove it first",
                display(repo, hook));
  }
  if (exists_or_dangles(chained)) {
    throw Error(fmt::format("cannot keep the existing hook: {} is already taken; move one of "
                            "them away first",
                            display(repo, chained)),
                display(repo, hook));
  }
  rename_or_fail(hook, chained);
  write_hook_atomically(hook, script);
  return fmt::format("installed the answerlint pre-commit hook in {}; the hook that was there "
                     "is kept as {} and runs first",
                     display(repo, hook), display(repo, chained));
}

} // namespace

std::string_view hook_template() {
  return k_template;
}

std::string hook_script(const fs::path& answerlint_binary) {
  std::string script(k_template);
  std::string recorded =
      answerlint_binary.empty() ? std::string() : fs::absolute(answerlint_binary).string();
  std::size_t at = script.find(k_binary_placeholder);
  script.replace(at, k_binary_placeholder.size(), shell_quote(recorded));
  return script;
}

std::string install_hook(Repo& repo, bool chain, const fs::path& answerlint_binary) {
  if (repo.is_bare()) {
    throw Error("a bare repository has no working tree to commit from, so git never runs its "
                "pre-commit hook; install the hook in a clone");
  }
  if (std::optional<std::string> advice = husky_advice(repo)) {
    return *advice;
  }
  fs::path dir = repo.hooks_dir();
  fs::path hook = dir / "pre-commit";
  std::string script = hook_script(answerlint_binary);
  switch (inspect(hook)) {
  case HookState::ours:
    if (read_small_file(hook) == script && is_executable_file(hook)) {
      return fmt::format("the answerlint pre-commit hook is already installed in {}; nothing "
                         "changed",
                         display(repo, hook));
    }
    write_hook_atomically(hook, script);
    return fmt::format("updated the answerlint pre-commit hook in {}", display(repo, hook));
  case HookState::foreign:
    return install_foreign(repo, hook, script, chain);
  case HookState::missing:
    break;
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    throw Error(fmt::format("cannot create the hooks folder: {}", ec.message()), dir.string());
  }
  write_hook_atomically(hook, script);
  return fmt::format("installed the answerlint pre-commit hook in {}", display(repo, hook));
}

std::string uninstall_hook(Repo& repo) {
  fs::path dir = repo.hooks_dir();
  fs::path hook = dir / "pre-commit";
  fs::path chained = dir / k_chained_hook_name;
  HookState state = inspect(hook);
  bool has_chained = exists_or_dangles(chained);
  if (state == HookState::ours && has_chained) {
    // rename() replaces our hook in one step, keeping the kept hook's
    // content and mode exactly.
    rename_or_fail(chained, hook);
    return fmt::format("removed the answerlint pre-commit hook and restored the hook it had "
                       "kept, as {}",
                       display(repo, hook));
  }
  if (state == HookState::ours) {
    std::error_code ec;
    fs::remove(hook, ec);
    if (ec) {
      throw Error(fmt::format("cannot remove the hook: {}", ec.message()), display(repo, hook));
    }
    return fmt::format("removed the answerlint pre-commit hook from {}", display(repo, hook));
  }
  if (state == HookState::missing && has_chained) {
    rename_or_fail(chained, hook);
    return fmt::format("no answerlint hook was installed; restored the hook kept as {} to {}",
                       display(repo, chained), display(repo, hook));
  }
  return fmt::format("no answerlint pre-commit hook in {}; nothing changed", display(repo, dir));
}

} // namespace answerlint::git
