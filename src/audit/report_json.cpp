// The audit as JSON: every figure the other formats show, for scripts.

#include "audit/render.hpp"
#include "report/reporter.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace answerlint::audit {
namespace {

using Json = nlohmann::ordered_json;

double one_decimal(double value) {
  return std::round(value * 10) / 10;
}

Json summary_json(const Summary& s) {
  return {{"error", s.error}, {"warning", s.warning}, {"info", s.info}};
}

// As `check --format json` writes a finding; a portfolio-level finding has
// no path and no position.
Json finding_json(const Finding& f) {
  Json out = Json::object();
  if (!f.path.empty()) {
    out["path"] = f.path;
    out["line"] = f.span.line;
    out["column"] = f.span.column;
    out["end_line"] = f.span.end_line;
    out["end_column"] = f.span.end_column;
  }
  out["rule"] = f.rule;
  out["severity"] = to_string(f.severity);
  out["message"] = f.message;
  out["kind"] = f.kind;
  return out;
}

Json answer_json(const AuditResult& result, std::size_t i) {
  const AnswerFacts& a = result.portfolio.answers[i];
  Json findings = Json::array();
  for (const Finding& f : a.findings) {
    findings.push_back(finding_json(f));
  }
  return {{"path", a.path},
          {"line", a.line},
          {"end_line", a.end_line},
          {"kind", a.kind},
          {"question", a.question},
          {"bank_id", a.bank_id.empty() ? Json(nullptr) : Json(a.bank_id)},
          {"words", a.words},
          {"speaking_seconds", std::lround(a.speaking_seconds())},
          {"score", one_decimal(result.scores.answers[i])},
          {"penalty", result.scores.penalties[i]},
          {"findings", std::move(findings)}};
}

Json coverage_json(const AuditResult& result) {
  const Coverage& c = result.coverage;
  auto count_json = [](const CoverageCount& count) {
    Json out = {{"kind", count.kind}};
    if (!count.competency.empty()) {
      out["competency"] = count.competency;
    }
    out["answered"] = count.answered;
    out["total"] = count.total;
    return out;
  };
  Json kinds = Json::array();
  Json competencies = Json::array();
  Json questions = Json::array();
  std::for_each(c.by_kind.begin(), c.by_kind.end(),
                [&](const auto& k) { kinds.push_back(count_json(k)); });
  std::for_each(c.by_competency.begin(), c.by_competency.end(),
                [&](const auto& k) { competencies.push_back(count_json(k)); });
  for (const EntryCoverage& item : c.entries) {
    Json answers = Json::array();
    for (std::size_t a : item.answers) {
      answers.push_back(
          {{"path", result.portfolio.answers[a].path}, {"line", result.portfolio.answers[a].line}});
    }
    questions.push_back({{"id", item.entry->id},
                         {"kind", item.entry->kind},
                         {"competency", item.entry->competency},
                         {"question", item.entry->question},
                         {"answers", std::move(answers)}});
  }
  return {{"answered", c.answered},
          {"total", c.total},
          {"by_kind", std::move(kinds)},
          {"by_competency", std::move(competencies)},
          {"questions", std::move(questions)}};
}

Json reuse_json(const AuditResult& result) {
  Json groups = Json::array();
  for (const ReuseGroup& group : result.reuse) {
    Json uses = Json::array();
    for (const ReuseUse& use : group.uses) {
      const AnswerFacts& a = result.portfolio.answers[use.answer];
      const ParagraphPrint& p = a.paragraphs[use.paragraph];
      uses.push_back({{"path", a.path}, {"line", p.span.line}, {"excerpt", p.excerpt}});
    }
    groups.push_back({{"answers", group.uses.size()},
                      {"over_limit", group.over_limit},
                      {"similarity", std::round(group.similarity * 100) / 100},
                      {"uses", std::move(uses)}});
  }
  return groups;
}

Json duplicates_json(const AuditResult& result) {
  Json groups = Json::array();
  for (const DuplicateGroup& group : result.duplicates) {
    Json answers = Json::array();
    for (std::size_t a : group.answers) {
      const AnswerFacts& answer = result.portfolio.answers[a];
      answers.push_back({{"path", answer.path},
                         {"line", answer.question_span.line},
                         {"question", answer.question}});
    }
    groups.push_back({{"bank_id", group.from_bank ? Json(group.key) : Json(nullptr)},
                      {"answers", std::move(answers)}});
  }
  return groups;
}

Json portfolio_json(const AuditResult& result) {
  Json findings = Json::array();
  for (const Finding& f : result.portfolio_findings) {
    findings.push_back(finding_json(f));
  }
  Json fixes = Json::array();
  for (const Fix& fix : most_valuable_fixes(result.portfolio.answers, result.portfolio_findings,
                                            result.scores, top_fix_count())) {
    Json item = finding_json(*fix.finding);
    item["gain"] = std::round(fix.gain * 100) / 100;
    fixes.push_back(std::move(item));
  }
  return {{"score", one_decimal(result.scores.portfolio)},
          {"answers", result.portfolio.answers.size()},
          {"summary", summary_json(result.summary())},
          {"penalty",
           {{"answer_mean", result.scores.answer_penalty},
            {"portfolio", result.scores.portfolio_penalty}}},
          {"coverage", coverage_json(result)},
          {"reuse_groups", reuse_json(result)},
          {"duplicate_questions", duplicates_json(result)},
          {"findings", std::move(findings)},
          {"top_fixes", std::move(fixes)}};
}

} // namespace

std::string format_audit_json(const AuditResult& result) {
  Json answers = Json::array();
  for (std::size_t i = 0; i < result.portfolio.answers.size(); ++i) {
    answers.push_back(answer_json(result, i));
  }
  Json rules = Json::array();
  for (const RuleCount& count : count_by_rule(result)) {
    rules.push_back({{"rule", count.rule},
                     {"error", count.error},
                     {"warning", count.warning},
                     {"info", count.info}});
  }
  Json root = {{"tool", {{"name", "answerlint"}, {"version", k_version}}},
               {"title", result.title},
               {"files_checked", result.portfolio.files_checked},
               {"portfolio", portfolio_json(result)},
               {"answers", std::move(answers)},
               {"rules", std::move(rules)}};
  // Invalid UTF-8 from a broken file is replaced, never a throw.
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace answerlint::audit
