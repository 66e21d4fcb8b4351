#pragma once

// The functions behind the avoid-phrases and required-terms rule types. The
// builtin rules of those types (filler-words, cliches, placeholders,
// tradeoffs) run the very same code as a user's own rule of the type, so a
// user configures them with the same options.

#include "lint/rule.hpp"

#include <memory>
#include <vector>

namespace answerlint::rules {

// avoid-phrases: one finding per match of `terms` / `patterns` that does not
// lie inside a match of `ignore`, with `message`.
void check_avoid_phrases(const RuleContext& context, std::vector<Hit>& hits);
std::shared_ptr<const void> prepare_avoid_phrases(const Options& options);

// required-terms: one finding when `terms` / `patterns` match fewer than
// `min` times, with `message`.
void check_required_terms(const RuleContext& context, std::vector<Hit>& hits);
std::shared_ptr<const void> prepare_required_terms(const Options& options);

} // namespace answerlint::rules
