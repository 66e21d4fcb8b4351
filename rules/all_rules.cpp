#include "lint/rule.hpp"

// The registry: an explicit list, so that adding a rule is one visible line
// and the order (by id) never depends on link order.
namespace answerlint {

namespace rules {
extern const Rule k_avoid_phrases;
extern const Rule k_cliches;
extern const Rule k_code_samples;
extern const Rule k_filler_words;
extern const Rule k_first_person;
extern const Rule k_front_matter;
extern const Rule k_key_concepts;
extern const Rule k_length;
extern const Rule k_placeholders;
extern const Rule k_quantified_metrics;
extern const Rule k_required_sections;
extern const Rule k_required_terms;
extern const Rule k_section_balance;
extern const Rule k_sentence_length;
extern const Rule k_spelling;
extern const Rule k_tools_named;
extern const Rule k_tradeoffs;
extern const Rule k_unknown_rule_id;
} // namespace rules

namespace audit {
extern const Rule k_duplicate_question;
extern const Rule k_question_coverage;
extern const Rule k_story_reuse;
} // namespace audit

namespace {

// Sorted by id; a test checks it.
const Rule* const k_all_rules[] = {
    &rules::k_cliches,
    &rules::k_code_samples,
    &rules::k_filler_words,
    &rules::k_first_person,
    &rules::k_front_matter,
    &rules::k_key_concepts,
    &rules::k_length,
    &rules::k_placeholders,
    &rules::k_quantified_metrics,
    &rules::k_required_sections,
    &rules::k_section_balance,
    &rules::k_sentence_length,
    &rules::k_spelling,
    &rules::k_tools_named,
    &rules::k_tradeoffs,
    &rules::k_unknown_rule_id,
};

// Run by `audit` over the whole portfolio (src/audit/); sorted by id.
const Rule* const k_portfolio_rules[] = {
    &audit::k_duplicate_question,
    &audit::k_question_coverage,
    &audit::k_story_reuse,
};

const Rule* const k_rule_types[] = {
    &rules::k_avoid_phrases,
    &rules::k_required_terms,
};

} // namespace

std::span<const Rule* const> all_rules() {
  return k_all_rules;
}

std::span<const Rule* const> portfolio_rules() {
  return k_portfolio_rules;
}

std::span<const Rule* const> rule_types() {
  return k_rule_types;
}

} // namespace answerlint
