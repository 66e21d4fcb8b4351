// collect_portfolio: lint every answer and gather what the portfolio rules,
// scores and reports need, one file per task on a thread pool.

#include "audit/portfolio.hpp"
#include "audit/story_reuse.hpp"
#include "config/question_bank.hpp"
#include "document/document.hpp"
#include "error.hpp"
#include "lint/file_walk.hpp"
#include "lint/progress.hpp"
#include "lint/runner.hpp"
#include "report/escape.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

namespace answerlint::audit {
namespace {

constexpr std::size_t k_excerpt_chars = 160;

struct FileContext {
  const Config& config;
  const ParseOptions& parse;
  std::size_t min_paragraph_words;
};

// As the runner decides it: a known front-matter kind, else the config's globs.
std::string kind_of(const Config& config, const Document& doc, std::string_view relative) {
  const auto& kind = doc.front_matter.kind;
  if (kind && is_known_kind(*kind)) {
    return *kind;
  }
  return config.kind_for(relative);
}

// The pace the length rule uses for this answer, so that speaking times agree.
double words_per_minute(const Config& config, std::string_view relative, std::string_view kind) {
  for (const ActiveRule& rule : *config.rules_for(relative, kind)) {
    if (rule.id == "length") {
      double pace = rule.options.number("words_per_minute");
      return pace > 0 ? pace : 150;
    }
  }
  return 150;
}

// Front matter `id` when the file is one answer, else the question's wording
// (the key-concepts rule decides the same way).
std::string bank_id_of(const Document& doc, const Answer& answer, std::string_view kind) {
  const BankEntry* entry = nullptr;
  if (doc.front_matter.id && doc.answers.size() == 1) {
    entry = builtin_question_bank().find(*doc.front_matter.id);
  }
  if (entry == nullptr && !answer.question.empty()) {
    entry = builtin_question_matcher().match(answer.question, kind);
  }
  return entry != nullptr ? entry->id : std::string();
}

Span question_span(const Document& doc, int index) {
  const Answer& answer = doc.answers[static_cast<std::size_t>(index)];
  const auto& fm = doc.front_matter;
  if (fm.question && answer.question == *fm.question) {
    if (auto it = fm.keys.find("question"); it != fm.keys.end()) {
      return it->second;
    }
  }
  if (!answer.title.empty()) {
    return answer.title;
  }
  for (const Section& section : doc.sections_of(index)) {
    if (section.level <= 6 && section.name == answer.question) {
      return section.title;
    }
  }
  return doc.span(answer.begin, answer.begin);
}

void fingerprint_paragraphs(const Document& doc, const Answer& answer, std::size_t min_words,
                            AnswerFacts& facts) {
  if (min_words == 0) {
    return;
  }
  for (const Paragraph& paragraph : doc.paragraphs_in(answer.begin, answer.end)) {
    auto words = doc.words_in(paragraph.span.begin, paragraph.span.end);
    if (words.size() < min_words) {
      continue;
    }
    ParagraphPrint print;
    print.span = paragraph.span;
    print.source_line = std::string(doc.lines.line_text(paragraph.span.line));
    print.excerpt = truncate_chars(paragraph.text, k_excerpt_chars);
    fingerprint(words, print);
    facts.paragraphs.push_back(std::move(print));
  }
}

AnswerFacts facts_of(const Document& doc, int index, const WalkedFile& file,
                     const std::string& kind, double pace, std::size_t min_words) {
  const Answer& answer = doc.answers[static_cast<std::size_t>(index)];
  AnswerFacts facts;
  facts.path = file.display;
  facts.relative = file.relative;
  facts.index = index;
  facts.line = doc.lines.position(answer.begin).line;
  facts.end_line =
      doc.lines.position(std::max(answer.begin, answer.end) - (answer.end > answer.begin ? 1 : 0))
          .line;
  facts.kind = kind;
  facts.question = answer.question;
  facts.question_span = question_span(doc, index);
  facts.question_line = std::string(doc.lines.line_text(facts.question_span.line));
  facts.bank_id = bank_id_of(doc, answer, kind);
  facts.words = answer.word_count;
  facts.words_per_minute = pace;
  fingerprint_paragraphs(doc, answer, min_words, facts);
  return facts;
}

// A finding belongs to the answer whose lines hold it; one before the first
// answer (front matter, a split file's preamble) to the first.
void assign(std::vector<Finding>&& findings, std::vector<AnswerFacts>& answers) {
  for (Finding& finding : findings) {
    AnswerFacts* owner = &answers.front();
    for (AnswerFacts& answer : answers) {
      if (finding.span.line >= answer.line) {
        owner = &answer;
      }
    }
    owner->findings.push_back(std::move(finding));
  }
}

std::vector<AnswerFacts> collect_file(const FileContext& ctx, const WalkedFile& file,
                                      const std::string& source) {
  std::vector<Finding> findings = lint_source(ctx.config, file.relative, file.display, source);
  Document doc = parse_document(source, ctx.parse);
  std::string kind = kind_of(ctx.config, doc, file.relative);
  double pace = words_per_minute(ctx.config, file.relative, kind);
  std::vector<AnswerFacts> answers;
  for (std::size_t i = 0; i < doc.answers.size(); ++i) {
    answers.push_back(
        facts_of(doc, static_cast<int>(i), file, kind, pace, ctx.min_paragraph_words));
  }
  if (!answers.empty()) {
    assign(std::move(findings), answers);
  }
  return answers;
}

} // namespace

bool PortfolioRule::applies_to(std::string_view kind) const {
  return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

PortfolioRule portfolio_rule(const Config& config, std::string_view id) {
  PortfolioRule out;
  out.rule = find_rule(id);
  if (out.rule == nullptr) {
    return out;
  }
  out.severity = out.rule->default_severity;
  for (const OptionSpec& spec : out.rule->options) {
    out.options.set(std::string(spec.name), spec.default_value);
  }
  if (auto it = config.rules.find(id); it != config.rules.end()) {
    const RulePatch& patch = it->second;
    out.severity = patch.severity.value_or(out.severity);
    out.kinds = patch.kinds.value_or(out.kinds);
    for (const auto& [name, value] : patch.options) {
      out.options.set(name, value);
    }
  }
  return out;
}

Portfolio collect_portfolio(const Config& config, const CollectOptions& options) {
  std::vector<WalkedFile> files = select_answers(config, options.selection);
  ParseOptions parse;
  parse.split_level = config.split_level;
  parse.labels = config.labels();
  FileContext ctx{config, parse, options.min_paragraph_words};

  struct Outcome {
    std::vector<AnswerFacts> answers;
    std::string notice;
    std::string error;
    bool checked = false;
  };
  std::vector<Outcome> outcomes(files.size());
  ProgressBar progress(files.size(), options.progress && progress_wanted(false, files.size()));
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      Outcome& out = outcomes[i];
      try {
        if (auto source = read_answer(config, files[i], out.notice)) {
          out.answers = collect_file(ctx, files[i], *source);
          out.checked = true;
        }
      } catch (const Error& e) {
        out.error = e.format();
      }
      progress.tick();
    }
  };
  unsigned threads = options.threads != 0 ? options.threads : std::thread::hardware_concurrency();
  threads = std::clamp<unsigned>(threads, 1,
                                 static_cast<unsigned>(std::max<std::size_t>(files.size(), 1)));
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) {
      pool.emplace_back(work);
    }
    work();
  }
  progress.finish();

  Portfolio portfolio;
  for (Outcome& out : outcomes) {
    portfolio.files_checked += out.checked ? 1 : 0;
    std::move(out.answers.begin(), out.answers.end(), std::back_inserter(portfolio.answers));
    if (!out.notice.empty()) {
      portfolio.notices.push_back(std::move(out.notice));
    }
    if (!out.error.empty()) {
      portfolio.errors.push_back(std::move(out.error));
    }
  }
  return portfolio;
}

} // namespace answerlint::audit
