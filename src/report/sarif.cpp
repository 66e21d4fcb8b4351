#include "report/escape.hpp"
#include "report/fingerprint.hpp"
#include "report/reporter.hpp"
#include "report/rule_docs.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace answerlint {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view k_schema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view k_information_uri = "https://github.com/answerlint/answerlint";
constexpr std::string_view k_srcroot = "%SRCROOT%";
constexpr std::string_view k_internal_error = "internal-error";

std::string_view sarif_level(Severity severity) {
  switch (severity) {
  case Severity::error:
    return "error";
  case Severity::warning:
    return "warning";
  case Severity::info:
    return "note";
  case Severity::off:
    break;
  }
  return "none";
}

// The first paragraph under "## What it does", on one line: a plain-text
// full description. Falls back to the summary for a rule without one.
std::string what_it_does(const Rule& rule) {
  constexpr std::string_view k_heading = "## What it does";
  std::string_view doc = rule.doc;
  std::size_t at = doc.find(k_heading);
  if (at == std::string_view::npos) {
    return std::string(rule.summary);
  }
  doc.remove_prefix(at + k_heading.size());
  doc.remove_prefix(std::min(doc.find_first_not_of("\r\n"), doc.size()));
  doc = doc.substr(0, doc.find("\n\n"));
  std::string text;
  for (char c : doc) {
    text += c == '\n' || c == '\r' ? ' ' : c;
  }
  text.erase(text.find_last_not_of(' ') + 1);
  return text.empty() ? std::string(rule.summary) : text;
}

Json text(std::string_view value) {
  return {{"text", value}};
}

Json builtin_descriptor(const Rule& rule) {
  Json level = {{"level", sarif_level(rule.default_severity)}};
  if (rule.default_severity == Severity::off) {
    level["enabled"] = false;
  }
  std::string help = rule.doc.empty() ? std::string(rule.summary) : rule_documentation(rule);
  return {{"id", rule.id},
          {"name", rule.id},
          {"shortDescription", text(rule.summary)},
          {"fullDescription", text(what_it_does(rule))},
          {"help", {{"text", help}, {"markdown", help}}},
          {"helpUri", fmt::format("{}#{}", k_rules_doc_url, rule.id)},
          {"defaultConfiguration", std::move(level)}};
}

// GitHub wants descriptions and help for every rule a result names, even
// one answerlint knows only by its id.
Json other_descriptor(const std::string& id) {
  std::string what = id == k_internal_error
                         ? std::string("answerlint failed while running a rule on this file; "
                                       "please report it with the file.")
                         : fmt::format("The rule '{}', defined in the project's answerlint "
                                       "configuration.",
                                       id);
  return {{"id", id},
          {"name", id},
          {"shortDescription", text(what)},
          {"fullDescription", text(what)},
          {"help", {{"text", what}, {"markdown", what}}},
          {"defaultConfiguration", {{"level", id == k_internal_error ? "error" : "warning"}}}};
}

struct Catalogue {
  Json descriptors = Json::array();
  std::map<std::string, std::size_t, std::less<>> index;
};

Catalogue catalogue(const Report& report, std::span<const Rule* const> rules) {
  Catalogue result;
  for (const Rule* rule : rules) {
    result.index.emplace(std::string(rule->id), result.descriptors.size());
    result.descriptors.push_back(builtin_descriptor(*rule));
  }
  std::set<std::string> others;
  for (const Finding& finding : report.findings) {
    if (!result.index.contains(finding.rule)) {
      others.insert(finding.rule);
    }
  }
  for (const std::string& id : others) {
    result.index.emplace(id, result.descriptors.size());
    result.descriptors.push_back(other_descriptor(id));
  }
  return result;
}

Json artifact_location(const std::string& path) {
  // An absolute path cannot be relative to %SRCROOT%: give a file URI.
  if (!path.empty() && path.front() == '/') {
    return {{"uri", "file://" + uri_escape_path(path)}};
  }
  return {{"uri", uri_escape_path(path)}, {"uriBaseId", k_srcroot}};
}

// The schema wants lines and columns from 1 and an end not before the start.
Json region(const Span& span) {
  int start_line = std::max(1, span.line);
  int start_column = std::max(1, span.column);
  int end_line = std::max(start_line, span.end_line);
  int end_column = std::max(1, span.end_column);
  if (end_line == start_line) {
    end_column = std::max(start_column, end_column);
  }
  return {{"startLine", start_line},
          {"startColumn", start_column},
          {"endLine", end_line},
          {"endColumn", end_column}};
}

Json result(const Finding& finding, std::size_t rule_index, const std::string& fingerprint) {
  Json location = {
      {"physicalLocation",
       {{"artifactLocation", artifact_location(finding.path)}, {"region", region(finding.span)}}}};
  Json locations = Json::array();
  locations.push_back(std::move(location));
  return {
      {"ruleId", finding.rule},
      {"ruleIndex", rule_index},
      {"level", sarif_level(finding.severity)},
      {"message", text(finding.message.empty() ? finding.rule : finding.message)},
      {"locations", std::move(locations)},
      {"partialFingerprints", {{k_fingerprint_key, fingerprint}}},
  };
}

} // namespace

std::string format_sarif(const Report& report) {
  return format_sarif(report, all_rules());
}

std::string format_sarif(const Report& report, std::span<const Rule* const> rules) {
  Catalogue rule_catalogue = catalogue(report, rules);
  std::vector<std::string> prints = fingerprints(report.findings);
  Json results = Json::array();
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& finding = report.findings[i];
    results.push_back(result(finding, rule_catalogue.index.at(finding.rule), prints[i]));
  }
  Json driver = {{"name", "answerlint"},
                 {"version", k_version},
                 {"semanticVersion", k_version},
                 {"informationUri", k_information_uri},
                 {"rules", std::move(rule_catalogue.descriptors)}};
  Json run = {
      {"tool", {{"driver", std::move(driver)}}},
      {"originalUriBaseIds",
       {{k_srcroot,
         {{"description",
           text("The repository root, or the working folder outside a repository.")}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", std::move(results)},
  };
  Json runs = Json::array();
  runs.push_back(std::move(run));
  Json root = {{"$schema", k_schema}, {"version", "2.1.0"}, {"runs", std::move(runs)}};
  // Invalid UTF-8 from a broken file is replaced, never a throw.
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace answerlint
