// The spelling dictionary's memo: words judged by an earlier run come from
// the attached store, and hunspell is loaded only for a word it lacks.
// Verdicts are also cached per thread for the process, whatever the
// Dictionary: each test uses made-up words of its own.

#include "config/vocabulary_data.hpp"
#include "lint/word_memo.hpp"
#include "rules/vocabulary.hpp"

#include <gtest/gtest.h>

namespace answerlint::rules {
namespace {

class FakeStore : public WordStore {
public:
  explicit FakeStore(std::optional<WordMemo> memo) : m_memo(std::move(memo)) {}

  std::optional<WordMemo> load() override {
    ++loads;
    return m_memo;
  }
  void save(const WordMemo& memo) override { saved = memo; }

  int loads = 0;
  std::optional<WordMemo> saved;

private:
  std::optional<WordMemo> m_memo;
};

// Detaches whatever a test attached, even when an assertion fails.
struct Attached {
  explicit Attached(std::shared_ptr<WordStore> store) { attach_word_store(std::move(store)); }
  ~Attached() { detach_word_store(); }
};

TEST(WordMemo, AWordTheStoreKnowsNeedsNoHunspell) {
  auto paths = find_hunspell_en_us();
  ASSERT_TRUE(paths) << "hunspell-en-us is not installed";
  WordMemo memo;
  memo.verdicts["qzvxword"] = WordVerdict{true, -1};  // made up: only the store knows it
  memo.verdicts["teh"] = WordVerdict{false, -1};
  memo.suggestions["teh"] = {"the", "ten"};
  auto store = std::make_shared<FakeStore>(memo);
  Attached attached(store);

  Dictionary dictionary(paths->first, paths->second);
  EXPECT_TRUE(dictionary.check("qzvxword").known);
  EXPECT_FALSE(dictionary.check("teh").known);
  EXPECT_EQ(dictionary.suggest("teh"), (std::vector<std::string>{"the", "ten"}));
  EXPECT_FALSE(dictionary.hunspell_loaded());
  EXPECT_EQ(store->loads, 1);

  // A word the store lacks (and the list of English words) is hunspell's
  // to judge.
  EXPECT_FALSE(dictionary.check("qzvxlacking").known);
  EXPECT_TRUE(dictionary.hunspell_loaded());
  EXPECT_EQ(store->loads, 1);
}

TEST(WordMemo, AStoreWithNothingUsableLeavesItToHunspell) {
  auto paths = find_hunspell_en_us();
  ASSERT_TRUE(paths) << "hunspell-en-us is not installed";
  Attached attached(std::make_shared<FakeStore>(std::nullopt));
  Dictionary dictionary(paths->first, paths->second);
  EXPECT_TRUE(dictionary.check("kafka").known); // a tool word answerlint teaches hunspell
  EXPECT_FALSE(dictionary.check("qzvxnowhere").known);
  EXPECT_TRUE(dictionary.hunspell_loaded());
}

TEST(WordMemo, DetachingSavesWhatTheRunJudgedWithWhatTheStoreHad) {
  WordMemo memo;
  memo.verdicts["qzvxstored"] = WordVerdict{true, -1};
  auto store = std::make_shared<FakeStore>(memo);
  attach_word_store(store);
  Dictionary& dictionary = Dictionary::instance();
  // Words no other test judges, so that this process has not seen them.
  EXPECT_FALSE(dictionary.check("qzvxjudged").known);
  EXPECT_TRUE(dictionary.check("qzvxstored").known);
  detach_word_store();
  ASSERT_TRUE(store->saved);
  EXPECT_EQ(store->saved->verdicts.at("qzvxjudged"), (WordVerdict{false, -1}));
  EXPECT_EQ(store->saved->verdicts.at("qzvxstored"), (WordVerdict{true, -1}));

  // Nothing new judged: nothing saved.
  auto idle = std::make_shared<FakeStore>(std::nullopt);
  attach_word_store(idle);
  EXPECT_FALSE(dictionary.check("qzvxjudged").known);
  detach_word_store();
  EXPECT_FALSE(idle->saved);
}

} // namespace
} // namespace answerlint::rules
