#include "lint/rule.hpp"
#include "support.hpp"

#include <fmt/format.h>

namespace answerlint::rules {
namespace {

const OptionSpec k_options[] = {
    {"max_words", OptionType::integer, std::int64_t{35},
     "Most words in one sentence; 0 turns the rule off."},
};

void check(const RuleContext& ctx, std::vector<Hit>& hits) {
  const std::int64_t max_words = ctx.options.integer("max_words");
  if (max_words <= 0) {
    return;
  }
  for (const Sentence& sentence : ctx.doc.sentences_in(ctx.answer.begin, ctx.answer.end)) {
    if (sentence.word_count > max_words) {
      hits.push_back({sentence.span,
                      fmt::format("Sentence has {} words: split it; a listener loses the thread "
                                  "after about {}",
                                  sentence.word_count, max_words)});
    }
  }
}

std::shared_ptr<const void> prepare(const Options& options) {
  require_at_least(options, "max_words", 0);
  return nullptr;
}

} // namespace

extern const Rule k_sentence_length{
    .id = "sentence-length",
    .summary = "Sentences short enough to follow when spoken.",
    .doc = R"md(## What it does

Counts the words of each sentence of the answer's prose (code, headings and
front matter are not prose) and reports every sentence longer than
`max_words`, pointing at the whole sentence.

## Why it matters

An answer is read once, then said aloud in the interview. A listener keeps
a sentence in mind until its verb and its point arrive; after about 35
words they have lost the start of it, and you lose your own place too.
Long sentences in a written answer are usually two or three ideas joined
by "and", which split cleanly at the joins.

## Options

- `max_words` (integer, default `35`): most words in one sentence; `0`
  turns the rule off.
)md",
    .default_severity = Severity::warning,
    .options = k_options,
    .check = &check,
    .prepare = &prepare,
    .bad_example = R"md(When the nightly billing export started timing out because the orders table
had grown past two hundred million rows and the query still scanned all of
them every night, I rewrote it to read only the rows that changed since the
last run and moved it to a replica so that it no longer competed with
checkout traffic.
)md",
    .good_example = R"md(The nightly billing export started timing out: the orders table had grown
past two hundred million rows, and the query scanned all of them. I
rewrote it to read only the rows changed since the last run. I also moved
it to a replica, so that it no longer competed with checkout traffic.
)md",
};

} // namespace answerlint::rules
