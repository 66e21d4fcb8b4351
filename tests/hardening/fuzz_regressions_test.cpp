// Every input that made a fuzz target fail, as a test named after what was
// wrong. The inputs themselves are also in tests/fuzz/corpus/<target>/, which
// the fuzz_replay tests run through the fuzz targets' own checks.
#include "document/document.hpp"
#include "hardening/hardening.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace answerlint::test {
namespace {

std::vector<int> first_lines(std::string_view source) {
  const Document doc = parse_document(source, ParseOptions{});
  std::vector<int> lines;
  for (const CodeBlock& block : doc.code_blocks) {
    lines.push_back(block.first_line);
  }
  return lines;
}

// fuzz_code_samples, crash-unclosed-fences-in-list-items.txt: a fence left
// open at the end of a list item was taken to be closed by the next line,
// so the fence opening the next item's block was never found and its
// findings pointed at line 1.
TEST(FuzzRegressions, FenceOpeningTheNextListItemIsFound) {
  EXPECT_EQ(first_lines("- ```\n- ```\n"), (std::vector<int>{2, 3}));
  const std::string with_nul("Intro.\n\n- ```\n- ```x\0y\n- \n- ```\n", 31);
  EXPECT_EQ(first_lines(with_nul), (std::vector<int>{4, 5, 7}));
  // md4c closes a quoted block with a fence that has fewer `>` (or none).
  EXPECT_EQ(first_lines("> > ```\n> ```\n> ```\n"), (std::vector<int>{2, 4}));
  EXPECT_EQ(first_lines("1. ~~~\n2. ~~~\n3. ~~~\n"), (std::vector<int>{2, 3, 4}));
  // A real closing fence is still skipped, in a list item and in a quote.
  EXPECT_EQ(first_lines("- ```\n  ```\n- ```\n"), (std::vector<int>{2, 4}));
  EXPECT_EQ(first_lines("> ```\n> ```\n> ```\n"), (std::vector<int>{2, 4}));
  EXPECT_EQ(first_lines("````\n```\n````\n```\n"), (std::vector<int>{2, 5}));
}

TEST_F(Hardening, UntaggedFencesInListItemsAreReportedOnTheirLines) {
  write("a.md", "Intro line.\n\n- ```\n- ```\n");
  const RunResult run = exec("check --format concise a.md");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find(at("a.md", 3, 3, "code-samples", "warning")), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find(at("a.md", 4, 3, "code-samples", "warning")), std::string::npos)
      << run.out;
  EXPECT_EQ(run.out.find("a.md:1:1: warning[code-samples]"), std::string::npos) << run.out;
}

} // namespace
} // namespace answerlint::test
