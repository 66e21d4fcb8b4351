#include "report/ci_support.hpp"
#include "report/reporter.hpp"

#include <gtest/gtest.h>

#include <span>

namespace answerlint {
namespace {

using test::golden_report;
using test::have_xmllint;
using test::make_finding;
using test::xpath_string;

TEST(JunitFormat, WellFormedForXmllint) {
  if (!have_xmllint()) {
    GTEST_SKIP() << "xmllint is not installed";
  }
  test::expect_well_formed_xml(format_junit(golden_report()));
  test::expect_well_formed_xml(format_junit(Report{}));
}

TEST(JunitFormat, OneSuitePerFileOneCasePerFinding) {
  if (!have_xmllint()) {
    GTEST_SKIP() << "xmllint is not installed";
  }
  std::string xml = format_junit(golden_report());
  EXPECT_EQ(xpath_string(xml, "count(/testsuites/testsuite)"), "2");
  EXPECT_EQ(xpath_string(xml, "/testsuites/@tests"), "5");
  EXPECT_EQ(xpath_string(xml, "/testsuites/@failures"), "5");
  // Byte order: "behavioral" before "Ç".
  EXPECT_EQ(xpath_string(xml, "/testsuites/testsuite[1]/@name"), "answers/behavioral/conflict.md");
  EXPECT_EQ(xpath_string(xml, "/testsuites/testsuite[1]/@tests"), "2");
  EXPECT_EQ(xpath_string(xml, "/testsuites/testsuite[1]/@failures"), "2");
  EXPECT_EQ(xpath_string(xml, "/testsuites/testsuite[1]/testcase[1]/@name"),
            "required-sections 1:1");
  EXPECT_EQ(xpath_string(xml, "/testsuites/testsuite[1]/testcase[1]/failure/@type"),
            "required-sections");
  EXPECT_EQ(xpath_string(xml, "/testsuites/testsuite[2]/@name"), test::k_hostile_path);
  EXPECT_EQ(xpath_string(xml, "count(/testsuites/testsuite[2]/testcase/failure)"), "3");
}

TEST(JunitFormat, HostileTextRoundTripsThroughTheParser) {
  if (!have_xmllint()) {
    GTEST_SKIP() << "xmllint is not installed";
  }
  Report report;
  report.findings.push_back(make_finding(std::string(test::k_hostile_path), "r&<\"'>",
                                         Severity::error, 2, 3, 2, 4,
                                         std::string(test::k_hostile_message)));
  std::string xml = format_junit(report);
  test::expect_well_formed_xml(xml);
  EXPECT_EQ(xpath_string(xml, "//testcase/@classname"), test::k_hostile_path);
  EXPECT_EQ(xpath_string(xml, "//testcase/@name"), "r&<\"'> 2:3");
  EXPECT_EQ(xpath_string(xml, "//failure/@type"), "r&<\"'>");
  EXPECT_EQ(xpath_string(xml, "//failure/@message"), test::k_hostile_message);
  EXPECT_EQ(
      xpath_string(xml, "//failure"),
      fmt::format("{}:2:3: error[r&<\"'>] {}", test::k_hostile_path, test::k_hostile_message));
}

TEST(JunitFormat, ControlCharactersDroppedAndInvalidUtf8Replaced) {
  if (!have_xmllint()) {
    GTEST_SKIP() << "xmllint is not installed";
  }
  Report report;
  report.findings.push_back(
      make_finding("a\x01.md", "length", Severity::warning, 1, 1, 1, 2, "bell\x07 \xff end"));
  std::string xml = format_junit(report);
  test::expect_well_formed_xml(xml);
  EXPECT_EQ(xpath_string(xml, "//failure/@message"), "bell \xef\xbf\xbd end");
  EXPECT_EQ(xpath_string(xml, "//testcase/@classname"), "a.md");
}

TEST(JunitFormat, CleanRunIsOnePassingCase) {
  std::string xml = format_junit(Report{});
  EXPECT_NE(xml.find("<testcase name=\"no findings\" classname=\"answerlint\"/>"),
            std::string::npos);
  EXPECT_EQ(xml.find("<failure"), std::string::npos);
}

TEST(JunitWriter, NoFindingsIsOnePassingCase) {
  std::string out;
  auto writer = junit_writer([&out](std::string_view piece) { out += piece; });
  writer->add({});
  writer->finish({});
  EXPECT_EQ(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<testsuites name=\"answerlint\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
                 "  <testsuite name=\"answerlint\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
                 "    <testcase name=\"no findings\" classname=\"answerlint\"/>\n"
                 "  </testsuite>\n"
                 "</testsuites>\n");
  EXPECT_EQ(format_junit(Report{}), out);
}

// Megabytes of testcases: they wait in a temporary file for the total of
// the first line, and a suite's testcases for its own count, also when its
// path's findings come in two add() calls.
TEST(JunitWriter, LargeReportWaitsForItsTotalThenComesInPieces) {
  Report report;
  for (int i = 0; i < 12000; ++i) {
    report.findings.push_back(make_finding(fmt::format("answers/{:03}.md", i / 40), "length",
                                           Severity::warning, i % 40 + 1, 1, i % 40 + 1, 5,
                                           fmt::format("finding {} <&> \"q\"", i)));
  }
  test::Captured out;
  auto writer = junit_writer(out.sink());
  std::span<const Finding> findings = report.findings;
  writer->add(findings.first(20));       // half of answers/000.md
  writer->add(findings.subspan(20, 60)); // its other half and answers/001.md
  writer->add(findings.subspan(80));
  EXPECT_EQ(out.pieces, 0) << "the first line counts every finding";
  writer->finish(ReportTotals::of(report));
  EXPECT_GT(out.pieces, 2) << "handed over in pieces";
  EXPECT_GT(out.text.size(), std::size_t{2} << 20);
  EXPECT_EQ(out.text, format_junit(report));
  if (have_xmllint()) {
    EXPECT_EQ(xpath_string(out.text, "/testsuites/@tests"), "12000");
    EXPECT_EQ(xpath_string(out.text, "count(/testsuites/testsuite)"), "300");
    EXPECT_EQ(xpath_string(out.text, "/testsuites/testsuite[1]/@tests"), "40");
  }
}

} // namespace
} // namespace answerlint
