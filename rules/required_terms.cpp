#include "lint/rule.hpp"
#include "phrase_types.hpp"
#include "support.hpp"

#include <fmt/format.h>

namespace answerlint::rules {
namespace {

const OptionSpec k_options[] = {
    {"terms", OptionType::string_list, StringList{},
     "Words and phrases that count, matched literally, without regard to case, on word "
     "boundaries."},
    {"patterns", OptionType::string_list, StringList{},
     "Regular expressions (RE2 syntax, case-insensitive) that count."},
    {"min", OptionType::integer, std::int64_t{1}, "Fewest matches the answer needs."},
    {"message", OptionType::string,
     std::string("the answer never mentions any of: {terms}; add at least {min}"),
     "The finding's message; {terms}, {min} and {count} are replaced."},
};

// The terms (or, without terms, the patterns) as the message lists them.
std::string listed(const Options& options) {
  const StringList& terms = options.list("terms");
  const StringList& shown = terms.empty() ? options.list("patterns") : terms;
  std::string out;
  for (const std::string& item : shown) {
    out += out.empty() ? "" : ", ";
    out += fmt::format("'{}'", item);
  }
  return out;
}

} // namespace

void check_required_terms(const RuleContext& ctx, std::vector<Hit>& hits) {
  const std::int64_t min = ctx.options.integer("min");
  if (min <= 0) {
    return;
  }
  PhraseMatcher matcher = phrase_matcher(ctx);
  if (!matcher.regex) {
    return;
  }
  const std::int64_t count = count_phrases(ctx, matcher, min);
  if (count >= min) {
    return;
  }
  std::string message = ctx.options.string("message");
  message = replace_all(std::move(message), "{terms}", listed(ctx.options));
  message = replace_all(std::move(message), "{min}", fmt::format("{}", min));
  message = replace_all(std::move(message), "{count}", fmt::format("{}", count));
  hits.push_back({answer_start_span(ctx.doc, ctx.answer), std::move(message)});
}

std::shared_ptr<const void> prepare_required_terms(const Options& options) {
  require_at_least(options, "min", 0);
  return prepare_phrases(options);
}

extern const Rule k_required_terms{
    .id = "required-terms",
    .type = "required-terms",
    .summary = "A rule type: the answer mentions at least `min` of the listed words or patterns.",
    .doc = R"md(## What it does

A rule *type*: define your own rule with `type = "required-terms"` under a
new id. It counts the matches of `terms` and `patterns` in the answer's
prose (not in code, headings or front matter) and reports the answer once
when there are fewer than `min`. The builtin `tradeoffs` rule is of this
type.

Terms match literally, without regard to case, as whole words; a space in a
term matches any run of spaces or a line break. Patterns are RE2 regular
expressions, case-insensitive unless they say `(?-i)`.

## Why it matters

Some things every good answer of a kind says: a system design weighs
trade-offs, an incident story names how it was detected. A rule that looks
for the words that carry the idea catches the answer that forgot it.

## Options

- `terms` (list of strings, default `[]`): words and phrases that count.
- `patterns` (list of strings, default `[]`): RE2 regular expressions that
  count. A pattern that does not compile is a configuration error.
- `min` (integer, default `1`): fewest matches the answer needs; `0` turns
  the rule off.
- `message` (string, default `"the answer never mentions any of: {terms};
  add at least {min}"`): the message; `{terms}`, `{min}` and `{count}` (the
  matches found) are replaced.
)md",
    .default_severity = Severity::warning,
    .options = k_options,
    .check = &check_required_terms,
    .prepare = &prepare_required_terms,
    .bad_example = R"md(We store sessions in Redis with a one-hour expiry and replicate them to a
second zone.
)md",
    .good_example = R"md(We store sessions in Redis with a one-hour expiry. The trade-off is that a
zone failure logs users out, which we accept at the cost of a replica.
)md",
    .example_config = R"toml([rules.weighs-tradeoffs]
type = "required-terms"
terms = ["downside", "at the cost of", "versus"]
patterns = ["trade-?offs?"]
message = "the design never weighs alternatives: name a trade-off ({terms})"
)toml",
};

} // namespace answerlint::rules
