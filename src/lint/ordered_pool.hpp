#pragma once

#include <cstddef>
#include <functional>

namespace answerlint {

struct OrderedPoolOptions {
  unsigned threads = 1;   // the calling thread is one of them
  std::size_t window = 1; // at most this many items between started and emitted
};

// Runs work(0) .. work(count - 1) on a pool of threads and calls emit(i) for
// each, in index order and one call at a time, as soon as items 0..i are all
// done: the caller keeps each item's result in a slot of its own (a ring of
// `window` slots, index % window, is enough) until it is emitted. emit runs
// on whichever worker finished the next item, while the others go on
// working; a worker that would start an item `window` or more past the next
// one to emit waits instead, so results never pile up however slow one item
// or the emitter is. The first exception from work or emit stops the pool
// (no new item starts, nothing more is emitted) and is rethrown here once
// every thread has stopped.
void run_ordered(std::size_t count, const OrderedPoolOptions& options,
                 const std::function<void(std::size_t)>& work,
                 const std::function<void(std::size_t)>& emit);

} // namespace answerlint
