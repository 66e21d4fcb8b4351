#pragma once

// The words of hunspell's en_US dictionary with every affix applied
// (hunspell's unmunch, at build time: cmake/english_words.cmake), so that
// the spelling rule knows a word of plain English without loading hunspell,
// which costs about 40 ms, most of a pre-commit run. A positive shortcut
// only: a word the list lacks is hunspell's to judge.

#include <string>
#include <string_view>

namespace answerlint::rules {

// Whether the list was made from the dictionary in these files: the same
// sizes and modification times (a package's files keep the times it was
// built with).
bool english_words_match(const std::string& aff_path, const std::string& dic_path);

// Whether `word` is in the list, exactly as written.
bool english_words_contain(std::string_view word);

// The list: one word per line, sorted bytewise, letters and apostrophes only.
std::string_view english_words();

} // namespace answerlint::rules
