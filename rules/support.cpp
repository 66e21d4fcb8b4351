#include "support.hpp"

#include "error.hpp"

#include <re2/set.h>

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <numeric>
#include <vector>

namespace answerlint::rules {
namespace {

bool is_blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
}

// A term's words, each escaped, joined so that a line break or a double
// space between them in the answer still matches.
std::string term_expression(std::string_view term) {
  std::string out;
  std::size_t pos = 0;
  while (pos < term.size()) {
    std::size_t start = term.find_first_not_of(" \t\r\n", pos);
    if (start == std::string_view::npos) {
      break;
    }
    std::size_t stop = std::min(term.find_first_of(" \t\r\n", start), term.size());
    if (!out.empty()) {
      out += "\\s+";
    }
    out += RE2::QuoteMeta(re2::StringPiece(term.data() + start, stop - start));
    pos = stop;
  }
  if (out.empty()) {
    return out;
  }
  std::string_view trimmed = term.substr(term.find_first_not_of(" \t\r\n"));
  trimmed = trimmed.substr(0, trimmed.find_last_not_of(" \t\r\n") + 1);
  // \b only where the term starts or ends with a word character: "XX%" must
  // still match before a space.
  std::string prefix = is_ascii_word_char(trimmed.front()) ? "\\b" : "";
  std::string suffix = is_ascii_word_char(trimmed.back()) ? "\\b" : "";
  return prefix + out + suffix;
}

bool encloses(const Document& doc, int outer, const Section& inner) {
  for (int p = inner.parent; p >= 0; p = doc.sections[static_cast<std::size_t>(p)].parent) {
    if (p == outer) {
      return true;
    }
  }
  return false;
}

template <typename Candidates>
std::string_view nearest(std::string_view word, const Candidates& candidates, std::size_t limit) {
  std::string_view found;
  std::size_t best = limit;
  for (std::string_view candidate : candidates) {
    if (const std::size_t distance = edit_distance(word, candidate); distance < best) {
      best = distance;
      found = candidate;
    }
  }
  return found;
}

RE2::Options regex_options() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  return options;
}

} // namespace

Span first_line_span(const Document& doc, std::size_t offset, std::size_t limit) {
  if (doc.lines.line_count() == 0) {
    return doc.span(offset, offset);
  }
  int line = doc.lines.position(offset).line;
  for (; line <= doc.lines.line_count(); ++line) {
    std::size_t start = std::max(doc.lines.line_start(line), offset);
    if (start >= limit) {
      break;
    }
    std::string_view text = doc.lines.line_text(line);
    std::size_t skip = start - doc.lines.line_start(line);
    if (skip > text.size()) {
      continue;
    }
    text.remove_prefix(skip);
    if (is_blank(text)) {
      continue;
    }
    std::size_t lead = text.find_first_not_of(" \t");
    std::size_t trail = text.find_last_not_of(" \t") + 1;
    std::size_t end = std::min(start + trail, limit);
    return doc.span(start + lead, end);
  }
  return doc.span(offset, offset);
}

Span answer_start_span(const Document& doc, const Answer& answer) {
  if (!answer.title.empty()) {
    return answer.title;
  }
  std::size_t begin = std::max(answer.begin, doc.body_begin);
  return first_line_span(doc, begin, std::max(answer.end, begin));
}

bool is_answer_title(const RuleContext& context, const Section& section) {
  const Answer& answer = context.answer;
  if (!answer.title.empty() && section.title.begin == answer.title.begin) {
    return true;
  }
  std::span<const Section> sections = context.doc.sections_of(context.answer_index);
  if (sections.size() < 2 || &section != sections.data() || section.level > 6) {
    return false;
  }
  auto index = static_cast<int>(&section - context.doc.sections.data());
  return std::all_of(sections.begin() + 1, sections.end(),
                     [&](const Section& other) { return encloses(context.doc, index, other); });
}

bool is_ascii_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  if (from.empty()) {
    return text;
  }
  for (std::size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t cost = ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string_view closest(std::string_view word, std::span<const std::string_view> candidates,
                         std::size_t limit) {
  return nearest(word, candidates, limit);
}

std::string_view closest(std::string_view word, std::span<const std::string> candidates,
                         std::size_t limit) {
  return nearest(word, candidates, limit);
}

void require_at_least(const Options& options, std::string_view name, std::int64_t min) {
  std::int64_t value = options.integer(name);
  if (value < min) {
    throw Error(fmt::format("option '{}' must be at least {}, not {}", name, min, value));
  }
}

void require_between(const Options& options, std::string_view name, double min, double max) {
  double value = options.number(name);
  if (!(value >= min && value <= max)) {
    throw Error(
        fmt::format("option '{}' must be between {} and {}, not {}", name, min, max, value));
  }
}

void check_patterns(const StringList& patterns) {
  // Parsed one by one so that the error names the pattern at fault (and a
  // pattern like "a)|(b" cannot unbalance the others once joined); a set
  // parses without compiling, which costs as much again.
  RE2::Set set(regex_options(), RE2::UNANCHORED);
  for (const std::string& pattern : patterns) {
    std::string error;
    if (set.Add(pattern, &error) < 0) {
      throw Error(fmt::format("invalid pattern '{}': {}", pattern, error));
    }
  }
}

namespace {

// compile_phrases for patterns already checked one by one.
PhraseMatcher join_phrases(const StringList& terms, const StringList& patterns) {
  std::vector<std::string> parts;
  for (const std::string& term : terms) {
    if (std::string expression = term_expression(term); !expression.empty()) {
      parts.push_back(std::move(expression));
    }
  }
  parts.insert(parts.end(), patterns.begin(), patterns.end());
  if (parts.empty()) {
    return {};
  }
  std::string joined;
  for (const std::string& part : parts) {
    joined += joined.empty() ? "(?:" : "|(?:";
    joined += part;
    joined += ')';
  }
  auto regex = std::make_shared<const RE2>(joined, regex_options());
  if (!regex->ok()) {
    throw Error(fmt::format("the terms and patterns do not compile together ({}): use fewer "
                            "or shorter ones",
                            regex->error()));
  }
  return PhraseMatcher{std::move(regex)};
}

} // namespace

PhraseMatcher compile_phrases(const StringList& terms, const StringList& patterns) {
  check_patterns(patterns);
  return join_phrases(terms, patterns);
}

LazyPhraseMatcher::LazyPhraseMatcher(StringList terms, StringList patterns)
    : m_terms(std::move(terms)), m_patterns(std::move(patterns)) {
  check_patterns(m_patterns);
}

const PhraseMatcher& LazyPhraseMatcher::get() const {
  // The constructor checked the patterns.
  std::call_once(m_compiled, [this] { m_matcher = join_phrases(m_terms, m_patterns); });
  return m_matcher;
}

std::shared_ptr<const void> prepare_phrases(const Options& options) {
  return std::make_shared<const PhraseMatcher>(
      compile_phrases(options.list("terms"), options.list("patterns")));
}

PhraseMatcher phrase_matcher(const RuleContext& context) {
  if (context.prepared != nullptr) {
    return *static_cast<const PhraseMatcher*>(context.prepared);
  }
  return compile_phrases(context.options.list("terms"), context.options.list("patterns"));
}

namespace {

// The non-empty matches of `regex` in the paragraph's text, left to right,
// each passed to `visit(begin, end)` (offsets in the text) until it returns
// false.
template <typename Visit>
void scan_paragraph(const Paragraph& paragraph, const RE2& regex, Visit visit) {
  const std::string& text = paragraph.text;
  re2::StringPiece input(text);
  re2::StringPiece match;
  std::size_t pos = 0;
  while (pos <= text.size() && regex.Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    auto begin = static_cast<std::size_t>(match.data() - text.data());
    std::size_t end = begin + match.size();
    if (match.empty()) {
      // A pattern like `a*` matches nothing everywhere: step over it.
      pos = begin + 1;
      continue;
    }
    if (!visit(begin, end)) {
      return;
    }
    pos = end;
  }
}

} // namespace

void for_each_phrase_in(const Document& doc, const Paragraph& paragraph,
                        const PhraseMatcher& matcher, const PhraseFn& on_match) {
  if (!matcher.regex) {
    return;
  }
  scan_paragraph(paragraph, *matcher.regex, [&](std::size_t begin, std::size_t end) {
    std::size_t source_begin = paragraph.source_offset(begin);
    std::size_t source_end = paragraph.source_offset(end - 1) + 1;
    on_match(std::string_view(paragraph.text).substr(begin, end - begin),
             doc.span(source_begin, source_end));
    return true;
  });
}

std::int64_t count_phrases(const RuleContext& context, const PhraseMatcher& matcher,
                           std::int64_t limit) {
  std::int64_t count = 0;
  if (!matcher.regex || limit <= 0) {
    return count;
  }
  for (const Paragraph& paragraph :
       context.doc.paragraphs_in(context.answer.begin, context.answer.end)) {
    scan_paragraph(paragraph, *matcher.regex, [&](std::size_t, std::size_t) {
      return ++count < limit;
    });
    if (count >= limit) {
      break;
    }
  }
  return count;
}

} // namespace answerlint::rules
