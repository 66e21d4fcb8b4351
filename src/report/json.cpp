#include "report/reporter.hpp"

#include <nlohmann/json.hpp>

namespace answerlint {

std::string format_json(const Report& report) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const Finding& f : report.findings) {
    findings.push_back({{"path", f.path},
                        {"line", f.span.line},
                        {"column", f.span.column},
                        {"end_line", f.span.end_line},
                        {"end_column", f.span.end_column},
                        {"rule", f.rule},
                        {"severity", to_string(f.severity)},
                        {"message", f.message},
                        {"kind", f.kind}});
  }
  Summary s = report.summary();
  nlohmann::ordered_json root = {
      {"tool", {{"name", "answerlint"}, {"version", k_version}}},
      {"files_checked", report.files_checked},
      {"findings", std::move(findings)},
      {"summary", {{"error", s.error}, {"warning", s.warning}, {"info", s.info}}},
  };
  // Invalid UTF-8 from a broken file is replaced, never a throw.
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace answerlint
