#pragma once

#include <cstddef>
#include <string_view>

namespace answerlint::utf8 {

struct Decoded {
  char32_t code_point = 0;
  std::size_t length = 1; // bytes, 1..4
};

constexpr bool is_continuation(unsigned char byte) {
  return (byte & 0xC0U) == 0x80U;
}

// Expected length of a character from its lead byte; 1 for a byte that cannot
// start a multi-byte character.
constexpr std::size_t lead_length(unsigned char byte) {
  if (byte >= 0xC2 && byte <= 0xDF) {
    return 2;
  }
  if (byte >= 0xE0 && byte <= 0xEF) {
    return 3;
  }
  if (byte >= 0xF0 && byte <= 0xF4) {
    return 4;
  }
  return 1;
}

// Decodes the character at `offset`, never reading at or past `end`. A stray,
// truncated or otherwise invalid byte is one character of its own (its code
// point is the byte value, its length 1), so invalid input is never an error.
inline Decoded decode(std::string_view text, std::size_t offset, std::size_t end) {
  const auto lead = static_cast<unsigned char>(text[offset]);
  if (lead < 0x80) {
    return {lead, 1};
  }
  const std::size_t length = lead_length(lead);
  if (length == 1 || end - offset < length) {
    return {lead, 1};
  }
  char32_t code_point = lead & (0xFFU >> (length + 1));
  for (std::size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[offset + i]);
    if (!is_continuation(byte)) {
      return {lead, 1};
    }
    code_point = (code_point << 6) | (byte & 0x3FU);
  }
  return {code_point, length};
}

// Characters in [begin, end), with the same rule for invalid bytes.
std::size_t count_chars(std::string_view text, std::size_t begin, std::size_t end);

constexpr bool is_ascii_alnum(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
}

constexpr bool is_ascii_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}

constexpr char to_lower_ascii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace answerlint::utf8
