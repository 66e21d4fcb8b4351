#include "lint/file_walk.hpp"

#include "error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace answerlint {
namespace fs = std::filesystem;

namespace {

bool starts_with_parent(const fs::path& p) { return !p.empty() && *p.begin() == ".."; }

std::string relative_string(const fs::path& absolute, const fs::path& base) {
  fs::path rel = absolute.lexically_relative(base);
  if (rel.empty() || starts_with_parent(rel)) {
    return absolute.generic_string();
  }
  return rel.generic_string();
}

bool inside(const fs::path& file, const fs::path& root) {
  fs::path rel = file.lexically_relative(root);
  return !rel.empty() && !starts_with_parent(rel);
}

class Walker {
public:
  Walker(const Config& config, const IgnoreFn& ignored)
      : m_config(config), m_ignored(ignored), m_cwd(fs::current_path()),
        m_base(fs::weakly_canonical(config.base_dir.empty() ? m_cwd : config.base_dir)) {}

  void add_path(const fs::path& path) {
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      throw Error("no such file or directory", path.string());
    }
    if (fs::is_directory(status)) {
      walk(fs::weakly_canonical(path));
    } else {
      add(fs::weakly_canonical(path), true);
    }
  }

  std::vector<WalkedFile> take() {
    std::sort(m_files.begin(), m_files.end(),
              [](const WalkedFile& a, const WalkedFile& b) { return a.display < b.display; });
    auto same = [](const WalkedFile& a, const WalkedFile& b) { return a.absolute == b.absolute; };
    m_files.erase(std::unique(m_files.begin(), m_files.end(), same), m_files.end());
    return std::move(m_files);
  }

private:
  void walk(const fs::path& root) {
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::directory_entry& entry = *it;
      if (entry.is_directory() && !entry.is_symlink()) {
        if (entry.path().filename() == ".git" || (m_ignored && m_ignored(entry.path(), true))) {
          it.disable_recursion_pending();
        }
        continue;
      }
      if (m_ignored && m_ignored(entry.path(), false)) {
        continue;
      }
      visit(root, entry);
    }
  }

  void visit(const fs::path& root, const fs::directory_entry& entry) {
    std::error_code ec;
    fs::path file = entry.path();
    if (entry.is_symlink()) {
      fs::path target = fs::canonical(file, ec);
      if (ec || !inside(target, root) || !fs::is_regular_file(target, ec)) {
        return;
      }
    } else if (!entry.is_regular_file(ec)) {
      return;
    }
    add(file, false);
  }

  void add(const fs::path& file, bool named) {
    WalkedFile walked{file, relative_string(file, m_base), relative_string(file, m_cwd), {}};
    if (named ? !m_config.excludes(walked.relative) : m_config.selects(walked.relative)) {
      m_files.push_back(std::move(walked));
    }
  }

  const Config& m_config;
  const IgnoreFn& m_ignored;
  fs::path m_cwd;
  fs::path m_base;
  std::vector<WalkedFile> m_files;
};

// Closes a POSIX descriptor.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) {
      close(fd);
    }
  }
};

std::string over_limit_notice(const Config& config, const WalkedFile& file, std::uint64_t size) {
  return fmt::format("{}: skipped: {} bytes is over files.max_file_bytes ({}); raise it in "
                     "answerlint.toml to lint this file",
                     file.display, size, config.max_file_bytes);
}

} // namespace

std::vector<WalkedFile> walk_paths(const Config& config, const std::vector<fs::path>& paths,
                                   const IgnoreFn& ignored) {
  Walker walker(config, ignored);
  if (paths.empty()) {
    walker.add_path(".");
  }
  for (const fs::path& path : paths) {
    walker.add_path(path);
  }
  return walker.take();
}

std::optional<std::string> read_answer(const Config& config, const WalkedFile& file,
                                       std::string& notice) {
  if (file.content) {
    if (file.content->size() > config.max_file_bytes) {
      notice = over_limit_notice(config, file, file.content->size());
      return std::nullopt;
    }
    return file.content;
  }
  Fd in{open(file.absolute.c_str(), O_RDONLY | O_CLOEXEC)};
  struct stat info {};
  if (in.fd < 0 || fstat(in.fd, &info) != 0) {
    throw Error(fmt::format("cannot read: {}", std::strerror(errno)), file.display);
  }
  auto size = static_cast<std::uint64_t>(info.st_size);
  if (size > config.max_file_bytes) {
    notice = over_limit_notice(config, file, size);
    return std::nullopt;
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = read(in.fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      throw Error(fmt::format("cannot read: {}", std::strerror(errno)), file.display);
    }
    if (n == 0) {
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  bytes.resize(done);
  return bytes;
}

} // namespace answerlint
