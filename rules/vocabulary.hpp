#pragma once

// The words answerlint knows, shared by the tools-named and spelling rules:
// the tool vocabulary (templates/tools.toml) with a matcher that finds tool
// names in a run of words, and the English dictionary (hunspell en_US plus
// templates/tech-words.txt plus every word of the tool vocabulary), so that
// spelling never flags a word that tools-named counts.

#include "config/vocabulary_data.hpp"
#include "lint/rule.hpp"
#include "lint/word_memo.hpp"
#include "packed_word.hpp"
#include "string_map.hpp"

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace answerlint::rules {

// A word of some text, by byte offsets into it.
struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool sentence_start = false;
};

// Cuts `text` into words the way the Document cuts prose: letters and digits,
// joined by ' - _ . / inside a word ("Node.js", "CI/CD", "Kafka's").
void tokenize_text(std::string_view text, std::vector<Token>& out);

// Lowercases ASCII letters into `buffer`; false when the word is longer than
// the buffer (no tool name or dictionary word is that long).
bool lower_into(std::string_view word, std::span<char> buffer, std::string_view& lowered);
std::string to_lower(std::string_view text);

// "Kafka's" -> "Kafka"; other words unchanged.
std::string_view strip_possessive(std::string_view word);

struct ToolHit {
  std::uint32_t tool = 0;  // index into ToolMatcher::tools()
  std::uint32_t token = 0; // the first token of the name
};

// Finds tool names in tokens, built once per vocabulary: a table from a
// name's lowercased first word to the names starting with it, so that a scan
// costs one lookup per word.
class ToolMatcher {
public:
  // Throws answerlint::Error for a name without a word in it ("++").
  explicit ToolMatcher(std::vector<ToolEntry> tools);

  const std::vector<ToolEntry>& tools() const { return m_tools; }

  // Appends every name found in `tokens` (words of `text`), the longest name
  // where several start at one word ("AWS Lambda", not "AWS").
  void find(std::string_view text, std::span<const Token> tokens, std::vector<ToolHit>& out) const;

private:
  struct Form {
    std::uint32_t tool = 0;
    bool exact = false;
    std::string prefix; // punctuation before the first word: ".NET"
    std::string suffix; // punctuation after the last word: "C++", "C#"
    std::vector<std::string> words;
    std::vector<std::string> gaps; // what stands between words, spaces removed
    // One word in any case, nothing around it: the lookup that found the
    // word (or its possessive stem) already proved the match.
    bool found_is_match = false;
  };

  // A first word of up to 16 bytes, lowercased and packed (packed_word.hpp).
  struct Key {
    PackedWord word;
    std::uint64_t length = 0;
    bool operator==(const Key&) const = default;
  };
  struct Slot {
    Key key;
    std::uint32_t starts = 0; // index + 1 into m_starts; 0: an empty slot
  };
  static constexpr std::size_t k_packed = k_packed_bytes;

  void add_form(std::uint32_t tool, const ToolForm& form,
                StringMap<std::vector<std::uint32_t>>& by_first_word);
  bool matches(const Form& form, std::string_view text, std::span<const Token> tokens,
               std::size_t at) const;
  static Key key_of(std::string_view word); // word: 1 to k_packed bytes, any case
  static std::size_t hash_of(const Key& key);
  // The forms starting with `word` (any case), longest first, or null.
  const std::vector<std::uint32_t>* starting_with(std::string_view word) const;

  // Most words of an answer start no name: a bit per (first two letters,
  // length) of the names' first words turns them away before the table.
  static constexpr std::size_t k_shape_bits = std::size_t{1} << 16;
  static std::size_t shape_bit(std::string_view word); // word: not empty, any case
  bool may_start(std::string_view word) const;

  std::vector<ToolEntry> m_tools;
  std::vector<Form> m_forms;
  std::vector<std::vector<std::uint32_t>> m_starts; // per first word: forms, longest first
  std::vector<Slot> m_slots;             // first words of up to k_packed bytes; open addressing
  StringMap<std::uint32_t> m_long_words; // longer first words, lowercased -> index into m_starts
  std::bitset<k_shape_bits> m_first_words;
};

// The builtin vocabulary (templates/tools.toml), parsed and compiled once.
const std::shared_ptr<const ToolMatcher>& builtin_tools();

// The tools of a `vocabulary` / `extra` pair of options. Each entry is
// "Name" or "Name=alias1,alias2". A name or alias of a builtin tool brings
// that tool (its canonical name, aliases and case rules); a new name matches
// without regard to case unless it is an ordinary English word ("Beacon"),
// which then matches only as written. Throws answerlint::Error on an entry
// that holds no name.
std::vector<ToolEntry> configured_tools(const StringList& vocabulary, const StringList& extra);

// The English dictionary: hunspell en_US, the technical words and every
// word of the builtin tool vocabulary. One per process, created on first use
// and never destroyed (freeing hunspell's tables at exit costs 5 ms);
// hunspell itself is loaded only when a word is not in the memo of the
// attached WordStore (lint/word_memo.hpp). Thread-safe. Verdicts are cached
// per distinct word, per thread in front of a process-wide memo, so
// hunspell runs once per word.
class Dictionary {
public:
  // Throws answerlint::Error when no en_US dictionary is installed.
  static Dictionary& instance();

  Dictionary(const std::string& aff_path, const std::string& dic_path);
  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  WordVerdict check(std::string_view word);
  // Up to three corrections, most likely first (cached).
  std::vector<std::string> suggest(std::string_view word);
  // A word of plain en_US, not one answerlint added.
  bool is_english(std::string_view word);
  std::string_view tool_word(std::int32_t index) const;
  // Whether this process has loaded hunspell (for tests).
  bool hunspell_loaded() const;

  struct Impl;

private:
  friend void answerlint::detach_word_store() noexcept;
  WordVerdict check_shared(std::string_view word);
  std::unique_ptr<Impl> m_impl;
};

} // namespace answerlint::rules
