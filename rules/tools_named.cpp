#include "lint/rule.hpp"
#include "support.hpp"
#include "vocabulary.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace answerlint::rules {
namespace {

const OptionSpec k_options[] = {
    {"min", OptionType::integer, std::int64_t{2},
     "Fewest distinct tools or technologies the answer names; 0 turns the check off."},
    {"extra", OptionType::string_list, StringList{},
     "Tools to count besides the vocabulary: \"Name\" or \"Name=alias1,alias2\"."},
    {"vocabulary", OptionType::string_list, StringList{},
     "When not empty, the only tools counted, replacing the builtin vocabulary; same form as "
     "extra."},
};

constexpr std::size_t k_names_shown = 4;

std::shared_ptr<const void> prepare(const Options& options) {
  require_at_least(options, "min", 0);
  const StringList& vocabulary = options.list("vocabulary");
  const StringList& extra = options.list("extra");
  if (vocabulary.empty() && extra.empty()) {
    return builtin_tools();
  }
  return std::make_shared<const ToolMatcher>(configured_tools(vocabulary, extra));
}

struct Named {
  std::size_t offset = 0;
  std::uint32_t tool = 0;
};

// The prose words of the answer, without URL schemes ("https" of a link is
// not HTTP), each knowing whether it opens a sentence.
void prose_tokens(const RuleContext& ctx, std::vector<Token>& tokens) {
  const Document& doc = ctx.doc;
  const std::string_view source = doc.source;
  tokens.reserve(ctx.answer.word_count);
  for (const Sentence& sentence : doc.sentences_in(ctx.answer.begin, ctx.answer.end)) {
    for (std::uint32_t i = 0; i < sentence.word_count; ++i) {
      const Span& span = doc.words[sentence.first_word + i].span;
      // One byte decides for almost every word; only a ':' costs the compare.
      if (span.end >= source.size() || source[span.end] != ':' ||
          source.substr(span.end, 3) != "://") {
        tokens.push_back({span.begin, span.end, i == 0});
      }
    }
  }
}

// Every tool named in the answer's prose and code spans (not code blocks),
// in the order of its first mention.
std::vector<std::uint32_t> tools_named(const RuleContext& ctx, const ToolMatcher& matcher) {
  std::vector<Named> named;
  std::vector<Token> tokens;
  std::vector<ToolHit> hits;
  prose_tokens(ctx, tokens);
  matcher.find(ctx.doc.source, tokens, hits);
  for (const ToolHit& hit : hits) {
    named.push_back({tokens[hit.token].begin, hit.tool});
  }
  for (const CodeSpan& code : ctx.doc.code_spans_in(ctx.answer.begin, ctx.answer.end)) {
    tokens.clear();
    hits.clear();
    tokenize_text(code.text, tokens);
    matcher.find(code.text, tokens, hits);
    for (const ToolHit& hit : hits) {
      named.push_back({code.span.begin, hit.tool});
    }
  }
  std::stable_sort(named.begin(), named.end(),
                   [](const Named& a, const Named& b) { return a.offset < b.offset; });
  std::vector<std::uint32_t> tools;
  for (const Named& entry : named) {
    if (std::find(tools.begin(), tools.end(), entry.tool) == tools.end()) {
      tools.push_back(entry.tool);
    }
  }
  return tools;
}

std::string what_is_named(const ToolMatcher& matcher, const std::vector<std::uint32_t>& tools) {
  if (tools.empty()) {
    return "names no tool or technology";
  }
  std::string names;
  for (std::size_t i = 0; i < tools.size() && i < k_names_shown; ++i) {
    names += (i == 0 ? "" : ", ") + matcher.tools()[tools[i]].name;
  }
  return fmt::format("names {} tool{} ({})", tools.size(), tools.size() == 1 ? "" : "s", names);
}

void check(const RuleContext& ctx, std::vector<Hit>& hits) {
  const std::int64_t min = ctx.options.integer("min");
  if (min <= 0) {
    return;
  }
  std::shared_ptr<const void> own;
  const void* prepared = ctx.prepared;
  if (prepared == nullptr) {
    own = prepare(ctx.options);
    prepared = own.get();
  }
  const auto& matcher = *static_cast<const ToolMatcher*>(prepared);
  const std::vector<std::uint32_t> tools = tools_named(ctx, matcher);
  if (static_cast<std::int64_t>(tools.size()) >= min) {
    return;
  }
  hits.push_back({answer_start_span(ctx.doc, ctx.answer),
                  fmt::format("{}, fewer than {}: name the tools you used and what for, e.g. "
                              "'Redis for the cache, Kafka for the events'",
                              what_is_named(matcher, tools), min)});
}

} // namespace

extern const Rule k_tools_named{
    .id = "tools-named",
    .summary = "The answer names the tools and technologies it relies on.",
    .doc = R"md(## What it does

Counts the distinct tools and technologies the answer names, from a builtin
vocabulary of more than 500 (databases, queues, caches, clouds and their
services, languages, frameworks, observability, CI/CD, infrastructure,
protocols, testing tools), and reports an answer that names fewer than
`min`. Aliases count as one tool: Postgres and PostgreSQL, k8s and
Kubernetes, Lambda and AWS Lambda.

Names match as whole words in the answer's prose and in code spans
(`` `Redis` ``), never in code blocks, headings or front matter. Most names
match in any case (`kafka`, `KAFKA`). A name that is also an ordinary
English word matches only as written: `Go` is the language and "go" the
verb, `Spark` the engine and "spark" the noun, likewise `Rust`, `Swift`,
`Flask`, `Jest`, `Chef`, `Puppet`, `Vault`, `REST`. At the start of a
sentence such a name counts unless the next word shows the English verb
("Go through the logs" does not count; "Go services", "Go's scheduler" do).

## Why it matters

"We used a database and a queue" could be anyone's answer. Naming what you
used (PostgreSQL for orders, Kafka for events) shows hands-on experience,
gives the interviewer something concrete to dig into, and lets you show
why you chose it over the alternatives.

## Options

- `min` (integer, default `2`): fewest distinct tools; `0` turns the check
  off.
- `extra` (list of strings, default `[]`): tools to count besides the
  vocabulary, each `"Name"` or `"Name=alias1,alias2"`
  (`"Orderly=orderly-api"`). A name of a builtin tool brings its aliases and
  case rule; a new name matches in any case unless it is an English word
  (then only as written, like the builtin ones).
- `vocabulary` (list of strings, default `[]`): when not empty, the only
  tools counted, replacing the builtin vocabulary; entries as in `extra`
  (`["PostgreSQL", "Go"]` counts those two with all their aliases).
)md",
    .default_severity = Severity::warning,
    .options = k_options,
    .check = &check,
    .prepare = &prepare,
    .bad_example = R"md(I moved the nightly report to a background job that reads from a replica
of the database, so the main store no longer slows down during the run.
)md",
    .good_example = R"md(I moved the nightly report to a Celery job that reads from a PostgreSQL
replica, so the primary no longer slows down during the run.
)md",
    .example_kind = "technical",
};

} // namespace answerlint::rules
