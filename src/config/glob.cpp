#include "config/glob.hpp"

#include "error.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstddef>

namespace answerlint {
namespace {

// Bytes in the UTF-8 sequence starting at `c`, so that `?` and a class member
// are one character, never half of one. A stray byte counts alone.
std::size_t unit_length(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  std::size_t length = 1;
  if (lead >= 0xF0 && lead < 0xF8) {
    length = 4;
  } else if (lead >= 0xE0) {
    length = lead < 0xF0 ? 3 : 1;
  } else if (lead >= 0xC0) {
    length = 2;
  }
  if (pos + length > text.size()) {
    return 1;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if ((static_cast<unsigned char>(text[pos + i]) & 0xC0) != 0x80) {
      return 1;
    }
  }
  return length;
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Translates one glob to an RE2 pattern matched against a whole path.
class GlobTranslator {
public:
  GlobTranslator(std::string_view original, std::string_view body)
      : m_original(original), m_body(body) {}

  std::string translate() {
    while (m_pos < m_body.size()) {
      step();
    }
    if (m_in_braces) {
      fail("unclosed '{'");
    }
    return std::move(m_out);
  }

private:
  [[noreturn]] void fail(std::string_view what) const {
    throw Error(fmt::format("bad glob '{}': {}", m_original, what));
  }

  void step() {
    const char c = m_body[m_pos];
    switch (c) {
    case '\\':
      escaped();
      return;
    case '*':
      stars();
      return;
    case '?':
      m_out += "[^/]";
      ++m_pos;
      return;
    case '[':
      char_class();
      return;
    case '{':
      if (m_in_braces) {
        fail("nested '{' is not supported");
      }
      m_in_braces = true;
      m_out += "(?:";
      ++m_pos;
      return;
    case ',':
    case '}':
      if (m_in_braces) {
        m_out += c == ',' ? "|" : ")";
        m_in_braces = c == ',';
        ++m_pos;
        return;
      }
      break;
    default:
      break;
    }
    literal();
  }

  void literal() {
    const std::size_t length = unit_length(m_body, m_pos);
    m_out += RE2::QuoteMeta(re2::StringPiece(m_body.data() + m_pos, length));
    m_pos += length;
  }

  void escaped() {
    ++m_pos;
    if (m_pos >= m_body.size()) {
      fail("trailing '\\' escapes nothing");
    }
    literal();
  }

  // Where a `**` may stand for whole directories: at the start of a segment.
  bool at_segment_start(std::size_t pos) const {
    if (pos == 0) {
      return true;
    }
    const char before = m_body[pos - 1];
    return before == '/' || (m_in_braces && (before == '{' || before == ','));
  }

  void stars() {
    std::size_t end = m_pos;
    while (end < m_body.size() && m_body[end] == '*') {
      ++end;
    }
    if (end - m_pos == 1) {
      m_out += "[^/]*";
    } else if (at_segment_start(m_pos) && end < m_body.size() && m_body[end] == '/') {
      // `**/` is zero or more directories, so `**/x.md` matches `x.md` too.
      m_out += "(?:.*/)?";
      ++end;
    } else {
      m_out += ".*";
    }
    m_pos = end;
  }

  void char_class() {
    std::size_t pos = m_pos + 1;
    bool negate = false;
    if (pos < m_body.size() && (m_body[pos] == '!' || m_body[pos] == '^')) {
      negate = true;
      ++pos;
    }
    // A negated class still stays inside one path segment.
    std::string out = negate ? "[^/" : "[";
    bool first = true;
    while (true) {
      if (pos >= m_body.size()) {
        fail("unclosed '['");
      }
      const char c = m_body[pos];
      if (c == ']' && !first) {
        break;
      }
      if (c == '\\') {
        ++pos;
        if (pos >= m_body.size()) {
          fail("unclosed '['");
        }
      } else if (c == '-' && !first && pos + 1 < m_body.size() && m_body[pos + 1] != ']') {
        out += '-'; // a range: RE2 checks its ends
        ++pos;
        first = false;
        continue;
      }
      pos += class_member(pos, out);
      first = false;
    }
    m_out += out;
    m_out += ']';
    m_pos = pos + 1;
  }

  std::size_t class_member(std::size_t pos, std::string& out) const {
    const std::size_t length = unit_length(m_body, pos);
    const char c = m_body[pos];
    if (length == 1 && !is_ascii_alnum(c) && static_cast<unsigned char>(c) < 0x80) {
      out += '\\'; // RE2 takes any escaped punctuation literally in a class
    }
    out.append(m_body.substr(pos, length));
    return length;
  }

  std::string_view m_original;
  std::string_view m_body;
  std::size_t m_pos = 0;
  bool m_in_braces = false;
  std::string m_out;
};

std::string glob_to_regex(std::string_view pattern) {
  if (pattern.empty()) {
    throw Error("bad glob '': a glob cannot be empty");
  }
  std::string_view body = pattern;
  bool anchored = false;
  while (body.starts_with("./") || body.starts_with('/')) {
    body.remove_prefix(body.starts_with('/') ? 1 : 2);
    anchored = true;
  }
  std::string owned(body);
  // `drafts/` names a folder: everything below it.
  if (owned.ends_with('/')) {
    owned += "**";
  }
  if (owned.empty()) {
    throw Error(fmt::format("bad glob '{}': it names no file", pattern));
  }
  const bool has_slash = owned.find('/') != std::string::npos;
  std::string regex = anchored || has_slash ? "" : "(?:.*/)?";
  regex += GlobTranslator(pattern, owned).translate();
  return regex;
}

// The longest run of literal characters (no '/') of a glob without
// classes, braces or escapes, which every path it matches contains: a walk
// tests each file against every include and exclude glob. Empty when there
// is none to rely on.
std::string required_literal(std::string_view pattern) {
  if (pattern.find_first_of("[]{}\\") != std::string_view::npos) {
    return {};
  }
  std::string_view best;
  std::size_t start = 0;
  while (start <= pattern.size()) {
    const std::size_t end = std::min(pattern.find_first_of("*?/", start), pattern.size());
    if (end - start > best.size()) {
      best = pattern.substr(start, end - start);
    }
    start = end + 1;
  }
  return std::string(best);
}

// Whether the glob is `*LITERAL` or `**/*LITERAL`, LITERAL holding no '/'
// and no special character: its regex, (?:.*/)?[^/]*LITERAL, matches a path
// exactly when the path ends with LITERAL.
bool suffix_only(std::string_view pattern) {
  if (pattern.starts_with("**/")) {
    pattern.remove_prefix(3);
  }
  if (!pattern.starts_with('*')) {
    return false;
  }
  pattern.remove_prefix(1);
  return !pattern.empty() && pattern.find_first_of("*?/[]{}\\") == std::string_view::npos;
}

} // namespace

Glob::Glob(std::string_view pattern)
    : m_pattern(pattern), m_required(required_literal(pattern)),
      m_suffix_only(suffix_only(pattern)) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_dot_nl(true);
  auto regex = std::make_shared<const RE2>(glob_to_regex(pattern), options);
  if (!regex->ok()) {
    throw Error(fmt::format("bad glob '{}': {}", pattern, regex->error()));
  }
  m_regex = std::move(regex);
}

Glob::~Glob() = default;
Glob::Glob(Glob&&) noexcept = default;
Glob& Glob::operator=(Glob&&) noexcept = default;
Glob::Glob(const Glob&) = default;
Glob& Glob::operator=(const Glob&) = default;

bool Glob::matches(std::string_view relative_path) const {
  if (!m_regex) {
    return false;
  }
  while (relative_path.starts_with("./")) {
    relative_path.remove_prefix(2);
  }
  if (m_suffix_only) {
    return relative_path.ends_with(m_required);
  }
  if (!m_required.empty() && relative_path.find(m_required) == std::string_view::npos) {
    return false;
  }
  return RE2::FullMatch(re2::StringPiece(relative_path.data(), relative_path.size()), *m_regex);
}

} // namespace answerlint
