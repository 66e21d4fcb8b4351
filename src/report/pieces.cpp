#include "report/pieces.hpp"

#include "error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <unistd.h>

namespace answerlint {

void append_number(std::string& out, long long number) {
  const fmt::format_int digits(number);
  out.append(digits.data(), digits.size());
}

void pass_on_piece(std::string& out, const TextSink& sink) {
  if (out.size() >= k_piece) {
    sink(out);
    out.clear();
  }
}

Spill::~Spill() {
  if (m_fd >= 0) {
    close(m_fd);
  }
}

void Spill::settle() {
  if (m_buffer.size() < k_memory || m_failed || !open_file()) {
    return;
  }
  const std::size_t before = m_written;
  if (!write_all(m_buffer)) {
    // What reached the file stays there, counted; the rest stays here.
    m_buffer.erase(0, m_written - before);
    m_failed = true;
    return;
  }
  m_buffer.clear();
}

void Spill::drain(const TextSink& sink) {
  std::string piece;
  for (std::size_t offset = 0; offset < m_written;) {
    piece.resize(std::min(k_memory, m_written - offset));
    ssize_t n = pread(m_fd, piece.data(), piece.size(), static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      throw Error(fmt::format("cannot read back the report's temporary file: {}",
                              n < 0 ? std::strerror(errno) : "it was cut short"));
    }
    piece.resize(static_cast<std::size_t>(n));
    sink(piece);
    offset += piece.size();
  }
  if (!m_buffer.empty()) {
    sink(m_buffer);
  }
}

bool Spill::open_file() {
  if (m_fd >= 0) {
    return true;
  }
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) {
    m_failed = true;
    return false;
  }
  std::string pattern = (dir / "answerlint-report-XXXXXX").string();
  m_fd = mkstemp(pattern.data());
  if (m_fd < 0) {
    m_failed = true;
    return false;
  }
  unlink(pattern.c_str()); // unnamed: gone with the descriptor, whatever happens
  return true;
}

bool Spill::write_all(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = write(m_fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    m_written += static_cast<std::size_t>(n);
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::vector<FileGroup> group_by_path(std::span<const Finding> findings) {
  std::vector<FileGroup> groups;
  std::map<std::string_view, std::size_t> index;
  for (const Finding& finding : findings) {
    auto [it, added] = index.try_emplace(finding.path, groups.size());
    if (added) {
      groups.push_back({finding.path, {}});
    }
    groups[it->second].findings.push_back(&finding);
  }
  return groups;
}

} // namespace answerlint
