#include "document/labels.hpp"

#include "document/utf8.hpp"

#include <algorithm>
#include <utility>

namespace answerlint::detail {

namespace {

// A plain-text label is a short name: longer openings are prose.
constexpr std::size_t k_max_plain_words = 4;
constexpr std::size_t k_max_plain_bytes = 60;
constexpr std::size_t k_max_markers = 3; // `***x***`
constexpr std::string_view k_em_dash = "\u2014";
constexpr std::string_view k_en_dash = "\u2013";

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

bool is_word_byte(char c) {
  return utf8::is_ascii_alnum(static_cast<unsigned char>(c)) ||
         static_cast<unsigned char>(c) >= 0x80;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::string clean_name(std::string_view name) {
  name = trim(name);
  if (name.ends_with(':')) {
    name.remove_suffix(1);
  } else if (name.ends_with(" -")) {
    name.remove_suffix(2);
  }
  return std::string(trim(name));
}

std::size_t skip_spaces(std::string_view text, std::size_t offset) {
  while (offset < text.size() && is_space(text[offset])) {
    ++offset;
  }
  return offset;
}

std::size_t dash_length(std::string_view text) {
  if (text.starts_with('-')) {
    return 1;
  }
  if (text.starts_with(k_em_dash) || text.starts_with(k_en_dash)) {
    return k_em_dash.size();
  }
  return 0;
}

// A ':' or a dash that ends a label: followed by a space or the end.
std::size_t separator_length(std::string_view text, std::size_t offset) {
  const std::string_view rest = text.substr(std::min(offset, text.size()));
  const std::size_t length = rest.starts_with(':') ? 1 : dash_length(rest);
  if (length == 0 || (length < rest.size() && !is_space(rest[length]))) {
    return 0;
  }
  return length;
}

bool is_line_start(const RawParagraph& paragraph, std::size_t offset) {
  return std::binary_search(paragraph.line_starts.begin(), paragraph.line_starts.end(),
                            static_cast<std::uint32_t>(offset));
}

std::size_t open_marker_begin(std::string_view source, std::size_t offset) {
  for (std::size_t i = 0; i < k_max_markers && offset > 0; ++i) {
    if (source[offset - 1] != '*' && source[offset - 1] != '_') {
      break;
    }
    --offset;
  }
  return offset;
}

std::size_t close_marker_end(std::string_view source, std::size_t offset) {
  for (std::size_t i = 0; i < k_max_markers && offset < source.size(); ++i) {
    if (source[offset] != '*' && source[offset] != '_') {
      break;
    }
    ++offset;
  }
  return offset;
}

// The outermost strong span opening exactly at `at` (strongs sorted by start).
const StrongSpan* strong_at(const RawParagraph& paragraph, std::uint32_t at) {
  const auto& strongs = paragraph.strongs;
  auto it = std::lower_bound(strongs.begin(), strongs.end(), at,
                             [](const StrongSpan& s, std::uint32_t v) { return s.text_begin < v; });
  const StrongSpan* best = nullptr;
  for (; it != strongs.end() && it->text_begin == at; ++it) {
    if (best == nullptr || it->text_end > best->text_end) {
      best = &*it;
    }
  }
  return best;
}

// `**Situation:** text`, `**Situation**: text` and `**Outcome**` alone on its line.
std::optional<Label> strong_label(const RawParagraph& paragraph, const StrongSpan& strong,
                                  std::string_view source) {
  const std::string_view text = paragraph.text;
  const std::string_view inner =
      trim(text.substr(strong.text_begin, strong.text_end - strong.text_begin));
  Label label;
  label.name = clean_name(inner);
  label.title_begin = open_marker_begin(source, strong.source_begin);
  label.title_end = close_marker_end(source, strong.source_end);
  label.prose_begin = strong.text_end;
  if (inner.ends_with(':')) {
    return label;
  }
  const std::size_t next = skip_spaces(text, strong.text_end);
  if (const std::size_t length = separator_length(text, next); length > 0) {
    label.title_end = map_text_offset(paragraph.runs, next) + length;
    label.prose_begin = static_cast<std::uint32_t>(next + length);
    return label;
  }
  if (next == text.size() || is_line_start(paragraph, next)) {
    return label;
  }
  return std::nullopt;
}

// Where the separator of a plain label at `i` starts and ends: `:` right
// after the name, or a dash between spaces.
std::optional<std::pair<std::size_t, std::size_t>> plain_separator(std::string_view text,
                                                                   std::size_t i) {
  if (text[i] == ':') {
    const std::size_t length = separator_length(text, i);
    return length > 0 ? std::optional(std::pair(i, i + length)) : std::nullopt;
  }
  if (is_space(text[i]) && dash_length(text.substr(i + 1)) > 0) {
    const std::size_t length = separator_length(text, i + 1);
    return length > 0 ? std::optional(std::pair(i + 1, i + 1 + length)) : std::nullopt;
  }
  return std::nullopt;
}

// `Situation - text`, `Situation: text`: a name of a few words in plain text
// at the very start of the block.
std::optional<Label> plain_label(const RawParagraph& paragraph) {
  const TextRun& run = paragraph.runs.front();
  if (run.text_offset != 0) {
    return std::nullopt;
  }
  const std::string_view text = std::string_view(paragraph.text).substr(0, run.length);
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < std::min(text.size(), k_max_plain_bytes); ++i) {
    if (const auto separator = plain_separator(text, i)) {
      Label label;
      label.name = clean_name(text.substr(0, i));
      label.title_begin = run.source_offset;
      label.title_end = run.source_offset + separator->second;
      label.prose_begin = static_cast<std::uint32_t>(separator->second);
      return label;
    }
    const char c = text[i];
    if (is_space(c)) {
      in_word = false;
    } else if (is_word_byte(c) || c == '-' || c == '&' || c == '/' || c == '\'') {
      words += in_word ? 0 : 1;
      in_word = true;
    } else {
      return std::nullopt; // punctuation: a sentence, not a name
    }
    if (words > k_max_plain_words) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

} // namespace

bool matches_label(std::string_view name, std::span<const std::string> labels) {
  for (const std::string& label : labels) {
    if (label.empty() || name.size() < label.size()) {
      continue;
    }
    const bool same_prefix =
        std::equal(label.begin(), label.end(), name.begin(), [](char a, char b) {
          return utf8::to_lower_ascii(a) == utf8::to_lower_ascii(b);
        });
    if (!same_prefix) {
      continue;
    }
    std::string_view rest = name.substr(label.size());
    if (rest.starts_with('s') || rest.starts_with('S')) {
      rest.remove_prefix(1); // "Results" is the Result section
    }
    if (rest.empty() || !is_word_byte(rest.front())) {
      return true;
    }
  }
  return false;
}

std::optional<Label> find_label(const RawParagraph& paragraph, std::uint32_t at,
                                std::string_view source, std::span<const std::string> labels) {
  if (paragraph.runs.empty() || at >= paragraph.text.size()) {
    return std::nullopt;
  }
  std::optional<Label> label;
  if (const StrongSpan* strong = strong_at(paragraph, at)) {
    label = strong_label(paragraph, *strong, source);
  } else if (at == 0) {
    label = plain_label(paragraph);
  }
  if (!label || label->name.empty() || !matches_label(label->name, labels)) {
    return std::nullopt;
  }
  label->prose_begin = static_cast<std::uint32_t>(skip_spaces(paragraph.text, label->prose_begin));
  return label;
}

} // namespace answerlint::detail
