#pragma once

// The audit's reports, one file per format: report_text.cpp (a summary read
// in ten seconds), report_json.cpp (every figure), report_html.cpp (one
// self-contained page).

#include "audit/audit.hpp"

#include <array>
#include <string>
#include <string_view>

namespace answerlint::audit {

inline constexpr std::array<std::string_view, 3> k_audit_formats = {"text", "json", "html"};

// The portfolio score, coverage per kind, the five most valuable fixes.
std::string format_audit_text(const AuditResult& result);
// Every figure: per answer and for the portfolio.
std::string format_audit_json(const AuditResult& result);
// One page with inline CSS and SVG; every piece of user text escaped; a
// small inline script (allowed by the page's CSP nonce, nothing else is)
// sorts the answers table, which reads as well without it.
std::string format_audit_html(const AuditResult& result);

// `format` is one of k_audit_formats.
std::string render_audit(std::string_view format, const AuditResult& result);

// Helpers shared by the formats.
std::size_t top_fix_count();                     // 5
std::string format_seconds(double seconds);      // "2:15"
std::string location_of(const Finding& finding); // "path:line:col", or "portfolio"
// The answer's path, with ":line" when its file holds several answers.
std::string answer_label(const std::vector<AnswerFacts>& answers, std::size_t index);
// The findings of every answer and the portfolio, counted per rule, most first.
struct RuleCount {
  std::string rule;
  int error = 0;
  int warning = 0;
  int info = 0;
  int total() const { return error + warning + info; }
};
std::vector<RuleCount> count_by_rule(const AuditResult& result);
// Indexes of the answers, lowest score first (ties in portfolio order).
std::vector<std::size_t> weakest_first(const AuditResult& result);

} // namespace answerlint::audit
