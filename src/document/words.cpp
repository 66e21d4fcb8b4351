#include "document/words.hpp"

#include "document/utf8.hpp"

#include <algorithm>
#include <array>

namespace answerlint::detail {

namespace {

constexpr char32_t k_right_single_quote = 0x2019;
constexpr std::size_t k_max_entity = 50;
// Bytes of a file per word and per sentence, on the dense side of what
// generated and real answers hold (6.2 to 10 per word, 60 to 240 per
// sentence), so that one reservation rarely has to grow.
constexpr std::size_t k_bytes_per_word = 6;
constexpr std::size_t k_bytes_per_sentence = 100;

// Abbreviations whose '.' does not end a sentence (lowercase, without it).
constexpr std::array<std::string_view, 18> k_abbreviations = {
    "e.g",  "i.e",    "eg", "ie", "vs", "etc", "dr", "mr",  "mrs",
    "prof", "approx", "cf", "al", "jr", "sr",  "st", "inc", "ltd"};

// Letters, digits and non-ASCII letters; the Unicode punctuation and symbol
// blocks (dashes, curly quotes, arrows, emoji) separate words. A byte of
// invalid UTF-8 counts as a letter, as any non-ASCII byte would.
bool is_word_code_point(const utf8::Decoded& c) {
  const char32_t cp = c.code_point;
  if (c.length == 1) {
    return cp >= 0x80 || utf8::is_ascii_alnum(cp);
  }
  if (cp == 0xB5) {
    return true; // µ, as in µs
  }
  const bool punctuation = cp <= 0xBF || cp == 0xD7 || cp == 0xF7 ||
                           (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
                           (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFFD ||
                           (cp >= 0x1F000 && cp <= 0x1FAFF);
  return !punctuation;
}

constexpr std::array<bool, 256> k_ascii_word = [] {
  std::array<bool, 256> table{};
  for (char32_t c = 0; c < 0x80; ++c) {
    table[c] = utf8::is_ascii_alnum(c);
  }
  return table;
}();

// The ASCII characters is_inner() may accept: any other ASCII byte after a
// word ends it, which one load tells.
constexpr std::array<bool, 256> k_ascii_joiner = [] {
  std::array<bool, 256> table{};
  for (const char c : {'\'', '-', '_', '.', '/', ','}) {
    table[static_cast<unsigned char>(c)] = true;
  }
  return table;
}();

struct Char {
  char32_t code_point = 0;
  std::size_t length = 1;
  bool word = false;
};

// ASCII, the common case, never decodes.
inline Char char_at(std::string_view source, std::size_t offset, std::size_t end) {
  const auto byte = static_cast<unsigned char>(source[offset]);
  if (byte < 0x80) {
    return {byte, 1, k_ascii_word[byte]};
  }
  const utf8::Decoded decoded = utf8::decode(source, offset, end);
  return {decoded.code_point, decoded.length, is_word_code_point(decoded)};
}

// Characters that join two word characters into one word: don't, Node.js,
// e-mail, 2.1, CI/CD, snake_case, and 1,000 between digits.
bool is_inner(char32_t cp, char32_t previous) {
  switch (cp) {
  case U'\'':
  case k_right_single_quote:
  case U'-':
  case U'_':
  case U'.':
  case U'/':
    return true;
  case U',':
    return utf8::is_ascii_digit(previous);
  default:
    return false;
  }
}

bool is_entity(std::string_view text) {
  return text.size() >= 3 && text.size() <= k_max_entity && text.front() == '&' &&
         text.back() == ';' && text.find(' ') == std::string_view::npos;
}

bool is_abbreviation(std::string_view word) {
  for (std::string_view abbreviation : k_abbreviations) {
    if (word.size() == abbreviation.size() &&
        std::equal(word.begin(), word.end(), abbreviation.begin(),
                   [](char a, char b) { return utf8::to_lower_ascii(a) == b; })) {
      return true;
    }
  }
  return false;
}

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

// Whether the word ending at text offset `after` ends its sentence: '.', '!'
// or '?' (repeated, maybe closed by quotes or brackets) then a space or the end.
bool ends_sentence(std::string_view text, std::size_t after, std::string_view word) {
  if (after >= text.size()) {
    return false;
  }
  const char mark = text[after];
  if ((mark != '.' && mark != '!' && mark != '?') || (mark == '.' && is_abbreviation(word))) {
    return false;
  }
  std::size_t j = after;
  while (j < text.size() && (text[j] == '.' || text[j] == '!' || text[j] == '?')) {
    ++j;
  }
  for (;;) {
    const std::string_view rest = text.substr(j);
    if (!rest.empty() && (rest[0] == ')' || rest[0] == ']' || rest[0] == '"' || rest[0] == '\'')) {
      j += 1;
    } else if (rest.starts_with("\u2019") || rest.starts_with("\u201D")) {
      j += 3;
    } else {
      break;
    }
  }
  return j >= text.size() || is_space(text[j]);
}

// Scans one run, which md4c never lets cross a line, keeping the column as
// it goes: no word needs its line prefix counted again.
class RunScanner {
public:
  RunScanner(std::string_view source, std::size_t begin, std::size_t end, Position start)
      : m_source(source), m_offset(begin), m_end(end), m_line(start.line), m_column(start.column),
        m_fenced(end < source.size() && !k_ascii_word[static_cast<unsigned char>(source[end])]) {}

  // The next word's bytes and span; false at the end of the run.
  bool next(Span& span) {
    while (m_offset < m_end) {
      const Char c = char_at(m_source, m_offset, m_end);
      if (c.word) {
        span.begin = m_offset;
        span.line = span.end_line = m_line;
        span.column = m_column;
        step(c);
        finish_word(c.code_point);
        span.end = m_offset;
        span.end_column = m_column;
        return true;
      }
      step(c);
    }
    return false;
  }

  std::size_t offset() const { return m_offset; }
  Position position() const { return {m_line, m_column}; }

private:
  void step(const Char& c) {
    m_offset += c.length;
    ++m_column;
  }

  void finish_word(char32_t previous) {
    while (m_offset < m_end) {
      skip_ascii_letters(previous);
      if (m_offset >= m_end) {
        return;
      }
      const auto byte = static_cast<unsigned char>(m_source[m_offset]);
      if (byte < 0x80 && !k_ascii_joiner[byte]) {
        return; // a space or a mark: the letters and digits are behind
      }
      const Char c = char_at(m_source, m_offset, m_end);
      if (c.word) {
        previous = c.code_point;
        step(c);
        continue;
      }
      if (!is_inner(c.code_point, previous) || m_offset + c.length >= m_end) {
        return;
      }
      const Char next = char_at(m_source, m_offset + c.length, m_end);
      if (!next.word || (c.code_point == U',' && !utf8::is_ascii_digit(next.code_point))) {
        return;
      }
      step(c);
    }
  }

  // The hot loop: most of a word is ASCII letters and digits.
  void skip_ascii_letters(char32_t& previous) {
    const std::size_t begin = m_offset;
    if (m_fenced) {
      while (k_ascii_word[static_cast<unsigned char>(m_source[m_offset])]) {
        ++m_offset;
      }
    } else {
      while (m_offset < m_end && k_ascii_word[static_cast<unsigned char>(m_source[m_offset])]) {
        ++m_offset;
      }
    }
    if (m_offset > begin) {
      previous = static_cast<unsigned char>(m_source[m_offset - 1]);
      m_column += static_cast<int>(m_offset - begin);
    }
  }

  std::string_view m_source;
  std::size_t m_offset;
  std::size_t m_end;
  int m_line;
  int m_column;
  // The byte at m_end is in the source and is no ASCII letter or digit (a
  // line break, '*', '`'...): it stops the letter loop, which then needs no
  // bounds check.
  bool m_fenced;
};

bool has_line_break(std::string_view text) {
  return text.find('\n') != std::string_view::npos || text.find('\r') != std::string_view::npos;
}

class SentenceSplitter {
public:
  SentenceSplitter(const std::vector<Word>& words, std::vector<Sentence>& sentences)
      : m_words(words), m_sentences(sentences), m_first(words.size()) {}

  void close() {
    const std::size_t end = m_words.size();
    if (end == m_first) {
      return;
    }
    const Span& first = m_words[m_first].span;
    const Span& last = m_words[end - 1].span;
    Sentence sentence;
    sentence.span = {first.begin,  last.end,      first.line,
                     first.column, last.end_line, last.end_column};
    sentence.first_word = static_cast<std::uint32_t>(m_first);
    sentence.word_count = static_cast<std::uint32_t>(end - m_first);
    m_sentences.push_back(sentence);
    m_first = end;
  }

private:
  const std::vector<Word>& m_words;
  std::vector<Sentence>& m_sentences;
  std::size_t m_first;
};

} // namespace

void tokenize(const Paragraph& paragraph, std::string_view source, PositionCursor& cursor,
              std::vector<Word>& words, std::vector<Sentence>& sentences) {
  // The first paragraph reserves for the whole file: growing the vectors
  // from empty copied every word about once more and allocated a dozen
  // times a file.
  if (words.capacity() == 0) {
    words.reserve(source.size() / k_bytes_per_word + 1);
  }
  if (sentences.capacity() == 0) {
    sentences.reserve(source.size() / k_bytes_per_sentence + 1);
  }
  SentenceSplitter splitter(words, sentences);
  for (const TextRun& run : paragraph.runs) {
    const std::size_t end = run.source_offset + run.length;
    const std::string_view run_text = source.substr(run.source_offset, run.length);
    if (end > source.size() || is_entity(run_text)) {
      continue;
    }
    const bool one_line = !has_line_break(run_text);
    RunScanner scanner(source, run.source_offset, end, cursor.at(run.source_offset));
    Span span;
    while (scanner.next(span)) {
      if (!one_line) {
        span = cursor.span(span.begin, span.end);
      }
      // Within the run, which lies within the source: no bounds check.
      const std::string_view text(source.data() + span.begin, span.end - span.begin);
      words.push_back({span, text});
      const std::size_t text_end = run.text_offset + (span.end - run.source_offset);
      if (ends_sentence(paragraph.text, text_end, text)) {
        splitter.close();
      }
    }
    if (one_line) {
      cursor.set(scanner.offset(), scanner.position());
    }
  }
  splitter.close();
}

} // namespace answerlint::detail
