#pragma once

// Syntax checks of code samples with tree-sitter grammars. This folder is the
// only user of tree-sitter; callers see languages by name and problems as
// positions within the sample.

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace answerlint::code {

// The first syntax problem of a sample. Lines are 1-based; columns are
// 1-based byte offsets within the line of the sample's own text, and
// `end_column` is exclusive (equal to `column` for something missing).
struct SyntaxProblem {
  int line = 1;
  int column = 1;
  int end_column = 1;
  // What is wrong, for a person: "unexpected ','", "missing ')'",
  // "cannot parse 'def f(x)'".
  std::string message;
};

// Bounds that keep a pathological sample from costing more than it is worth:
// a sample over `max_bytes`, or whose parse runs past `time_budget`, is not
// judged (no problem is reported).
struct SyntaxLimits {
  std::size_t max_bytes = 256 * 1024;
  std::chrono::microseconds time_budget{200'000};
};

// The canonical names of the languages that have a grammar, sorted:
// bash, go, java, javascript, json, python, sql, tsx, typescript, yaml.
std::span<const std::string_view> grammar_languages();

// The grammar's name for a code block's language tag (any ASCII case), or
// an empty view when none checks it: "py" -> "python", "yml" -> "yaml",
// "console" -> "" (a transcript with prompts, not a script).
std::string_view canonical_language(std::string_view tag);
bool has_grammar(std::string_view language);

// Parses `code` as `language` (a tag or a canonical name) and returns the
// first ERROR or MISSING node in document order, or nothing when the code
// parses, when no grammar checks the language, or when a limit is hit.
// Thread-safe: each thread has its own parsers.
std::optional<SyntaxProblem> check_syntax(std::string_view language, std::string_view code,
                                          const SyntaxLimits& limits = {});

} // namespace answerlint::code
