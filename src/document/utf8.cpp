#include "document/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace answerlint::utf8 {

namespace {

constexpr std::size_t k_word_bytes = sizeof(std::uint64_t);
constexpr std::uint64_t k_high_bits = 0x8080808080808080ULL;

} // namespace

std::size_t count_chars(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t count = 0;
  std::size_t offset = begin;
  while (offset < end) {
    // Eight ASCII bytes at a time: columns are counted for every word.
    if (end - offset >= k_word_bytes) {
      std::uint64_t chunk = 0;
      std::memcpy(&chunk, text.data() + offset, k_word_bytes);
      if ((chunk & k_high_bits) == 0) {
        offset += k_word_bytes;
        count += k_word_bytes;
        continue;
      }
    }
    const auto byte = static_cast<unsigned char>(text[offset]);
    offset += byte < 0x80 ? 1 : decode(text, offset, end).length;
    ++count;
  }
  return count;
}

} // namespace answerlint::utf8
