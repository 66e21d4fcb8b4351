#include "document/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace answerlint::utf8 {

namespace {

constexpr std::size_t k_word_bytes = sizeof(std::uint64_t);
constexpr std::size_t k_block_bytes = 4 * k_word_bytes;
constexpr std::uint64_t k_high_bits = 0x8080808080808080ULL;

} // namespace

std::size_t count_chars(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t count = 0;
  std::size_t offset = begin;
  // Positions count from the start of lines that hold whole paragraphs: an
  // ASCII prefix goes 32 bytes at a time, one test for four words.
  while (end - offset >= k_block_bytes) {
    std::uint64_t words[k_block_bytes / k_word_bytes];
    std::memcpy(words, text.data() + offset, k_block_bytes);
    if (((words[0] | words[1] | words[2] | words[3]) & k_high_bits) != 0) {
      break;
    }
    offset += k_block_bytes;
    count += k_block_bytes;
  }
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
