#include "lint/file_walk.hpp"

#include "error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
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

std::string relative_string(const std::string& file, const fs::path& base) {
  // The walk's paths are canonical and mostly under `base`: a prefix test
  // spares lexically_relative's allocations for each of thousands of files.
  const std::string& root = base.native();
  if (!root.empty() && root.back() != '/' && file.size() > root.size() + 1 &&
      file.compare(0, root.size(), root) == 0 && file[root.size()] == '/') {
    std::string_view rest = std::string_view(file).substr(root.size() + 1);
    if (plain_relative(rest)) {
      return std::string(rest);
    }
  }
  const fs::path absolute(file);
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

// Closes a folder opened with opendir.
struct Dir {
  DIR* handle;
  ~Dir() {
    if (handle != nullptr) {
      ::closedir(handle);
    }
  }
};

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
      add(fs::weakly_canonical(path).native(), true);
    }
  }

  std::vector<WalkedFile> take() {
    // Sorting the files themselves moved three strings and a path per swap.
    std::vector<WalkedFile*> order;
    order.reserve(m_files.size());
    for (WalkedFile& file : m_files) {
      order.push_back(&file);
    }
    std::sort(order.begin(), order.end(),
              [](const WalkedFile* a, const WalkedFile* b) { return a->display < b->display; });
    std::vector<WalkedFile> sorted;
    sorted.reserve(order.size());
    for (WalkedFile* file : order) {
      if (sorted.empty() || sorted.back().absolute != file->absolute) {
        sorted.push_back(std::move(*file));
      }
    }
    return sorted;
  }

private:
  // Reads the folders itself (opendir, readdir's d_type) with one string
  // per path: recursive_directory_iterator built, split and copied a
  // fs::path per entry, about 4,000 instructions each, before the lint
  // of a warm run could start.
  void walk(const fs::path& root) {
    const std::string& root_text = root.native();
    std::vector<std::string> folders{root_text};
    // A folder named on the command line that cannot be read is an error;
    // below it, folders that cannot be read are skipped.
    bool named = true;
    std::string path;
    while (!folders.empty()) {
      const std::string folder = std::move(folders.back());
      folders.pop_back();
      Dir dir{::opendir(folder.c_str())};
      if (dir.handle == nullptr) {
        if (named) {
          throw Error(fmt::format("cannot read the folder: {}", std::strerror(errno)),
                      relative_string(root.native(), m_cwd));
        }
        if (errno == EACCES || errno == EPERM || errno == ENOENT) {
          continue; // gone since it was listed, or locked
        }
        // Stopping quietly would lint part of the folder and call it clean.
        throw Error(fmt::format("cannot walk the folder: {}", std::strerror(errno)),
                    relative_string(folder, m_cwd));
      }
      named = false;
      for (;;) {
        errno = 0; // readdir's end and its failure differ only by errno
        const dirent* entry = ::readdir(dir.handle);
        if (entry == nullptr) {
          break;
        }
        std::string_view name = entry->d_name;
        if (name == "." || name == "..") {
          continue;
        }
        path.assign(folder);
        if (path.back() != '/') {
          path += '/';
        }
        path += name;
        visit(root_text, path, name, entry_type(*entry, path), folders);
      }
      if (errno != 0) {
        throw Error(fmt::format("cannot walk the folder: {}", std::strerror(errno)),
                    relative_string(folder, m_cwd));
      }
    }
  }

  // d_type, or lstat's type where the file system leaves it unknown.
  static unsigned char entry_type(const dirent& entry, const std::string& path) {
    if (entry.d_type != DT_UNKNOWN) {
      return entry.d_type;
    }
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) {
      return DT_UNKNOWN;
    }
    return S_ISLNK(info.st_mode)   ? DT_LNK
           : S_ISDIR(info.st_mode) ? DT_DIR
           : S_ISREG(info.st_mode) ? DT_REG
                                   : DT_UNKNOWN;
  }

  // A folder is walked (not .git, nor what `ignored` says; a symlinked one
  // never, so there is no loop); a regular file is added, and a symlinked
  // one when it leads to a regular file inside the walked folder.
  void visit(const std::string& root, const std::string& path, std::string_view name,
             unsigned char type, std::vector<std::string>& folders) {
    if (type == DT_DIR) {
      if (name != ".git" && !(m_ignored && m_ignored(fs::path(path), true))) {
        folders.push_back(path);
      }
      return;
    }
    if (type != DT_REG && type != DT_LNK) {
      return;
    }
    if (m_ignored && m_ignored(fs::path(path), false)) {
      return;
    }
    if (type == DT_LNK) {
      std::error_code ec;
      fs::path target = fs::canonical(fs::path(path), ec);
      if (ec || !inside(target, root) || !fs::is_regular_file(target, ec)) {
        return;
      }
    }
    add(path, false);
  }

  void add(std::string file, bool named) {
    std::string relative = relative_string(file, m_base);
    std::string display = relative_string(file, m_cwd);
    WalkedFile walked{std::move(file), std::move(relative), std::move(display), {}};
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
