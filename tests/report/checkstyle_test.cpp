#include "report/ci_support.hpp"
#include "report/reporter.hpp"

#include <gtest/gtest.h>

namespace answerlint {
namespace {

using test::golden_report;
using test::have_xmllint;
using test::make_finding;
using test::xpath_string;

TEST(CheckstyleFormat, WellFormedVersion43) {
  if (!have_xmllint()) {
    GTEST_SKIP() << "xmllint is not installed";
  }
  std::string xml = format_checkstyle(golden_report());
  test::expect_well_formed_xml(xml);
  test::expect_well_formed_xml(format_checkstyle(Report{}));
  EXPECT_EQ(xml.substr(0, 39), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  EXPECT_EQ(xpath_string(xml, "/checkstyle/@version"), "4.3");
  EXPECT_EQ(xpath_string(xml, "count(/checkstyle/file)"), "2");
  EXPECT_EQ(xpath_string(xml, "count(/checkstyle/file[1]/error)"), "2");
  EXPECT_EQ(xpath_string(xml, "count(/checkstyle/file[2]/error)"), "3");
}

TEST(CheckstyleFormat, ErrorAttributes) {
  if (!have_xmllint()) {
    GTEST_SKIP() << "xmllint is not installed";
  }
  Report report;
  report.findings.push_back(make_finding("a.md", "length", Severity::info, 7, 5, 7, 9, "m"));
  std::string xml = format_checkstyle(report);
  EXPECT_EQ(xpath_string(xml, "//error/@line"), "7");
  EXPECT_EQ(xpath_string(xml, "//error/@column"), "5");
  EXPECT_EQ(xpath_string(xml, "//error/@severity"), "info");
  EXPECT_EQ(xpath_string(xml, "//error/@source"), "answerlint.length");
}

TEST(CheckstyleFormat, HostileTextRoundTripsThroughTheParser) {
  if (!have_xmllint()) {
    GTEST_SKIP() << "xmllint is not installed";
  }
  Report report;
  report.findings.push_back(make_finding(std::string(test::k_hostile_path), "a<&>b",
                                         Severity::error, 2, 3, 2, 4,
                                         std::string(test::k_hostile_message) + "\x02\xc3"));
  std::string xml = format_checkstyle(report);
  test::expect_well_formed_xml(xml);
  EXPECT_EQ(xpath_string(xml, "/checkstyle/file/@name"), test::k_hostile_path);
  EXPECT_EQ(xpath_string(xml, "//error/@message"),
            std::string(test::k_hostile_message) + "\xef\xbf\xbd");
  EXPECT_EQ(xpath_string(xml, "//error/@source"), "answerlint.a<&>b");
}

TEST(CheckstyleFormat, NoFindingsIsAnEmptyRoot) {
  EXPECT_EQ(format_checkstyle(Report{}),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
            "</checkstyle>\n");
}

} // namespace
} // namespace answerlint
