#include "document/simple_yaml.hpp"

#include "document/utf8.hpp"

namespace answerlint::detail {
namespace {

using Node = SimpleYamlNode;

// Whether yaml-cpp takes the character at `offset` of `line` as it is:
// printable ASCII, or valid UTF-8 that YAML gives no meaning (not a C1
// control, a byte order mark, a line or paragraph separator, a surrogate or
// a noncharacter). `length` gets its size in bytes.
bool plain_char(std::string_view line, std::size_t offset, std::size_t& length) {
  const auto byte = static_cast<unsigned char>(line[offset]);
  length = 1;
  if (byte < 0x80) {
    return byte >= 0x20 && byte < 0x7F;
  }
  const utf8::Decoded decoded = utf8::decode(line, offset, line.size());
  const char32_t c = decoded.code_point;
  length = decoded.length;
  switch (decoded.length) {
  case 2:
    return c >= 0xA0;
  case 3:
    return c >= 0x800 && !(c >= 0xD800 && c <= 0xDFFF) && c != 0xFEFF && c != 0x2028 &&
           c != 0x2029 && c != 0xFFFE && c != 0xFFFF;
  case 4:
    return c >= 0x10000 && c <= 0x10FFFF;
  default:
    return false;
  }
}

// Comments included: a NUL ends yaml-cpp's input, invalid UTF-8 is replaced.
bool all_plain_chars(std::string_view line) {
  std::size_t length = 1;
  for (std::size_t i = 0; i < line.size(); i += length) {
    if (!plain_char(line, i, length)) {
      return false;
    }
  }
  return true;
}

// In a flow list yaml-cpp ends or refuses a plain item at many more
// characters ("[a?b]" is an error): items keep to letters, digits, spaces,
// non-ASCII and a few safe marks.
bool list_char(char c) {
  constexpr std::string_view k_marks = " -_./+";
  return utf8::is_ascii_alnum(static_cast<unsigned char>(c)) ||
         static_cast<unsigned char>(c) >= 0x80 || k_marks.find(c) != std::string_view::npos;
}

bool is_null_word(std::string_view text) {
  return text == "~" || text == "null" || text == "Null" || text == "NULL";
}

bool only_spaces(std::string_view text) {
  return text.find_first_not_of(' ') == std::string_view::npos;
}

// Reads the key and value of one line whose characters all passed
// plain_char. Each function returns false on anything outside the subset.
class LineReader {
public:
  LineReader(std::string_view line, std::size_t line_offset)
      : m_line(line), m_offset(line_offset) {}

  bool at_end() const { return m_at >= m_line.size(); }
  char peek() const { return at_end() ? '\0' : m_line[m_at]; }
  void skip_spaces() {
    while (peek() == ' ') {
      ++m_at;
    }
  }

  // A key: ASCII letters, digits, '_', '-' and '.', starting with a letter,
  // digit or '_', then ':' and a space or the line's end.
  bool key(Node& out) {
    const std::size_t begin = m_at;
    while (!at_end() && (utf8::is_ascii_alnum(static_cast<unsigned char>(peek())) ||
                         peek() == '_' || (m_at > begin && (peek() == '-' || peek() == '.')))) {
      ++m_at;
    }
    if (m_at == begin || peek() != ':') {
      return false;
    }
    const std::string_view text = m_line.substr(begin, m_at - begin);
    if (is_null_word(text)) {
      return false; // a null key: yaml-cpp keeps it as a null node
    }
    ++m_at;
    if (!at_end() && peek() != ' ') {
      return false;
    }
    set_scalar(out, text, begin, begin + text.size());
    return true;
  }

  // The value after `key: `: nothing, a quoted or plain scalar, or a flow
  // list, then only spaces.
  bool value(Node& out) {
    skip_spaces();
    if (at_end()) {
      out.type = Node::Type::null;
      return true;
    }
    bool read = false;
    if (peek() == '"' || peek() == '\'') {
      read = quoted(out);
    } else if (peek() == '[') {
      read = flow_list(out);
    } else {
      read = plain(out, false);
    }
    skip_spaces();
    return read && at_end();
  }

private:
  void set_scalar(Node& out, std::string_view text, std::size_t begin, std::size_t end) const {
    out.type = Node::Type::scalar;
    out.text.assign(text);
    out.begin = m_offset + begin;
    out.end = m_offset + end;
  }

  // "..." without backslash escapes, or '...' without a doubled quote, on
  // this line.
  bool quoted(Node& out) {
    const char quote = peek();
    const std::size_t begin = m_at++;
    while (!at_end() && peek() != quote) {
      if (peek() == '\\') {
        return false;
      }
      ++m_at;
    }
    if (at_end()) {
      return false;
    }
    ++m_at;
    if (peek() == quote) {
      return false; // '' inside '...' is a quote
    }
    set_scalar(out, m_line.substr(begin + 1, m_at - begin - 2), begin, m_at);
    return true;
  }

  // A plain scalar up to the line's end (in a flow list: up to ',' or ']').
  // It must not start with an indicator nor hold ':' or " #" (in a list,
  // see list_char); trailing spaces are not part of it. Null words make a
  // null.
  bool plain(Node& out, bool in_list) {
    constexpr std::string_view k_indicators = "-?:,[]{}#&*!|>'\"%@`";
    if (at_end() || peek() == ' ' || k_indicators.find(peek()) != std::string_view::npos) {
      return false;
    }
    const std::size_t begin = m_at;
    std::size_t end = m_at; // past the last character that is not a space
    while (!at_end()) {
      const char c = peek();
      if (in_list && (c == ',' || c == ']')) {
        break;
      }
      if (c == ':' || (c == '#' && m_line[m_at - 1] == ' ') || (in_list && !list_char(c))) {
        return false;
      }
      ++m_at;
      if (c != ' ') {
        end = m_at;
      }
    }
    const std::string_view text = m_line.substr(begin, end - begin);
    if (is_null_word(text)) {
      if (in_list) {
        return false;
      }
      out.type = Node::Type::null;
      return true;
    }
    set_scalar(out, text, begin, end);
    return true;
  }

  // [a, "b c", 'd'] of scalars; [] is an empty list. No trailing comma.
  bool flow_list(Node& out) {
    out.type = Node::Type::sequence;
    ++m_at;
    skip_spaces();
    if (peek() == ']') {
      ++m_at;
      return true;
    }
    while (true) {
      Node& item = out.items.emplace_back();
      const bool read = peek() == '"' || peek() == '\'' ? quoted(item) : plain(item, true);
      if (!read) {
        return false;
      }
      skip_spaces();
      if (peek() == ']') {
        ++m_at;
        return true;
      }
      if (peek() != ',') {
        return false;
      }
      ++m_at;
      skip_spaces();
    }
  }

  std::string_view m_line;
  std::size_t m_offset;
  std::size_t m_at = 0;
};

} // namespace

std::optional<SimpleYamlMap> read_simple_yaml(std::string_view content) {
  SimpleYamlMap map;
  std::size_t line_begin = 0;
  while (line_begin < content.size()) {
    std::size_t line_end = content.find('\n', line_begin);
    const std::size_t next = line_end == std::string_view::npos ? content.size() : line_end + 1;
    line_end = line_end == std::string_view::npos ? content.size() : line_end;
    std::string_view line = content.substr(line_begin, line_end - line_begin);
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    if (!all_plain_chars(line)) {
      return std::nullopt; // tabs, lone CRs, NULs (yaml-cpp stops there)...
    }
    if (!only_spaces(line) && line.front() != '#') {
      if (line.front() == ' ') {
        return std::nullopt; // an indented line continues or nests a value
      }
      LineReader reader(line, line_begin);
      auto& [key, value] = map.emplace_back();
      if (!reader.key(key) || !reader.value(value)) {
        return std::nullopt;
      }
    }
    line_begin = next;
  }
  return map;
}

} // namespace answerlint::detail
