#pragma once

// duplicate-question: two answers to one question, by their question-bank
// entry or, outside the bank, by the question's wording.

#include "audit/portfolio.hpp"

#include <string>
#include <vector>

namespace answerlint::audit {

struct DuplicateGroup {
  std::string key; // the bank id, or the folded wording
  bool from_bank = false;
  std::vector<std::size_t> answers; // indices, in answer order
};

std::vector<DuplicateGroup> find_duplicate_questions(const std::vector<AnswerFacts>& answers,
                                                     const PortfolioRule& rule);

// Adds a finding at the question of each answer of each group.
void report_duplicate_questions(const std::vector<DuplicateGroup>& groups,
                                const PortfolioRule& rule, std::vector<AnswerFacts>& answers);

// The question's words, lowercased, joined by single spaces: "What's the
// difference?" and "what s the  difference" fold alike.
std::string fold_question(std::string_view question);

} // namespace answerlint::audit
