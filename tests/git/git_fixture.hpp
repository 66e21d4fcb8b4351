#pragma once

// Builds real repositories with the real `git` in temporary folders. Only
// tests run `git`; the product reads repositories through libgit2.

#include "git/repo.hpp"
#include "support/temp_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <string>
#include <sys/wait.h>

namespace answerlint::test {

inline std::string quote(const std::filesystem::path& path) {
  std::string quoted = "'";
  for (char c : path.string()) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

// Runs `command` with /bin/sh in `dir`; returns its exit code.
inline int sh(const std::filesystem::path& dir, const std::string& command) {
  std::string line = fmt::format("cd {} && ( {} ) >/dev/null 2>&1", quote(dir), command);
  int status = std::system(line.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Runs `command` in `dir` and returns what it printed on stdout and stderr.
inline std::string sh_output(const std::filesystem::path& dir, const std::string& command) {
  TempDir capture;
  std::filesystem::path out = capture.path() / "out";
  std::string line = fmt::format("cd {} && ( {} ) >{} 2>&1", quote(dir), command, quote(out));
  (void)std::system(line.c_str());
  return read_file(out);
}

// `git` with a fixed identity and no system or user configuration, so a
// developer's ~/.gitconfig (hooksPath, excludesFile, signing) cannot leak in.
inline constexpr const char* k_git = "GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null git -c "
                                     "user.name=t -c user.email=t@t -c init.defaultBranch=main "
                                     "-c commit.gpgsign=false";

class GitTest : public ::testing::Test {
protected:
  void SetUp() override {
    // A test run from inside a git hook inherits these; they would point
    // both `git` and libgit2 at the wrong repository and index.
    for (const char* name :
         {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_COMMON_DIR",
          "GIT_OBJECT_DIRECTORY", "GIT_CEILING_DIRECTORIES", "GIT_ALTERNATE_OBJECT_DIRECTORIES"}) {
      unsetenv(name);
    }
  }

  const std::filesystem::path& root() const { return m_tmp.path(); }

  // Runs `git ARGS` in `dir` (relative to root()), failing the test when it fails.
  void git(const std::string& args, const std::string& dir = "repo") const {
    std::filesystem::create_directories(root() / dir);
    ASSERT_EQ(sh(root() / dir, fmt::format("{} {}", k_git, args)), 0) << "git " << args;
  }

  std::filesystem::path write(const std::string& relative, std::string_view content) const {
    return m_tmp.write(relative, content);
  }

  // A repository at root()/repo with `files` committed, or an unborn one.
  void init_repo(const std::vector<std::pair<std::string, std::string>>& files = {}) const {
    git("init -q");
    for (const auto& [path, content] : files) {
      write("repo/" + path, content);
    }
    if (!files.empty()) {
      git("add -A");
      git("commit -q -m initial");
    }
  }

  git::Repo open(const std::string& dir = "repo") const {
    std::optional<git::Repo> repo = git::Repo::discover(root() / dir);
    if (!repo) {
      throw std::runtime_error("no repository at " + (root() / dir).string());
    }
    return std::move(*repo);
  }

private:
  TempDir m_tmp;
};

// EXPECT_TRUE(contains(text, needle)) prints both on failure.
inline ::testing::AssertionResult contains(std::string_view text, std::string_view needle) {
  if (text.find(needle) != std::string_view::npos) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "'" << needle << "' not found in:\n" << text;
}

inline bool is_markdown(std::string_view path) {
  return path.ends_with(".md") || path.ends_with(".markdown");
}

inline bool any_path(std::string_view) {
  return true;
}

// Restores (or unsets) an environment variable when the test ends.
class ScopedEnv {
public:
  ScopedEnv(const char* name, const std::string& value) : m_name(name) {
    if (const char* old = std::getenv(name)) {
      m_old = old;
    }
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (m_old) {
      setenv(m_name, m_old->c_str(), 1);
    } else {
      unsetenv(m_name);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
  const char* m_name;
  std::optional<std::string> m_old;
};

} // namespace answerlint::test
