#pragma once

// Finding an answer's sections by name, the one way every rule does it:
// required-sections checks that they exist, quantified-metrics,
// first-person and section-balance look inside them.

#include "lint/rule.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace answerlint::rules {

// Case-insensitive prefix match that ends on a word boundary: "Result: p95
// back under 300 ms" and "Results" are the Result section, "1. Situation"
// is Situation, but neither "Setting" nor "S. Jones" is the alias "S" (a
// key under three letters matches only the whole name; plurals count only
// for longer keys).
bool section_name_matches(std::string_view section_name, std::string_view key);

// The aliases listed for `name` (exact key first, then ignoring case), or null.
const StringList* aliases_of(const StringListMap& aliases, std::string_view name);

// For each of `names`, the index in `sections` (the answer's sections) of
// the first section called that name or one of its aliases, skipping the
// answer's own title and sections already taken by an earlier name.
std::vector<std::optional<std::size_t>> find_sections(const RuleContext& context,
                                                      std::span<const Section> sections,
                                                      const StringList& names,
                                                      const StringListMap& aliases);

// The first section of the answer called `name` or one of `aliases`, or null.
const Section* find_section(const RuleContext& context, std::string_view name,
                            const StringList& aliases);

} // namespace answerlint::rules
