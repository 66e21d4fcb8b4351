#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace answerlint::test {

// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  // Writes `content` to `relative`, creating folders; returns the full path.
  std::filesystem::path write(const std::string& relative, std::string_view content) const;

private:
  std::filesystem::path m_path;
};

std::string read_file(const std::filesystem::path& path);

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `answerlint ARGS` in `cwd` through the shell; `env` is prefixed to
// the command line (e.g. "NO_COLOR=1").
RunResult run_answerlint(const std::string& args, const std::filesystem::path& cwd,
                         const std::string& env = "");

} // namespace answerlint::test
