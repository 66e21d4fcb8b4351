// write_text and write_concise hand a large report over in pieces, rendered
// by one thread or several, and the pieces are exactly the whole format.
#include "report/render.hpp"
#include "report/reporter.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace answerlint {
namespace {

Report large_report() {
  Report report;
  report.files_checked = 2;
  for (int i = 0; i < 5000; ++i) {
    Finding f;
    f.path = i < 1500 ? "stories/a.md" : "stories/b.md";
    f.span = {0, 5, i + 1, 3, i + 1, 8};
    f.rule = "filler-words";
    f.severity = i % 3 == 0 ? Severity::error : Severity::warning;
    f.message = fmt::format("'basically' is filler ({})", i);
    f.kind = "behavioral";
    f.source_line = fmt::format("We basically rewrote the \xC3\xA9l\xC3\xA9ment {} service.", i);
    report.findings.push_back(std::move(f));
  }
  return report;
}

TEST(StreamedReport, PiecesMakeExactlyTheWholeFormat) {
  const Report report = large_report();
  for (std::string_view format : {"text", "concise", "json"}) {
    for (bool color : {false, true}) {
      // One thread, blocks rendered side by side (several rounds of them),
      // every core: the same bytes in the same order.
      for (unsigned threads : {1U, 2U, 3U, 0U}) {
        std::string joined;
        int pieces = 0;
        render_report_to(format, report, {color, true, threads}, [&](std::string_view piece) {
          joined += piece;
          ++pieces;
        });
        EXPECT_EQ(joined, render_report(format, report, {color, true})) << format << threads;
        if (format == "json") {
          EXPECT_EQ(pieces, 1);
        } else {
          EXPECT_GT(pieces, 1) << format << ": a large report comes in pieces";
        }
      }
    }
  }
}

TEST(StreamedReport, FindingsOnOneLineShareIt) {
  Finding a;
  a.source_line = std::string("A long paragraph line.");
  Finding b = a;
  EXPECT_EQ(a.source_line.view().data(), b.source_line.view().data());
  EXPECT_EQ(b.source_line, "A long paragraph line.");
  EXPECT_EQ(fmt::format("[{}]", b.source_line), "[A long paragraph line.]");
  Finding empty;
  EXPECT_TRUE(empty.source_line.empty());
  EXPECT_EQ(fmt::format("[{}]", empty.source_line), "[]");
}

} // namespace
} // namespace answerlint
