#include "lint/rule.hpp"
#include "packed_word.hpp"
#include "string_map.hpp"
#include "support.hpp"
#include "vocabulary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace answerlint::rules {
namespace {

const OptionSpec k_options[] = {
    {"words", OptionType::string_list, StringList{},
     "More words to accept, in any case: names of people, companies and internal systems."},
    {"words_file", OptionType::string, std::string(),
     "A file of more words to accept, one per line, '#' starting a comment; a relative path is "
     "read from the folder answerlint runs in."},
};

// The words the user added, lowercased.
struct Accepted {
  StringSet words;
};

std::shared_ptr<const void> prepare(const Options& options) {
  auto accepted = std::make_shared<Accepted>();
  for (const std::string& word : options.list("words")) {
    accepted->words.insert(to_lower(word));
  }
  if (const std::string& file = options.string("words_file"); !file.empty()) {
    for (const std::string& word : read_word_list_file(file)) {
      accepted->words.insert(to_lower(word));
    }
  }
  return accepted;
}

enum class Shape { lower, capitalised, all_caps, mixed };

Shape shape_of(std::string_view word) {
  std::size_t upper = 0;
  std::size_t lower = 0;
  for (char c : word) {
    upper += (c >= 'A' && c <= 'Z') ? 1 : 0;
    lower += (c >= 'a' && c <= 'z') ? 1 : 0;
  }
  if (upper == 0) {
    return Shape::lower;
  }
  if (lower == 0) {
    return Shape::all_caps;
  }
  const bool first_upper = word[0] >= 'A' && word[0] <= 'Z';
  return upper == 1 && first_upper ? Shape::capitalised : Shape::mixed;
}

// Words that are not prose to check, by their characters alone: numbers
// and units ("300ms", "p95"), paths, file names, identifiers, and words in a
// script other than Latin.
bool is_checkable_text(std::string_view text) {
  if (text.size() < 2) {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte >= '0' && byte <= '9') || byte == '.' || byte == '/' || byte == '_') {
      return false;
    }
    if (byte >= 0x80) {
      if (text.substr(i, 3) != "\xE2\x80\x99") {
        return false; // only the curly apostrophe is allowed: "don’t"
      }
      i += 2;
    }
  }
  return true;
}

// Words that are not prose to check by what stands around them: URLs,
// e-mail addresses, @mentions, #hashtags, $variables and calls.
bool is_checkable_where(const Document& doc, const Word& word) {
  std::string_view source = doc.source;
  const std::size_t end = word.span.end;
  if (source.substr(end, 3) == "://" || source.substr(end, 1) == "@" ||
      source.substr(end, 2) == "()") {
    return false;
  }
  const char before = word.span.begin > 0 ? source[word.span.begin - 1] : ' ';
  return before != '@' && before != '#' && before != '$';
}

// The span of `part`, a piece of `word` at byte `offset`: words never cross
// a line, so only the columns move (in characters, not bytes).
Span part_span(const Word& word, std::size_t offset, std::size_t length) {
  auto characters = [](std::string_view text) {
    int count = 0;
    for (char c : text) {
      count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return count;
  };
  Span span = word.span;
  span.begin = word.span.begin + offset;
  span.end = span.begin + length;
  span.column = word.span.column + characters(word.text.substr(0, offset));
  span.end_column = span.column + characters(word.text.substr(offset, length));
  return span;
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += i + 1 == items.size() ? " or " : ", ";
    }
    out += fmt::format("'{}'", items[i]);
  }
  return out;
}

std::string message_for(std::string_view word, const std::vector<std::string>& suggestions) {
  if (suggestions.empty()) {
    return fmt::format("'{}' is not in the dictionary: correct it, or add it to [rules.spelling] "
                       "words if it is right",
                       word);
  }
  return fmt::format("'{}' is not in the dictionary: did you mean {}? Add it to [rules.spelling] "
                     "words if it is right",
                     word, quoted_list(suggestions));
}

// The words this thread found fine, by their text and whether they opened a
// sentence: most words of an answer are words of earlier answers ("the",
// "latency", "Kafka"), and a word fine by its text alone stays fine wherever
// it stands, so one lookup replaces the checks of its characters, its shape
// and the dictionary's memo (about 400 instructions a word). Open
// addressing; a word of up to 16 bytes is its own key, packed in two
// integers, so that most words need neither a hash of their bytes nor a
// compare with a copy.
class FineWords {
public:
  bool contains(std::string_view word, bool sentence_start) const {
    if (word.size() < 2) {
      return true; // a single letter is never checked (is_checkable_text): no need to look
    }
    if (m_slots.empty()) {
      return false;
    }
    return (m_slots[index_of(word, key_of(word))].ways & way(sentence_start)) != 0;
  }

  void insert(std::string_view word, bool sentence_start) {
    if (word.size() > k_max_length) {
      return; // a pasted token, not a word that comes back
    }
    if (2 * (m_count + 1) > m_slots.size()) {
      grow();
    }
    const Key key = key_of(word);
    Slot& slot = m_slots[index_of(word, key)];
    if (slot.ways == 0) {
      slot = Slot{key, static_cast<std::uint32_t>(m_text.size()),
                  static_cast<std::uint16_t>(word.size()), 0};
      if (word.size() > k_packed) {
        m_text.append(word);
      }
      ++m_count;
    }
    slot.ways |= way(sentence_start);
  }

private:
  // Up to k_packed bytes: the packed word (packed_word.hpp). Longer: its
  // first 8 bytes and XXH3, and the word is compared with its copy.
  using Key = PackedWord;

  struct Slot {
    Key key;
    std::uint32_t offset = 0; // of a word longer than k_packed in m_text
    std::uint16_t length = 0;
    std::uint8_t ways = 0; // way() of each position found fine; 0: an empty slot
  };

  static constexpr std::size_t k_packed = k_packed_bytes;
  static constexpr std::size_t k_max_length = 64;
  static constexpr std::size_t k_max_words = std::size_t{1} << 16; // then it starts over

  static std::uint8_t way(bool sentence_start) { return sentence_start ? 2 : 1; }

  static Key key_of(std::string_view word) {
    if (word.size() > k_packed) {
      return {load_bytes<std::uint64_t>(word.data()), StringHash{}(word)};
    }
    return pack_word(word);
  }

  // The slot holding `word`, or the empty one where it would go: the table
  // is at most half full, so there is one.
  std::size_t index_of(std::string_view word, const Key& key) const {
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = packed_hash(key, word.size()) & mask;; i = (i + 1) & mask) {
      const Slot& slot = m_slots[i];
      if (slot.ways == 0 ||
          (slot.key == key && slot.length == word.size() &&
           (word.size() <= k_packed ||
            std::string_view(m_text.data() + slot.offset, slot.length) == word))) {
        return i;
      }
    }
  }

  void grow() {
    if (m_count >= k_max_words) {
      m_slots.assign(m_slots.size(), Slot{});
      m_text.clear();
      m_count = 0;
      return;
    }
    std::vector<Slot> old =
        std::exchange(m_slots, std::vector<Slot>(std::max<std::size_t>(1024, 2 * m_slots.size())));
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot& slot : old) {
      if (slot.ways != 0) {
        std::size_t i = packed_hash(slot.key, slot.length) & mask;
        while (m_slots[i].ways != 0) {
          i = (i + 1) & mask;
        }
        m_slots[i] = slot;
      }
    }
  }

  std::vector<Slot> m_slots; // a power of two of them
  std::string m_text;
  std::size_t m_count = 0;
};

class Checker {
public:
  Checker(const Document& doc, const Accepted* accepted, std::vector<Hit>& hits)
      : m_doc(doc), m_accepted(accepted), m_hits(hits), m_dictionary(Dictionary::instance()) {}

  // Reports what is misspelled in `word`; true when the word is fine by its
  // text alone, wherever it stands and whatever words the configuration
  // accepts (a word fine only by its place or by `words` is false).
  bool check_word(const Word& word, bool sentence_start) {
    if (!is_checkable_text(word.text)) {
      return true;
    }
    if (!is_checkable_where(m_doc, word)) {
      return false;
    }
    std::string_view text = strip_possessive(word.text);
    if (text.find('-') == std::string_view::npos) {
      return check_part(word, 0, text, sentence_start);
    }
    // A hyphenated compound is right when the dictionary knows it whole
    // ("e-mail") or knows each of its parts ("cache-aside").
    if (shape_of(text) == Shape::mixed || m_dictionary.check(text).known) {
      return true;
    }
    if (is_accepted(text)) {
      return false;
    }
    bool fine = true;
    std::size_t offset = 0;
    while (offset <= text.size()) {
      const std::size_t dash = std::min(text.find('-', offset), text.size());
      fine = check_part(word, offset, text.substr(offset, dash - offset),
                        sentence_start && offset == 0) &&
             fine;
      offset = dash + 1;
    }
    return fine;
  }

private:
  bool is_accepted(std::string_view text) const {
    if (m_accepted == nullptr || m_accepted->words.empty()) {
      return false;
    }
    std::array<char, 64> buffer{};
    std::string_view lowered;
    return lower_into(text, buffer, lowered) && m_accepted->words.contains(lowered);
  }

  // Reports `part` when it is misspelled; true when it is fine without the
  // words the configuration accepts.
  bool check_part(const Word& word, std::size_t offset, std::string_view part,
                  bool sentence_start) {
    const Shape shape = shape_of(part);
    if (part.size() < 2 || shape == Shape::mixed ||
        (shape == Shape::all_caps && part.size() <= 6)) {
      return true;
    }
    const WordVerdict verdict = m_dictionary.check(part);
    if (verdict.known) {
      return true;
    }
    if (is_accepted(part)) {
      return false;
    }
    std::vector<std::string> suggestions;
    if (shape == Shape::capitalised) {
      // Mostly names of people, companies and products: reported only when
      // it misspells a tool ("Kubernets"), or when it opens a sentence and
      // is one slip away from an ordinary word ("Recieved the alert").
      if (verdict.near_tool >= 0) {
        suggestions.emplace_back(m_dictionary.tool_word(verdict.near_tool));
      } else if (sentence_start) {
        suggestions = m_dictionary.suggest(part);
      }
      if (suggestions.empty()) {
        return true;
      }
    } else {
      suggestions = m_dictionary.suggest(part);
    }
    m_hits.push_back({part_span(word, offset, part.size()), message_for(part, suggestions)});
    return false;
  }

  const Document& m_doc;
  const Accepted* m_accepted;
  std::vector<Hit>& m_hits;
  Dictionary& m_dictionary;
};

void check(const RuleContext& ctx, std::vector<Hit>& hits) {
  thread_local FineWords t_fine;
  FineWords& fine = t_fine;
  const Document& doc = ctx.doc;
  Checker checker(doc, static_cast<const Accepted*>(ctx.prepared), hits);
  for (const Sentence& sentence : doc.sentences_in(ctx.answer.begin, ctx.answer.end)) {
    for (std::uint32_t i = 0; i < sentence.word_count; ++i) {
      const Word& word = doc.words[sentence.first_word + i];
      const bool sentence_start = i == 0;
      if (!fine.contains(word.text, sentence_start) && checker.check_word(word, sentence_start)) {
        fine.insert(word.text, sentence_start);
      }
    }
  }
}

} // namespace

extern const Rule k_spelling{
    .id = "spelling",
    .summary = "Words of prose are spelled right, by an English dictionary that knows backend "
               "jargon.",
    .doc = R"md(## What it does

Checks each word of prose against hunspell's en_US dictionary, plus a builtin
technical dictionary (backend jargon such as idempotent, sharding, failover,
runbook, upsert), every tool of the `tools-named` vocabulary in any case
(Kafka, PostgreSQL, k8s), and the words you add with `words` and
`words_file`. Each misspelled word is a finding with up to three
corrections.

It never checks code (blocks or spans), headings, front matter, words with
digits (`300ms`, `p95`, `S3`), acronyms of up to six capitals (`SLA`,
`CQRS`), CamelCase or mixedCase identifiers (`PostgreSQL`, `userId`), words
with `.`, `/` or `_` (file names, paths, `CI/CD`, `snake_case`), URLs,
e-mail addresses, @mentions, #tags and $variables, single letters, or words
outside the Latin alphabet. A possessive is checked without its `'s`, and a
hyphenated compound passes when the dictionary knows it whole or each of its
parts.

A capitalised word in the middle of a sentence is most often a name (a
colleague, a company, a product), so it is reported only when it nearly
spells a known tool (`Kubernets`); at the start of a sentence it is also
reported when it is one slip away from an English word (`Recieved`).

## Why it matters

A coach or hiring manager who reads your portfolio notices a misspelled
word before anything else, and a misspelled tool name ("Postgress",
"Kuberentes") suggests you have not used it. Rehearsing from a clean text
also keeps the wrong word out of your mouth.

## Options

- `words` (list of strings, default `[]`): more words to accept, in any
  case: names of colleagues, companies and internal systems.
- `words_file` (string, default `""`): a file with more words, one per line,
  `#` starting a comment. A relative path is read from the folder
  answerlint runs in (the repository root in a hook or in CI); a file that
  cannot be read is a configuration error.
)md",
    .default_severity = Severity::info,
    .options = k_options,
    .check = &check,
    .prepare = &prepare,
    .bad_example = R"md(We recieve about 3,000 orders a minute, and the worker retrys each failed
payment with backoff.
)md",
    .good_example = R"md(We receive about 3,000 orders a minute, and the ordersvc worker retries
each failed payment with backoff, keyed by an idempotency token.
)md",
    .example_config = R"toml([rules.spelling]
words = ["ordersvc"]
)toml",
};

} // namespace answerlint::rules
