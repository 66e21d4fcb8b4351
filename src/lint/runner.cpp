#include "lint/runner.hpp"

#include "error.hpp"
#include "lint/file_walk.hpp"
#include "lint/suppression.hpp"

#include <algorithm>
#include <atomic>
#include <fmt/format.h>
#include <thread>

namespace answerlint {
namespace {

std::string file_kind(const Config& config, const Document& doc, std::string_view relative_path) {
  const auto& kind = doc.front_matter.kind;
  if (kind && is_known_kind(*kind)) {
    return *kind;
  }
  return config.kind_for(relative_path);
}

Finding make_finding(const Document& doc, std::string_view path, const ActiveRule& rule,
                     std::string_view kind, Hit&& hit) {
  Finding finding;
  finding.path = std::string(path);
  finding.span = hit.span;
  finding.rule = rule.id;
  finding.severity = rule.severity;
  finding.message = std::move(hit.message);
  finding.kind = std::string(kind);
  finding.source_line = std::string(doc.lines.line_text(hit.span.line));
  return finding;
}

// A rule that throws is a bug in answerlint, not in the answer: report it
// where the answer starts and keep going.
void run_rule(const RuleContext& context, const ActiveRule& rule, std::vector<Hit>& hits) {
  try {
    rule.rule->check(context, hits);
  } catch (const std::exception& e) {
    hits.clear();
    Span where = context.doc.span(context.answer.begin, context.answer.begin);
    hits.push_back({where, fmt::format("rule '{}' failed on this answer ({}); please report it "
                                       "with the file attached",
                                       rule.id, e.what())});
  }
}

} // namespace

std::vector<Finding> lint_source(const Config& config, std::string_view relative_path,
                                 std::string_view display_path, std::string_view source) {
  ParseOptions parse_options;
  parse_options.split_level = config.split_level;
  parse_options.labels = config.labels();
  Document doc = parse_document(source, parse_options);
  std::string kind = file_kind(config, doc, relative_path);
  auto rules = config.rules_for(relative_path, kind);

  std::vector<Finding> findings;
  std::vector<Hit> hits;
  for (std::size_t i = 0; i < doc.answers.size(); ++i) {
    for (const ActiveRule& rule : *rules) {
      RuleContext context{doc, doc.answers[i], static_cast<int>(i), kind, rule.options,
                          rule.prepared.get()};
      hits.clear();
      run_rule(context, rule, hits);
      for (Hit& hit : hits) {
        if (!is_suppressed(doc, rule.id, hit.span.line)) {
          findings.push_back(make_finding(doc, display_path, rule, kind, std::move(hit)));
        }
      }
    }
  }
  std::sort(findings.begin(), findings.end(), finding_less);
  return findings;
}

Report run_check(const Config& config, const RunOptions& options) {
  std::vector<WalkedFile> files = select_answers(config, options.selection);
  unsigned threads = options.threads != 0 ? options.threads : std::thread::hardware_concurrency();
  threads = std::clamp<unsigned>(threads, 1, static_cast<unsigned>(std::max<std::size_t>(files.size(), 1)));

  struct Outcome {
    std::vector<Finding> findings;
    std::string notice;
    std::string error;
    bool checked = false;
  };
  std::vector<Outcome> outcomes(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      const WalkedFile& file = files[i];
      Outcome& out = outcomes[i];
      try {
        std::optional<std::string> source = read_answer(config, file, out.notice);
        if (source) {
          out.findings = lint_source(config, file.relative, file.display, *source);
          out.checked = true;
        }
      } catch (const Error& e) {
        out.error = e.format();
      }
    }
  };
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads; ++t) {
    pool.emplace_back(work);
  }
  work();
  pool.clear();

  Report report;
  for (Outcome& out : outcomes) {
    report.files_checked += out.checked ? 1 : 0;
    std::move(out.findings.begin(), out.findings.end(), std::back_inserter(report.findings));
    if (!out.notice.empty()) {
      report.notices.push_back(std::move(out.notice));
    }
    if (!out.error.empty()) {
      report.errors.push_back(std::move(out.error));
    }
  }
  std::stable_sort(report.findings.begin(), report.findings.end(), finding_less);
  return report;
}

} // namespace answerlint
