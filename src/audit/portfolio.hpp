#pragma once

// The portfolio as `audit` sees it: every answer with what the per-answer
// rules found and the facts the portfolio rules, the scores and the reports
// need (kind, question, words, the prose fingerprints for story reuse).

#include "config/config.hpp"
#include "lint/finding.hpp"
#include "lint/select.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace answerlint::audit {

// A paragraph of prose, fingerprinted for `story-reuse`.
struct ParagraphPrint {
  Span span;
  std::string source_line;             // the text of span.line
  std::string excerpt;                 // its first words, for reports
  std::vector<std::uint64_t> shingles; // hashes of its 3-word shingles, sorted, unique
};

struct AnswerFacts {
  std::string path;     // as findings show it: relative to the cwd, '/'-separated
  std::string relative; // to the config's folder: what globs see
  int index = 0;        // which answer of its file (a split file holds several)
  int line = 1;         // first and last line of the answer
  int end_line = 1;
  std::string kind;
  std::string question;      // empty when the answer states none
  Span question_span;        // where the question is written (front matter, heading)
  std::string question_line; // the text of question_span.line
  std::string bank_id;       // the question-bank entry it answers, or empty
  std::uint32_t words = 0;
  double words_per_minute = 150;
  std::vector<Finding> findings; // per-answer rules, then portfolio rules
  std::vector<ParagraphPrint> paragraphs;

  double speaking_seconds() const { return words * 60.0 / words_per_minute; }
};

// Settings of a portfolio rule: its top-level [rules.<id>] table over the
// rule's defaults ([[overrides]] match files, so they do not apply here).
struct PortfolioRule {
  const Rule* rule = nullptr;
  Severity severity = Severity::off;
  std::vector<std::string> kinds; // empty: every kind
  Options options;

  bool enabled() const { return severity != Severity::off; }
  bool applies_to(std::string_view kind) const;
};

PortfolioRule portfolio_rule(const Config& config, std::string_view id);

struct CollectOptions {
  Selection selection;
  unsigned threads = 0;  // 0: every core
  bool progress = false; // a progress bar on stderr, when progress_wanted() agrees
  // Paragraphs shorter than this are not fingerprinted; 0: none are.
  std::size_t min_paragraph_words = 0;
};

struct Portfolio {
  std::vector<AnswerFacts> answers; // by path, then index
  int files_checked = 0;
  std::vector<std::string> notices; // skipped files, for stderr
  std::vector<std::string> errors;  // unreadable files: exit code 2
};

// Selects the answers like `check`, lints each file with every per-answer
// rule, and gathers each answer's facts. Files run on a thread pool. Throws
// answerlint::Error for what `check` would refuse (a missing path, a bad
// revision).
Portfolio collect_portfolio(const Config& config, const CollectOptions& options);

} // namespace answerlint::audit
