#include "audit/duplicate_question.hpp"

#include "config/question_bank.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>

namespace answerlint::audit {
namespace {

constexpr std::string_view k_doc = R"md(## What it does

Finds two answers (or more) to one question. Answers ask the same question
when they name or match the same question-bank entry (front matter `id`, or
a wording the bank knows, tolerant of rewording), or, for questions outside
the bank, when their questions have the same words (case and punctuation
aside). Run by `answerlint audit`; each answer of the pair gets a finding at
its question.

## Why it matters

Two answers to one question split the rehearsal time between them, and in
the interview you reach for whichever comes to mind first, not the better
one. It usually means an old draft was never removed, or a question was
copied as the heading of a new story by mistake.

## Options

None besides `severity`; `kinds` limits the rule to answers of those kinds.

## Example

```markdown
<!-- behavioral/slow-search.md -->
question: "Tell me about a time you fixed a system that performed poorly."

<!-- behavioral/search-latency.md -->
question: "Describe a time when you improved a slow system."
```

## Instead

Keep the stronger answer and delete the other, or point the second one at a
different question (a different bank `id`) if it really answers one.)md";

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

} // namespace

std::string fold_question(std::string_view question) {
  std::string out;
  bool gap = false;
  for (char c : question) {
    if (!is_word_byte(c)) {
      gap = !out.empty();
      continue;
    }
    if (gap) {
      out += ' ';
      gap = false;
    }
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::vector<DuplicateGroup> find_duplicate_questions(const std::vector<AnswerFacts>& answers,
                                                     const PortfolioRule& rule) {
  std::map<std::pair<bool, std::string>, std::vector<std::size_t>> by_key;
  for (std::size_t a = 0; a < answers.size(); ++a) {
    const AnswerFacts& answer = answers[a];
    if (!rule.applies_to(answer.kind)) {
      continue;
    }
    if (!answer.bank_id.empty()) {
      by_key[{true, answer.bank_id}].push_back(a);
    } else if (std::string folded = fold_question(answer.question); !folded.empty()) {
      by_key[{false, std::move(folded)}].push_back(a);
    }
  }
  std::vector<DuplicateGroup> groups;
  for (auto& [key, members] : by_key) {
    if (members.size() > 1) {
      groups.push_back({key.second, key.first, std::move(members)});
    }
  }
  std::sort(groups.begin(), groups.end(), [](const DuplicateGroup& a, const DuplicateGroup& b) {
    return a.answers.front() < b.answers.front();
  });
  return groups;
}

void report_duplicate_questions(const std::vector<DuplicateGroup>& groups,
                                const PortfolioRule& rule, std::vector<AnswerFacts>& answers) {
  for (const DuplicateGroup& group : groups) {
    std::string topic;
    if (group.from_bank) {
      if (const BankEntry* entry = builtin_question_bank().find(group.key)) {
        topic = fmt::format(" (the bank's \"{}\")", entry->title);
      }
    }
    for (std::size_t a : group.answers) {
      constexpr std::size_t k_named = 3;
      std::vector<std::string> others;
      for (std::size_t b : group.answers) {
        if (b != a && others.size() < k_named) {
          others.push_back(fmt::format("{}:{}", answers[b].path, answers[b].question_span.line));
        }
      }
      const std::size_t more = group.answers.size() - 1 - others.size();
      if (more > 0) {
        others.back() += fmt::format(" and {} more", more);
      }
      AnswerFacts& answer = answers[a];
      Finding finding;
      finding.path = answer.path;
      finding.span = answer.question_span;
      finding.rule = std::string(rule.rule->id);
      finding.severity = rule.severity;
      finding.message = fmt::format(
          "{} answer{} the same question{}: keep the stronger answer, or give this one a "
          "question of its own",
          fmt::join(others, ", "), group.answers.size() == 2 ? "s" : "", topic);
      finding.kind = answer.kind;
      finding.source_line = answer.question_line;
      answer.findings.push_back(std::move(finding));
    }
  }
}

extern const Rule k_duplicate_question{
    .id = "duplicate-question",
    .summary = "Two answers answer the same question (the same bank entry or the same words).",
    .doc = k_doc,
    .default_severity = Severity::warning,
};

} // namespace answerlint::audit
