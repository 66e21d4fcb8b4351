#include "report/escape.hpp"
#include "report/fingerprint.hpp"
#include "report/pieces.hpp"
#include "report/reporter.hpp"
#include "report/rule_docs.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

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

// A result's ruleIndex for a rule the catalogue does not hold: the other
// rules' descriptors come after the builtin ones sorted by id, so their
// indexes are known only at the end. Meanwhile a result carries the order in
// which its rule was first met between two marks; the rendered JSON holds no
// raw control character (append_json_string escapes them all), so the mark
// cannot be mistaken.
constexpr char k_mark = '\x01';

// The results are written by hand in the layout dump(2) gives them in the
// run below (two-space indent, keys in this order), byte for byte.
void append_result(std::string& out, const Finding& f, std::string_view rule_index,
                   const std::string& fingerprint) {
  out += "        {\n          \"ruleId\": ";
  append_json_string(out, f.rule);
  out += ",\n          \"ruleIndex\": ";
  out += rule_index;
  out += ",\n          \"level\": \"";
  out += sarif_level(f.severity);
  out += "\",\n          \"message\": {\n            \"text\": ";
  append_json_string(out, f.message.empty() ? f.rule : f.message);
  out += "\n          },\n          \"locations\": [\n            {\n              "
         "\"physicalLocation\": {\n                \"artifactLocation\": {\n"
         "                  \"uri\": ";
  // An absolute path cannot be relative to %SRCROOT%: give a file URI.
  if (!f.path.empty() && f.path.front() == '/') {
    append_json_string(out, "file://" + uri_escape_path(f.path));
  } else {
    append_json_string(out, uri_escape_path(f.path));
    out += ",\n                  \"uriBaseId\": ";
    append_json_string(out, k_srcroot);
  }
  // The schema wants lines and columns from 1 and an end not before the start.
  int start_line = std::max(1, f.span.line);
  int start_column = std::max(1, f.span.column);
  int end_line = std::max(start_line, f.span.end_line);
  int end_column = std::max(1, f.span.end_column);
  if (end_line == start_line) {
    end_column = std::max(start_column, end_column);
  }
  out += "\n                },\n                \"region\": {\n                  \"startLine\": ";
  append_number(out, start_line);
  out += ",\n                  \"startColumn\": ";
  append_number(out, start_column);
  out += ",\n                  \"endLine\": ";
  append_number(out, end_line);
  out += ",\n                  \"endColumn\": ";
  append_number(out, end_column);
  out += "\n                }\n              }\n            }\n          ],\n"
         "          \"partialFingerprints\": {\n            ";
  append_json_string(out, k_fingerprint_key);
  out += ": ";
  append_json_string(out, fingerprint);
  out += "\n          }\n        }";
}

// SARIF 2.1.0: the rule catalogue comes before the results and ends with
// the rules only the findings name, so the results wait in a spill until
// finish().
class SarifWriter final : public ReportWriter {
public:
  SarifWriter(std::span<const Rule* const> rules, TextSink sink)
      : m_rules(rules.begin(), rules.end()), m_sink(std::move(sink)) {
    for (std::size_t i = 0; i < m_rules.size(); ++i) {
      m_index.emplace(std::string(m_rules[i]->id), i);
    }
  }

  void add(std::span<const Finding> findings) override {
    std::vector<std::string> prints = fingerprints(findings);
    for (std::size_t i = 0; i < findings.size(); ++i) {
      std::string& out = m_spill.buffer();
      out += m_empty ? "\n" : ",\n";
      m_empty = false;
      append_result(out, findings[i], rule_index(findings[i].rule), prints[i]);
      m_spill.settle();
    }
  }

  void finish(const ReportTotals& /*totals*/) override {
    Json descriptors = Json::array();
    for (const Rule* rule : m_rules) {
      descriptors.push_back(builtin_descriptor(*rule));
    }
    // The marks' numbers -> the rules' indexes, others sorted by id.
    std::vector<std::size_t> indexes(m_others.size());
    for (const auto& [id, order] : m_others) {
      indexes[order] = descriptors.size();
      descriptors.push_back(other_descriptor(id));
    }
    const std::string log = empty_log(std::move(descriptors));
    if (m_empty) {
      m_sink(log);
      return;
    }
    // Split at the empty results, the run's last member.
    const std::size_t results = log.rfind("[]");
    m_sink(std::string_view(log).substr(0, results + 1));
    if (m_others.empty()) {
      m_spill.drain(m_sink);
    } else {
      m_spill.drain([this, &indexes](std::string_view piece) { unmark(piece, indexes); });
    }
    m_sink("\n      " + log.substr(results + 1));
  }

private:
  std::string rule_index(const std::string& rule) {
    if (auto it = m_index.find(rule); it != m_index.end()) {
      return fmt::format_int(it->second).str();
    }
    auto [it, added] = m_others.try_emplace(rule, m_others.size());
    return fmt::format("{}{}{}", k_mark, it->second, k_mark);
  }

  // `piece` with each mark pair replaced by its rule's index; a pair may
  // straddle two pieces.
  void unmark(std::string_view piece, const std::vector<std::size_t>& indexes) {
    std::string out;
    while (!piece.empty()) {
      std::size_t mark = piece.find(k_mark);
      std::string_view run = piece.substr(0, mark);
      if (m_in_mark) {
        for (char digit : run) {
          m_mark_number = m_mark_number * 10 + static_cast<std::size_t>(digit - '0');
        }
      } else {
        out += run;
      }
      if (mark == std::string_view::npos) {
        break;
      }
      if (m_in_mark) {
        append_number(out, static_cast<long long>(indexes.at(m_mark_number)));
        m_mark_number = 0;
      }
      m_in_mark = !m_in_mark;
      piece.remove_prefix(mark + 1);
    }
    m_sink(out);
  }

  // The whole log, with no result: every member but the results' contents.
  static std::string empty_log(Json descriptors) {
    Json driver = {{"name", "answerlint"},
                   {"version", k_version},
                   {"semanticVersion", k_version},
                   {"informationUri", k_information_uri},
                   {"rules", std::move(descriptors)}};
    Json run = {
        {"tool", {{"driver", std::move(driver)}}},
        {"originalUriBaseIds",
         {{k_srcroot,
           {{"description",
             text("The repository root, or the working folder outside a repository.")}}}}},
        {"columnKind", "unicodeCodePoints"},
        {"results", Json::array()},
    };
    Json runs = Json::array();
    runs.push_back(std::move(run));
    Json root = {{"$schema", k_schema}, {"version", "2.1.0"}, {"runs", std::move(runs)}};
    // Invalid UTF-8 from a broken file is replaced, never a throw.
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  }

  std::vector<const Rule*> m_rules;
  TextSink m_sink;
  std::map<std::string, std::size_t, std::less<>> m_index; // builtin id -> its index
  std::map<std::string, std::size_t> m_others;             // other ids, by id -> the order met
  Spill m_spill;
  bool m_empty = true;
  bool m_in_mark = false; // while the results are drained
  std::size_t m_mark_number = 0;
};

} // namespace

std::unique_ptr<ReportWriter> sarif_writer(TextSink sink) {
  return sarif_writer(all_rules(), std::move(sink));
}

std::unique_ptr<ReportWriter> sarif_writer(std::span<const Rule* const> rules, TextSink sink) {
  return std::make_unique<SarifWriter>(rules, std::move(sink));
}

std::string format_sarif(const Report& report) {
  return format_sarif(report, all_rules());
}

std::string format_sarif(const Report& report, std::span<const Rule* const> rules) {
  return write_whole(report,
                     [rules](TextSink sink) { return sarif_writer(rules, std::move(sink)); });
}

} // namespace answerlint
