#include "config/config.hpp"
#include "lint/rule.hpp"
#include "support.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace answerlint::rules {
namespace {

const OptionSpec k_options[] = {
    {"required", OptionType::string_list, StringList{},
     "Front matter keys every answer must set, e.g. [\"question\", \"kind\"]."},
};

struct KeyAdvice {
  std::string_view key;
  std::string_view example; // a value, as written after `key: `
  std::string_view reason;
};

const KeyAdvice k_advice[] = {
    {"question", "\"...\"", "so reports and the question bank can match this answer"},
    {"kind", "behavioral", "so the rules for that kind of answer apply"},
    {"tags", "[...]", "so the portfolio can be searched by topic"},
    {"company", "\"...\"", "so you know which interview the answer prepares for"},
    {"id", "\"...\"", "so the answer is linked to its question-bank entry"},
};

KeyAdvice advice_for(std::string_view key) {
  for (const KeyAdvice& advice : k_advice) {
    if (advice.key == key) {
      return advice;
    }
  }
  return {key, "...", "as the configuration requires"};
}

// TOML has no bare strings: `kind = "behavioral"`.
std::string toml_value(std::string_view yaml_value) {
  if (yaml_value.starts_with('"') || yaml_value.starts_with('[')) {
    return std::string(yaml_value);
  }
  return fmt::format("\"{}\"", yaml_value);
}

std::string missing_key_message(const FrontMatter& front_matter, std::string_view key) {
  KeyAdvice advice = advice_for(key);
  switch (front_matter.format) {
  case FrontMatterFormat::yaml:
    return fmt::format("front matter has no '{}': add `{}: {}` {}", key, key, advice.example,
                       advice.reason);
  case FrontMatterFormat::toml:
    return fmt::format("front matter has no '{}': add `{} = {}` {}", key, key,
                       toml_value(advice.example), advice.reason);
  case FrontMatterFormat::none:
    break;
  }
  return fmt::format("the answer has no front matter with '{}': start the file with a `---` "
                     "block holding `{}: {}` {}",
                     key, key, advice.example, advice.reason);
}

std::string unknown_kind_message(std::string_view kind) {
  // Further than this is a different word, not a typo.
  const std::string_view nearest = closest(kind, k_kinds, 4);
  std::string known = fmt::format("{}", fmt::join(k_kinds, ", "));
  if (nearest.empty()) {
    return fmt::format("kind '{}' is not a known kind: use one of {}", kind, known);
  }
  return fmt::format("kind '{}' is not a known kind: did you mean '{}'? Use one of {}", kind,
                     nearest, known);
}

Span first_line_of(const Document& doc, const Span& block) {
  std::string_view text = doc.lines.line_text(block.line);
  std::size_t start = doc.lines.line_start(block.line);
  return doc.span(start, start + text.size());
}

void check_required(const RuleContext& ctx, std::vector<Hit>& hits) {
  const FrontMatter& front_matter = ctx.doc.front_matter;
  // A block that did not parse has no keys to speak of: its problem is
  // reported already, and "missing" findings would only add noise.
  if (!front_matter.problems.empty() && front_matter.keys.empty()) {
    return;
  }
  Span where = front_matter.format == FrontMatterFormat::none
                   ? ctx.doc.span(0, 0)
                   : first_line_of(ctx.doc, front_matter.span);
  // In a file split into several answers, each heading is its answer's
  // question: the file needs no `question` of its own.
  bool split = !ctx.answer.title.empty();
  for (const std::string& key : ctx.options.list("required")) {
    if (split && key == "question") {
      continue;
    }
    if (!front_matter.keys.contains(key)) {
      hits.push_back({where, missing_key_message(front_matter, key)});
    }
  }
}

void check_kind(const RuleContext& ctx, std::vector<Hit>& hits) {
  const FrontMatter& front_matter = ctx.doc.front_matter;
  if (!front_matter.kind || is_known_kind(*front_matter.kind)) {
    return;
  }
  auto it = front_matter.keys.find("kind");
  Span where =
      it != front_matter.keys.end() ? it->second : first_line_of(ctx.doc, front_matter.span);
  hits.push_back({where, unknown_kind_message(*front_matter.kind)});
}

// Front matter belongs to the file, not to an answer: check it once, with
// the first answer.
void check(const RuleContext& ctx, std::vector<Hit>& hits) {
  if (ctx.answer_index != 0) {
    return;
  }
  for (const FrontMatterProblem& problem : ctx.doc.front_matter.problems) {
    hits.push_back({problem.span, problem.message});
  }
  check_required(ctx, hits);
  check_kind(ctx, hits);
}

} // namespace

extern const Rule k_front_matter{
    .id = "front-matter",
    .summary = "The front matter parses, sets the required keys, and names a known kind.",
    .doc = R"md(## What it does

Reads the front matter at the top of the file (YAML between `---` lines or
TOML between `+++` lines) and reports a block that does not parse or is not
closed, each key listed in `required` that is missing, and a `kind` that is
not one of `behavioral`, `technical`, `system-design`, `project`, `question`,
`answer`.

## Why it matters

The front matter decides which rules apply (`kind`), which question of the
question bank the answer belongs to (`question`, `id`) and what reports show.
A typo in `kind` or a block that fails to parse silently turns a behavioral
story into a generic answer, and the STAR checks stop running.

## Options

- `required` (list of strings, default `[]`): keys every answer must set,
  e.g. `["question", "kind"]`.
)md",
    .default_severity = Severity::warning,
    .options = k_options,
    .check = &check,
    .bad_example = R"md(---
kind: behavioural
---

I led the migration of our billing jobs from cron scripts to a queue with
retries, which cut failed invoices from 40 a month to 2.
)md",
    .good_example = R"md(---
kind: behavioral
question: "Tell me about a project you led."
---

I led the migration of our billing jobs from cron scripts to a queue with
retries, which cut failed invoices from 40 a month to 2.
)md",
    .example_kind = "behavioral",
    .example_config = R"toml([rules.front-matter]
required = ["question"]
)toml",
    .example_note = "this answer has no question, and its kind is misspelled:",
};

} // namespace answerlint::rules
