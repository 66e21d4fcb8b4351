#include "report/ci_support.hpp"
#include "report/fingerprint.hpp"
#include "report/reporter.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

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

// Streamed, the fingerprints given so far are kept in little room; they must
// still be exactly those of a set of every fingerprint given. Real 64-bit
// collisions cannot be made, but a path fed in two add() calls clashes with
// itself the same way, and an unsorted add() gives a hash's occurrences out
// of turn.
TEST(GitlabFormat, StreamedFingerprintsStayUniqueLikeASetOfAllOfThem) {
  auto same = [](std::string path, int line) {
    return make_finding(std::move(path), "r", Severity::info, line, 1, line, 2, "same",
                        "same line");
  };
  std::vector<std::vector<Finding>> chunks = {
      {same("a.md", 1), same("a.md", 2), same("b.md", 1)},
      {same("a.md", 1), same("a.md", 5)},                  // a.md's hash again: -1 suffixes
      {same("a.md", 9), same("a.md", 3), same("a.md", 4)}, // unsorted: :1 before :0
      {same("b.md", 2)},                                   // b.md's hash again
      {same("a.md", 1)},
  };
  for (int i = 0; i < 3000; ++i) { // enough hashes for the sorted run to be merged into
    chunks.push_back({same(fmt::format("c{}.md", i), 1), same(fmt::format("c{}.md", i), 2)});
  }
  chunks.push_back({same("c7.md", 1), same("c2999.md", 1)});

  std::set<std::string> given;
  std::vector<std::string> want;
  std::string out;
  auto writer = gitlab_writer([&out](std::string_view piece) { out += piece; });
  for (const std::vector<Finding>& chunk : chunks) {
    std::vector<std::string> prints = fingerprints(chunk);
    for (const std::string& print : prints) {
      std::string unique = print;
      for (int n = 1; !given.insert(unique).second; ++n) {
        unique = fmt::format("{}-{}", print, n);
      }
      want.push_back(unique);
    }
    writer->add(chunk);
  }
  writer->finish({});
  std::vector<std::string> got;
  for (const json& issue : json::parse(out)) {
    got.push_back(issue["fingerprint"].get<std::string>());
  }
  EXPECT_EQ(got, want);
  EXPECT_NE(std::find(want.begin(), want.end(), fingerprints(chunks[1])[0] + "-1"), want.end());
}

TEST(GitlabFormat, NoFindingsIsAnEmptyArray) {
  EXPECT_EQ(format_gitlab(Report{}), "[]\n");
}

} // namespace
} // namespace answerlint
