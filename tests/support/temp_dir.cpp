#include "support/temp_dir.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

namespace answerlint::test {
namespace fs = std::filesystem;

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  m_path = fs::temp_directory_path() /
           fmt::format("answerlint-test-{}-{}", getpid(), counter.fetch_add(1));
  fs::remove_all(m_path);
  fs::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(m_path, ec);
}

fs::path TempDir::write(const std::string& relative, std::string_view content) const {
  fs::path file = m_path / relative;
  fs::create_directories(file.parent_path());
  std::FILE* out = std::fopen(file.c_str(), "wb");
  if (out == nullptr) {
    throw std::runtime_error("cannot write " + file.string());
  }
  std::fwrite(content.data(), 1, content.size(), out);
  std::fclose(out);
  return file;
}

std::string read_file(const fs::path& path) {
  std::string text;
  std::FILE* in = std::fopen(path.c_str(), "rb");
  if (in == nullptr) {
    return text;
  }
  char buffer[65536];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
    text.append(buffer, n);
  }
  std::fclose(in);
  return text;
}

RunResult run_answerlint(const std::string& args, const fs::path& cwd, const std::string& env) {
  TempDir capture;
  fs::path out = capture.path() / "out";
  fs::path err = capture.path() / "err";
  std::string command = fmt::format("cd '{}' && {} '{}' {} >'{}' 2>'{}'", cwd.string(), env,
                                    ANSWERLINT_BINARY, args, out.string(), err.string());
  int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(out);
  result.err = read_file(err);
  return result;
}

} // namespace answerlint::test
