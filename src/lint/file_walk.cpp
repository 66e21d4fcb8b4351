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

// Whether `rest` is a relative path lexically_relative would return as it
// is: no empty, "." or ".." part.
bool plain_relative(std::string_view rest) {
  std::size_t start = 0;
  while (start <= rest.size()) {
    std::size_t end = std::min(rest.find('/', start), rest.size());
    std::string_view part = rest.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") {
      return false;
    }
    start = end + 1;
  }
  return true;
}

std::string relative_string(const fs::path& absolute, const fs::path& base) {
  // The walk's paths are canonical and mostly under `base`: a prefix test
  // spares lexically_relative's allocations for each of thousands of files.
  const std::string& file = absolute.native();
  const std::string& root = base.native();
  if (!root.empty() && root.back() != '/' && file.size() > root.size() + 1 &&
      file.compare(0, root.size(), root) == 0 && file[root.size()] == '/') {
    std::string_view rest = std::string_view(file).substr(root.size() + 1);
    if (plain_relative(rest)) {
      return std::string(rest);
    }
  }
  fs::path rel = absolute.lexically_relative(base);
  if (rel.empty() || starts_with_parent(rel)) {
    return absolute.generic_string();
  }
  return rel.generic_string();
}

std::string lowercase_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  }
  return text;
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
    if (ec && ec != std::errc::no_such_file_or_directory) {
      // A symlink loop, a folder on the way that cannot be searched...
      throw Error(lowercase_first(ec.message()), path.string());
    }
    if (!fs::exists(status)) {
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
    // A folder named on the command line that cannot be read is an error;
    // below it, folders that cannot be read are skipped.
    if (fs::directory_iterator probe(root, ec); ec) {
      throw Error(fmt::format("cannot read the folder: {}", ec.message()),
                  relative_string(root, m_cwd));
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::directory_entry& entry = *it;
      // With an error code: a symlink loop is not a directory, not a throw.
      std::error_code type_ec;
      if (!entry.is_symlink(type_ec) && entry.is_directory(type_ec)) {
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
    if (ec) {
      // Stopping quietly would lint part of the folder and call it clean.
      throw Error(fmt::format("cannot walk the folder: {}", ec.message()),
                  relative_string(root, m_cwd));
    }
  }

  void visit(const fs::path& root, const fs::directory_entry& entry) {
    std::error_code ec;
    fs::path file = entry.path();
    if (entry.is_symlink(ec)) {
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
  // O_NONBLOCK: opening a FIFO for reading would wait for a writer.
  Fd in{open(file.absolute.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)};
  struct stat info {};
  if (in.fd < 0 || fstat(in.fd, &info) != 0) {
    throw Error(fmt::format("cannot read: {}", std::strerror(errno)), file.display);
  }
  if (!S_ISREG(info.st_mode)) {
    // A FIFO or a device has no size to check against the limit, and may
    // never end.
    throw Error("cannot read: not a regular file", file.display);
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
