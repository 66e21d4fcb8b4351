#pragma once

// What the spelling dictionary judged, kept between runs by the results
// cache: a run whose words were all judged before never loads hunspell,
// which costs about 40 ms, most of a pre-commit run. The dictionary lives
// with the rules (rules/vocabulary.cpp); the cache knows it only by this
// interface.

#include "string_map.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace answerlint {

// What the dictionary says about one word as written.
struct WordVerdict {
  bool known = false;
  // For an unknown word: the builtin tool word it nearly spells
  // ("Kubernets" -> "Kubernetes", by index), or -1.
  std::int32_t near_tool = -1;

  bool operator==(const WordVerdict&) const = default;
};

struct WordMemo {
  StringMap<WordVerdict> verdicts;                 // is the word right
  StringMap<std::vector<std::string>> suggestions; // its corrections
  StringMap<bool> english;                         // a word of plain en_US

  bool operator==(const WordMemo&) const = default;
};

// Where the dictionary keeps its memo between runs.
class WordStore {
public:
  virtual ~WordStore() = default;
  // What an earlier run saved; nullopt when there is nothing usable.
  virtual std::optional<WordMemo> load() = 0;
  virtual void save(const WordMemo& memo) = 0;
};

// The store the dictionary looks words up in before hunspell, read once, on
// the first word this process has not judged. A run attaches it before
// linting and detaches it after.
void attach_word_store(std::shared_ptr<WordStore> store);
// Saves the memo to the attached store when this run judged new words, and
// detaches it. Never throws.
void detach_word_store() noexcept;

} // namespace answerlint
