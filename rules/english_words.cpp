#include "english_words.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <fmt/format.h>

// The generated list (ANSWERLINT_ENGLISH_WORDS, 1.7 MB), assembled into the
// binary as it is: faster to build than a C++ array of its bytes.
__asm__(".pushsection .rodata\n"
        ".global answerlint_english_words_begin\n"
        ".hidden answerlint_english_words_begin\n"
        "answerlint_english_words_begin:\n"
        ".incbin \"" ANSWERLINT_ENGLISH_WORDS "\"\n"
        ".global answerlint_english_words_end\n"
        ".hidden answerlint_english_words_end\n"
        "answerlint_english_words_end:\n"
        ".byte 0\n"
        ".popsection\n");

extern "C" const char answerlint_english_words_begin[];
extern "C" const char answerlint_english_words_end[];

namespace answerlint::rules {
namespace {

// "answerlint-english-words 2 <size> <mtime> <size> <mtime>" of the .aff
// and the .dic the list was made from.
std::string_view header() {
  const std::string_view all(answerlint_english_words_begin,
                             static_cast<std::size_t>(answerlint_english_words_end -
                                                      answerlint_english_words_begin));
  return all.substr(0, all.find('\n'));
}

// "<size> <mtime in seconds>" of a file, or "?" when it cannot be read.
std::string identity_of(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return "?";
  }
  return fmt::format("{} {}", info.st_size, info.st_mtim.tv_sec);
}

} // namespace

std::string_view english_words() {
  const std::string_view all(answerlint_english_words_begin,
                             static_cast<std::size_t>(answerlint_english_words_end -
                                                      answerlint_english_words_begin));
  return all.substr(header().size() + 1);
}

bool english_words_match(const std::string& aff_path, const std::string& dic_path) {
  const std::string expected = fmt::format("answerlint-english-words 2 {} {}",
                                           identity_of(aff_path), identity_of(dic_path));
  return header() == expected;
}

bool english_words_contain(std::string_view word) {
  // Binary search on the lines themselves: `low` is always the start of a
  // line, and the line holding the middle byte is compared.
  const std::string_view list = english_words();
  std::size_t low = 0;
  std::size_t high = list.size();
  while (low < high && !word.empty()) {
    const std::size_t middle = low + (high - low) / 2;
    const std::size_t newline = list.rfind('\n', middle == 0 ? 0 : middle - 1);
    const std::size_t start =
        newline == std::string_view::npos || newline < low ? low : newline + 1;
    const std::size_t end = std::min(list.find('\n', start), list.size());
    const std::string_view line = list.substr(start, end - start);
    const int order = line.compare(word);
    if (order == 0) {
      return true;
    }
    if (order < 0) {
      low = end + 1;
    } else {
      high = start;
    }
  }
  return false;
}

} // namespace answerlint::rules
