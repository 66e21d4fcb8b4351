#pragma once

// What the bad-input tests share: a portfolio folder, the real binary run
// with a time limit (a hang becomes a failure, not a stuck suite), and a
// snapshot of the folder to show that a run wrote nothing it was not asked
// to write.

#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace answerlint::test {

// Every entry under a folder (symlinks not followed): type, size, mtime.
using TreeSnapshot = std::map<std::string, std::string>;
TreeSnapshot snapshot(const std::filesystem::path& root);

// `text` repeated `times` times.
std::string repeat(std::string_view text, std::size_t times);

// Runs as the user nobody when the tests run as root, so that file
// permissions apply; empty when neither is possible.
std::string unprivileged_prefix();

// Placeholders are errors, so that one word (TODO) gives a finding at a
// known line and column; every other rule keeps its defaults.
inline constexpr std::string_view k_hardening_config = R"toml(
[rules.placeholders]
severity = "error"

[rules.front-matter]
severity = "error"
)toml";

class Hardening : public ::testing::Test {
protected:
  void SetUp() override { write("answerlint.toml", k_hardening_config); }

  const std::filesystem::path& root() const { return m_dir.path(); }
  std::filesystem::path write(const std::string& path, std::string_view text) const {
    return m_dir.write(path, text);
  }

  // `answerlint ARGS` in the folder, killed after `seconds`. Checks that the
  // folder is unchanged afterwards unless `writes` names what it may write.
  RunResult exec(const std::string& args, int seconds = 120, std::string_view writes = {}) const;

private:
  TempDir m_dir;
};

// "path:line:col: severity[rule]", the start of a concise finding.
inline std::string at(std::string_view path, int line, int column, std::string_view rule,
                      std::string_view severity = "error") {
  return std::string(path) + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
         std::string(severity) + "[" + std::string(rule) + "]";
}

} // namespace answerlint::test
