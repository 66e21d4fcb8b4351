// Bad paths (SPEC section 9), end to end: symlink loops, files that cannot
// be read, odd names, a folder named like a file. Each is linted, skipped,
// or exit code 2 with the path and the reason, within a time limit.
#include "hardening/hardening.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <sys/stat.h>

namespace answerlint::test {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_answer = "---\nquestion: Why?\n---\nA short TODO answer.\n";

int files_checked(const RunResult& run) {
  return nlohmann::json::parse(run.out)["files_checked"].get<int>();
}

TEST_F(Hardening, SymlinkLoopsInAFolderAreSkipped) {
  write("answers/a.md", k_answer);
  fs::create_directory_symlink(root() / "answers", root() / "answers/again");
  fs::create_directory_symlink("..", root() / "answers/up");
  fs::create_symlink("self.md", root() / "answers/self.md");
  fs::create_symlink("ping.md", root() / "answers/pong.md");
  fs::create_symlink("pong.md", root() / "answers/ping.md");
  const RunResult run = exec("check --format json answers");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(files_checked(run), 1) << run.out;
}

TEST_F(Hardening, SymlinkLoopNamedOnTheCommandLine) {
  fs::create_symlink("self.md", root() / "self.md");
  const RunResult run = exec("check self.md");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "answerlint: error: self.md: too many levels of symbolic links\n");
  fs::create_symlink("gone.md", root() / "dangling.md");
  const RunResult dangling = exec("check dangling.md");
  EXPECT_EQ(dangling.exit_code, 2);
  EXPECT_EQ(dangling.err, "answerlint: error: dangling.md: no such file or directory\n");
}

TEST_F(Hardening, FifoIsRefusedNotWaitedFor) {
  // Opening a FIFO for reading waits for a writer that never comes.
  ASSERT_EQ(mkfifo((root() / "pipe.md").c_str(), 0644), 0);
  write("a.md", k_answer);
  const RunResult named = exec("check pipe.md", 30);
  EXPECT_EQ(named.exit_code, 2);
  EXPECT_EQ(named.err, "answerlint: error: pipe.md: cannot read: not a regular file\n");
  const RunResult walked = exec("check --format json .", 30);
  EXPECT_EQ(walked.exit_code, 1) << walked.err;
  EXPECT_EQ(files_checked(walked), 1) << "the FIFO is not an answer";
  const RunResult device = exec("check /dev/null", 30);
  EXPECT_EQ(device.exit_code, 2);
  EXPECT_NE(device.err.find("/dev/null: cannot read: not a regular file"), std::string::npos)
      << device.err;
}

TEST_F(Hardening, UnreadableFileIsAnErrorNamingIt) {
  const std::string as_user = unprivileged_prefix();
  if (as_user.empty()) {
    // Root reads any file and setpriv cannot drop to nobody here; the FIFO
    // test above covers a file that cannot be read.
    GTEST_SKIP() << "running as root without a way to drop privileges";
  }
  write("ok.md", k_answer);
  const fs::path locked = write("locked.md", k_answer);
  fs::permissions(locked, fs::perms::none);
  const RunResult run = run_answerlint("check .", root(), "timeout -k 5 60 " + as_user);
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("answerlint: error: locked.md: cannot read: Permission denied"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.out.find("ok.md:"), std::string::npos) << "the other files are still linted";
}

TEST_F(Hardening, PathsWithSpacesAndNonAsciiNames) {
  write("my answers/Ответ café.md", k_answer);
  write("it's here.md", k_answer);
  const RunResult run = exec("check --format json");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const auto report = nlohmann::json::parse(run.out);
  std::set<std::string> paths;
  for (const auto& finding : report["findings"]) {
    paths.insert(finding["path"].get<std::string>());
  }
  EXPECT_TRUE(paths.contains("my answers/Ответ café.md")) << run.out;
  EXPECT_TRUE(paths.contains("it's here.md")) << run.out;
  const RunResult named = exec("check --format concise \"my answers/Ответ café.md\"");
  EXPECT_NE(named.out.find(at("my answers/Ответ café.md", 4, 9, "placeholders")), std::string::npos)
      << named.out;
  const RunResult folder = exec("check --format concise \"my answers\"");
  EXPECT_NE(folder.out.find("my answers/Ответ café.md:4:9:"), std::string::npos) << folder.out;
}

TEST_F(Hardening, FolderNamedLikeAnAnswer) {
  write("answer.md/inner.md", k_answer);
  const RunResult walked = exec("check --format json");
  EXPECT_EQ(walked.exit_code, 1) << walked.err;
  EXPECT_EQ(files_checked(walked), 1) << walked.out;
  const RunResult named = exec("check --format concise answer.md");
  EXPECT_NE(named.out.find(at("answer.md/inner.md", 4, 9, "placeholders")), std::string::npos)
      << named.out;
  fs::create_directory(root() / "report.json");
  const RunResult output = exec("check --format json --output report.json");
  EXPECT_EQ(output.exit_code, 2);
  EXPECT_NE(output.err.find("report.json"), std::string::npos) << output.err;
  EXPECT_EQ(output.err.find('\n'), output.err.size() - 1) << output.err;
}

TEST_F(Hardening, CurrentFolderRemovedUnderneath) {
  // Before, the filesystem error escaped main: std::terminate, exit code 134.
  fs::create_directory(root() / "gone");
  const RunResult run =
      run_answerlint("check", root() / "gone", "rmdir \"$PWD\" && timeout -k 5 60");
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(run.err.rfind("answerlint: error: ", 0), 0U) << run.err;
  EXPECT_NE(run.err.find("current path"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << run.err;
}

} // namespace
} // namespace answerlint::test
