#include "report/ci_support.hpp"
#include "report/reporter.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

namespace answerlint {
namespace {

using nlohmann::json;
using test::golden_report;
using test::make_finding;

TEST(GitlabFormat, CodeQualityFields) {
  json issues = json::parse(format_gitlab(golden_report()));
  ASSERT_TRUE(issues.is_array());
  ASSERT_EQ(issues.size(), 5U);
  for (const json& issue : issues) {
    SCOPED_TRACE(issue.dump());
    EXPECT_TRUE(issue["description"].is_string());
    EXPECT_TRUE(issue["check_name"].is_string());
    EXPECT_TRUE(issue["fingerprint"].is_string());
    EXPECT_TRUE(issue["location"]["path"].is_string());
    EXPECT_GE(issue["location"]["lines"]["begin"].get<int>(), 1);
    EXPECT_GE(issue["location"]["lines"]["end"].get<int>(),
              issue["location"]["lines"]["begin"].get<int>());
  }
}

TEST(GitlabFormat, SeverityMapsToInfoMinorMajor) {
  Report report;
  report.findings.push_back(make_finding("a.md", "r", Severity::error, 1, 1, 1, 2, "e"));
  report.findings.push_back(make_finding("a.md", "r", Severity::warning, 2, 1, 2, 2, "w"));
  report.findings.push_back(make_finding("a.md", "r", Severity::info, 3, 1, 3, 2, "i"));
  json issues = json::parse(format_gitlab(report));
  EXPECT_EQ(issues[0]["severity"], "major");
  EXPECT_EQ(issues[1]["severity"], "minor");
  EXPECT_EQ(issues[2]["severity"], "info");
}

TEST(GitlabFormat, FingerprintsAreUniqueEvenForIdenticalFindings) {
  Report report;
  for (int i = 0; i < 5; ++i) {
    report.findings.push_back(
        make_finding("a.md", "r", Severity::info, 1, 1, 1, 2, "same", "same line"));
  }
  std::set<std::string> prints;
  for (const json& issue : json::parse(format_gitlab(report))) {
    prints.insert(issue["fingerprint"].get<std::string>());
  }
  EXPECT_EQ(prints.size(), 5U);
}

TEST(GitlabFormat, HostileTextRoundTrips) {
  Report report;
  report.findings.push_back(make_finding(std::string(test::k_hostile_path), "length",
                                         Severity::warning, 2, 1, 4, 1,
                                         std::string(test::k_hostile_message)));
  json issue = json::parse(format_gitlab(report)).at(0);
  EXPECT_EQ(issue["location"]["path"], test::k_hostile_path);
  EXPECT_EQ(issue["description"], test::k_hostile_message);
  // An exclusive end at column 1 ends on the line before.
  EXPECT_EQ(issue["location"]["lines"], json({{"begin", 2}, {"end", 3}}));
}

TEST(GitlabFormat, NoFindingsIsAnEmptyArray) {
  EXPECT_EQ(format_gitlab(Report{}), "[]\n");
}

} // namespace
} // namespace answerlint
