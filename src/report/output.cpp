#include "error.hpp"
#include "report/reporter.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace answerlint {
namespace {

// Closes the descriptor and removes the temporary file unless committed.
class TempFile {
public:
  explicit TempFile(std::string pattern) : m_path(std::move(pattern)) {
    m_fd = mkstemp(m_path.data());
  }
  ~TempFile() {
    if (m_fd >= 0) {
      close(m_fd);
    }
    if (!m_committed && m_fd != -2) {
      std::remove(m_path.c_str());
    }
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  int fd() const { return m_fd; }
  const std::string& path() const { return m_path; }
  bool close_file() {
    int fd = m_fd;
    m_fd = -1;
    return close(fd) == 0;
  }
  void commit() { m_committed = true; }

private:
  std::string m_path;
  int m_fd = -2;
  bool m_committed = false;
};

bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    ssize_t n = write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

} // namespace

struct AtomicFile::Temp {
  explicit Temp(std::string pattern) : file(std::move(pattern)) {}
  TempFile file;
};

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path)) {}

AtomicFile::~AtomicFile() = default;

AtomicFile::Temp& AtomicFile::temp() {
  if (m_temp) {
    return *m_temp;
  }
  namespace fs = std::filesystem;
  fs::path target(m_path);
  std::error_code ec;
  if (fs::is_directory(target, ec)) {
    throw Error("is a directory; --output needs a file name", m_path);
  }
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  auto temp = std::make_unique<Temp>(
      (dir / fmt::format(".{}.tmp-XXXXXX", target.filename().string())).string());
  if (temp->file.fd() < 0) {
    throw Error(fmt::format("cannot write here: {}", std::strerror(errno)), m_path);
  }
  // mkstemp makes the file 0600; a report is an ordinary file.
  fchmod(temp->file.fd(), 0644);
  m_temp = std::move(temp);
  return *m_temp;
}

void AtomicFile::write(std::string_view piece) {
  if (!write_all(temp().file.fd(), piece)) {
    throw Error(fmt::format("cannot write: {}", std::strerror(errno)), m_path);
  }
}

void AtomicFile::commit() {
  TempFile& file = temp().file;
  if (fsync(file.fd()) != 0 || !file.close_file()) {
    throw Error(fmt::format("cannot write: {}", std::strerror(errno)), m_path);
  }
  if (std::rename(file.path().c_str(), m_path.c_str()) != 0) {
    throw Error(fmt::format("cannot replace: {}", std::strerror(errno)), m_path);
  }
  file.commit();
}

void write_file_atomic(const std::string& path, std::string_view content) {
  AtomicFile file(path);
  file.write(content);
  file.commit();
}

void write_new_file(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  TempFile temp((dir / fmt::format(".{}.tmp-XXXXXX", target.filename().string())).string());
  if (temp.fd() < 0) {
    throw Error(fmt::format("cannot write here: {}", std::strerror(errno)), path);
  }
  fchmod(temp.fd(), 0644);
  if (!write_all(temp.fd(), content) || fsync(temp.fd()) != 0 || !temp.close_file()) {
    throw Error(fmt::format("cannot write: {}", std::strerror(errno)), path);
  }
  // link() fails with EEXIST instead of replacing: the check and the write
  // are one step, so a file that appears meanwhile is never overwritten.
  if (link(temp.path().c_str(), path.c_str()) != 0) {
    if (errno == EEXIST) {
      throw Error("already exists; answerlint never overwrites it", path);
    }
    throw Error(fmt::format("cannot create: {}", std::strerror(errno)), path);
  }
}

} // namespace answerlint
