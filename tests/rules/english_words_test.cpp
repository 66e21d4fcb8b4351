// The en_US word list that spares loading hunspell: every word it holds is
// one hunspell accepts (as written and, in lowercase, capitalised), and the
// dictionary answers from it without loading hunspell.

#include "config/vocabulary_data.hpp"
#include "rules/english_words.hpp"
#include "rules/vocabulary.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <hunspell/hunspell.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

namespace answerlint::rules {
namespace {

std::pair<std::string, std::string> dictionary_paths() {
  auto paths = find_hunspell_en_us();
  if (!paths) {
    ADD_FAILURE() << "hunspell-en-us is not installed";
    return {};
  }
  return *paths;
}

TEST(EnglishWords, ListsOnlyWordsHunspellAccepts) {
  const auto [aff, dic] = dictionary_paths();
  ASSERT_TRUE(english_words_match(aff, dic)) << "the list was made from another dictionary";
  std::unique_ptr<Hunhandle, void (*)(Hunhandle*)> hunspell(
      Hunspell_create(aff.c_str(), dic.c_str()), &Hunspell_destroy);
  ASSERT_TRUE(hunspell);
  const std::string_view list = english_words();
  std::size_t words = 0;
  std::vector<std::string> refused;
  for (std::size_t start = 0; start < list.size();) {
    const std::size_t end = list.find('\n', start);
    ASSERT_NE(end, std::string_view::npos) << "the list must end with a newline";
    const std::string word(list.substr(start, end - start));
    start = end + 1;
    ++words;
    if (Hunspell_spell(hunspell.get(), word.c_str()) == 0) {
      refused.push_back(word);
    }
    // The dictionary capitalises only words without capitals ("d'Arezzo"
    // is mixed case, left to hunspell).
    if (std::none_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      std::string capitalised = word;
      capitalised[0] = static_cast<char>(word[0] - 'a' + 'A');
      if (Hunspell_spell(hunspell.get(), capitalised.c_str()) == 0) {
        refused.push_back(capitalised);
      }
    }
  }
  EXPECT_GT(words, 150000U);
  EXPECT_TRUE(refused.empty()) << refused.size() << " refused, first: " << refused.front();
}

TEST(EnglishWords, FindsExactlyItsWords) {
  for (const char* word : {"receive", "pages", "wrote", "doctorate's", "London", "a"}) {
    EXPECT_TRUE(english_words_contain(word)) << word;
  }
  for (const char* word : {"recieve", "london", "Receive", "", "pagess", "zzzzzz", "AAAA"}) {
    EXPECT_FALSE(english_words_contain(word)) << word;
  }
  // The first and the last line, and every word of a stretch of the list.
  const std::string_view list = english_words();
  EXPECT_TRUE(english_words_contain(list.substr(0, list.find('\n'))));
  const std::size_t last = list.rfind('\n', list.size() - 2) + 1;
  EXPECT_TRUE(english_words_contain(list.substr(last, list.size() - 1 - last)));
  std::size_t start = list.size() / 3;
  start = list.find('\n', start) + 1;
  for (int i = 0; i < 2000; ++i) {
    const std::size_t end = list.find('\n', start);
    const std::string_view word = list.substr(start, end - start);
    EXPECT_TRUE(english_words_contain(word)) << word;
    EXPECT_FALSE(english_words_contain(std::string(word) + "qq")) << word;
    start = end + 1;
  }
}

TEST(EnglishWords, OnlyForTheDictionaryItWasMadeFrom) {
  const auto [aff, dic] = dictionary_paths();
  test::TempDir tmp;
  std::ifstream in(dic, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  bytes += "qzvxword\n";
  const auto changed = tmp.write("en_US.dic", bytes);
  EXPECT_FALSE(english_words_match(aff, changed.string()));
  EXPECT_FALSE(english_words_match(aff, (tmp.path() / "missing.dic").string()));
}

TEST(EnglishWords, TheDictionaryKnowsPlainWordsWithoutLoadingHunspell) {
  const auto [aff, dic] = dictionary_paths();
  Dictionary dictionary(aff, dic);
  // Verdicts are cached per thread: a fresh thread asks the dictionary.
  std::thread([&] {
    for (const char* word : {"pages", "Wrote", "receive", "idempotent", "kafka", "Kafka"}) {
      EXPECT_TRUE(dictionary.check(word).known) << word;
    }
    EXPECT_TRUE(dictionary.is_english("month"));
    EXPECT_FALSE(dictionary.hunspell_loaded());
    EXPECT_FALSE(dictionary.check("recieve").known);
    EXPECT_TRUE(dictionary.hunspell_loaded());
  }).join();
}

} // namespace
} // namespace answerlint::rules
