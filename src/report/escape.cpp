#include "report/escape.hpp"

#include <fmt/format.h>

#include <optional>

namespace answerlint {
namespace {

constexpr char32_t k_replacement = 0xFFFD;

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0U) == 0x80U;
}

// Expected sequence length from the lead byte, 0 for a byte that cannot
// start a sequence.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80U) {
    return 1;
  }
  if (lead >= 0xC2U && lead <= 0xDFU) {
    return 2;
  }
  if (lead >= 0xE0U && lead <= 0xEFU) {
    return 3;
  }
  if (lead >= 0xF0U && lead <= 0xF4U) {
    return 4;
  }
  return 0;
}

// Decodes the code point at `pos` and advances past it; an invalid byte
// yields nullopt and advances by one, so each stray byte is reported once.
std::optional<char32_t> decode(std::string_view text, std::size_t& pos) {
  auto lead = static_cast<unsigned char>(text[pos]);
  std::size_t length = sequence_length(lead);
  if (length == 0 || pos + length > text.size()) {
    ++pos;
    return std::nullopt;
  }
  if (length == 1) {
    ++pos;
    return lead;
  }
  char32_t cp = lead & (0xFFU >> (length + 1));
  for (std::size_t i = 1; i < length; ++i) {
    auto byte = static_cast<unsigned char>(text[pos + i]);
    if (!is_continuation(byte)) {
      ++pos;
      return std::nullopt;
    }
    cp = (cp << 6) | (byte & 0x3FU);
  }
  constexpr char32_t k_min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < k_min_for_length[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return std::nullopt;
  }
  pos += length;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  auto byte = [](char32_t value) { return static_cast<char>(static_cast<unsigned char>(value)); };
  if (cp < 0x80) {
    out += byte(cp);
  } else if (cp < 0x800) {
    out += byte(0xC0 | (cp >> 6));
    out += byte(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += byte(0xE0 | (cp >> 12));
    out += byte(0x80 | ((cp >> 6) & 0x3F));
    out += byte(0x80 | (cp & 0x3F));
  } else {
    out += byte(0xF0 | (cp >> 18));
    out += byte(0x80 | ((cp >> 12) & 0x3F));
    out += byte(0x80 | ((cp >> 6) & 0x3F));
    out += byte(0x80 | (cp & 0x3F));
  }
}

bool allowed_in_xml(char32_t cp) {
  if (cp < 0x20) {
    return cp == '\t' || cp == '\n' || cp == '\r';
  }
  return cp != 0xFFFE && cp != 0xFFFF;
}

std::string_view xml_entity(char32_t cp) {
  switch (cp) {
  case '&':
    return "&amp;";
  case '<':
    return "&lt;";
  case '>':
    return "&gt;";
  case '"':
    return "&quot;";
  case '\'':
    return "&apos;";
  case '\t':
    return "&#9;";
  case '\n':
    return "&#10;";
  case '\r':
    return "&#13;";
  default:
    return {};
  }
}

// The range the byte after `lead` must fall in (Unicode's table of
// well-formed UTF-8), and how many continuation bytes follow `lead`; 0 for a
// byte that cannot start a sequence.
struct Lead {
  std::size_t continuations = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
};

Lead lead_of(unsigned char byte) {
  if (byte >= 0xC2U && byte <= 0xDFU) {
    return {1};
  }
  if (byte >= 0xE0U && byte <= 0xEFU) {
    return {2, static_cast<unsigned char>(byte == 0xE0U ? 0xA0U : 0x80U),
            static_cast<unsigned char>(byte == 0xEDU ? 0x9FU : 0xBFU)};
  }
  if (byte >= 0xF0U && byte <= 0xF4U) {
    return {3, static_cast<unsigned char>(byte == 0xF0U ? 0x90U : 0x80U),
            static_cast<unsigned char>(byte == 0xF4U ? 0x8FU : 0xBFU)};
  }
  return {};
}

// The length of the well-formed sequence at text[pos] (a byte >= 0x80), or
// 0 and in `cut` the length of the ill-formed subsequence to replace.
std::size_t well_formed(std::string_view text, std::size_t pos, std::size_t& cut) {
  const Lead lead = lead_of(static_cast<unsigned char>(text[pos]));
  cut = 1;
  if (lead.continuations == 0) {
    return 0;
  }
  unsigned char low = lead.low;
  unsigned char high = lead.high;
  for (std::size_t i = 1; i <= lead.continuations; ++i) {
    if (pos + i >= text.size()) {
      cut = i;
      return 0;
    }
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if (byte < low || byte > high) {
      cut = i;
      return 0;
    }
    low = 0x80;
    high = 0xBF;
  }
  return lead.continuations + 1;
}

void append_json_escape(std::string& out, unsigned char c) {
  switch (c) {
  case '"':
    out += "\\\"";
    break;
  case '\\':
    out += "\\\\";
    break;
  case '\b':
    out += "\\b";
    break;
  case '\f':
    out += "\\f";
    break;
  case '\n':
    out += "\\n";
    break;
  case '\r':
    out += "\\r";
    break;
  case '\t':
    out += "\\t";
    break;
  default:
    fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
  }
}

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

} // namespace

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t start = pos;
    if (decode(text, pos)) {
      out.append(text.substr(start, pos - start));
    } else {
      append_utf8(out, k_replacement);
    }
  }
  return out;
}

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Runs of plain ASCII, the bulk of any report, are copied at once.
    std::size_t plain = pos;
    while (plain < text.size()) {
      const auto c = static_cast<unsigned char>(text[plain]);
      if (c < 0x20U || c >= 0x80U || c == '"' || c == '\\') {
        break;
      }
      ++plain;
    }
    out.append(text.substr(pos, plain - pos));
    pos = plain;
    if (pos == text.size()) {
      break;
    }
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80U) {
      append_json_escape(out, c);
      ++pos;
      continue;
    }
    std::size_t cut = 0;
    if (const std::size_t length = well_formed(text, pos, cut); length > 0) {
      out.append(text.substr(pos, length));
      pos += length;
    } else {
      append_utf8(out, k_replacement);
      pos += cut;
    }
  }
  out += '"';
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t start = pos;
    char32_t cp = decode(text, pos).value_or(k_replacement);
    if (!allowed_in_xml(cp)) {
      continue;
    }
    if (std::string_view entity = xml_entity(cp); !entity.empty()) {
      out += entity;
    } else if (cp == k_replacement) {
      append_utf8(out, cp);
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

std::string uri_escape_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    if (is_unreserved(byte) || c == '/') {
      out += c;
    } else {
      fmt::format_to(std::back_inserter(out), "%{:02X}", byte);
    }
  }
  return out;
}

std::string truncate_chars(std::string_view text, std::size_t max_chars) {
  if (max_chars == 0) {
    return {};
  }
  std::size_t pos = 0;
  std::size_t count = 0;
  std::size_t keep = 0; // bytes of the first max_chars - 1 code points
  while (pos < text.size()) {
    if (count == max_chars - 1) {
      keep = pos;
    }
    if (count == max_chars) {
      return std::string(text.substr(0, keep)) + "\u2026";
    }
    // A stray byte counts as one character, as LineIndex counts it.
    decode(text, pos);
    ++count;
  }
  return std::string(text);
}

} // namespace answerlint
