#include "lint/rule.hpp"
#include "phrase_types.hpp"
#include "support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <utility>

namespace answerlint::rules {
namespace {

const OptionSpec k_options[] = {
    {"terms", OptionType::string_list, StringList{},
     "Words and phrases to report, matched literally, without regard to case, on word "
     "boundaries."},
    {"patterns", OptionType::string_list, StringList{},
     "Regular expressions (RE2 syntax, case-insensitive) to report."},
    {"message", OptionType::string,
     std::string("'{match}' weakens the answer: rephrase or remove it"),
     "The finding's message; {match} is replaced by the text found."},
    {"ignore", OptionType::string_list, StringList{},
     "Regular expressions (RE2 syntax, case-insensitive) of contexts that excuse a match: a "
     "match that lies inside one of their matches is not reported."},
};

// What prepare() builds: the phrases to report, and the contexts that excuse
// them ("the same kind of message" excuses "kind of"), compiled only when a
// phrase is found.
struct AvoidPhrases {
  explicit AvoidPhrases(const Options& options)
      : phrases(compile_phrases(options.list("terms"), options.list("patterns"))),
        ignore({}, options.list("ignore")) {}

  PhraseMatcher phrases;
  LazyPhraseMatcher ignore;
};

using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

bool inside_any(const Ranges& ranges, const Span& span) {
  // Disjoint ranges (one paragraph scanned left to right, without overlaps):
  // only the last one starting at or before the match can hold it.
  auto after =
      std::upper_bound(ranges.begin(), ranges.end(), span.begin,
                       [](std::size_t offset, const auto& range) { return offset < range.first; });
  return after != ranges.begin() && std::prev(after)->second >= span.end;
}

} // namespace

std::shared_ptr<const void> prepare_avoid_phrases(const Options& options) {
  return std::make_shared<const AvoidPhrases>(options);
}

void check_avoid_phrases(const RuleContext& ctx, std::vector<Hit>& hits) {
  std::optional<AvoidPhrases> compiled_now;
  const auto* compiled = static_cast<const AvoidPhrases*>(ctx.prepared);
  if (compiled == nullptr) {
    compiled = &compiled_now.emplace(ctx.options);
  }
  const std::string& message = ctx.options.string("message");
  std::vector<std::pair<std::string_view, Span>> found;
  Ranges ignored;
  for (const Paragraph& paragraph : ctx.doc.paragraphs_in(ctx.answer.begin, ctx.answer.end)) {
    found.clear();
    for_each_phrase_in(
        ctx.doc, paragraph, compiled->phrases,
        [&](std::string_view text, const Span& span) { found.emplace_back(text, span); });
    if (found.empty()) {
      continue; // the contexts that excuse a match only matter where one is
    }
    ignored.clear();
    for_each_phrase_in(
        ctx.doc, paragraph, compiled->ignore.get(),
        [&](std::string_view, const Span& span) { ignored.emplace_back(span.begin, span.end); });
    for (const auto& [text, span] : found) {
      if (!inside_any(ignored, span)) {
        hits.push_back({span, replace_all(message, "{match}", text)});
      }
    }
  }
}

extern const Rule k_avoid_phrases{
    .id = "avoid-phrases",
    .type = "avoid-phrases",
    .summary = "A rule type: one finding for each use of a listed word, phrase or pattern.",
    .doc = R"md(## What it does

A rule *type*: define your own rule with `type = "avoid-phrases"` under a new
id. It reports every match of `terms` and `patterns` in the answer's prose
(not in code, headings or front matter), each with `message`, where
`{match}` is replaced by the text found. The builtin `placeholders`,
`filler-words` and `cliches` rules are of this type.

Terms match literally, without regard to case, as whole words (`guess` does
not match `guessing`); a space in a term matches any run of spaces or a line
break. Patterns are RE2 regular expressions, case-insensitive unless they
say `(?-i)`; they run in linear time, so no pattern can hang the linter.

## Why it matters

Every team has words it wants out of its answers: buzzwords, hedges,
names of internal projects nobody outside knows. One rule per list keeps
each message specific ("say what you did" for buzzwords, "name the real
system" for code names) and lets each list be turned off on its own.

## Options

- `terms` (list of strings, default `[]`): words and phrases to report.
- `patterns` (list of strings, default `[]`): RE2 regular expressions to
  report. A pattern that does not compile is a configuration error.
- `message` (string, default `"'{match}' weakens the answer: rephrase or
  remove it"`): the message of each finding.
- `ignore` (list of strings, default `[]`): RE2 regular expressions of
  contexts that excuse a match: a match that lies wholly inside a match of
  one of them is not reported. RE2 has no lookbehind, so this is how a list
  says "`kind of`, but not in `the same kind of`":
  `ignore = ['\b(?:the|what)\s+(?:same\s+)?kind\s+of\b']` (in a TOML
  literal string, between single quotes, a backslash needs no escaping).
  Write each context so that it holds the whole phrase it excuses.
)md",
    .default_severity = Severity::warning,
    .options = k_options,
    .check = &check_avoid_phrases,
    .prepare = &prepare_avoid_phrases,
    .bad_example = R"md(I brought synergy to the team and helped move the needle on reliability.
)md",
    .good_example = R"md(I paired each on-call engineer with a service owner for a month, and pages
per week fell from 30 to 12.
)md",
    .example_config = R"toml([rules.avoid-buzzwords]
type = "avoid-phrases"
terms = ["synergy", "rockstar", "move the needle"]
message = "'{match}' is a buzzword: say what you did instead"
)toml",
};

} // namespace answerlint::rules
