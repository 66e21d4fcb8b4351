// run_check with a sink: every file handed over once, in order, whatever the
// threads and the window, with exactly the findings a collected run holds.

#include "config/config.hpp"
#include "lint/runner.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace answerlint {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

constexpr std::string_view k_config = R"toml(
[files]
max_file_bytes = 20000

[kinds]
behavioral = ["stories/**"]

[rules.length]
min_words = 1
)toml";

// Answers with a varying number of findings: filler words, a typo, a TODO.
std::string story(int n) {
  std::string text =
      fmt::format("---\nquestion: \"Story {}?\"\n---\n# Story {}\n\n### Situation\n\n", n, n);
  for (int i = 0; i < n % 7; ++i) {
    text += "Basically, the checkout was kind of slow and we did not recieve alerts.\n\n";
  }
  text += "### Action\n\nI profiled the service with Redis metrics.\n\n### Result\n\n"
          "p95 fell from 2 s to 300 ms.\n";
  return text;
}

std::string describe(const Finding& f) {
  return fmt::format("{}|{}:{}-{}:{}|{}|{}|{}|{}|{}", f.path, f.span.line, f.span.column,
                     f.span.end_line, f.span.end_column, f.rule, to_string(f.severity), f.message,
                     f.kind, f.source_line);
}

class StreamedRun : public ::testing::Test {
protected:
  void SetUp() override {
    for (int i = 0; i < k_files; ++i) {
      // Names that sort apart from the order they are written in.
      m_tmp.write(fmt::format("portfolio/stories/{:03}-{}.md", (i * 37) % k_files, i), story(i));
    }
    m_tmp.write("portfolio/stories/too-long.md", std::string(30000, 'x'));
    m_config = load_config_text(k_config, m_tmp.path() / "portfolio/answerlint.toml");
  }

  RunOptions options(unsigned threads, std::size_t window) const {
    RunOptions run;
    run.selection.paths = {m_tmp.path() / "portfolio"};
    run.threads = threads;
    run.window = window;
    run.use_cache = false;
    return run;
  }

  static constexpr int k_files = 150;
  TempDir m_tmp;
  std::unique_ptr<Config> m_config;
};

TEST_F(StreamedRun, SinkGetsEachFileOnceInOrderWithTheCollectedFindings) {
  const Report collected = run_check(*m_config, options(1, 1024));
  ASSERT_GT(collected.findings.size(), std::size_t{k_files});
  std::vector<std::string> want;
  for (const Finding& f : collected.findings) {
    want.push_back(describe(f));
  }
  for (unsigned threads : {1U, 2U, 4U}) {
    for (std::size_t window : {1U, 3U, 1024U}) {
      SCOPED_TRACE(fmt::format("{} threads, window {}", threads, window));
      std::vector<std::string> paths;
      std::vector<std::string> got;
      Report report = run_check(*m_config, options(threads, window),
                                [&](std::string_view path, std::vector<Finding>&& findings) {
                                  paths.emplace_back(path);
                                  for (const Finding& f : findings) {
                                    EXPECT_EQ(f.path, path);
                                    got.push_back(describe(f));
                                  }
                                });
      // Every selected file, the skipped one too, in display order.
      ASSERT_EQ(paths.size(), std::size_t{k_files} + 1);
      EXPECT_TRUE(std::is_sorted(paths.begin(), paths.end()));
      EXPECT_EQ(std::adjacent_find(paths.begin(), paths.end()), paths.end());
      EXPECT_EQ(got, want);
      EXPECT_TRUE(report.findings.empty()) << "a streamed run keeps no finding";
      EXPECT_EQ(report.files_checked, collected.files_checked);
      EXPECT_EQ(report.files_read, collected.files_read);
      EXPECT_EQ(report.notices, collected.notices);
      EXPECT_EQ(report.errors, collected.errors);
    }
  }
  EXPECT_EQ(collected.files_checked, k_files);
  EXPECT_EQ(collected.notices.size(), 1U) << "too-long.md is skipped";
}

TEST_F(StreamedRun, AnExceptionFromTheSinkStopsTheRun) {
  int calls = 0;
  EXPECT_THROW(run_check(*m_config, options(2, 4),
                         [&](std::string_view, std::vector<Finding>&&) {
                           if (++calls == 5) {
                             throw std::runtime_error("disk full");
                           }
                         }),
               std::runtime_error);
  EXPECT_EQ(calls, 5);
}

} // namespace
} // namespace answerlint
