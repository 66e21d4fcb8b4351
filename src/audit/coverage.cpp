#include "audit/coverage.hpp"

#include "error.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace answerlint::audit {
namespace {

constexpr OptionSpec k_options[] = {
    {"min_per_competency", OptionType::integer, std::int64_t{1},
     "Fewest answered bank questions per competency (conflict, failure, databases...) before "
     "the competency is reported as a gap."},
};

std::shared_ptr<const void> prepare(const Options& options) {
  if (options.integer("min_per_competency") < 1) {
    throw Error("min_per_competency must be at least 1");
  }
  return nullptr;
}

constexpr std::string_view k_doc = R"md(## What it does

Compares the portfolio with the builtin question bank (the questions a
backend developer is commonly asked, each with a kind and a competency such as
conflict, failure, leadership, ownership, learning, databases or security) and
reports every competency the portfolio leaves unanswered. Run by
`answerlint audit`; the findings belong to the portfolio, not to one answer.

An answer answers a bank question when its front matter `id` names the entry,
or when its question matches one of the entry's wordings (tolerant of
rewording, as for `key-concepts`). The audit report shows the coverage of
every kind and competency; this rule turns each gap into a finding.

## Why it matters

Interview loops sample the same few competencies again and again. A
portfolio with five polished performance stories and no conflict story fails
the one question that decides a behavioral round; the gap is invisible from
inside any single answer.

## Options

- `min_per_competency`: how many answered bank questions a competency needs;
  1 (the default) reports only competencies with no answer at all.

`kinds` limits the rule to bank questions of those kinds, e.g.
`kinds = ["behavioral"]` for a portfolio of stories only.

## Example

A portfolio whose behavioral answers are all about performance work:

```text
(portfolio): info[question-coverage] no answer covers the behavioral
questions on conflict (1 in the bank): write one, e.g.
`answerlint new behavioral difficult-colleague`
```

## Instead

Write one answer per missing competency: `answerlint new behavioral
difficult-colleague` starts one from the bank's wording, with the sections
the preset expects.)md";

} // namespace

Coverage compute_coverage(const QuestionBank& bank, const std::vector<AnswerFacts>& answers,
                          const PortfolioRule& rule) {
  Coverage coverage;
  std::map<std::string, std::size_t, std::less<>> index_of;
  for (const BankEntry& entry : bank.entries) {
    if (rule.applies_to(entry.kind)) {
      index_of.emplace(entry.id, coverage.entries.size());
      coverage.entries.push_back({&entry, {}});
    }
  }
  for (std::size_t a = 0; a < answers.size(); ++a) {
    if (auto it = index_of.find(answers[a].bank_id); it != index_of.end()) {
      coverage.entries[it->second].answers.push_back(a);
    }
  }

  std::map<std::pair<std::string, std::string>, CoverageCount> competencies;
  for (std::string_view kind : k_kinds) {
    CoverageCount count{std::string(kind), {}, 0, 0};
    for (const EntryCoverage& item : coverage.entries) {
      if (item.entry->kind != kind) {
        continue;
      }
      bool answered = !item.answers.empty();
      ++count.total;
      count.answered += answered ? 1 : 0;
      CoverageCount& group = competencies[{item.entry->kind, item.entry->competency}];
      group.kind = item.entry->kind;
      group.competency = item.entry->competency;
      ++group.total;
      group.answered += answered ? 1 : 0;
    }
    if (count.total > 0) {
      coverage.total += count.total;
      coverage.answered += count.answered;
      coverage.by_kind.push_back(std::move(count));
    }
  }
  // By kind in k_kinds order, then competency: the map sorts kinds by name.
  for (const CoverageCount& kind : coverage.by_kind) {
    for (const auto& [key, count] : competencies) {
      if (key.first == kind.kind) {
        coverage.by_competency.push_back(count);
      }
    }
  }
  return coverage;
}

std::vector<Finding> report_coverage_gaps(const Coverage& coverage, const PortfolioRule& rule) {
  const std::int64_t min = rule.options.integer("min_per_competency");
  std::vector<Finding> findings;
  for (const CoverageCount& group : coverage.by_competency) {
    const std::int64_t needed = std::min<std::int64_t>(min, group.total);
    if (group.answered >= needed) {
      continue;
    }
    const BankEntry* suggestion = nullptr;
    for (const EntryCoverage& item : coverage.entries) {
      if (item.answers.empty() && item.entry->kind == group.kind &&
          item.entry->competency == group.competency) {
        suggestion = item.entry;
        break;
      }
    }
    Finding finding;
    finding.span = Span{0, 0, 0, 0, 0, 0};
    finding.rule = std::string(rule.rule->id);
    finding.severity = rule.severity;
    finding.kind = group.kind;
    std::string what =
        group.answered == 0
            ? fmt::format("no answer covers the {} questions on {} ({} in the bank)", group.kind,
                          group.competency, group.total)
            : fmt::format("{} of the {} {} questions on {} answered, fewer than {}", group.answered,
                          group.total, group.kind, group.competency, needed);
    finding.message = fmt::format("{}: write one, e.g. `answerlint new {} {}` (\"{}\")", what,
                                  suggestion->kind, suggestion->id, suggestion->question);
    findings.push_back(std::move(finding));
  }
  return findings;
}

extern const Rule k_question_coverage{
    .id = "question-coverage",
    .summary = "Competencies of the question bank (conflict, failure, databases...) that no "
               "answer covers.",
    .doc = k_doc,
    .default_severity = Severity::info,
    .options = k_options,
    .prepare = &prepare,
};

} // namespace answerlint::audit
