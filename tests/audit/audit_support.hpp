#pragma once

// Audits of small portfolios written to a temporary folder, through the
// library: the real walk, the real rules, the real portfolio rules.

#include "audit/audit.hpp"
#include "config/config.hpp"
#include "support/temp_dir.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace answerlint::test {

// A config that keeps the per-answer rules out of the way unless a test
// wants them: only the portfolio rules under test speak.
inline constexpr std::string_view k_quiet_rules = R"toml(
[kinds]
behavioral = ["behavioral/**"]
technical = ["technical/**"]
project = ["projects/**"]

[rules.required-sections]
severity = "off"
[rules.length]
severity = "off"
[rules.front-matter]
severity = "off"
[rules.quantified-metrics]
severity = "off"
[rules.tools-named]
severity = "off"
[rules.spelling]
severity = "off"
[rules.first-person]
severity = "off"
[rules.section-balance]
severity = "off"
[rules.sentence-length]
severity = "off"
[rules.key-concepts]
severity = "off"
[rules.tradeoffs]
severity = "off"
)toml";

class AuditFixture {
public:
  void write(const std::string& path, std::string_view text) { m_dir.write(path, text); }
  const std::filesystem::path& root() const { return m_dir.path(); }

  // Audits the folder with `config_text` (after k_quiet_rules).
  audit::AuditResult audit(std::string_view config_text = {}) {
    std::string text = std::string(k_quiet_rules) + std::string(config_text);
    auto config = load_config_text(text, m_dir.path() / "answerlint.toml");
    audit::CollectOptions options;
    options.selection.paths = {m_dir.path()};
    options.threads = 2;
    return audit::run_audit(*config, options, "test");
  }

private:
  TempDir m_dir;
};

inline const audit::AnswerFacts* answer_at(const audit::AuditResult& result,
                                           std::string_view relative) {
  for (const auto& answer : result.portfolio.answers) {
    if (answer.relative == relative) {
      return &answer;
    }
  }
  return nullptr;
}

inline std::vector<Finding> findings_of(const audit::AuditResult& result, std::string_view rule) {
  std::vector<Finding> out;
  for (const auto& answer : result.portfolio.answers) {
    std::copy_if(answer.findings.begin(), answer.findings.end(), std::back_inserter(out),
                 [rule](const Finding& f) { return f.rule == rule; });
  }
  std::copy_if(result.portfolio_findings.begin(), result.portfolio_findings.end(),
               std::back_inserter(out), [rule](const Finding& f) { return f.rule == rule; });
  return out;
}

} // namespace answerlint::test
