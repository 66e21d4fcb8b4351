#pragma once

// A progress bar for long runs: files done, rate and time left, redrawn on
// one stderr line a few times a second and erased at the end. Only for a
// person watching a terminal: never in a pipe, under CI, or with --quiet.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

namespace answerlint {

// Runs with fewer files finish before a bar would be worth reading.
inline constexpr std::size_t k_progress_min_files = 300;

// Whether a run over `files` files shows a bar: stderr is a terminal (and
// not TERM=dumb), the CI variable is unset or empty, no --quiet, and at
// least k_progress_min_files files.
bool progress_wanted(bool quiet, std::size_t files);

// One frame: "[#####.....]  512/2,000 files  830/s  ETA 2s", fitted to
// `width` columns. Exposed for tests.
std::string format_progress(std::size_t done, std::size_t total, double elapsed_seconds,
                            std::size_t width);

// Draws from its own thread, so that workers only bump a counter. Does
// nothing when constructed disabled.
class ProgressBar {
public:
  ProgressBar(std::size_t total, bool enabled, std::FILE* out = stderr);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void tick() { m_done.fetch_add(1, std::memory_order_relaxed); }
  // Stops drawing and erases the line; the destructor does it too.
  void finish();

private:
  void draw();

  std::size_t m_total;
  std::FILE* m_out;
  std::atomic<std::size_t> m_done{0};
  std::chrono::steady_clock::time_point m_start;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stop = false;
  std::thread m_thread;
};

} // namespace answerlint
