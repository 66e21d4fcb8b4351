#include "lint/rule.hpp"
#include "section_lookup.hpp"
#include "support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace answerlint::rules {
namespace {

const OptionSpec k_options[] = {
    {"min_action_share", OptionType::number, 0.4,
     "Least share of the story's words in the `action` section, 0 to 1; 0 turns it off."},
    {"max_setup_share", OptionType::number, 0.35,
     "Largest share of the story's words in the `setup` sections together, 0 to 1; 1 turns "
     "it off."},
    {"action", OptionType::string, std::string("Action"), "The section that tells what you did."},
    {"setup", OptionType::string_list, StringList{"Situation", "Task"},
     "The sections that set the scene."},
    {"aliases", OptionType::string_list_map,
     StringListMap{{"Situation", {"Context", "Background", "Setting", "S"}},
                   {"Task", {"Goal", "Objective", "Challenge", "Problem", "T"}},
                   {"Action", {"Approach", "Actions", "What I did", "Solution", "A"}}},
     "Other names accepted for the sections: section name -> list of aliases."},
};

// Below this, a story is too short for its proportions to mean anything.
constexpr std::uint32_t k_min_story_words = 60;

// Words in the union of the sections' bodies, so that a Task nested in the
// Situation is not counted twice.
std::size_t words_in_union(const Document& doc, std::vector<const Section*> sections) {
  std::sort(sections.begin(), sections.end(),
            [](const Section* a, const Section* b) { return a->body_begin < b->body_begin; });
  std::size_t words = 0;
  std::size_t covered_to = 0;
  for (const Section* section : sections) {
    const std::size_t begin = std::max(section->body_begin, covered_to);
    if (section->body_end > begin) {
      words += doc.words_in(begin, section->body_end).size();
      covered_to = section->body_end;
    }
  }
  return words;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      out += i + 1 == names.size() ? " and " : ", ";
    }
    out += names[i];
  }
  return out;
}

void check_action(const RuleContext& ctx, const Section& action, double total,
                  std::vector<Hit>& hits) {
  const double min_share = ctx.options.number("min_action_share");
  const double share = static_cast<double>(action.word_count) / total;
  if (min_share <= 0 || share >= min_share) {
    return;
  }
  hits.push_back(
      {action.title,
       fmt::format("{} holds {}% of the story's words: give it at least {}% with the steps "
                   "you took, the choices you made and why",
                   ctx.options.string("action"), static_cast<int>(std::floor(share * 100)),
                   static_cast<int>(std::ceil(min_share * 100)))});
}

void check_setup(const RuleContext& ctx, const std::vector<const Section*>& setup,
                 const std::vector<std::string>& names, double total, std::vector<Hit>& hits) {
  const double max_share = ctx.options.number("max_setup_share");
  const double share = static_cast<double>(words_in_union(ctx.doc, setup)) / total;
  if (max_share >= 1 || share <= max_share) {
    return;
  }
  const Section* first = *std::min_element(
      setup.begin(), setup.end(), [](auto* a, auto* b) { return a->title.begin < b->title.begin; });
  hits.push_back(
      {first->title, fmt::format("{} take{} {}% of the story: cut the background to two or three "
                                 "sentences and spend the words on what you did",
                                 join_names(names), names.size() == 1 ? "s" : "",
                                 static_cast<int>(std::ceil(share * 100)))});
}

void check(const RuleContext& ctx, std::vector<Hit>& hits) {
  if (ctx.answer.word_count < k_min_story_words) {
    return;
  }
  const StringList& setup_names = ctx.options.list("setup");
  StringList names = setup_names;
  names.push_back(ctx.options.string("action"));
  std::span<const Section> sections = ctx.doc.sections_of(ctx.answer_index);
  const auto found = find_sections(ctx, sections, names, ctx.options.map("aliases"));
  if (!found.back()) {
    return; // no Action: required-sections says so, and shares mean little
  }
  const auto total = static_cast<double>(ctx.answer.word_count);
  check_action(ctx, sections[*found.back()], total, hits);

  std::vector<const Section*> setup;
  std::vector<std::string> present;
  for (std::size_t n = 0; n < setup_names.size(); ++n) {
    if (found[n]) {
      setup.push_back(&sections[*found[n]]);
      present.push_back(setup_names[n]);
    }
  }
  if (!setup.empty()) {
    check_setup(ctx, setup, present, total, hits);
  }
}

std::shared_ptr<const void> prepare(const Options& options) {
  require_between(options, "min_action_share", 0.0, 1.0);
  require_between(options, "max_setup_share", 0.0, 1.0);
  return nullptr;
}

} // namespace

extern const Rule k_section_balance{
    .id = "section-balance",
    .summary = "The story spends its words on what you did, not on the setting.",
    .doc = R"md(## What it does

Measures how the story's words are shared between its sections, and reports
the `action` section (Action) when it holds less than `min_action_share` of
them, and the first of the `setup` sections (Situation, Task) when together
they hold more than `max_setup_share`. The shares are of all the prose words
of the answer; sections are found by name or alias, as `required-sections`
finds them.

A story under 60 words is too short to judge, and an answer without the
Action section gives no finding (`required-sections` reports it).

## Why it matters

Interviewers ask a behavioral question to hear what you did and how you
think. Candidates tend to spend most of their two minutes on the background
they remember well, and rush the part that gets them hired. Two or three
sentences of Situation and Task are enough; the Action deserves the most
words.

## Options

- `min_action_share` (number, default `0.4`): least share of the words in
  the Action, from `0` to `1`; `0` turns the check off.
- `max_setup_share` (number, default `0.35`): largest share of the words in
  the setup sections together, from `0` to `1`; `1` turns the check off.
- `action` (string, default `"Action"`): the section that tells what you did.
- `setup` (list of strings, default `["Situation", "Task"]`): the sections
  that set the scene.
- `aliases` (table of string lists, default the STAR synonyms: `Situation =
  ["Context", "Background", "Setting", "S"]`, `Task = ["Goal", "Objective",
  "Challenge", "Problem", "T"]`, `Action = ["Approach", "Actions", "What I
  did", "Solution", "A"]`): other names accepted for the sections.
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
Our checkout service was a ten-year-old monolith that every team in the
company touched. It had grown over many years, with several owners, and
nobody knew all of it. The spring sale was the biggest event of the year
for the business, with marketing campaigns planned for weeks, and the
whole company was watching the numbers on a dashboard in the office.
During the first hour of the sale, checkout started timing out for one
user in ten, and support tickets piled up.

### Task
I was on call and had to fix it before the evening campaign.

### Action
I moved the stock check to a Redis counter.

### Result
Timeouts fell from 10% to 0.2%.
)md",
    .good_example = R"md(---
kind: behavioral
question: "Tell me about a time you fixed a performance problem."
---

### Situation
Checkout timed out for one user in ten during the spring sale.

### Task
I was on call and had to fix it before the evening campaign.

### Action
I traced the slow requests to a row lock on the inventory table: every
checkout waited for the one before it. I weighed a bigger database against
moving the stock check out of the transaction, and chose the second because
it removed the contention instead of delaying it. I moved the check to a
Redis counter, kept the table as the record of truth with a nightly
reconciliation, and load-tested the change at three times the peak traffic
before rolling it out behind a flag.

### Result
Timeouts fell from 10% to 0.2%.
)md",
    .example_kind = "behavioral",
};

} // namespace answerlint::rules
