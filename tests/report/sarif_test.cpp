#include "report/ci_support.hpp"
#include "report/fingerprint.hpp"
#include "report/reporter.hpp"
#include "report/rule_docs.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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

} // namespace
} // namespace answerlint
