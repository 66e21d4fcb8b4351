// tradeoffs: a builtin rule of the required-terms type; the words that show
// an answer weighing alternatives are the option defaults.

#include "lint/rule.hpp"
#include "phrase_types.hpp"
#include "support.hpp"

#include <re2/re2.h>

#include <algorithm>

namespace answerlint::rules {
namespace {

const OptionSpec k_options[] = {
    {"terms", OptionType::string_list,
     StringList{"at the cost of", "at the expense of", "in exchange for", "on the other hand",
                "pros and cons", "instead of", "rather than", "the catch is", "a compromise",
                "the compromise", "it depends on", "when to use", "a balance between", "overhead",
                "versus"},
     "Words and phrases that show a trade-off, matched literally, without regard to case, on "
     "word boundaries."},
    {"patterns", OptionType::string_list,
     StringList{
         R"(\btrade[- ]?offs?\b)",
         R"(\btrad(?:e|es|ed|ing)\s+(?:[\w-]+\s+){1,4}for\b)",
         R"(\b(?:downsides?|drawbacks?|disadvantages?|upsides?|shortcomings?|caveats?)\b)",
         R"(\balternatives?\b)",
         R"(\bvs\b\.?)",
         R"(\bweigh(?:s|ed|ing)?\b)",
         R"(\bworth\s+(?:it|the)\b)",
         R"(\bthe\s+(?:cost|price)\s+(?:is|was|would\s+be)\b)",
         // "..., but it adds a hop": a cost named right after a benefit.
         R"(\bbut\s+(?:it|this|that|they)\s+(?:costs?|adds?|requires?|means?|makes?|needs?|)"
         R"(increases?|loses?|breaks?|hurts?|comes?|gives\s+up)\b)",
     },
     "Regular expressions (RE2 syntax, case-insensitive) that count."},
    {"min", OptionType::integer, std::int64_t{1}, "Fewest matches the answer needs."},
    {"message", OptionType::string,
     std::string("the answer never weighs alternatives: name a trade-off, e.g. 'we chose X "
                 "over Y for Z, at the cost of W', and say when you would choose Y"),
     "The finding's message; {terms}, {min} and {count} are replaced."},
};

// A section titled "Trade-offs" or "Alternatives considered" weighs them as
// surely as a sentence does. The answer's own title does not count: "REST
// vs GraphQL" is the question, not the weighing.
bool is_title(const RuleContext& ctx, const Section& section) {
  const auto sections = ctx.doc.sections_of(ctx.answer_index);
  const bool first_h1 = &section == sections.data() && section.level == 1;
  return first_h1 || section.name == ctx.answer.question || is_answer_title(ctx, section);
}

bool has_tradeoff_section(const RuleContext& ctx) {
  const PhraseMatcher matcher = phrase_matcher(ctx);
  if (!matcher.regex) {
    return false;
  }
  const auto sections = ctx.doc.sections_of(ctx.answer_index);
  return std::any_of(sections.begin(), sections.end(), [&](const Section& section) {
    return !is_title(ctx, section) && RE2::PartialMatch(section.name, *matcher.regex);
  });
}

void check(const RuleContext& ctx, std::vector<Hit>& hits) {
  if (!has_tradeoff_section(ctx)) {
    check_required_terms(ctx, hits);
  }
}

} // namespace

extern const Rule k_tradeoffs{
    .id = "tradeoffs",
    .type = "required-terms",
    .summary = "A technical or design answer weighs trade-offs: trade-off, downside, at the cost "
               "of, versus.",
    .doc = R"md(## What it does

Looks in the answer's prose (not in code, headings or front matter) for the
words that show a choice being weighed, and reports the answer once when
there are fewer than `min` of them. It is a builtin rule of the
`required-terms` type: its lists are the defaults of `terms` and
`patterns`, and you change them like the options of any rule of that type.

What counts:

- naming the trade-off: "trade-off", "tradeoff", "trade off", "we traded
  latency for consistency", "a compromise", "a balance between";
- naming the cost: "downside", "drawback", "disadvantage", "caveat",
  "shortcoming", "at the cost of", "at the expense of", "the cost is",
  "overhead", "but it adds...", "but this means...";
- naming the other option: "versus", "vs", "instead of", "rather than",
  "alternative", "on the other hand", "in exchange for", "pros and cons",
  "weighed", "worth it", "it depends on", "when to use", "the catch is".

A section of the answer whose title holds one of them ("## Trade-offs",
"**Alternatives considered**") is enough on its own; the answer's own title
is not ("# REST vs GraphQL" states the question).

A word found is a hint that the answer compares, not proof that it does so
well; the rule only catches the answer that never does.

## Why it matters

In a technical or design interview, the trade-offs are the answer: anyone
can name a tool, but the interviewer is listening for why this one, what it
costs, and when you would choose differently. An answer that presents one
option as simply right sounds memorised.

## Options

- `terms` (list of strings, default: the phrases above): matched
  literally, without regard to case, on word boundaries.
- `patterns` (list of strings, default: the inflected forms above):
  RE2 regular expressions.
- `min` (integer, default `1`): fewest matches the answer needs; `0` turns
  the rule off.
- `message` (string): the message; `{terms}`, `{min}` and `{count}` are
  replaced.
)md",
    .default_severity = Severity::warning,
    .options = k_options,
    .check = &check,
    .prepare = &prepare_required_terms,
    .bad_example = R"md(We put the session store in Redis with a one-hour expiry and replicate it
to a second zone, so every instance of the API can read any session.
)md",
    .good_example = R"md(We put the session store in Redis rather than in signed cookies: revoking a
session is instant, at the cost of one network hop per request and a store
we have to keep available.
)md",
    .example_kind = "technical",
};

} // namespace answerlint::rules
