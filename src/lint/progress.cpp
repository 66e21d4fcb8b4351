#include "lint/progress.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace answerlint {
namespace {

constexpr auto k_frame_interval = std::chrono::milliseconds(100);
constexpr std::size_t k_default_width = 80;

std::size_t terminal_width(std::FILE* out) {
  winsize size{};
  if (ioctl(fileno(out), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return k_default_width;
}

std::string format_duration(double seconds) {
  auto total = static_cast<long long>(std::ceil(seconds));
  if (total < 60) {
    return fmt::format("{}s", total);
  }
  if (total < 3600) {
    return fmt::format("{}m{:02}s", total / 60, total % 60);
  }
  return fmt::format("{}h{:02}m", total / 3600, total % 3600 / 60);
}

} // namespace

bool progress_wanted(bool quiet, std::size_t files) {
  if (quiet || files < k_progress_min_files || isatty(STDERR_FILENO) == 0) {
    return false;
  }
  const char* ci = std::getenv("CI");
  const char* term = std::getenv("TERM");
  bool dumb = term != nullptr && std::strcmp(term, "dumb") == 0;
  return (ci == nullptr || *ci == '\0') && !dumb;
}

std::string format_progress(std::size_t done, std::size_t total, double elapsed_seconds,
                            std::size_t width) {
  total = std::max<std::size_t>(total, 1);
  done = std::min(done, total);
  std::string counts = fmt::format("{}/{} files", done, total);
  if (elapsed_seconds > 0.2 && done > 0) {
    double rate = static_cast<double>(done) / elapsed_seconds;
    counts += fmt::format("  {:.0f}/s", rate);
    if (done < total) {
      counts += fmt::format("  ETA {}", format_duration(static_cast<double>(total - done) / rate));
    }
  }
  // The bar takes what the counts leave, between 10 and 40 cells; a
  // terminal too narrow for that gets the counts alone.
  std::size_t room = width > counts.size() + 4 ? width - counts.size() - 4 : 0;
  if (room < 10) {
    return counts.substr(0, std::max<std::size_t>(width, 1) - 1);
  }
  std::size_t cells = std::min<std::size_t>(room, 40);
  std::size_t filled = done * cells / total;
  return fmt::format("[{}{}]  {}", std::string(filled, '#'), std::string(cells - filled, '.'),
                     counts);
}

ProgressBar::ProgressBar(std::size_t total, bool enabled, std::FILE* out)
    : m_total(total), m_out(out), m_start(std::chrono::steady_clock::now()) {
  if (!enabled) {
    return;
  }
  // The first frame at once, so that the bar shows before the first file
  // is done; then one per interval until finish().
  m_thread = std::thread([this] {
    std::unique_lock lock(m_mutex);
    do {
      draw();
    } while (!m_wake.wait_for(lock, k_frame_interval, [this] { return m_stop; }));
  });
}

ProgressBar::~ProgressBar() {
  finish();
}

void ProgressBar::draw() {
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - m_start;
  std::string frame = format_progress(m_done.load(std::memory_order_relaxed), m_total,
                                      elapsed.count(), terminal_width(m_out));
  // \r and "erase to end of line": the next frame overwrites this one.
  fmt::print(m_out, "\r{}\x1b[K", frame);
  std::fflush(m_out);
}

void ProgressBar::finish() {
  if (!m_thread.joinable()) {
    return;
  }
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_thread.join();
  fmt::print(m_out, "\r\x1b[K");
  std::fflush(m_out);
}

} // namespace answerlint
