#include "hardening/hardening.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

namespace answerlint::test {
namespace fs = std::filesystem;

TreeSnapshot snapshot(const fs::path& root) {
  TreeSnapshot out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    struct stat info {};
    if (lstat(it->path().c_str(), &info) != 0) {
      out[it->path().string()] = "gone";
      continue;
    }
    out[it->path().lexically_relative(root).string()] =
        fmt::format("mode {:o} size {} mtime {}.{}", info.st_mode, info.st_size,
                    info.st_mtim.tv_sec, info.st_mtim.tv_nsec);
  }
  return out;
}

std::string repeat(std::string_view text, std::size_t times) {
  std::string out;
  out.reserve(text.size() * times);
  for (std::size_t i = 0; i < times; ++i) {
    out += text;
  }
  return out;
}

std::string unprivileged_prefix() {
  if (geteuid() != 0) {
    return " ";
  }
  const std::string prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups";
  const std::string probe =
      fmt::format("{} test -x '{}' >/dev/null 2>&1", prefix, ANSWERLINT_BINARY);
  return std::system(probe.c_str()) == 0 ? prefix : std::string();
}

RunResult Hardening::exec(const std::string& args, int seconds, std::string_view writes) const {
  TreeSnapshot before = snapshot(root());
  RunResult result = run_answerlint(args, root(), fmt::format("timeout -k 5 {}", seconds));
  EXPECT_NE(result.exit_code, 124) << "answerlint " << args << " ran past " << seconds << " s";
  EXPECT_LT(result.exit_code, 3) << "answerlint " << args << " crashed\n" << result.err;
  TreeSnapshot after = snapshot(root());
  if (!writes.empty()) {
    before.erase(std::string(writes));
    after.erase(std::string(writes));
  }
  EXPECT_EQ(before, after) << "answerlint " << args << " changed the folder";
  return result;
}

} // namespace answerlint::test
