#include "lint/rule.hpp"
#include "section_lookup.hpp"
#include "support.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>

namespace answerlint::rules {
namespace {

const OptionSpec k_options[] = {
    {"sections", OptionType::string_list, StringList{},
     "The sections every answer needs, in order. Empty: the rule checks nothing."},
    {"aliases", OptionType::string_list_map, StringListMap{},
     "Other names accepted for a section: section name -> list of aliases."},
    {"ordered", OptionType::boolean, true,
     "Whether the sections must come in the order of `sections`."},
    {"min_words", OptionType::integer, std::int64_t{1},
     "Fewest words of prose a section needs; 0 accepts empty sections."},
};

struct SectionHint {
  std::string_view name;
  std::string_view hint;
};

// What each well-known section should hold, so that a finding says what to
// write, not only what is absent.
const SectionHint k_hints[] = {
    {"situation", "set the scene in two or three sentences: where you were and what was at stake"},
    {"context", "set the scene in two or three sentences: where you were and what was at stake"},
    {"task", "say what you were responsible for and what success looked like"},
    {"goal", "say what you were responsible for and what success looked like"},
    {"action", "tell what you did, step by step, in the first person"},
    {"approach", "tell what you did, step by step, in the first person"},
    {"result", "end the story with what changed, e.g. 'p95 fell from 2 s to 300 ms'"},
    {"outcome", "end the story with what changed, e.g. 'p95 fell from 2 s to 300 ms'"},
    {"requirements",
     "list what the system must do and how well, e.g. '10k writes/s, p99 under 100 ms'"},
    {"data model", "show the main entities, their keys and where they are stored"},
    {"api", "sketch the main endpoints with their inputs and outputs"},
    {"scalability",
     "explain how the design grows (caching, sharding, replication) and what breaks first"},
    {"trade-offs", "say what you gave up for what you chose, e.g. 'consistency for latency'"},
    {"learnings", "say what you would do differently next time"},
};

std::string hint_for(std::string_view name) {
  for (const SectionHint& entry : k_hints) {
    if (iequals(entry.name, name)) {
      return std::string(entry.hint);
    }
  }
  return fmt::format("add it as a heading (`### {0}`) or a label (`**{0}:** ...`)", name);
}

void check_words(const Section& section, std::string_view name, std::int64_t min_words,
                 std::vector<Hit>& hits) {
  if (min_words <= 0 || section.word_count >= static_cast<std::uint64_t>(min_words)) {
    return;
  }
  if (section.word_count == 0) {
    hits.push_back({section.title, fmt::format("{} section is empty: {}", name, hint_for(name))});
    return;
  }
  hits.push_back(
      {section.title,
       fmt::format("{} section has only {} word{}: write at least {}; {}", name, section.word_count,
                   section.word_count == 1 ? "" : "s", min_words, hint_for(name))});
}

// Where an out-of-place section belongs: after the in-order section before
// it in `sections` when it comes ahead of that one, else before the next.
std::string placement(const StringList& names, const std::vector<std::optional<std::size_t>>& found,
                      const std::vector<std::size_t>& present, const std::vector<bool>& in_order,
                      std::size_t i) {
  const std::size_t position = *found[present[i]];
  for (std::size_t j = i; j-- > 0;) {
    if (in_order[j]) {
      if (position < *found[present[j]]) {
        return fmt::format("after {}", names[present[j]]);
      }
      break;
    }
  }
  for (std::size_t j = i + 1; j < present.size(); ++j) {
    if (in_order[j]) {
      return fmt::format("before {}", names[present[j]]);
    }
  }
  return "into place";
}

// Marks the longest run of `positions` that is already in increasing order.
std::vector<bool> longest_in_order(const std::vector<std::size_t>& positions) {
  const std::size_t count = positions.size();
  std::vector<std::size_t> length(count, 1);
  std::vector<std::size_t> previous(count, count);
  for (std::size_t i = 0; i < count; ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (positions[j] < positions[i] && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
  }
  std::vector<bool> in_order(count, false);
  if (count == 0) {
    return in_order;
  }
  auto last =
      static_cast<std::size_t>(std::max_element(length.begin(), length.end()) - length.begin());
  for (std::size_t i = last; i < count; i = previous[i]) {
    in_order[i] = true;
  }
  return in_order;
}

// The configured sections that are found but out of place: those outside
// the longest run already in order, so that one misplaced section gives one
// finding, not one per neighbour.
void check_order(std::span<const Section> sections, const StringList& names,
                 const std::vector<std::optional<std::size_t>>& found, std::vector<Hit>& hits) {
  std::vector<std::size_t> present; // indexes into names, in configured order
  std::vector<std::size_t> positions;
  for (std::size_t n = 0; n < names.size(); ++n) {
    if (found[n]) {
      present.push_back(n);
      positions.push_back(*found[n]);
    }
  }
  std::vector<bool> in_order = longest_in_order(positions);
  std::string expected = fmt::format("{}", fmt::join(names, ", "));
  for (std::size_t i = 0; i < present.size(); ++i) {
    if (in_order[i]) {
      continue;
    }
    std::string where = placement(names, found, present, in_order, i);
    hits.push_back({sections[positions[i]].title,
                    fmt::format("{} section is out of order: move it {} (expected order: {})",
                                names[present[i]], where, expected)});
  }
}

void check(const RuleContext& ctx, std::vector<Hit>& hits) {
  const StringList& names = ctx.options.list("sections");
  if (names.empty()) {
    return;
  }
  std::span<const Section> sections = ctx.doc.sections_of(ctx.answer_index);
  std::vector<std::optional<std::size_t>> found =
      find_sections(ctx, sections, names, ctx.options.map("aliases"));
  for (std::size_t n = 0; n < names.size(); ++n) {
    if (!found[n]) {
      hits.push_back({answer_start_span(ctx.doc, ctx.answer),
                      fmt::format("{} section is missing: {}", names[n], hint_for(names[n]))});
    } else {
      check_words(sections[*found[n]], names[n], ctx.options.integer("min_words"), hits);
    }
  }
  if (ctx.options.boolean("ordered")) {
    check_order(sections, names, found, hits);
  }
}

std::shared_ptr<const void> prepare(const Options& options) {
  require_at_least(options, "min_words", 0);
  return nullptr;
}

} // namespace

extern const Rule k_required_sections{
    .id = "required-sections",
    .summary = "Every configured section is present, written, and in order.",
    .doc = R"md(## What it does

Checks that the answer has each section listed in `sections` (for a
behavioral story: Situation, Task, Action, Result), that each one holds at
least `min_words` words of prose, and, with `ordered`, that they come in the
listed order.

A section is a heading of any level (`### Result`) or a label: `**Result:**
text`, `**Result**:` followed by a line break, a bold label alone on its
line, `Result - text`, or a list item that opens with one
(`- **R**: p95 fell to 300 ms` when `R` is an alias). Names match without
regard to case and by prefix on a word boundary: `## Result: p95 back under
300 ms` and `## Results` are the Result section; the alias `S` does not match
`Setting`.

## Why it matters

Interviewers listen for structure. A story without a Result leaves them
guessing whether it worked; a Situation that runs on while the Action is one
line tells them the candidate remembers the setting better than their own
work. A fixed order keeps every story easy to follow.

## Options

- `sections` (list of strings, default `[]`): the sections every answer
  needs, in order. With none, the rule checks nothing; the builtin preset
  sets STAR for behavioral answers and Requirements, Data model, API,
  Scalability for system design.
- `aliases` (table of string lists, default `{}`): other names accepted for
  a section, e.g. `{ Situation = ["Context", "S"], Result = ["Outcome", "R"] }`.
- `ordered` (boolean, default `true`): the sections must appear in the order
  of `sections`.
- `min_words` (integer, default `1`): fewest words of prose a section needs;
  `0` accepts empty sections.
)md",
    .default_severity = Severity::error,
    .options = k_options,
    .check = &check,
    .prepare = &prepare,
    .bad_example = R"md(---
kind: behavioral
question: "Tell me about a time you fixed a performance problem."
---

### Situation
Checkout timed out for one user in ten during the spring sale.

### Task
I owned the checkout service and had to fix it before the next campaign.

### Action
I traced the slow calls to a lock on the inventory table and moved the
stock check to a Redis counter.
)md",
    .good_example = R"md(---
kind: behavioral
question: "Tell me about a time you fixed a performance problem."
---

### Situation
Checkout timed out for one user in ten during the spring sale.

### Task
I owned the checkout service and had to fix it before the next campaign.

### Action
I traced the slow calls to a lock on the inventory table and moved the
stock check to a Redis counter.

### Result
Timeouts fell from 10% to 0.2% and p95 from 2 s to 300 ms.
)md",
    .example_kind = "behavioral",
    .example_config = R"toml([rules.required-sections]
sections = ["Situation", "Task", "Action", "Result"]
)toml",
    .example_note = "the story below has no Result:",
};

} // namespace answerlint::rules
