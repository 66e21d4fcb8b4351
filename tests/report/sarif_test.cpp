#include "report/ci_support.hpp"
#include "report/fingerprint.hpp"
#include "report/pieces.hpp"
#include "report/reporter.hpp"
#include "report/rule_docs.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <string>
#include <vector>

namespace answerlint {
namespace {

using nlohmann::json;
using test::golden_report;
using test::make_finding;

json sarif(const Report& report) {
  return json::parse(format_sarif(report));
}

const json& only_result(const json& log) {
  return log["runs"][0]["results"].at(0);
}

TEST(SarifFormat, HasWhatGithubCodeScanningRequires) {
  json log = sarif(golden_report());
  EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1U);
  const json& run = log["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  const json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "answerlint");
  EXPECT_EQ(driver["version"], std::string(k_version));
  for (const json& rule : driver["rules"]) {
    SCOPED_TRACE(rule.dump());
    EXPECT_TRUE(rule["id"].is_string());
    EXPECT_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
    EXPECT_FALSE(rule["fullDescription"]["text"].get<std::string>().empty());
    EXPECT_FALSE(rule["help"]["text"].get<std::string>().empty());
    EXPECT_TRUE(rule["help"]["markdown"].is_string());
    EXPECT_TRUE(rule["defaultConfiguration"]["level"].is_string());
  }
  const json& results = run["results"];
  ASSERT_EQ(results.size(), golden_report().findings.size());
  for (const json& result : results) {
    SCOPED_TRACE(result.dump());
    const json& rule = driver["rules"][result["ruleIndex"].get<std::size_t>()];
    EXPECT_EQ(rule["id"], result["ruleId"]);
    EXPECT_TRUE(result["level"] == "error" || result["level"] == "warning" ||
                result["level"] == "note");
    EXPECT_FALSE(result["message"]["text"].get<std::string>().empty());
    const json& location = result["locations"][0]["physicalLocation"];
    EXPECT_EQ(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    for (const char* key : {"startLine", "startColumn", "endLine", "endColumn"}) {
      EXPECT_GE(location["region"][key].get<int>(), 1) << key;
    }
    EXPECT_TRUE(result["partialFingerprints"][std::string(k_fingerprint_key)].is_string());
  }
}

TEST(SarifFormat, EveryBuiltinRuleHasHelpAndADocLink) {
  json log = sarif(Report{});
  const json& rules = log["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), all_rules().size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = *all_rules()[i];
    EXPECT_EQ(rules[i]["id"], std::string(rule.id));
    EXPECT_EQ(rules[i]["shortDescription"]["text"], std::string(rule.summary));
    EXPECT_EQ(rules[i]["help"]["markdown"],
              rule.doc.empty() ? std::string(rule.summary) : rule_documentation(rule));
    // The examples live in their own fields: the help shows them all the same.
    const std::string help = rules[i]["help"]["text"];
    EXPECT_NE(help.find(rule.bad_example), std::string::npos) << rule.id;
    EXPECT_NE(help.find(rule.good_example), std::string::npos) << rule.id;
    EXPECT_EQ(rules[i]["helpUri"], fmt::format("{}#{}", k_rules_doc_url, rule.id));
  }
}

TEST(SarifFormat, RegionIsTheSpanWithAnExclusiveEndColumn) {
  Report report;
  report.findings.push_back(make_finding("a.md", "length", Severity::info, 4, 3, 6, 9, "m"));
  json result = only_result(sarif(report));
  EXPECT_EQ(result["level"], "note");
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["region"],
            json({{"startLine", 4}, {"startColumn", 3}, {"endLine", 6}, {"endColumn", 9}}));
}

TEST(SarifFormat, RuleFromTheConfigGetsADescriptor) {
  Report report;
  report.findings.push_back(
      make_finding("a.md", "no-buzzwords", Severity::error, 1, 1, 1, 2, "avoid it"));
  report.findings.push_back(
      make_finding("a.md", "internal-error", Severity::error, 1, 1, 1, 1, "boom"));
  json log = sarif(report);
  const json& rules = log["runs"][0]["tool"]["driver"]["rules"];
  for (const json& result : log["runs"][0]["results"]) {
    const json& rule = rules[result["ruleIndex"].get<std::size_t>()];
    EXPECT_EQ(rule["id"], result["ruleId"]);
    EXPECT_FALSE(rule["help"]["text"].get<std::string>().empty());
  }
}

TEST(SarifFormat, UriIsPercentEncodedAndRelativeToSrcroot) {
  Report report;
  report.findings.push_back(make_finding(std::string(test::k_hostile_path), "length",
                                         Severity::warning, 1, 1, 1, 2, "m"));
  json location = only_result(sarif(report))["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"],
            "answers/%C3%87a%20va%2C%20v2%3A%20100%25%20%3Cdraft%3E%20%26%20%22q%22%20%27x%27.md");
  EXPECT_EQ(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
}

TEST(SarifFormat, MessageTextSurvivesJsonEscaping) {
  Report report;
  report.findings.push_back(make_finding("a.md", "length", Severity::warning, 1, 1, 1, 2,
                                         std::string(test::k_hostile_message)));
  EXPECT_EQ(only_result(sarif(report))["message"]["text"], std::string(test::k_hostile_message));
}

TEST(SarifFormat, InvalidUtf8IsReplacedNotAThrow) {
  Report report;
  report.findings.push_back(
      make_finding("bad\xff.md", "length", Severity::warning, 1, 1, 1, 2, "x \xc3 y"));
  json result = only_result(sarif(report));
  EXPECT_EQ(result["message"]["text"], "x \xef\xbf\xbd y");
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "bad%FF.md");
}

TEST(SarifFormat, FingerprintIgnoresLineMoves) {
  Report before;
  before.findings.push_back(
      make_finding("a.md", "length", Severity::warning, 3, 1, 3, 5, "m", "The line"));
  Report after = before;
  after.findings[0].span.line = after.findings[0].span.end_line = 40;
  auto print = [](const Report& r) {
    return only_result(sarif(r))["partialFingerprints"][std::string(k_fingerprint_key)];
  };
  EXPECT_EQ(print(before), print(after));
}

TEST(SarifFormat, ValidatesAgainstTheOfficialSchema) {
  if (!test::have_jsonschema()) {
    GTEST_SKIP() << "python3 with jsonschema is not installed";
  }
  Report report = golden_report();
  report.findings.push_back(
      make_finding("z.md", "internal-error", Severity::error, 2, 1, 2, 1, "boom"));
  test::TempDir dir;
  auto file = dir.write("report.sarif", format_sarif(report));
  auto schema = test::source_path("tests/report/sarif-schema-2.1.0.json");
  test::CommandResult result = test::run_command(
      fmt::format("python3 -c 'import json, sys, jsonschema; "
                  "schema = json.load(open(sys.argv[1])); "
                  "jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())"
                  ".validate(json.load(open(sys.argv[2])))' {} {}",
                  test::shell_quote(schema.string()), test::shell_quote(file.string())));
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

TEST(SarifFormat, EmptyReportStillValid) {
  json log = sarif(Report{});
  EXPECT_TRUE(log["runs"][0]["results"].is_array());
  EXPECT_TRUE(log["runs"][0]["results"].empty());
}

const Rule k_only_rule{
    .id = "length", .summary = "Two to three minutes.", .default_severity = Severity::off};
const Rule* const k_only_rules[] = {&k_only_rule};

TEST(SarifWriter, NoFindingsIsTheRulesAndAnEmptyRun) {
  std::string out;
  auto writer = sarif_writer(k_only_rules, [&out](std::string_view piece) { out += piece; });
  writer->add({});
  writer->finish({});
  // The version changes with every release: @VERSION@ here.
  EXPECT_EQ(test::without_version(out), R"json({
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "answerlint",
          "version": "@VERSION@",
          "semanticVersion": "@VERSION@",
          "informationUri": "https://github.com/answerlint/answerlint",
          "rules": [
            {
              "id": "length",
              "name": "length",
              "shortDescription": {
                "text": "Two to three minutes."
              },
              "fullDescription": {
                "text": "Two to three minutes."
              },
              "help": {
                "text": "Two to three minutes.",
                "markdown": "Two to three minutes."
              },
              "helpUri": "https://github.com/answerlint/answerlint/blob/main/docs/rules.md#length",
              "defaultConfiguration": {
                "level": "none",
                "enabled": false
              }
            }
          ]
        }
      },
      "originalUriBaseIds": {
        "%SRCROOT%": {
          "description": {
            "text": "The repository root, or the working folder outside a repository."
          }
        }
      },
      "columnKind": "unicodeCodePoints",
      "results": []
    }
  ]
}
)json");
  EXPECT_EQ(format_sarif(Report{}, k_only_rules), out);
}

// Findings of one builtin rule and of three the config defines, met in
// another order than their ids'.
Report large_report() {
  const std::string_view rules[] = {"length", "zz-config-rule", "length", "internal-error",
                                    "a-config-rule"};
  Report report;
  for (int i = 0; i < 6000; ++i) {
    report.findings.push_back(make_finding(
        fmt::format("answers/{:03}.md", i / 20), std::string(rules[i % 5]), Severity::warning,
        i % 20 + 1, 1, i % 20 + 1, 5, fmt::format("finding {} <&> \"q\" \xC3\xA9 \xFF", i)));
  }
  return report;
}

// Megabytes of results: they wait in a temporary file for the rules, which
// end with those only the findings name, and come back in order. The layout
// is nlohmann's dump(2), as when the log was built as one DOM.
TEST(SarifWriter, LargeReportWaitsForTheRulesThenComesInPieces) {
  const Report report = large_report();
  test::Captured captured;
  auto writer = sarif_writer(k_only_rules, captured.sink());
  for (const std::vector<Finding>& file : test::by_file(report.findings)) {
    writer->add(file);
  }
  EXPECT_EQ(captured.pieces, 0) << "the rules come first";
  writer->finish(ReportTotals::of(report));
  EXPECT_GT(captured.pieces, 2) << "handed over in pieces";
  const std::string& out = captured.text;
  EXPECT_GT(out.size(), std::size_t{4} << 20);
  EXPECT_EQ(out, format_sarif(report, k_only_rules));

  using Ordered = nlohmann::ordered_json;
  const Ordered log = Ordered::parse(out);
  EXPECT_EQ(log.dump(2, ' ', false, Ordered::error_handler_t::replace) + "\n", out);
  const Ordered& rules = log["runs"][0]["tool"]["driver"]["rules"];
  std::vector<std::string> ids;
  for (const Ordered& rule : rules) {
    ids.push_back(rule["id"]);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"length", "a-config-rule", "internal-error",
                                           "zz-config-rule"}));
  const Ordered& results = log["runs"][0]["results"];
  ASSERT_EQ(results.size(), report.findings.size());
  const std::vector<std::string> prints = fingerprints(report.findings);
  for (std::size_t i = 0; i < results.size(); ++i) {
    ASSERT_EQ(results[i]["ruleId"], report.findings[i].rule) << i;
    ASSERT_EQ(rules[results[i]["ruleIndex"].get<std::size_t>()]["id"], report.findings[i].rule);
    ASSERT_EQ(results[i]["partialFingerprints"][std::string(k_fingerprint_key)], prints[i]);
  }
}

// A result of a rule from the config waits in the temporary file with a
// 3-byte mark for its ruleIndex, and the file is read back in pieces of
// Spill::k_memory: a first message of the right length puts a mark across
// two pieces. It comes out as it does from memory, in one piece.
TEST(SarifWriter, RuleIndexAcrossTwoPiecesComesOutWhole) {
  auto report = [](std::size_t padding) {
    Report r;
    r.findings.push_back(make_finding("a.md", "length", Severity::warning, 1, 1, 1, 2,
                                      std::string(1 + padding, 'w')));
    for (int i = 0; i < 3000; ++i) {
      r.findings.push_back(make_finding(fmt::format("b{:04}.md", i), "config-rule", Severity::error,
                                        1, 1, 1, 2, "m"));
    }
    return r;
  };
  // Where the marks lie in the file: at each `"ruleIndex": 1` of the
  // results, each mark before it two bytes longer than its "1".
  const std::string first = format_sarif(report(0), k_only_rules);
  const std::string_view results = "\"results\": [";
  const std::string_view index = "\"ruleIndex\": 1";
  const std::size_t start = first.find(results) + results.size();
  std::size_t last = 0; // the last mark that starts before the first piece ends
  std::size_t marks = 0;
  for (std::size_t at = first.find(index, start); at != std::string::npos;
       at = first.find(index, at + 1), ++marks) {
    std::size_t in_file = at + index.size() - 1 - start + 2 * marks;
    if (in_file >= Spill::k_memory) {
      break;
    }
    last = in_file;
  }
  const Report padded = report(Spill::k_memory - 1 - last);

  const std::string out = format_sarif(padded, k_only_rules);
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old != nullptr ? old : "";
  setenv("TMPDIR", "/nonexistent/answerlint-test", 1);
  const std::string in_memory = format_sarif(padded, k_only_rules);
  if (old != nullptr) {
    setenv("TMPDIR", saved.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
  EXPECT_EQ(out, in_memory);
  EXPECT_EQ(out.find('\x01'), std::string::npos);
}

} // namespace
} // namespace answerlint
