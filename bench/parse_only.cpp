// answerlint_bench_parse: the parse-only pass of bench/run.sh. It selects
// and reads answers exactly as `answerlint check` does (same config
// discovery, same walk, same reader) and builds each file's Document (front
// matter, Markdown, sections, paragraphs, sentences, words), but runs no
// rule and reports nothing: the difference between its time and check's is
// what the rules and the report cost.
//
//     answerlint_bench_parse [-j N] [PATH...]
//
// Prints one line: files, bytes, answers and words parsed.

#include "config/resolve.hpp"
#include "document/document.hpp"
#include "error.hpp"
#include "lint/file_walk.hpp"
#include "lint/select.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdio>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using namespace answerlint;

struct Totals {
  std::atomic<std::uint64_t> files{0};
  std::atomic<std::uint64_t> bytes{0};
  std::atomic<std::uint64_t> answers{0};
  std::atomic<std::uint64_t> words{0};
};

void parse_all(const Config& config, const std::vector<WalkedFile>& files, unsigned threads,
               Totals& totals) {
  ParseOptions options;
  options.split_level = config.split_level;
  options.labels = config.labels();
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::string first_error;
  auto work = [&] {
    std::string notice;
    for (std::size_t i = next++; i < files.size(); i = next++) {
      try {
        std::optional<std::string> source = read_answer(config, files[i], notice);
        if (!source) {
          continue;
        }
        Document doc = parse_document(*source, options);
        totals.files += 1;
        totals.bytes += source->size();
        totals.answers += doc.answers.size();
        totals.words += doc.words.size();
      } catch (const Error& e) {
        std::lock_guard lock(mutex);
        if (first_error.empty()) {
          first_error = e.format();
        }
      }
    }
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) {
      pool.emplace_back(work);
    }
    work();
  }
  if (!first_error.empty()) {
    throw Error(first_error);
  }
}

int run(int argc, char** argv) {
  unsigned threads = std::max(1U, std::thread::hardware_concurrency());
  Selection selection;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "-j" && i + 1 < argc) {
      std::string_view value = argv[++i];
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), threads);
      if (ec != std::errc{} || end != value.data() + value.size() || threads == 0) {
        throw Error(fmt::format("-j expects a positive number, not '{}'", value));
      }
    } else if (arg.starts_with("-")) {
      throw Error(fmt::format("unknown option '{}' (usage: answerlint_bench_parse [-j N] "
                              "[PATH...])",
                              arg));
    } else {
      selection.paths.emplace_back(arg);
    }
  }
  auto config = resolve_config("", selection.paths);
  std::vector<WalkedFile> files = select_answers(*config, selection);
  Totals totals;
  threads =
      static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(files.size(), 1)));
  parse_all(*config, files, threads, totals);
  fmt::print("parsed {} files, {} bytes, {} answers, {} words\n", totals.files.load(),
             totals.bytes.load(), totals.answers.load(), totals.words.load());
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const answerlint::Error& e) {
    fmt::print(stderr, "answerlint_bench_parse: error: {}\n", e.format());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "answerlint_bench_parse: error: {}\n", e.what());
    return 2;
  }
}
