#include "lint/progress.hpp"

#include <gtest/gtest.h>

namespace answerlint {
namespace {

TEST(Progress, FrameShowsCountsRateAndTimeLeft) {
  std::string frame = format_progress(500, 2000, 2.0, 80);
  EXPECT_NE(frame.find("500/2000 files"), std::string::npos) << frame;
  EXPECT_NE(frame.find("250/s"), std::string::npos) << frame;
  EXPECT_NE(frame.find("ETA 6s"), std::string::npos) << frame;
  EXPECT_TRUE(frame.starts_with("[##########.............................."));
  EXPECT_LE(frame.size(), 80U);
}

TEST(Progress, LongRunsCountMinutesAndTheEndHasNoEta) {
  EXPECT_NE(format_progress(100, 100'000, 10, 100).find("ETA 2h46m"), std::string::npos);
  EXPECT_NE(format_progress(100, 2000, 10, 100).find("ETA 3m10s"), std::string::npos);
  std::string done = format_progress(2000, 2000, 4, 80);
  EXPECT_EQ(done.find("ETA"), std::string::npos) << done;
  EXPECT_NE(done.find("[########################################]"), std::string::npos) << done;
}

TEST(Progress, NoRateBeforeThereIsOneAndNarrowTerminals) {
  std::string start = format_progress(0, 300, 0.0, 80);
  EXPECT_NE(start.find("0/300 files"), std::string::npos);
  EXPECT_EQ(start.find("/s"), std::string::npos);
  std::string narrow = format_progress(10, 300, 1.0, 20);
  EXPECT_EQ(narrow.find('['), std::string::npos) << narrow;
  EXPECT_LT(narrow.size(), 20U);
  EXPECT_EQ(format_progress(5, 0, 1.0, 80).find("1/1 files") != std::string::npos, true);
}

TEST(Progress, NotWantedWhenQuietFewFilesOrNotATerminal) {
  // The test runner's stderr is not a terminal (the CLI tests cover one).
  EXPECT_FALSE(progress_wanted(false, 100'000));
  EXPECT_FALSE(progress_wanted(true, 100'000));
  EXPECT_FALSE(progress_wanted(false, k_progress_min_files - 1));
}

TEST(Progress, ADisabledBarDrawsNothing) {
  std::FILE* sink = std::tmpfile();
  ASSERT_NE(sink, nullptr);
  {
    ProgressBar bar(1000, false, sink);
    bar.tick();
  }
  EXPECT_EQ(std::ftell(sink), 0);
  {
    ProgressBar bar(1000, true, sink);
    bar.tick();
    bar.finish();
  }
  EXPECT_GT(std::ftell(sink), 0);
  std::fclose(sink);
}

} // namespace
} // namespace answerlint
