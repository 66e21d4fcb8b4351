#include "lint/rule.hpp"

// The registry: an explicit list, so that adding a rule is one visible line
// and the order (by id) never depends on link order.
namespace answerlint {

namespace rules {
extern const Rule k_avoid_phrases;
extern const Rule k_front_matter;
extern const Rule k_length;
extern const Rule k_required_sections;
extern const Rule k_required_terms;
} // namespace rules

namespace {

// Sorted by id; a test checks it.
const Rule* const k_all_rules[] = {
    &rules::k_front_matter,
    &rules::k_length,
    &rules::k_required_sections,
};

const Rule* const k_rule_types[] = {
    &rules::k_avoid_phrases,
    &rules::k_required_terms,
};

} // namespace

std::span<const Rule* const> all_rules() {
  return k_all_rules;
}

std::span<const Rule* const> rule_types() {
  return k_rule_types;
}

} // namespace answerlint
