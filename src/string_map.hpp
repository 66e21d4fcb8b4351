#pragma once

// Hash containers keyed by std::string that find by std::string_view
// without building a string.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace answerlint {

// XXH3, inlined: words and tool names are a few bytes, where libstdc++'s
// out-of-line murmur hash (std::hash) costs several times as much.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return XXH3_64bits(text.data(), text.size());
  }
};
template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

} // namespace answerlint
