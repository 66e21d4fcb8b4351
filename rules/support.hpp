#pragma once

// Helpers shared by the rules in this folder: where to point a finding that
// concerns a whole answer, option checks for prepare(), and the phrase
// matcher behind the avoid-phrases and required-terms rule types.

#include "lint/rule.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
} // namespace re2

namespace answerlint::rules {

// The answer's title, or its first non-blank line when it has none: where a
// finding about the whole answer points.
Span answer_start_span(const Document& doc, const Answer& answer);
// The first line of the document at or after `offset` that is not blank
// (or an empty span at `offset` when only blank lines follow).
Span first_line_span(const Document& doc, std::size_t offset, std::size_t limit);

// Whether a section is the answer's own title rather than one of its parts:
// the split heading, or a first heading that encloses every other section
// of the answer ("# Design a URL shortener" above "## API").
bool is_answer_title(const RuleContext& context, const Section& section);

// ASCII letters, digits and '_', as RE2's \b sees words.
bool is_ascii_word_char(char c);
char ascii_lower(char c);
bool iequals(std::string_view a, std::string_view b);
std::string replace_all(std::string text, std::string_view from, std::string_view to);

// Levenshtein distance, ASCII letters compared case-insensitively.
std::size_t edit_distance(std::string_view a, std::string_view b);
// For "did you mean": the candidate nearest `word` when it is fewer than
// `limit` edits away (the first of equals), else empty.
std::string_view closest(std::string_view word, std::span<const std::string_view> candidates,
                         std::size_t limit);
std::string_view closest(std::string_view word, std::span<const std::string> candidates,
                         std::size_t limit);

// For prepare(): throws answerlint::Error when an integer option is below `min`.
void require_at_least(const Options& options, std::string_view name, std::int64_t min);
// For prepare(): throws answerlint::Error when a number option is outside [min, max].
void require_between(const Options& options, std::string_view name, double min, double max);

// One RE2 built from a rule's `terms` (literal, case-insensitive, on word
// boundaries, any run of spaces matching any whitespace) and `patterns`.
struct PhraseMatcher {
  std::shared_ptr<const re2::RE2> regex; // null when there are no terms nor patterns
};

// Throws answerlint::Error("invalid pattern '...': ...") on a bad pattern.
PhraseMatcher compile_phrases(const StringList& terms, const StringList& patterns);
// The same check of each pattern, without compiling anything.
void check_patterns(const StringList& patterns);

// A PhraseMatcher compiled on first use, for lists that most answers never
// need (the contexts that excuse a match): its patterns are checked when
// it is made, so that a bad one is still a configuration error. Thread-safe.
class LazyPhraseMatcher {
public:
  LazyPhraseMatcher(StringList terms, StringList patterns);
  const PhraseMatcher& get() const;

private:
  StringList m_terms;
  StringList m_patterns;
  mutable std::once_flag m_compiled;
  mutable PhraseMatcher m_matcher;
};
std::shared_ptr<const void> prepare_phrases(const Options& options);
// The prepared matcher, or one compiled now when the runner prepared none.
PhraseMatcher phrase_matcher(const RuleContext& context);

using PhraseFn = std::function<void(std::string_view text, const Span& span)>;

// Calls `on_match` for each non-empty match in one paragraph of the
// document, left to right, without overlaps, with the matched text and its
// span in the file.
void for_each_phrase_in(const Document& doc, const Paragraph& paragraph,
                        const PhraseMatcher& matcher, const PhraseFn& on_match);
// The number of such matches in the answer's prose, counted no further than
// `limit`: a rule that needs `limit` of them stops scanning once it has them.
std::int64_t count_phrases(const RuleContext& context, const PhraseMatcher& matcher,
                           std::int64_t limit);

} // namespace answerlint::rules
