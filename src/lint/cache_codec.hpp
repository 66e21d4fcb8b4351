#pragma once

// Internal to the results cache: the bytes of its files. Integers are
// little-endian whatever the host; every read is bounds-checked, so that a
// corrupt file decodes to "nothing", never to a crash.

#include "lint/finding.hpp"
#include "lint/word_memo.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace answerlint::cache_detail {

// A fast 64-bit checksum against torn and corrupt records (not against an
// adversary: the cache is the user's own).
std::uint64_t checksum(std::string_view bytes);

class ByteWriter {
public:
  explicit ByteWriter(std::string& out) : m_out(out) {}

  void u8(std::uint8_t value) { m_out += static_cast<char>(value); }
  void u32(std::uint32_t value);
  void u64(std::uint64_t value);
  void i64(std::int64_t value) { u64(static_cast<std::uint64_t>(value)); }
  void raw(std::string_view bytes) { m_out += bytes; }
  void text(std::string_view bytes); // u32 length, then the bytes

private:
  std::string& m_out;
};

// Reads what ByteWriter wrote. After the first read past the end every read
// returns zeros and ok() is false.
class ByteReader {
public:
  explicit ByteReader(std::string_view in) : m_in(in) {}

  std::uint8_t u8();
  std::uint32_t u32();
  std::uint64_t u64();
  std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
  std::string_view raw(std::size_t size);
  std::string_view text();

  bool ok() const { return m_ok; }
  bool at_end() const { return m_pos == m_in.size(); }
  std::size_t position() const { return m_pos; }

private:
  std::string_view m_in;
  std::size_t m_pos = 0;
  bool m_ok = true;
};

// One file's findings without their path (the caller's display path is put
// back on reading). A source line shared by several findings is stored once.
std::string encode_findings(const std::vector<Finding>& findings);
// nullopt when `payload` is not exactly what encode_findings writes.
std::optional<std::vector<Finding>> decode_findings(std::string_view payload);

// The spelling dictionary's memo (see WordStore).
std::string encode_words(const WordMemo& memo);
// nullopt when `payload` is not exactly what encode_words writes.
std::optional<WordMemo> decode_words(std::string_view payload);

} // namespace answerlint::cache_detail
