#include "lint/rule.hpp"
#include "support.hpp"

#include <fmt/format.h>

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
};

void check(const RuleContext& ctx, std::vector<Hit>& hits) {
  PhraseMatcher matcher = phrase_matcher(ctx);
  const std::string& message = ctx.options.string("message");
  for_each_phrase(ctx, matcher, [&](std::string_view text, const Span& span) {
    hits.push_back({span, replace_all(message, "{match}", text)});
  });
}

} // namespace

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

## Example

With this configuration:

```toml
[rules.avoid-buzzwords]
type = "avoid-phrases"
terms = ["synergy", "rockstar", "move the needle"]
message = "'{match}' is a buzzword: say what you did instead"
```

```markdown
I brought synergy to the team and helped move the needle on reliability.
```

## Instead

```markdown
I paired each on-call engineer with a service owner for a month, and pages
per week fell from 30 to 12.
```
)md",
    .default_severity = Severity::warning,
    .options = k_options,
    .check = &check,
    .prepare = &prepare_phrases,
    .bad_example = R"md(I brought synergy to the team and helped move the needle on reliability.
)md",
    .good_example = R"md(I paired each on-call engineer with a service owner for a month, and pages
per week fell from 30 to 12.
)md",
};

} // namespace answerlint::rules
