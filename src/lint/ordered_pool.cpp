#include "lint/ordered_pool.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace answerlint {
namespace {

class OrderedPool {
public:
  OrderedPool(std::size_t count, std::size_t window, const std::function<void(std::size_t)>& work,
              const std::function<void(std::size_t)>& emit)
      : m_count(count), m_window(window), m_done(window, false), m_work(work), m_emit(emit) {}

  void worker() {
    std::unique_lock lock(m_mutex);
    while (true) {
      m_window_open.wait(
          lock, [&] { return m_failure || m_next >= m_count || m_next < m_emitted + m_window; });
      if (m_failure || m_next >= m_count) {
        return;
      }
      const std::size_t item = m_next++;
      lock.unlock();
      try {
        m_work(item);
      } catch (...) {
        lock.lock();
        fail();
        return;
      }
      lock.lock();
      m_done[item % m_window] = true;
      if (!m_emitting) {
        emit_ready(lock);
      }
    }
  }

  void rethrow() const {
    if (m_failure) {
      std::rethrow_exception(m_failure);
    }
  }

private:
  // Called with the lock held and no other emitter: hands over every done
  // item in order, without the lock, and stops at the first one not done.
  // The worker that finishes that one emits next, or this loop sees it.
  void emit_ready(std::unique_lock<std::mutex>& lock) {
    m_emitting = true;
    while (!m_failure && m_emitted < m_count && m_done[m_emitted % m_window]) {
      const std::size_t item = m_emitted;
      lock.unlock();
      try {
        m_emit(item);
      } catch (...) {
        lock.lock();
        fail();
        break;
      }
      lock.lock();
      m_done[item % m_window] = false;
      ++m_emitted;
      m_window_open.notify_all();
    }
    m_emitting = false;
  }

  void fail() {
    if (!m_failure) {
      m_failure = std::current_exception();
    }
    m_window_open.notify_all();
  }

  const std::size_t m_count;
  const std::size_t m_window;
  std::vector<bool> m_done; // by index % window: finished, not yet emitted
  const std::function<void(std::size_t)>& m_work;
  const std::function<void(std::size_t)>& m_emit;

  std::mutex m_mutex;
  std::condition_variable m_window_open;
  std::size_t m_next = 0;    // the next item to start
  std::size_t m_emitted = 0; // items below this one are emitted
  bool m_emitting = false;
  std::exception_ptr m_failure;
};

} // namespace

void run_ordered(std::size_t count, const OrderedPoolOptions& options,
                 const std::function<void(std::size_t)>& work,
                 const std::function<void(std::size_t)>& emit) {
  // No more slots than items: a ring that large already never waits.
  const std::size_t window =
      std::clamp<std::size_t>(options.window, 1, std::max<std::size_t>(count, 1));
  OrderedPool pool(count, window, work, emit);
  {
    std::vector<std::jthread> threads;
    const unsigned extra = std::max(options.threads, 1U) - 1;
    for (unsigned t = 0; t < extra; ++t) {
      threads.emplace_back([&pool] { pool.worker(); });
    }
    pool.worker();
  }
  pool.rethrow();
}

} // namespace answerlint
