#include "lint/rule.hpp"
#include "metric_recognizer.hpp"
#include "section_lookup.hpp"
#include "support.hpp"

#include <fmt/format.h>

#include <span>
#include <string_view>
#include <vector>

namespace answerlint::rules {
namespace {

const OptionSpec k_options[] = {
    {"min", OptionType::integer, std::int64_t{1},
     "Fewest quantified metrics in the whole answer; 0 turns the check off."},
    {"section", OptionType::string, std::string("Result"),
     "The section that must hold numbers of its own (found by name or alias)."},
    {"min_in_section", OptionType::integer, std::int64_t{1},
     "Fewest quantified metrics in `section`; 0 turns that check off."},
    {"aliases", OptionType::string_list,
     StringList{"Outcome", "Outcomes", "Results", "Impact", "R"},
     "Other names accepted for `section`."},
};

constexpr std::string_view k_example = "e.g. 'p95 fell from 2 s to 300 ms'";

constexpr std::size_t k_unknown = static_cast<std::size_t>(-1);

// The metrics of the answer's paragraphs and section names, each recognised
// once: the section's count and the answer's share the section's text, and
// the recogniser is what this rule costs.
class MetricCounts {
public:
  explicit MetricCounts(const RuleContext& ctx)
      : m_ctx(ctx), m_paragraphs(ctx.doc.paragraphs_in(ctx.answer.begin, ctx.answer.end)),
        m_sections(ctx.doc.sections_of(ctx.answer_index)),
        m_paragraph_counts(m_paragraphs.size(), k_unknown),
        m_name_counts(m_sections.size(), k_unknown) {}

  // Metrics in the prose of [begin, end) and in the names of the sections
  // whose titles start there ("## Result: p95 back under 300 ms"), except
  // the answer's own title, which is the question.
  std::size_t in(std::size_t begin, std::size_t end) {
    std::size_t count = 0;
    for (const Paragraph& paragraph : m_ctx.doc.paragraphs_in(begin, end)) {
      count += of(paragraph);
    }
    for (const Section& section : m_sections) {
      if (section.title.begin >= begin && section.title.begin < end &&
          !is_answer_title(m_ctx, section)) {
        count += in_name(section);
      }
    }
    return count;
  }

  std::size_t in_name(const Section& section) {
    return memo(m_sections, m_name_counts, section, section.name);
  }

private:
  std::size_t of(const Paragraph& paragraph) {
    return memo(m_paragraphs, m_paragraph_counts, paragraph, paragraph.text);
  }

  // A paragraph or section outside the answer (a section body may run past
  // it) is counted without a memo.
  template <typename T>
  static std::size_t memo(std::span<const T> items, std::vector<std::size_t>& counts, const T& item,
                          std::string_view text) {
    if (&item < items.data() || &item >= items.data() + items.size()) {
      return count_metrics(text);
    }
    std::size_t& count = counts[static_cast<std::size_t>(&item - items.data())];
    if (count == k_unknown) {
      count = count_metrics(text);
    }
    return count;
  }

  const RuleContext& m_ctx;
  std::span<const Paragraph> m_paragraphs;
  std::span<const Section> m_sections;
  std::vector<std::size_t> m_paragraph_counts;
  std::vector<std::size_t> m_name_counts;
};

std::string plural(std::size_t count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

void check(const RuleContext& ctx, std::vector<Hit>& hits) {
  const auto min = static_cast<std::size_t>(ctx.options.integer("min"));
  const auto min_in_section = static_cast<std::size_t>(ctx.options.integer("min_in_section"));
  const std::string& name = ctx.options.string("section");
  MetricCounts counts(ctx);
  const std::size_t total = counts.in(ctx.answer.begin, ctx.answer.end);

  bool section_short = false;
  std::size_t in_section = 0;
  const Section* section =
      min_in_section > 0 ? find_section(ctx, name, ctx.options.list("aliases")) : nullptr;
  if (section != nullptr) {
    in_section = counts.in(section->body_begin, section->body_end) + counts.in_name(*section);
    section_short = in_section < min_in_section;
  }
  if (section_short) {
    hits.push_back({section->title,
                    in_section == 0
                        ? fmt::format("{} has no number: say what changed, {}", name, k_example)
                        : fmt::format("{} has {}; give at least {}: say what changed, {}", name,
                                      plural(in_section, "number"), min_in_section, k_example)});
  }
  // When numbers in the section would also bring the answer to `min`, the
  // section's finding says it all.
  const bool covered = section_short && total < min && min - total <= min_in_section - in_section;
  if (total < min && !covered) {
    hits.push_back(
        {answer_start_span(ctx.doc, ctx.answer),
         total == 0
             ? fmt::format("no number in the answer: show the scale and the outcome, e.g. "
                           "'500 concurrent users', 'p95 fell from 2 s to 300 ms'")
             : fmt::format("only {} in the answer; give at least {}: show the scale and the "
                           "outcome, e.g. '500 concurrent users', 'p95 fell from 2 s to 300 ms'",
                           plural(total, "quantified metric"), min)});
  }
}

std::shared_ptr<const void> prepare(const Options& options) {
  require_at_least(options, "min", 0);
  require_at_least(options, "min_in_section", 0);
  return nullptr;
}

} // namespace

extern const Rule k_quantified_metrics{
    .id = "quantified-metrics",
    .summary = "The answer, and its Result above all, puts numbers on the scale and the outcome.",
    .doc = R"md(## What it does

Counts the quantified metrics in the answer's prose and reports an answer
with fewer than `min`, and a `section` (the Result, or one of its
`aliases`: Outcome, Impact...) with fewer than `min_in_section`. When the
section is missing, only `required-sections` says so. When numbers in the
section would also bring the whole answer up to `min`, only the section is
reported.

A quantified metric is a number, in digits or in words, bound to a unit or
to a counted thing:

- percentages: `40%`, `12 percentage points`, `half of the requests`
- durations: `300 ms`, `3 weeks`, `a 10-minute outage` (a bare year is not one)
- rates: `2k rps`, `300 QPS`, `30 tickets a week`, `5 MB/s`
- sizes: `2 TB`, `40 GB`, `3 million rows`
- money: `$2M`, `€300`, `300 USD`
- multipliers: `10x`, `3×`, `3 times faster`, `twice as fast`, `doubled`, `halved`
- counts of things: `500 concurrent users`, `two teams`, `dozens of services`
  (a plural noun within three words of the number)
- before -> after pairs and ranges, each one metric: `from 2 s to 300 ms`,
  `2 s -> 300 ms`, `3-4 weeks`
- approximations: `about 30`, `~3 months`, `under 300 ms`, `500+`

Bold or italic around a number makes no difference. Not metrics: versions
(`v2`, `Python 3.11`, `Java 17 services`, `OAuth 2.0`), years (`in 2021`,
`2019`), labels and list numbers (`step 2`, `phase 1`, `Tier 1`, `option 2`;
`top 3` too, because it ranks things rather than measuring them), HTTP
status codes (`404`, `a 500 error`, `503s`, `HTTP 429`, `5xx`), RFC and ISO
numbers, ids and tool names with digits (`S3`, `EC2`, `base62`, `p95` alone,
`UTF-8`, `5G`, `L2 cache`), ordinals (`1st`), times of day and dates
(`at 3 am`, `10:30`, `May 5`), and anything in code. `p95 latency of 300 ms`
counts once, for `300 ms`.

## Why it matters

"It got a lot faster" asks the interviewer to take your word for it; "p95
fell from 2 s to 300 ms for 500 concurrent users" shows you measured, and
tells them how big the problem was. Numbers in the Result are what an
interviewer remembers and writes down.

## Options

- `min` (integer, default `1`): fewest metrics in the whole answer; `0`
  turns this check off.
- `section` (string, default `"Result"`): the section that must hold numbers
  of its own. Names match as in `required-sections`: without regard to case,
  by prefix on a word boundary (`## Results: ...` is the Result).
- `min_in_section` (integer, default `1`): fewest metrics in `section`; `0`
  turns this check off.
- `aliases` (list of strings, default `["Outcome", "Outcomes", "Results",
  "Impact", "R"]`): other names accepted for `section`.
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
Checkout timed out for many users during the spring sale.

### Action
I moved the stock check from a locked table to a counter in Redis.

### Result
Checkout became much faster and the timeouts went away.
)md",
    .good_example = R"md(---
kind: behavioral
question: "Tell me about a time you fixed a performance problem."
---

### Situation
Checkout timed out for one user in ten during the spring sale.

### Action
I moved the stock check from a locked table to a counter in Redis.

### Result
Timeouts fell from 10% to 0.2% and p95 from 2 s to 300 ms.
)md",
    .example_kind = "behavioral",
};

} // namespace answerlint::rules
