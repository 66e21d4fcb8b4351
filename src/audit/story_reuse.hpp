#pragma once

// story-reuse: one story told in several answers, found as near-duplicate
// paragraphs. Each paragraph becomes a set of 3-word shingles; a MinHash
// signature in LSH bands proposes pairs that may be alike, and the exact
// Jaccard similarity of their shingle sets decides. Linear in the
// portfolio's size for ordinary text, instead of comparing every pair.

#include "audit/portfolio.hpp"
#include "document/document.hpp"

#include <span>
#include <vector>

namespace answerlint::audit {

// Fills print.shingles from the paragraph's words (case folded). A
// paragraph under three words gets no shingles and is never compared.
void fingerprint(std::span<const Word> words, ParagraphPrint& print);

// |a ∩ b| / |a ∪ b| of two sorted, unique shingle lists; 0 when both are empty.
double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);

// One paragraph of one answer.
struct ReuseUse {
  std::size_t answer = 0;    // index into the answers
  std::size_t paragraph = 0; // index into that answer's paragraphs
};

// One story found in two answers or more: the first matching paragraph of
// each answer, in answer order.
struct ReuseGroup {
  std::vector<ReuseUse> uses;
  double similarity = 1;   // the lowest similarity that joined the group
  bool over_limit = false; // used in more than max_uses answers
};

// Paragraphs of answers of the rule's kinds, grouped into stories; groups
// that span one answer only are dropped. Ordered by their first use.
std::vector<ReuseGroup> find_story_reuse(const std::vector<AnswerFacts>& answers,
                                         const PortfolioRule& rule);

// Adds a finding to each answer of each group over the limit.
void report_story_reuse(const std::vector<ReuseGroup>& groups, const PortfolioRule& rule,
                        std::vector<AnswerFacts>& answers);

} // namespace answerlint::audit
