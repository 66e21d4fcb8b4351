#pragma once

// Helpers for the config tests: a private temporary folder and a way to
// capture the Error a config load throws.

#include "config/config.hpp"
#include "error.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace answerlint::config_test {

namespace fs = std::filesystem;

// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
public:
  TempDir() {
    std::random_device random;
    std::uniform_int_distribution<unsigned long long> pick;
    const fs::path root = fs::temp_directory_path();
    do {
      m_path = root / fmt::format("answerlint-config-test-{:016x}", pick(random));
    } while (!fs::create_directory(m_path));
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return m_path; }

  fs::path write(std::string_view relative, std::string_view text) const {
    const fs::path file = m_path / relative;
    fs::create_directories(file.parent_path());
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> handle(std::fopen(file.c_str(), "wb"),
                                                           &std::fclose);
    if (!handle || std::fwrite(text.data(), 1, text.size(), handle.get()) != text.size()) {
      throw std::runtime_error("cannot write " + file.string());
    }
    return file;
  }

private:
  fs::path m_path;
};

// The error loading `text` throws, or none (a test failure).
inline std::optional<Error> load_error(std::string_view text,
                                       const fs::path& file = "answerlint.toml") {
  try {
    load_config_text(text, file);
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "no error for:\n" << text;
  return std::nullopt;
}

inline std::optional<Error> file_error(const fs::path& file) {
  try {
    load_config(file);
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "no error loading " << file;
  return std::nullopt;
}

inline const ActiveRule* find_active(const std::vector<ActiveRule>& rules, std::string_view id) {
  for (const ActiveRule& rule : rules) {
    if (rule.id == id) {
      return &rule;
    }
  }
  return nullptr;
}

} // namespace answerlint::config_test
