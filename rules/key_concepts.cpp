#include "config/question_bank.hpp"
#include "lint/rule.hpp"
#include "support.hpp"

#include <fmt/format.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>

namespace answerlint::rules {
namespace {

const OptionSpec k_options[] = {
    {"min", OptionType::integer, std::int64_t{2},
     "Fewest key concepts of the matched question the answer mentions; 0 turns the rule off."},
};

bool is_separator(char c) {
  return c == ' ' || c == '\t' || c == '-';
}

// At least two capitals and no small letter: an acronym or a name.
bool is_all_caps(std::string_view term) {
  int upper = 0;
  for (char c : term) {
    if (c >= 'a' && c <= 'z') {
      return false;
    }
    upper += (c >= 'A' && c <= 'Z') ? 1 : 0;
  }
  return upper >= 2;
}

// A synonym as a pattern: case-insensitive (unless written in capitals), whole words, a space or a hyphen
// between words matching either ("read-through", "read through"), and a
// plural allowed ("token buckets").
std::string synonym_expression(std::string_view term) {
  std::string out;
  std::size_t pos = 0;
  while (pos < term.size()) {
    while (pos < term.size() && is_separator(term[pos])) {
      ++pos;
    }
    std::size_t stop = pos;
    while (stop < term.size() && !is_separator(term[stop])) {
      ++stop;
    }
    if (stop > pos) {
      out += out.empty() ? "" : "[\\s-]+";
      out += RE2::QuoteMeta(re2::StringPiece(term.data() + pos, stop - pos));
    }
    pos = stop;
  }
  if (out.empty()) {
    return out;
  }
  const char first = term[term.find_first_not_of(" \t-")];
  const char last = term[term.find_last_not_of(" \t-")];
  const bool letter_end = (last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z');
  std::string expression =
      fmt::format("{}{}{}{}", is_ascii_word_char(first) ? "\\b" : "", out,
                  letter_end ? "(?:s|es)?" : "", is_ascii_word_char(last) ? "\\b" : "");
  // A synonym written in capitals ("PUT", "DELETE", "TTL") is a name, and
  // matches only as written: "deletes" the verb is not the HTTP method.
  return is_all_caps(term) ? fmt::format("(?-i:{})", expression) : expression;
}

std::string concept_pattern(const BankConcept& concept_entry) {
  std::string joined = fmt::format("(?:{})", synonym_expression(concept_entry.name));
  for (const std::string& synonym : concept_entry.synonyms) {
    if (std::string expression = synonym_expression(synonym); !expression.empty()) {
      joined += fmt::format("|(?:{})", expression);
    }
  }
  return joined;
}

RE2::Options concept_options() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  return options;
}

// The concepts of one entry of the builtin bank, compiled the first time an
// answer matches it: a pre-commit run on one answer compiles one entry's
// patterns, not the whole bank's. One RE2::Set holds them all, so that an
// answer is read once, not once per concept (a concept it lacks costs a
// read of the whole answer); a pattern per concept is compiled only when
// the set cannot run.
class EntryConcepts {
public:
  explicit EntryConcepts(const BankEntry& entry) : m_entry(entry) {
    auto set = std::make_unique<RE2::Set>(concept_options(), RE2::UNANCHORED);
    for (const BankConcept& concept_entry : entry.concepts) {
      // A pattern RE2 rejects is never mentioned, as with RE2::ok().
      m_in_set.push_back(set->Add(concept_pattern(concept_entry), nullptr));
    }
    if (set->Compile()) {
      m_set = std::move(set);
    }
  }

  // Per concept, whether `text` mentions it.
  std::vector<bool> mentioned(const std::string& text) const {
    std::vector<bool> out(m_in_set.size(), false);
    std::vector<int> matched;
    RE2::Set::ErrorInfo error{};
    if (m_set != nullptr &&
        (m_set->Match(text, &matched, &error) || error.kind == RE2::Set::kNoError)) {
      for (std::size_t i = 0; i < m_in_set.size(); ++i) {
        out[i] = m_in_set[i] >= 0 &&
                 std::find(matched.begin(), matched.end(), m_in_set[i]) != matched.end();
      }
      return out;
    }
    const auto& regexes = one_by_one();
    for (std::size_t i = 0; i < regexes.size(); ++i) {
      out[i] = regexes[i]->ok() && RE2::PartialMatch(text, *regexes[i]);
    }
    return out;
  }

private:
  const std::vector<std::unique_ptr<const RE2>>& one_by_one() const {
    std::call_once(m_regexes_once, [&] {
      for (const BankConcept& concept_entry : m_entry.concepts) {
        m_regexes.push_back(
            std::make_unique<const RE2>(concept_pattern(concept_entry), concept_options()));
      }
    });
    return m_regexes;
  }

  const BankEntry& m_entry;
  std::vector<int> m_in_set;       // per concept: its index in m_set, or -1
  std::unique_ptr<RE2::Set> m_set; // null when it would not compile
  mutable std::once_flag m_regexes_once;
  mutable std::vector<std::unique_ptr<const RE2>> m_regexes;
};

const EntryConcepts& entry_concepts(std::size_t entry_index) {
  struct Compiled {
    std::once_flag once;
    std::optional<EntryConcepts> concepts;
  };
  static std::vector<Compiled> compiled(builtin_question_bank().entries.size());
  Compiled& slot = compiled.at(entry_index);
  std::call_once(slot.once,
                 [&] { slot.concepts.emplace(builtin_question_bank().entries[entry_index]); });
  return *slot.concepts;
}

// Front matter `id` (when the file is one answer), else the question text.
const BankEntry* entry_for(const RuleContext& ctx) {
  const QuestionBank& bank = builtin_question_bank();
  const std::optional<std::string>& id = ctx.doc.front_matter.id;
  if (id && ctx.doc.answers.size() == 1) {
    if (const BankEntry* entry = bank.find(*id)) {
      return entry;
    }
  }
  if (ctx.answer.question.empty()) {
    return nullptr;
  }
  return builtin_question_matcher().match(ctx.answer.question, ctx.kind);
}

// Where a concept may be mentioned: the prose, code spans (`429`,
// `Retry-After`) and section titles ("### Token bucket vs sliding window").
std::string answer_text(const RuleContext& ctx) {
  std::string text;
  for (const Paragraph& paragraph : ctx.doc.paragraphs_in(ctx.answer.begin, ctx.answer.end)) {
    text += paragraph.text;
    text += '\n';
  }
  for (const CodeSpan& span : ctx.doc.code_spans_in(ctx.answer.begin, ctx.answer.end)) {
    text += span.text;
    text += '\n';
  }
  for (const Section& section : ctx.doc.sections_of(ctx.answer_index)) {
    text += section.name;
    text += '\n';
  }
  return text;
}

std::string listed(const std::vector<std::string_view>& names, std::size_t most) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < most; ++i) {
    out += fmt::format("{}{}", i == 0 ? "" : ", ", names[i]);
  }
  return names.size() > most ? out + "..." : out;
}

void check(const RuleContext& ctx, std::vector<Hit>& hits) {
  const std::int64_t min = ctx.options.integer("min");
  const BankEntry* entry = min > 0 ? entry_for(ctx) : nullptr;
  if (entry == nullptr || entry->concepts.empty()) {
    return;
  }
  const auto index = static_cast<std::size_t>(entry - builtin_question_bank().entries.data());
  const std::vector<bool> mentioned = entry_concepts(index).mentioned(answer_text(ctx));
  std::vector<std::string_view> found;
  std::vector<std::string_view> missing;
  for (std::size_t i = 0; i < mentioned.size(); ++i) {
    (mentioned[i] ? found : missing).push_back(entry->concepts[i].name);
  }
  const auto needed = std::min<std::size_t>(static_cast<std::size_t>(min), mentioned.size());
  if (found.size() >= needed) {
    return;
  }
  constexpr std::size_t k_shown = 3;
  const std::string count = found.empty() ? "none" : fmt::format("{}", found.size());
  const std::string which = found.empty() ? "" : fmt::format(" ({})", listed(found, k_shown));
  hits.push_back(
      {answer_start_span(ctx.doc, ctx.answer),
       fmt::format("mentions {} of the {} key concepts of '{}'{}: consider covering {}", count,
                   mentioned.size(), entry->title, which, listed(missing, k_shown))});
}

std::shared_ptr<const void> prepare(const Options& options) {
  require_at_least(options, "min", 0);
  return nullptr;
}

} // namespace

extern const Rule k_key_concepts{
    .id = "key-concepts",
    .summary = "An answer to a known question covers enough of the concepts interviewers listen "
               "for.",
    .doc = R"md(## What it does

Finds the question an answer responds to in the builtin question bank
(`templates/question-bank.toml`, over 60 backend, system-design and
behavioral questions), and reports the answer when it mentions fewer than
`min` of that question's key concepts, naming the ones it could cover.

The question is found by the front matter `id` (a bank id, in a file that
holds one answer), else by the answer's question (front matter `question`,
the split heading, or the first heading), compared with each entry's
wordings after dropping the words that only say how a question is asked
("how would you", "explain your approach to"). "How would you design rate
limiting for an API?" and "Explain your approach to API rate limiting"
both find the API rate limiting entry. An answer whose question is not in
the bank gets no finding.

A concept counts when its name or one of its synonyms appears in the
prose, in a code span or in a section title of the answer, in any case, as
whole words (a plural counts; a hyphen and a space are the same). A synonym
written in capitals (`PUT`, `DELETE`, `TTL`) counts only in capitals, so the
verb "deletes" is not the HTTP method. Code blocks do not count.

## Why it matters

Interviewers listen for a few ideas in each classic question: a rate
limiting answer that never names an algorithm, or a migration answer that
never mentions backward compatibility, reads as inexperienced however well
it is written. The bank turns that checklist into a reminder while the
answer is still a draft.

## Options

- `min` (integer, default `2`): fewest concepts of the matched entry the
  answer mentions; `0` turns the rule off. An entry with fewer concepts
  needs all of them.
)md",
    .default_severity = Severity::warning,
    .options = k_options,
    .check = &check,
    .prepare = &prepare,
    .bad_example = R"md(---
question: How would you rate limit a public API?
---

We keep a counter in Redis for each API key and reject requests once a
customer goes over their limit. We log every rejection so that support can
see it.
)md",
    .good_example = R"md(---
question: How would you rate limit a public API?
---

We use a token bucket per API key, stored in Redis so that every API server
shares it, which allows short bursts but holds the average rate. A
rejected request gets a 429 with a Retry-After header, so clients know when
to come back.
)md",
    .example_kind = "technical",
};

} // namespace answerlint::rules
