#include "lint/rule.hpp"
#include "section_lookup.hpp"
#include "support.hpp"

#include <fmt/format.h>

namespace answerlint::rules {
namespace {

const OptionSpec k_options[] = {
    {"section", OptionType::string, std::string("Action"),
     "The section that must be told in the first person (found by name or alias)."},
    {"aliases", OptionType::string_list,
     StringList{"Approach", "Actions", "What I did", "Solution", "A"},
     "Other names accepted for `section`."},
    {"min_ratio", OptionType::number, 0.5,
     "Least share of 'I' pronouns among all 'I' and 'we' pronouns of the section, 0 to 1."},
};

struct Pronouns {
  std::size_t singular = 0; // I, me, my, mine, myself, I'm, I've, I'd, I'll
  std::size_t plural = 0;   // we, us, our, ours, ourselves, we're, we've, we'd, we'll
};

// "I'm" or "I’m" -> "m"; empty when `word` is not `base` plus a contraction.
std::string_view contraction(std::string_view word, std::string_view base) {
  if (word.size() <= base.size() || !iequals(word.substr(0, base.size()), base)) {
    return {};
  }
  std::string_view rest = word.substr(base.size());
  for (std::string_view apostrophe : {std::string_view("'"), std::string_view("\u2019")}) {
    if (rest.starts_with(apostrophe)) {
      return rest.substr(apostrophe.size());
    }
  }
  return {};
}

bool is_any(std::string_view word, std::initializer_list<std::string_view> options) {
  for (std::string_view option : options) {
    if (iequals(word, option)) {
      return true;
    }
  }
  return false;
}

bool is_singular(std::string_view word) {
  // A lowercase "i" is more often a list marker or a variable than a pronoun.
  if (word == "I" || is_any(word, {"me", "my", "mine", "myself"})) {
    return true;
  }
  std::string_view rest = contraction(word, "i");
  return !rest.empty() && is_any(rest, {"m", "ve", "d", "ll"});
}

bool is_plural(std::string_view word) {
  // "US" in capitals is the country.
  if (word == "US") {
    return false;
  }
  if (is_any(word, {"we", "us", "our", "ours", "ourselves"})) {
    return true;
  }
  std::string_view rest = contraction(word, "we");
  return !rest.empty() && is_any(rest, {"re", "ve", "d", "ll"});
}

Pronouns count_pronouns(std::span<const Word> words) {
  Pronouns out;
  for (const Word& word : words) {
    if (word.text.size() > 10) {
      continue; // no pronoun is that long
    }
    if (is_singular(word.text)) {
      ++out.singular;
    } else if (is_plural(word.text)) {
      ++out.plural;
    }
  }
  return out;
}

std::string times(std::size_t count) {
  switch (count) {
  case 1:
    return "once";
  case 2:
    return "twice";
  default:
    return fmt::format("{} times", count);
  }
}

void check(const RuleContext& ctx, std::vector<Hit>& hits) {
  const std::string& name = ctx.options.string("section");
  const Section* section = find_section(ctx, name, ctx.options.list("aliases"));
  if (section == nullptr) {
    return; // required-sections reports a missing section
  }
  const Pronouns pronouns =
      count_pronouns(ctx.doc.words_in(section->body_begin, section->body_end));
  const std::size_t all = pronouns.singular + pronouns.plural;
  if (all == 0) {
    return;
  }
  const double ratio = static_cast<double>(pronouns.singular) / static_cast<double>(all);
  if (ratio >= ctx.options.number("min_ratio")) {
    return;
  }
  const std::string said_i =
      pronouns.singular == 0 ? "never 'I'" : fmt::format("'I' {}", times(pronouns.singular));
  hits.push_back({section->title, fmt::format("{} says 'we' {} and {}: tell what you did yourself "
                                              "('I designed...')",
                                              name, times(pronouns.plural), said_i)});
}

std::shared_ptr<const void> prepare(const Options& options) {
  require_between(options, "min_ratio", 0.0, 1.0);
  return nullptr;
}

} // namespace

extern const Rule k_first_person{
    .id = "first-person",
    .summary = "The Action section tells what you did, in the first person.",
    .doc = R"md(## What it does

Counts, in the `section` (the Action, or one of its `aliases`), the
first-person singular pronouns (I, me, my, mine, myself, I'm, I've, I'd,
I'll) and the plural ones (we, us, our, ours, ourselves, we're, we've,
we'd, we'll), and reports the section when the singular ones are less than
`min_ratio` of both together. "US" in capitals is the country, and a
lowercase "i" is not counted. A section without any of these pronouns, or
an answer without the section, gives no finding.

## Why it matters

A behavioral question asks what *you* did. An Action told as "we decided,
we built, we shipped" leaves the interviewer unable to tell your part from
the team's, and they will assume it was small. Credit the team where it is
due, then say which part was yours.

## Options

- `section` (string, default `"Action"`): the section to check. Names match
  as in `required-sections`: without regard to case, by prefix on a word
  boundary.
- `aliases` (list of strings, default `["Approach", "Actions", "What I did",
  "Solution", "A"]`): other names accepted for `section`.
- `min_ratio` (number, default `0.5`): least share of "I" among the "I" and
  "we" pronouns, from `0` to `1`.
)md",
    .default_severity = Severity::warning,
    .options = k_options,
    .check = &check,
    .prepare = &prepare,
    .bad_example = R"md(---
kind: behavioral
question: "Tell me about a time you fixed a performance problem."
---

### Situation
Checkout timed out for one user in ten during the spring sale.

### Action
We profiled the endpoint and we found a lock on the inventory table. We
moved the stock check to Redis and we load-tested it before the sale.

### Result
Timeouts fell from 10% to 0.2%.
)md",
    .good_example = R"md(---
kind: behavioral
question: "Tell me about a time you fixed a performance problem."
---

### Situation
Checkout timed out for one user in ten during the spring sale.

### Action
I profiled the endpoint and found a lock on the inventory table. I proposed
moving the stock check to Redis, wrote the change, and we load-tested it
together before the sale.

### Result
Timeouts fell from 10% to 0.2%.
)md",
    .example_kind = "behavioral",
};

} // namespace answerlint::rules
