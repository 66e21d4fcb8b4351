// A driver for one fuzz target without libFuzzer: runs its
// LLVMFuzzerTestOneInput on every file of the folders named, so that every
// test run (any compiler, the sanitizer build too) replays the seed corpus
// and every input that once crashed. The target aborts on a broken
// invariant; the driver fails when it found nothing to replay.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {
namespace fs = std::filesystem;

std::vector<fs::path> inputs_in(const fs::path& path) {
  std::vector<fs::path> files;
  if (!fs::is_directory(path)) {
    files.push_back(path);
    return files;
  }
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(path)) {
    if (entry.is_regular_file()) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

} // namespace

int main(int argc, char** argv) {
  std::size_t replayed = 0;
  for (int i = 1; i < argc; ++i) {
    for (const fs::path& file : inputs_in(argv[i])) {
      std::ifstream in(file, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
      if (!in.eof() && in.fail()) {
        fmt::print(stderr, "cannot read {}\n", file.string());
        return 1;
      }
      // Printed first, so that the input that aborts is the last one named.
      fmt::print("{} ({} bytes)\n", file.string(), bytes.size());
      std::fflush(stdout);
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      ++replayed;
    }
  }
  fmt::print("replayed {} inputs\n", replayed);
  return replayed > 0 ? 0 : 1;
}
