// The audit summary for a terminal: what a person takes in at a glance.

#include "audit/render.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace answerlint::audit {
namespace {

std::string bar(double share, std::size_t cells) {
  auto filled = static_cast<std::size_t>(std::lround(share * static_cast<double>(cells)));
  std::string out;
  for (std::size_t i = 0; i < cells; ++i) {
    out += i < filled ? "█" : "░";
  }
  return out;
}

std::string plural(int n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

void add_coverage(std::string& out, const Coverage& coverage) {
  fmt::format_to(std::back_inserter(out), "Question bank: {} of {} questions answered\n",
                 coverage.answered, coverage.total);
  for (const CoverageCount& kind : coverage.by_kind) {
    fmt::format_to(std::back_inserter(out), "  {:<14} {:>3}/{:<3} {} {:>3.0f}%\n", kind.kind,
                   kind.answered, kind.total, bar(kind.share(), 20), kind.share() * 100);
  }
}

void add_fixes(std::string& out, const AuditResult& result) {
  auto fixes = most_valuable_fixes(result.portfolio.answers, result.portfolio_findings,
                                   result.scores, top_fix_count());
  if (fixes.empty()) {
    out += "\nNothing to fix: every answer passes every rule.\n";
    return;
  }
  out += "\nFix first (points the portfolio score gains):\n";
  for (const Fix& fix : fixes) {
    const Finding& f = *fix.finding;
    fmt::format_to(std::back_inserter(out), "  +{:<4.1f} {} {}[{}]\n        {}\n", fix.gain,
                   location_of(f), to_string(f.severity), f.rule, f.message);
  }
}

void add_weakest(std::string& out, const AuditResult& result) {
  const auto& answers = result.portfolio.answers;
  const std::vector<std::size_t> order = weakest_first(result);
  std::vector<std::string> weakest;
  for (std::size_t i : order) {
    if (weakest.size() == 3 || result.scores.answers[i] >= 100) {
      break;
    }
    weakest.push_back(
        fmt::format("{} ({:.0f})", answer_label(answers, i), result.scores.answers[i]));
  }
  if (!weakest.empty()) {
    fmt::format_to(std::back_inserter(out), "\nWeakest answers: {}\n", fmt::join(weakest, ", "));
  }
}

} // namespace

std::string format_audit_text(const AuditResult& result) {
  Summary s = result.summary();
  std::string out =
      fmt::format("Portfolio readiness: {:.0f}/100  ({})\n{} in {} · {}, {}, {} info\n\n",
                  result.scores.portfolio, result.title,
                  plural(static_cast<int>(result.portfolio.answers.size()), "answer"),
                  plural(result.portfolio.files_checked, "file"), plural(s.error, "error"),
                  plural(s.warning, "warning"), s.info);
  add_coverage(out, result.coverage);
  add_fixes(out, result);
  add_weakest(out, result);
  std::size_t reused = static_cast<std::size_t>(
      std::count_if(result.reuse.begin(), result.reuse.end(),
                    [](const ReuseGroup& group) { return group.over_limit; }));
  if (reused > 0 || !result.duplicates.empty()) {
    fmt::format_to(std::back_inserter(out),
                   "Stories told too often: {}; questions answered twice: {}\n", reused,
                   result.duplicates.size());
  }
  out += "\nEvery finding: --format html --output report.html (or --format json).\n";
  return out;
}

} // namespace answerlint::audit
