// run_ordered: items emitted in order, one at a time, while workers run
// ahead by at most the window; failures stop it. No timing: the tests block
// threads on conditions and check what each thread saw.
#include "lint/ordered_pool.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace answerlint {
namespace {

// Some work whose length varies from item to item, so that threads finish
// out of order.
unsigned busy(std::size_t item) {
  unsigned x = static_cast<unsigned>(item);
  for (std::size_t i = 0; i < (item * 7919) % 5000; ++i) {
    x = x * 1103515245U + 12345U;
  }
  return x;
}

TEST(OrderedPool, EmitsEveryItemOnceInOrderOneAtATime) {
  constexpr std::size_t k_count = 3000;
  for (unsigned threads : {1U, 2U, 4U}) {
    std::vector<std::size_t> emitted;
    std::atomic<int> inside_emit{0};
    std::atomic<bool> overlapped{false};
    std::atomic<unsigned> sink{0};
    run_ordered(
        k_count, {threads, 16}, [&](std::size_t item) { sink += busy(item); },
        [&](std::size_t item) {
          if (++inside_emit != 1) {
            overlapped = true;
          }
          emitted.push_back(item);
          --inside_emit;
        });
    ASSERT_EQ(emitted.size(), k_count) << threads;
    for (std::size_t i = 0; i < k_count; ++i) {
      ASSERT_EQ(emitted[i], i) << threads;
    }
    EXPECT_FALSE(overlapped) << threads;
  }
}

// While item 0 waits to be emitted the other workers go on, but never start
// an item `window` or more places past it: results cannot pile up. The
// first emit blocks until every item the window allows is done, then checks
// that nothing further was started. A pool that emitted only at the end
// would reach that emit with every item started.
TEST(OrderedPool, WorkersStopAWindowAheadOfTheNextToEmit) {
  constexpr std::size_t k_count = 500;
  constexpr std::size_t k_window = 8;
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t done = 0;
  std::size_t emitted = 0;
  std::size_t highest_started = 0;
  std::vector<std::string> violations;
  auto work = [&](std::size_t item) {
    std::lock_guard lock(mutex);
    if (item >= emitted + k_window) {
      violations.push_back(fmt::format("item {} started with {} emitted", item, emitted));
    }
    highest_started = std::max(highest_started, item);
    ++done;
    changed.notify_all();
  };
  auto emit = [&](std::size_t item) {
    std::unique_lock lock(mutex);
    if (item == 0) {
      changed.wait(lock, [&] { return done >= k_window; });
      EXPECT_EQ(highest_started, k_window - 1);
    }
    ++emitted;
  };
  run_ordered(k_count, {4, k_window}, work, emit);
  EXPECT_EQ(emitted, k_count);
  EXPECT_TRUE(violations.empty()) << violations.front();
}

TEST(OrderedPool, AFailingItemStopsThePoolAndIsRethrown) {
  for (unsigned threads : {1U, 3U}) {
    std::vector<std::size_t> emitted;
    EXPECT_THROW(run_ordered(
                     1000, {threads, 4},
                     [](std::size_t item) {
                       if (item == 37) {
                         throw std::runtime_error("item 37");
                       }
                     },
                     [&](std::size_t item) { emitted.push_back(item); }),
                 std::runtime_error);
    // Items after the failed one are never emitted: the order has a hole.
    ASSERT_LE(emitted.size(), 37U) << threads;
    for (std::size_t i = 0; i < emitted.size(); ++i) {
      EXPECT_EQ(emitted[i], i);
    }
  }
}

TEST(OrderedPool, AFailingEmitStopsThePoolAndIsRethrown) {
  std::atomic<std::size_t> started{0};
  std::vector<std::size_t> emitted;
  EXPECT_THROW(run_ordered(
                   100000, {3, 4}, [&](std::size_t) { ++started; },
                   [&](std::size_t item) {
                     if (item == 10) {
                       throw std::runtime_error("the sink is full");
                     }
                     emitted.push_back(item);
                   }),
               std::runtime_error);
  EXPECT_EQ(emitted.size(), 10U);
  // The window held the workers within 4 items of the failure, and they
  // stopped there: items 0 to 13 at most.
  EXPECT_LE(started.load(), 14U);
}

TEST(OrderedPool, NothingToDo) {
  int calls = 0;
  run_ordered(
      0, {4, 8}, [&](std::size_t) { ++calls; }, [&](std::size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
}

} // namespace
} // namespace answerlint
