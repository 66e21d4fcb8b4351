#include "lint/rule.hpp"
#include "support.hpp"

#include <fmt/format.h>

#include <cmath>

namespace answerlint::rules {
namespace {

const OptionSpec k_options[] = {
    {"min_words", OptionType::integer, std::int64_t{80},
     "Fewest words in the answer; 0 turns the check off."},
    {"max_words", OptionType::integer, std::int64_t{450},
     "Most words in the answer; 0 turns the check off."},
    {"words_per_minute", OptionType::integer, std::int64_t{150},
     "Speaking rate used to tell how long the answer takes to say."},
    {"max_section_words", OptionType::integer, std::int64_t{0},
     "Most words in any one section; 0 turns the check off."},
};

// Rounded the way people say it: "30 seconds", "3.5 minutes".
std::string speaking_time(std::int64_t words, std::int64_t words_per_minute) {
  double minutes = static_cast<double>(words) / static_cast<double>(words_per_minute);
  long seconds = std::lround(minutes * 60.0 / 5.0) * 5;
  if (seconds < 60) {
    return fmt::format("{} seconds", std::max(seconds, 5L));
  }
  double halves = std::round(minutes * 2.0) / 2.0;
  if (halves == 1.0) {
    return "1 minute";
  }
  return fmt::format("{:g} minutes", halves);
}

void check_answer(const RuleContext& ctx, std::vector<Hit>& hits) {
  const std::int64_t words = ctx.answer.word_count;
  const std::int64_t min_words = ctx.options.integer("min_words");
  const std::int64_t max_words = ctx.options.integer("max_words");
  const std::int64_t rate = ctx.options.integer("words_per_minute");
  if (min_words > 0 && words < min_words) {
    std::string said = words == 0 ? std::string("the answer is empty")
                                  : fmt::format("{} word{}, about {} to say", words,
                                                words == 1 ? "" : "s", speaking_time(words, rate));
    hits.push_back({answer_start_span(ctx.doc, ctx.answer),
                    fmt::format("{}: expand to at least {} words ({}) with what you did, why, "
                                "and what changed",
                                said, min_words, speaking_time(min_words, rate))});
  } else if (max_words > 0 && words > max_words) {
    hits.push_back({answer_start_span(ctx.doc, ctx.answer),
                    fmt::format("{} words, about {} to say: cut to {} words ({}) by trimming "
                                "background and keeping what you did and what changed",
                                words, speaking_time(words, rate), max_words,
                                speaking_time(max_words, rate))});
  }
}

void check_sections(const RuleContext& ctx, std::vector<Hit>& hits) {
  const std::int64_t limit = ctx.options.integer("max_section_words");
  if (limit <= 0) {
    return;
  }
  const std::int64_t rate = ctx.options.integer("words_per_minute");
  for (const Section& section : ctx.doc.sections_of(ctx.answer_index)) {
    const std::int64_t words = section.word_count;
    // The answer's title holds the whole answer: max_words judges that.
    if (words > limit && !is_answer_title(ctx, section)) {
      hits.push_back({section.title,
                      fmt::format("{} section has {} words, about {} to say: cut it to {} word{}; "
                                  "keep one point per sentence and drop what the interviewer "
                                  "did not ask",
                                  section.name, words, speaking_time(words, rate), limit,
                                  limit == 1 ? "" : "s")});
    }
  }
}

void check(const RuleContext& ctx, std::vector<Hit>& hits) {
  check_answer(ctx, hits);
  check_sections(ctx, hits);
}

std::shared_ptr<const void> prepare(const Options& options) {
  require_at_least(options, "min_words", 0);
  require_at_least(options, "max_words", 0);
  require_at_least(options, "words_per_minute", 1);
  require_at_least(options, "max_section_words", 0);
  return nullptr;
}

} // namespace

extern const Rule k_length{
    .id = "length",
    .summary = "The answer is long enough to convince and short enough to say in a few minutes.",
    .doc = R"md(## What it does

Counts the words of prose in the answer (code, HTML and front matter do not
count) and reports an answer under `min_words` or over `max_words`, with the
time it takes to say at `words_per_minute`. With `max_section_words`, it also
reports each section that runs over that many words.

## Why it matters

A spoken answer of two to three minutes holds an interviewer's attention; a
written answer that would take five minutes to say will be cut off halfway,
usually before the result. An answer of a few sentences, on the other hand,
gives no evidence of what you did.

## Options

- `min_words` (integer, default `80`): fewest words; `0` turns the check off.
- `max_words` (integer, default `450`): most words; `0` turns the check off.
- `words_per_minute` (integer, default `150`): speaking rate used for the
  time shown in the message.
- `max_section_words` (integer, default `0`, off): most words in any one
  section.
)md",
    .default_severity = Severity::warning,
    .options = k_options,
    .check = &check,
    .prepare = &prepare,
    .bad_example = R"md(I improved the performance of our API by adding a cache in front of the
database, and it got a lot faster.
)md",
    .good_example = R"md(Our product API answered in 1.8 s at p95 during peak hours, and the mobile
team had started caching responses on the client to hide it.

I owned the fix. Profiling showed that 70% of the time went into the same
three catalogue queries, which changed only when merchants edited products.

I added a Redis read-through cache keyed by product and locale, invalidated
it from the product-updated event instead of using a fixed expiry, and
rolled it out behind a flag to one region first so that we could compare.

p95 fell from 1.8 s to 240 ms, database CPU dropped by half, and the mobile
team removed their client cache a sprint later.
)md",
};

} // namespace answerlint::rules
