#include "code/code_check.hpp"
#include "error.hpp"
#include "lint/rule.hpp"
#include "support.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace answerlint::rules {
namespace {

StringList every_grammar() {
  const auto names = code::grammar_languages();
  return {names.begin(), names.end()};
}

const OptionSpec k_options[] = {
    {"languages", OptionType::string_list, every_grammar(),
     "Languages whose code blocks are syntax-checked (tags such as py or yml count as their "
     "language)."},
    {"require_language", OptionType::boolean, true,
     "Report a fenced code block that names no language."},
};

// The canonical names of the languages to check, sorted.
struct Prepared {
  std::vector<std::string_view> languages;

  bool checks(std::string_view language) const {
    return std::ranges::binary_search(languages, language);
  }
};

Prepared prepare_languages(const Options& options) {
  Prepared prepared;
  for (const std::string& tag : options.list("languages")) {
    std::string_view language = code::canonical_language(tag);
    if (language.empty()) {
      throw Error(fmt::format("option 'languages': no grammar checks '{}'; the languages with "
                              "one are {}",
                              tag, fmt::join(code::grammar_languages(), ", ")));
    }
    prepared.languages.push_back(language);
  }
  std::ranges::sort(prepared.languages);
  return prepared;
}

std::shared_ptr<const void> prepare(const Options& options) {
  return std::make_shared<const Prepared>(prepare_languages(options));
}

// The language a tag names: `{.python}` and `python,ignore` mean python too.
std::string_view tag_language(std::string_view tag) {
  while (!tag.empty() && (tag.front() == '{' || tag.front() == '.')) {
    tag.remove_prefix(1);
  }
  return tag.substr(0, std::min(tag.find_first_of(",:{}"), tag.size()));
}

// The opening fence (``` or ~~~) on the line before the content; inside a
// list or a quote the line starts with its markers, which hold neither.
Span fence_span(const Document& doc, const CodeBlock& block) {
  const int line = std::max(1, block.first_line - 1);
  const std::string_view text = doc.lines.line_text(line);
  const std::size_t start = doc.lines.line_start(line);
  const std::size_t fence = text.find_first_of("`~");
  if (fence == std::string_view::npos) {
    return doc.span(start, start + text.size());
  }
  const std::size_t end = std::min(text.find_first_not_of(text[fence], fence), text.size());
  return doc.span(start + fence, start + end);
}

// Line `n` (1-based) of a block's content, without its line break.
std::string_view content_line(std::string_view text, int n) {
  std::size_t begin = 0;
  for (int i = 1; i < n && begin < text.size(); ++i) {
    begin = std::min(text.find('\n', begin), text.size()) + 1;
  }
  begin = std::min(begin, text.size());
  std::string_view line = text.substr(begin, text.find('\n', begin) - begin);
  if (line.ends_with('\r')) {
    line.remove_suffix(1);
  }
  return line;
}

// Maps a position in the block's content to the file: a content line is the
// file line with the container's prefix (list indentation, `> `, the fence's
// indentation) removed, so the prefix is what the file line has in front.
Span problem_span(const Document& doc, const CodeBlock& block, const code::SyntaxProblem& problem) {
  const int file_line = std::min(block.first_line + problem.line - 1, doc.lines.line_count());
  const std::string_view file_text = doc.lines.line_text(file_line);
  std::string_view text_line = content_line(block.text, problem.line);
  auto column = static_cast<std::size_t>(problem.column - 1);
  auto end_column = static_cast<std::size_t>(problem.end_column - 1);
  if (!file_text.ends_with(text_line)) {
    // md4c turned part of a tab into spaces: align on the first non-blank.
    const std::size_t indent = std::min(text_line.find_first_not_of(" \t"), text_line.size());
    text_line.remove_prefix(indent);
    column -= std::min(column, indent);
    end_column -= std::min(end_column, indent);
  }
  const std::size_t prefix =
      file_text.ends_with(text_line) ? file_text.size() - text_line.size() : 0;
  const std::size_t start = doc.lines.line_start(file_line);
  const std::size_t begin = start + std::min(prefix + column, file_text.size());
  const std::size_t end = start + std::min(prefix + end_column, file_text.size());
  return doc.span(begin, std::max(begin, end));
}

void check(const RuleContext& ctx, std::vector<Hit>& hits) {
  const auto* prepared = static_cast<const Prepared*>(ctx.prepared);
  Prepared local;
  if (prepared == nullptr) {
    local = prepare_languages(ctx.options);
    prepared = &local;
  }
  const bool require_language = ctx.options.boolean("require_language");
  for (const CodeBlock& block : ctx.doc.code_blocks_in(ctx.answer.begin, ctx.answer.end)) {
    if (!block.fenced) {
      continue; // indented code has no place for a tag
    }
    if (block.language.empty()) {
      if (require_language) {
        hits.push_back({fence_span(ctx.doc, block),
                        "code block has no language: tag it (```sql, ```python...) so readers "
                        "and tools can highlight and check it, or ```text for plain output"});
      }
      continue;
    }
    const std::string_view language = code::canonical_language(tag_language(block.language));
    if (language.empty() || !prepared->checks(language)) {
      continue;
    }
    if (std::optional<code::SyntaxProblem> problem = code::check_syntax(language, block.text)) {
      hits.push_back({problem_span(ctx.doc, block, *problem),
                      fmt::format("{} sample does not parse at line {}: {}; fix the sample or mark "
                                  "it ```text if it is pseudo-code",
                                  language, problem->line, problem->message)});
    }
  }
}

} // namespace

extern const Rule k_code_samples{
    .id = "code-samples",
    .summary = "Every fenced code block names its language, and samples in SQL, Python, Go, "
               "Java, JavaScript, TypeScript, JSON, YAML or Bash parse.",
    .doc = R"md(## What it does

Reports a fenced code block that names no language (a fence with nothing
after it), pointing at the fence. Then parses each block tagged with
a language it has a grammar for (bash, go, java, javascript, json, python,
sql, tsx, typescript, yaml, and the usual short tags: `sh`, `py`, `js`,
`ts`, `yml`, `golang`, `postgres`, `mysql`...) and reports the first syntax
error of each, pointing at the line and column inside the block where it
is, with what is wrong: `missing ')'`, `unexpected ','`.

Blocks tagged with anything else (`text`, `console`, `diff`, `mermaid`,
`jsonc`, `rust`...) are left alone, and so are indented code blocks, which
have no room for a tag. SQL is read leniently: dialect extras the grammar
does not know (`FOR UPDATE SKIP LOCKED`, `ON CONFLICT (key)`, `LIMIT 10, 20`,
`SHOW`, `GRANT`, transaction control, function bodies) are never reported.
Blocks over 256 KB, and parses that run past a fifth of a second, are
skipped without a finding.

## Why it matters

A reviewer who reads code in an answer reads it closely: a missing
parenthesis or an unclosed bracket in a ten-line sample says "not tried"
louder than any sentence around it. A tag gives the sample highlighting on
GitHub and in most editors and lets this rule check it.

## Options

- `languages` (list of strings, default: every language with a grammar):
  the languages whose blocks are parsed. Tags count as their language
  (`py` is `python`); a language without a grammar is a configuration error.
- `require_language` (boolean, default `true`): report fenced blocks with
  no language.
)md",
    .default_severity = Severity::warning,
    .options = k_options,
    .check = &check,
    .prepare = &prepare,
    .bad_example = R"md(The worker claims a job with:

```
SELECT id FROM jobs WHERE status = 'queued' LIMIT 1;
```

and retries with:

```python
def retry(job, attempts=3:
    for attempt in range(attempts):
        if run(job):
            return True
    return False
```
)md",
    .good_example = R"md(The worker claims a job with:

```sql
SELECT id FROM jobs WHERE status = 'queued'
ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED;
```

and retries with:

```python
def retry(job, attempts=3):
    for attempt in range(attempts):
        if run(job):
            return True
    return False
```

Sketches that are not meant to run go in a `text` block:

```text
claim job -> run -> on failure: back off, retry up to 3 times
```
)md",
};

} // namespace answerlint::rules
