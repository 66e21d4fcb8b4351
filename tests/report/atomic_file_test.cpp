// AtomicFile, which `check -o FILE` streams the report into: readers see the
// old file until commit(), then the whole new one; an abandoned file leaves
// nothing behind.
#include "error.hpp"
#include "report/reporter.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace answerlint {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(AtomicFile, PiecesReplaceTheFileOnlyAtCommit) {
  test::TempDir dir;
  const fs::path target = dir.write("report.json", "old");
  AtomicFile file(target.string());
  EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"report.json"})
      << "nothing is made before the first write";
  file.write("{\"a\": ");
  file.write("1}\n");
  EXPECT_EQ(test::read_file(target), "old");
  EXPECT_EQ(entries(dir.path()).size(), 2U) << "the pieces go to a temporary file beside it";
  file.commit();
  EXPECT_EQ(test::read_file(target), "{\"a\": 1}\n");
  EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"report.json"});
}

TEST(AtomicFile, AbandonedLeavesTheOldFileAndNoTemporary) {
  test::TempDir dir;
  const fs::path target = dir.write("report.json", "old");
  {
    AtomicFile file(target.string());
    file.write("half a rep");
  }
  EXPECT_EQ(test::read_file(target), "old");
  EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"report.json"});
}

TEST(AtomicFile, CommitWithoutAnyWriteMakesAnEmptyFile) {
  test::TempDir dir;
  AtomicFile file((dir.path() / "empty.txt").string());
  file.commit();
  EXPECT_EQ(test::read_file(dir.path() / "empty.txt"), "");
}

TEST(AtomicFile, AMissingFolderFailsAtTheFirstWrite) {
  test::TempDir dir;
  AtomicFile file((dir.path() / "missing" / "report.txt").string());
  EXPECT_THROW(file.write("x"), Error);
  EXPECT_THROW(AtomicFile(dir.path().string()).write("x"), Error) << "a folder";
  EXPECT_EQ(entries(dir.path()), std::vector<std::string>{});
}

} // namespace
} // namespace answerlint
