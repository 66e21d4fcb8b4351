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
} // namespace answerlint

#if defined(__GLIBCXX__)
// libstdc++ keeps no hash code in the nodes of a map whose hash it deems
// fast, and then re-hashes each node's key while walking a bucket to find
// where the bucket ends: several hashes and string compares per lookup.
// Every word of every answer is looked up, so keep the codes.
template <> struct std::__is_fast_hash<answerlint::StringHash> : std::false_type {};
#endif

namespace answerlint {

template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

} // namespace answerlint
