#include "lint/rule.hpp"
#include "support.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace answerlint::rules {
namespace {

// Further than this is another word, not a typo of a rule id.
constexpr std::size_t k_typo_distance = 4;

bool is_known(const RuleContext& ctx, std::string_view id) {
  return std::binary_search(ctx.rule_ids.begin(), ctx.rule_ids.end(), id);
}

std::string message(const RuleContext& ctx, std::string_view id, std::string_view effect) {
  const std::string_view nearest = closest(id, ctx.rule_ids, k_typo_distance);
  if (!nearest.empty()) {
    return fmt::format("'{}' is not a rule id; did you mean '{}'? (answerlint explain --all "
                       "lists them)",
                       id, nearest);
  }
  return fmt::format("'{}' is not a rule id, so this {} nothing: correct it or remove it "
                     "(answerlint explain --all lists them)",
                     id, effect);
}

void report(const RuleContext& ctx, const RuleRef& rule, std::string_view effect,
            std::vector<Hit>& hits) {
  if (!is_known(ctx, rule.id)) {
    hits.push_back({rule.span, message(ctx, rule.id, effect)});
  }
}

// Suppressions belong to the file, not to an answer: check them once, with
// the first answer.
void check(const RuleContext& ctx, std::vector<Hit>& hits) {
  if (ctx.answer_index != 0) {
    return;
  }
  for (const RuleRef& rule : ctx.doc.front_matter.disable) {
    report(ctx, rule, "disables", hits);
  }
  for (const Directive& directive : ctx.doc.directives) {
    const std::string_view effect =
        directive.kind == Directive::Kind::enable ? "enables" : "disables";
    for (const RuleRef& rule : directive.rules) {
      report(ctx, rule, effect, hits);
    }
  }
}

} // namespace

extern const Rule k_unknown_rule_id{
    .id = "unknown-rule-id",
    .summary = "A suppression comment or front matter `disable` names a rule that does not exist.",
    .doc = R"md(## What it does

Reports each rule id in a suppression comment (`answerlint-disable`,
`answerlint-enable`, `answerlint-disable-next-line`) or in the front
matter's `answerlint: { disable: [...] }` that is not a rule of the
configuration, and suggests the nearest id when one is a few letters away.
Known ids are the builtin rules, the portfolio rules and the rules your
answerlint.toml defines with a `type`; a rule the configuration turns off
(`severity = "off"`) is still known. The finding points at the id itself.

## Why it matters

A misspelled id switches nothing off and says nothing: the findings you
meant to silence keep coming, or a later `answerlint-enable` with a typo
leaves a rule off for the rest of the file without anyone noticing. The
comment still reads as if it did its job, so reviewers trust it too.

## Options

None besides `severity`; `kinds` limits the rule to answers of those kinds.
)md",
    .default_severity = Severity::warning,
    .check = &check,
    .bad_example = R"md(---
question: "Tell me about a time you relied on your team."
answerlint:
  disable: [fist-person]
---

<!-- answerlint-disable-next-line placeholder -->
It started with a ticket titled "TODO: fix paging" that nobody owned. The
story is about the team on purpose: we split the on-call load between the
four of us, and pages per week fell from 30 to 12.
)md",
    .good_example = R"md(---
question: "Tell me about a time you relied on your team."
answerlint:
  disable: [first-person]
---

<!-- answerlint-disable-next-line placeholders -->
It started with a ticket titled "TODO: fix paging" that nobody owned. The
story is about the team on purpose: we split the on-call load between the
four of us, and pages per week fell from 30 to 12.
)md",
};

} // namespace answerlint::rules
