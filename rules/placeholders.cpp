// placeholders: a builtin rule of the avoid-phrases type, plus one thing the
// type cannot see: `<metric>` written in Markdown is inline HTML (CommonMark
// says so), so it is not prose at all. The rule finds such tags in the
// markup between a paragraph's text runs.

#include "lint/rule.hpp"
#include "phrase_types.hpp"
#include "support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

namespace answerlint::rules {
namespace {

const OptionSpec k_options[] = {
    {"terms", OptionType::string_list, StringList{"TBD", "TBA", "FIXME", "XXX", "lorem ipsum"},
     "Placeholders to report, matched literally, without regard to case, on word boundaries."},
    {"patterns", OptionType::string_list,
     StringList{
         // Upper case only: "a todo app" is a real project.
         R"((?-i:\bTODO\b))",
         // XX%, X ms, $XM, N%: a number still to be filled in.
         R"((?-i:\bX{1,3}(?:\.X+)? ?%))",
         R"((?-i:\bN ?%))",
         R"((?-i:\bX{1,3}(?:\.X+)? ?(?:ms|secs?|seconds?|mins?|minutes?|hours?|days?|weeks?|)"
         R"(months?|years?|KB|MB|GB|TB|rps|qps|RPS|QPS|times)\b))",
         R"((?-i:\bXX+ [a-z]+))",
         R"((?-i:\$ ?X{1,3}(?:\.X+)?[kKMB]?\b))",
         // [insert metric], [company name], [X].
         R"(\[\s*(?:insert|add|your|company|team|product|name|number|metric|percent|)"
         R"(percentage|amount|date|link|url|tool|result|outcome|impact|todo|tbd|placeholder|)"
         R"(fill)\b[^\]\n]*\])",
         R"((?-i:\[(?:X{1,3}|N)\]))",
         // <metric> that Markdown kept as text (escaped, or not valid HTML).
         R"(<[A-Za-z][A-Za-z0-9 _'’.-]*>)",
         // {{metric}} and {metric} from a template engine.
         R"(\{\{[^{}\n]+\}\})",
         R"(\{[A-Za-z_][A-Za-z0-9_ .-]*\})",
         R"(\?{3,})",
     },
     "Regular expressions (RE2 syntax, case-insensitive) to report."},
    {"message", OptionType::string,
     std::string("'{match}' is a template leftover: write the real value before you commit"),
     "The finding's message; {match} is replaced by the text found."},
    {"ignore", OptionType::string_list, StringList{},
     "Regular expressions (RE2 syntax, case-insensitive) of contexts that excuse a match."},
    {"html_tags", OptionType::boolean, true,
     "Also report inline HTML tags that are no HTML element, such as <metric>: Markdown "
     "hides them when rendered."},
};

// HTML elements people really write in Markdown prose. Any other tag without
// attributes is a placeholder: `<metric>`, `<company name>`, `<time>`.
constexpr std::array<std::string_view, 62> k_html_elements = {
    "a",      "abbr",  "b",          "bdi",    "bdo",    "big",     "blockquote", "br",   "caption",
    "center", "cite",  "code",       "dd",     "del",    "details", "dfn",        "div",  "dl",
    "dt",     "em",    "figcaption", "figure", "font",   "h1",      "h2",         "h3",   "h4",
    "h5",     "h6",    "hr",         "i",      "img",    "ins",     "kbd",        "li",   "mark",
    "ol",     "p",     "picture",    "pre",    "q",      "rp",      "rt",         "ruby", "s",
    "samp",   "small", "span",       "strike", "strong", "sub",     "summary",    "sup",  "table",
    "tbody",  "td",    "th",         "thead",  "tr",     "tt",      "u",          "ul"};

bool is_html_element(std::string_view name) {
  return std::any_of(k_html_elements.begin(), k_html_elements.end(),
                     [name](std::string_view element) { return iequals(element, name); });
}

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The length of a placeholder tag starting at `text[0] == '<'`: a tag name
// that is no HTML element, then only words and spaces (no `=`, `/`, quotes:
// real HTML has those), then `>`. 0 when it is none.
std::size_t placeholder_tag_length(std::string_view text) {
  constexpr std::size_t k_max_length = 60;
  if (text.size() < 3 || !is_ascii_letter(text[1])) {
    return 0;
  }
  std::size_t name_end = 1;
  while (name_end < text.size() && (is_ascii_word_char(text[name_end]) || text[name_end] == '-')) {
    ++name_end;
  }
  for (std::size_t i = name_end; i < text.size() && i < k_max_length; ++i) {
    const char c = text[i];
    if (c == '>') {
      return is_html_element(text.substr(1, name_end - 1)) ? 0 : i + 1;
    }
    if (!is_ascii_word_char(c) && c != ' ' && c != '-') {
      return 0;
    }
  }
  return 0;
}

bool in_code_span(std::span<const CodeSpan> spans, std::size_t offset) {
  return std::any_of(spans.begin(), spans.end(),
                     [offset](const CodeSpan& span) { return span.span.contains(offset); });
}

// The markup around and between a paragraph's text runs: from the start of
// its first line, between runs, and to the end of its last line. Inline HTML
// is there, since md4c never puts it in a run.
template <typename Fn> void for_each_gap(const Document& doc, const Paragraph& paragraph, Fn fn) {
  const std::vector<TextRun>& runs = paragraph.runs;
  if (runs.empty()) {
    return;
  }
  const int first_line = doc.lines.position(runs.front().source_offset).line;
  fn(doc.lines.line_start(first_line), runs.front().source_offset);
  for (std::size_t i = 1; i < runs.size(); ++i) {
    fn(runs[i - 1].source_offset + runs[i - 1].length, runs[i].source_offset);
  }
  const std::size_t last_end = runs.back().source_offset + runs.back().length;
  const int last_line = doc.lines.position(last_end).line;
  const std::string_view line = doc.lines.line_text(last_line);
  fn(last_end, doc.lines.line_start(last_line) + line.size());
}

void check_html_tags(const RuleContext& ctx, std::vector<Hit>& hits) {
  const Document& doc = ctx.doc;
  const auto code_spans = doc.code_spans_in(ctx.answer.begin, ctx.answer.end);
  // Table cells share a line, so one tag can lie in the gaps of two cells.
  std::set<std::size_t> reported;
  for (const Paragraph& paragraph : doc.paragraphs_in(ctx.answer.begin, ctx.answer.end)) {
    for_each_gap(doc, paragraph, [&](std::size_t begin, std::size_t end) {
      const std::string_view gap = doc.source.substr(begin, end > begin ? end - begin : 0);
      for (std::size_t at = gap.find('<'); at != std::string_view::npos;
           at = gap.find('<', at + 1)) {
        const std::size_t length = placeholder_tag_length(gap.substr(at));
        const std::size_t offset = begin + at;
        if (length == 0 || in_code_span(code_spans, offset) || !reported.insert(offset).second) {
          continue;
        }
        hits.push_back({doc.span(offset, offset + length),
                        fmt::format("'{}' is a template leftover, and Markdown hides it as an "
                                    "HTML tag: write the real value before you commit",
                                    gap.substr(at, length))});
      }
    });
  }
}

void check(const RuleContext& ctx, std::vector<Hit>& hits) {
  check_avoid_phrases(ctx, hits);
  if (ctx.options.boolean("html_tags")) {
    check_html_tags(ctx, hits);
  }
}

} // namespace

extern const Rule k_placeholders{
    .id = "placeholders",
    .type = "avoid-phrases",
    .summary = "Template leftovers: TODO, TBD, XX%, <metric>.",
    .doc = R"md(## What it does

Reports what a template or a first draft left behind, in the answer's prose
(not in code or front matter), one finding per leftover. It is a builtin
rule of the `avoid-phrases` type: its lists are the defaults of `terms` and
`patterns`, and you change them like the options of any rule of that type.

What it looks for, and why:

- `TODO` (upper case only: "a todo app" is a real project), `TBD`, `TBA`,
  `FIXME`, `XXX`: notes to self.
- Numbers still to be filled in: `XX%`, `X%`, `N%`, `X ms`, `XX minutes`,
  `XX users` (two X at least, so "X users" of the social network is fine),
  `$XM`. Only capital X and N count.
- Bracketed slots: `[insert metric]`, `[company name]`, `[number]`, `[X]`.
- Angle slots: `<metric>`, `<company name>`. Written as is, CommonMark
  reads them as inline HTML, which is not prose, and GitHub drops unknown
  tags when it renders the file: the reader sees "latency fell by  over the
  quarter". With `html_tags` on, the rule finds such tags in the markup of
  the answer's paragraphs: a tag without attributes whose name is not an
  HTML element used in Markdown (`<br>`, `<sup>`, `<kbd>`, `<details>` and
  the like are fine). Escaped (`\<metric\>`) or not valid HTML
  (`<company's name>`), they are prose and a pattern finds them. A tag alone
  on its line is an HTML block, which this rule does not read.
- Template-engine slots: `{{metric}}`, `{metric}`.
- `???` and `lorem ipsum`.

## Why it matters

A leftover placeholder is the one mistake that makes a whole portfolio
look unfinished. It is also the easiest to miss on a re-read, because the
eye fills in the value you meant to write; a pre-commit check does not.

## Options

- `terms` (list of strings, default: `TBD`, `TBA`, `FIXME`, `XXX`, `lorem
  ipsum`): matched literally, without regard to case, on word boundaries.
- `patterns` (list of strings, default: the shapes above): RE2 regular
  expressions; `(?-i:...)` makes one case-sensitive.
- `message` (string): the message of each finding; `{match}` is the text
  found.
- `ignore` (list of strings, default `[]`): RE2 regular expressions of
  contexts that excuse a match lying inside them.
- `html_tags` (boolean, default `true`): also report placeholder tags that
  Markdown parses as inline HTML, like `<metric>`.
)md",
    .default_severity = Severity::error,
    .options = k_options,
    .check = &check,
    .prepare = &prepare_avoid_phrases,
    .bad_example = R"md(After the rollout, p95 latency fell by XX% and we saved TODO per month.
)md",
    .good_example = R"md(After the rollout, p95 latency fell by 38% and we saved about $4,000 per
month in database instances.
)md",
};

} // namespace answerlint::rules
