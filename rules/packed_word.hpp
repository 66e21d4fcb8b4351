#pragma once

// A word of up to 16 bytes packed in two integers, the key of the
// open-addressing tables behind the spelling memo and the tool matcher:
// its first and last 8 bytes (overlapping; 4 and 4 for a shorter word; its
// first, middle and last byte for up to 3), which with its length tell it
// from any other word. A lookup then needs neither a hash of the word's
// bytes nor a compare with a copy.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace answerlint::rules {

inline constexpr std::size_t k_packed_bytes = 16;

struct PackedWord {
  std::uint64_t low = 0;
  std::uint64_t high = 0;
  bool operator==(const PackedWord&) const = default;
};

// sizeof(Integer) bytes at `at`, in the host's order.
template <class Integer> std::uint64_t load_bytes(const char* at) {
  Integer value = 0;
  std::memcpy(&value, at, sizeof value);
  return value;
}

// `word`: 1 to k_packed_bytes bytes. `fold` is applied to each half (to
// lowercase it, say) and must map 0 to 0.
template <class Fold> PackedWord pack_word(std::string_view word, Fold fold) {
  const char* at = word.data();
  const std::size_t n = word.size();
  PackedWord packed;
  if (n >= 8) {
    packed = {load_bytes<std::uint64_t>(at), load_bytes<std::uint64_t>(at + n - 8)};
  } else if (n >= 4) {
    packed.low = load_bytes<std::uint32_t>(at) | (load_bytes<std::uint32_t>(at + n - 4) << 32);
  } else {
    packed.low = load_bytes<std::uint8_t>(at) | (load_bytes<std::uint8_t>(at + n / 2) << 8) |
                 (load_bytes<std::uint8_t>(at + n - 1) << 16);
  }
  return {fold(packed.low), fold(packed.high)};
}

inline PackedWord pack_word(std::string_view word) {
  return pack_word(word, [](std::uint64_t bytes) { return bytes; });
}

// Where a packed word of `length` bytes starts looking in a table.
inline std::size_t packed_hash(const PackedWord& word, std::size_t length) {
  const std::uint64_t hash =
      (word.low ^ (word.high * 0x9E3779B97F4A7C15U) ^ length) * 0xFF51AFD7ED558CCDU;
  return static_cast<std::size_t>(hash ^ (hash >> 32));
}

} // namespace answerlint::rules
