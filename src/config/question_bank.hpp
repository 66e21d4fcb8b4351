#pragma once

// The question bank (templates/question-bank.toml): the interview questions
// a portfolio is expected to answer, each with the key concepts a good
// answer covers. Loaded here (src/config is the only toml++ user) into plain
// structs; used by the key-concepts rule and the audit's question-coverage.

#include "string_map.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace answerlint {

struct BankConcept {
  std::string name;                  // as a message names it: "token bucket"
  std::vector<std::string> synonyms; // other ways to say it; any one counts
};

struct BankEntry {
  std::string id;                    // a slug, unique: "api-rate-limiting"
  std::string title;                 // the topic in a few words: "API rate limiting"
  std::string question;              // the usual wording
  std::vector<std::string> variants; // other wordings of the same question
  std::string kind;                  // behavioral, technical, system-design, question...
  std::string competency;            // conflict, ownership... or a topic: api-design
  std::vector<BankConcept> concepts; // empty for most behavioral entries
};

struct QuestionBank {
  std::vector<BankEntry> entries;

  const BankEntry* find(std::string_view id) const;
};

// Parses a bank. Throws answerlint::Error with `display`:line:column on a
// syntax error, an unknown key, a missing field, a duplicate id or an
// unknown kind.
QuestionBank parse_question_bank(std::string_view text, const std::string& display);

// The bank compiled in from templates/question-bank.toml, parsed once.
const QuestionBank& builtin_question_bank();

// The words of a question that say what it is about: lowercased, stop words
// ("how would you", "tell me about a time") dropped, crudely stemmed
// ("limiting", "limiter" and "limits" all give "limit"). Exposed for tests.
std::vector<std::string> question_terms(std::string_view text);

// Finds the bank entry a question asks, tolerant of rewording: "How would
// you design rate limiting for an API?" and "Explain your approach to API
// rate limiting" are one question. Terms are weighted by how rare they are
// in the bank, so "rate" and "limit" decide and "system" barely counts.
class QuestionMatcher {
public:
  // `bank` must outlive the matcher.
  explicit QuestionMatcher(const QuestionBank& bank);

  // The best entry for `question`, or null when none is close enough. With
  // `kind` (the answer's), only entries of related kinds compete (technical
  // and system-design; behavioral and project; question), and on a near tie
  // an entry of that very kind wins. Without it, a question phrased as a
  // story ("tell me about a time...") only finds behavioral entries.
  const BankEntry* match(std::string_view question, std::string_view kind = {}) const;
  // The similarity of `question` to an entry of the bank, in [0, 1]: that of
  // its closest wording.
  double score(std::string_view question, const BankEntry& entry) const;

  static constexpr double k_threshold = 0.4;

private:
  struct Wording {
    std::vector<std::string> terms; // sorted, unique
    double weight = 0;              // sum of the terms' weights
  };
  using Terms = Wording;
  double weight(const std::string& term) const;
  Terms terms_of(std::string_view question) const;
  double best_similarity(std::size_t index, const Terms& terms) const;
  double similarity(const std::vector<std::string>& terms, double terms_weight,
                    const Wording& wording) const;

  const QuestionBank& m_bank;
  std::vector<std::vector<Wording>> m_wordings; // per entry: question, then variants
  StringMap<double> m_weights;
  double m_unknown_weight = 1;
  // Per term, the entries (indices, ascending) with a wording that uses it:
  // an entry sharing no term with a question scores 0, so match() scores
  // only the entries its terms lead to.
  StringMap<std::vector<std::uint32_t>> m_entries_with;
};

// A matcher over builtin_question_bank(), built once.
const QuestionMatcher& builtin_question_matcher();

} // namespace answerlint
