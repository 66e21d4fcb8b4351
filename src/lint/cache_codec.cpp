#include "lint/cache_codec.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <bit>
#include <cstring>
#include <unordered_map>

namespace answerlint::cache_detail {

std::uint64_t checksum(std::string_view bytes) {
  // XXH3, 32 bytes a step with SSE2 or AVX2 (about 0.2 instructions a
  // byte): a warm run verifies 27 MB of records. Its result is defined the
  // same on every host.
  return XXH3_64bits(bytes.data(), bytes.size());
}

namespace {

// Appended in one piece: a character at a time, each append checked the
// string's capacity.
template <class Word> void write_word(std::string& out, Word value) {
  char bytes[sizeof(Word)];
  for (std::size_t i = 0; i < sizeof(Word); ++i) {
    bytes[i] = static_cast<char>((value >> (8 * i)) & 0xFF);
  }
  out.append(bytes, sizeof bytes);
}

} // namespace

void ByteWriter::u32(std::uint32_t value) {
  write_word(m_out, value);
}

void ByteWriter::u64(std::uint64_t value) {
  write_word(m_out, value);
}

void ByteWriter::text(std::string_view bytes) {
  u32(static_cast<std::uint32_t>(bytes.size()));
  m_out += bytes;
}

std::string_view ByteReader::raw(std::size_t size) {
  if (!m_ok || size > m_in.size() - m_pos) {
    m_ok = false;
    return {};
  }
  std::string_view bytes = m_in.substr(m_pos, size);
  m_pos += size;
  return bytes;
}

std::uint8_t ByteReader::u8() {
  std::string_view bytes = raw(1);
  return bytes.empty() ? 0 : static_cast<std::uint8_t>(bytes[0]);
}

namespace {

// Little-endian on disk; a whole word is copied at once (a byte-by-byte loop
// over a view of unknown size did not fold into one load).
template <class Word> Word read_word(ByteReader& in) {
  std::string_view bytes = in.raw(sizeof(Word));
  if (bytes.size() != sizeof(Word)) {
    return 0;
  }
  Word value = 0;
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(&value, bytes.data(), sizeof value);
  } else {
    for (std::size_t i = 0; i < sizeof(Word); ++i) {
      value |= static_cast<Word>(static_cast<unsigned char>(bytes[i])) << (8 * i);
    }
  }
  return value;
}

} // namespace

std::uint32_t ByteReader::u32() {
  return read_word<std::uint32_t>(*this);
}

std::uint64_t ByteReader::u64() {
  return read_word<std::uint64_t>(*this);
}

std::string_view ByteReader::text() {
  return raw(u32());
}

namespace {

void put_int(ByteWriter& out, int value) {
  out.u32(static_cast<std::uint32_t>(value));
}

int get_int(ByteReader& in) {
  return static_cast<int>(static_cast<std::int32_t>(in.u32()));
}

std::optional<Severity> severity_from(std::uint8_t value) {
  if (value > static_cast<std::uint8_t>(Severity::error)) {
    return std::nullopt;
  }
  return static_cast<Severity>(value);
}

} // namespace

std::string encode_findings(const std::vector<Finding>& findings) {
  // A long paragraph is one line that several findings share.
  std::vector<std::string_view> lines;
  std::unordered_map<int, std::uint32_t> line_slot;
  std::vector<std::uint32_t> slots;
  slots.reserve(findings.size());
  for (const Finding& finding : findings) {
    auto [it, added] =
        line_slot.try_emplace(finding.span.line, static_cast<std::uint32_t>(lines.size()));
    if (added) {
      lines.push_back(finding.source_line.view());
    }
    slots.push_back(it->second);
  }

  std::string payload;
  ByteWriter out(payload);
  out.u32(static_cast<std::uint32_t>(lines.size()));
  for (std::string_view line : lines) {
    out.text(line);
  }
  out.u32(static_cast<std::uint32_t>(findings.size()));
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& finding = findings[i];
    out.u64(finding.span.begin);
    out.u64(finding.span.end);
    put_int(out, finding.span.line);
    put_int(out, finding.span.column);
    put_int(out, finding.span.end_line);
    put_int(out, finding.span.end_column);
    out.u8(static_cast<std::uint8_t>(finding.severity));
    out.text(finding.rule);
    out.text(finding.message);
    out.text(finding.kind);
    out.u32(slots[i]);
  }
  return payload;
}

std::optional<std::vector<Finding>> decode_findings(std::string_view payload) {
  ByteReader in(payload);
  const std::uint32_t line_count = in.u32();
  // Each entry takes at least 4 bytes: a count beyond that is corruption,
  // and must not become a huge allocation.
  if (!in.ok() || line_count > payload.size() / 4) {
    return std::nullopt;
  }
  std::vector<SourceLine> lines(line_count);
  for (SourceLine& line : lines) {
    line = std::string(in.text());
  }
  const std::uint32_t count = in.u32();
  if (!in.ok() || count > payload.size() / 4) {
    return std::nullopt;
  }
  std::vector<Finding> findings(count);
  for (Finding& finding : findings) {
    finding.span.begin = in.u64();
    finding.span.end = in.u64();
    finding.span.line = get_int(in);
    finding.span.column = get_int(in);
    finding.span.end_line = get_int(in);
    finding.span.end_column = get_int(in);
    std::optional<Severity> severity = severity_from(in.u8());
    finding.rule = in.text();
    finding.message = in.text();
    finding.kind = in.text();
    const std::uint32_t slot = in.u32();
    if (!in.ok() || !severity || slot >= lines.size()) {
      return std::nullopt;
    }
    finding.severity = *severity;
    finding.source_line = lines[slot];
  }
  if (!in.at_end()) {
    return std::nullopt;
  }
  return findings;
}

namespace {

// A count read from `in`, when its entries (each at least `min_entry` bytes)
// can fit in what is left: a larger one is corruption, never an allocation.
std::optional<std::uint32_t> count_of(ByteReader& in, std::string_view payload,
                                      std::size_t min_entry) {
  const std::uint32_t count = in.u32();
  if (!in.ok() || count > (payload.size() - in.position()) / min_entry) {
    return std::nullopt;
  }
  return count;
}

} // namespace

std::string encode_words(const WordMemo& memo) {
  std::string payload;
  ByteWriter out(payload);
  out.u32(static_cast<std::uint32_t>(memo.verdicts.size()));
  for (const auto& [word, verdict] : memo.verdicts) {
    out.text(word);
    out.u8(verdict.known ? 1 : 0);
    put_int(out, verdict.near_tool);
  }
  out.u32(static_cast<std::uint32_t>(memo.suggestions.size()));
  for (const auto& [word, suggestions] : memo.suggestions) {
    out.text(word);
    out.u32(static_cast<std::uint32_t>(suggestions.size()));
    for (const std::string& suggestion : suggestions) {
      out.text(suggestion);
    }
  }
  out.u32(static_cast<std::uint32_t>(memo.english.size()));
  for (const auto& [word, english] : memo.english) {
    out.text(word);
    out.u8(english ? 1 : 0);
  }
  return payload;
}

std::optional<WordMemo> decode_words(std::string_view payload) {
  ByteReader in(payload);
  WordMemo memo;
  auto verdicts = count_of(in, payload, 9);
  for (std::uint32_t i = 0; verdicts && i < *verdicts; ++i) {
    std::string_view word = in.text();
    WordVerdict verdict;
    const std::uint8_t known = in.u8();
    verdict.known = known == 1;
    verdict.near_tool = get_int(in);
    if (!in.ok() || known > 1 || verdict.near_tool < -1) {
      return std::nullopt;
    }
    memo.verdicts.insert_or_assign(std::string(word), verdict);
  }
  auto suggested = verdicts ? count_of(in, payload, 8) : std::nullopt;
  for (std::uint32_t i = 0; suggested && i < *suggested; ++i) {
    std::string word(in.text());
    auto count = count_of(in, payload, 4);
    if (!count) {
      return std::nullopt;
    }
    std::vector<std::string> suggestions;
    for (std::uint32_t j = 0; j < *count; ++j) {
      suggestions.emplace_back(in.text());
    }
    memo.suggestions.insert_or_assign(std::move(word), std::move(suggestions));
  }
  auto english = suggested ? count_of(in, payload, 5) : std::nullopt;
  for (std::uint32_t i = 0; english && i < *english; ++i) {
    std::string_view word = in.text();
    const std::uint8_t value = in.u8();
    if (!in.ok() || value > 1) {
      return std::nullopt;
    }
    memo.english.insert_or_assign(std::string(word), value == 1);
  }
  if (!english || !in.ok() || !in.at_end()) {
    return std::nullopt;
  }
  return memo;
}

} // namespace answerlint::cache_detail
