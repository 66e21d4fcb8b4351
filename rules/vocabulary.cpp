#include "vocabulary.hpp"

#include "embedded.hpp"
#include "document/utf8.hpp"
#include "english_words.hpp"
#include "error.hpp"

#include <fmt/format.h>
#include <hunspell/hunspell.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <optional>

namespace answerlint::rules {
namespace {

bool is_word_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
         (byte >= '0' && byte <= '9') || byte >= 0x80;
}

// UTF-8 punctuation that separates words although its bytes are >= 0x80:
// no-break space, dashes and quotes (E2 80 xx); the right single quote
// (E2 80 99) is an apostrophe and joins, as in the Document.
std::size_t separator_length(std::string_view text, std::size_t at) {
  if (text.substr(at, 2) == "\xC2\xA0") {
    return 2;
  }
  if (text.substr(at, 2) == "\xE2\x80" && text.substr(at, 3) != "\xE2\x80\x99" &&
      at + 2 < text.size()) {
    return 3;
  }
  return 0;
}

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// Whether the character at `at` joins the word characters around it.
std::size_t inner_length(std::string_view text, std::size_t at) {
  const char c = text[at];
  if (c == '\'' || c == '-' || c == '_' || c == '.' || c == '/') {
    return 1;
  }
  if (c == ',' && at > 0 && is_ascii_digit(text[at - 1])) {
    return 1;
  }
  if (text.substr(at, 3) == "\xE2\x80\x99") {
    return 3;
  }
  return 0;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string without_spaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!is_space(c)) {
      out += c;
    }
  }
  return out;
}

std::string_view slice(std::string_view text, const Token& token) {
  return text.substr(token.begin, token.end - token.begin);
}

bool ascii_iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x) ==
                  (y >= 'A' && y <= 'Z' ? y - 'A' + 'a' : y);
         });
}

bool same_word(std::string_view written, std::string_view form_word, bool exact) {
  return exact ? written == form_word : ascii_iequals(written, form_word);
}

// Words after a sentence-initial "Go", "Spark", "Express"... that show it is
// the verb or the noun of English: "Go through the logs", "Express the cost".
bool follows_a_verb(std::string_view next) {
  static constexpr std::array<std::string_view, 32> k_followers = {
      "to",    "through", "back",   "ahead", "over",  "into", "out",     "up",
      "down",  "away",    "off",    "beyond", "further", "deeper", "forward", "the",
      "a",     "an",      "your",   "our",   "my",    "this", "that",    "these",
      "those", "it",      "them",   "him",   "her",   "us",   "me",      "some"};
  return std::any_of(k_followers.begin(), k_followers.end(),
                     [&](std::string_view word) { return ascii_iequals(word, next); });
}

} // namespace

void tokenize_text(std::string_view text, std::vector<Token>& out) {
  std::size_t at = 0;
  while (at < text.size()) {
    if (!is_word_byte(text[at]) || separator_length(text, at) > 0) {
      ++at;
      continue;
    }
    Token token;
    token.begin = at;
    while (at < text.size()) {
      if (is_word_byte(text[at]) && separator_length(text, at) == 0) {
        ++at;
        continue;
      }
      const std::size_t inner = inner_length(text, at);
      if (inner == 0 || at + inner >= text.size() || !is_word_byte(text[at + inner]) ||
          separator_length(text, at + inner) > 0 ||
          (text[at] == ',' && !is_ascii_digit(text[at + inner]))) {
        break;
      }
      at += inner;
    }
    token.end = at;
    out.push_back(token);
  }
}

bool lower_into(std::string_view word, std::span<char> buffer, std::string_view& lowered) {
  if (word.size() > buffer.size()) {
    return false;
  }
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    buffer[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  lowered = std::string_view(buffer.data(), word.size());
  return true;
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string_view strip_possessive(std::string_view word) {
  if (word.size() > 2 && (word.ends_with("'s") || word.ends_with("'S"))) {
    return word.substr(0, word.size() - 2);
  }
  if (word.size() > 4 && word.ends_with("\xE2\x80\x99s")) {
    return word.substr(0, word.size() - 4);
  }
  return word;
}

// ---------------------------------------------------------------------------
// ToolMatcher

ToolMatcher::ToolMatcher(std::vector<ToolEntry> tools) : m_tools(std::move(tools)) {
  StringMap<std::vector<std::uint32_t>> by_first_word;
  for (std::uint32_t i = 0; i < m_tools.size(); ++i) {
    for (const ToolForm& form : m_tools[i].forms) {
      add_form(i, form, by_first_word);
    }
  }
  std::size_t slots = 64;
  while (slots < 4 * by_first_word.size()) {
    slots *= 2;
  }
  m_slots.resize(slots);
  for (auto& [word, forms] : by_first_word) {
    std::stable_sort(forms.begin(), forms.end(), [&](std::uint32_t a, std::uint32_t b) {
      return m_forms[a].words.size() > m_forms[b].words.size();
    });
    m_first_words.set(shape_bit(word));
    const auto index = static_cast<std::uint32_t>(m_starts.size());
    m_starts.push_back(std::move(forms));
    if (word.size() > k_packed) {
      m_long_words.emplace(word, index);
      continue;
    }
    const Key key = key_of(word);
    std::size_t at = hash_of(key) & (slots - 1);
    while (m_slots[at].starts != 0) {
      at = (at + 1) & (slots - 1);
    }
    m_slots[at] = Slot{key, index + 1};
  }
}

namespace {

// ASCII capitals of eight bytes to small letters, other bytes (UTF-8 ones
// included) unchanged, as lower_into does one byte at a time.
std::uint64_t lowered_bytes(std::uint64_t bytes) {
  constexpr std::uint64_t k_ones = 0x0101010101010101U;
  const std::uint64_t ascii = bytes & (0x7FU * k_ones);
  const std::uint64_t from_a = ascii + (0x80U - 'A') * k_ones;     // high bit: >= 'A'
  const std::uint64_t past_z = ascii + (0x80U - 'Z' - 1) * k_ones; // high bit: > 'Z'
  const std::uint64_t capitals = from_a & ~past_z & ~bytes & (0x80U * k_ones);
  return bytes | (capitals >> 2);
}

} // namespace

ToolMatcher::Key ToolMatcher::key_of(std::string_view word) {
  return {pack_word(word, lowered_bytes), word.size()};
}

std::size_t ToolMatcher::hash_of(const Key& key) {
  return packed_hash(key.word, key.length);
}

// A word of up to 16 bytes costs two loads and no hash of its bytes: most
// words that pass the shape filter are ordinary English ("data", "cache"),
// and XXH3 with a lowercased copy cost several times a probe.
const std::vector<std::uint32_t>* ToolMatcher::starting_with(std::string_view word) const {
  if (word.size() <= k_packed) {
    const Key key = key_of(word);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t at = hash_of(key) & mask;; at = (at + 1) & mask) {
      const Slot& slot = m_slots[at];
      if (slot.starts == 0) {
        return nullptr;
      }
      if (slot.key == key) {
        return &m_starts[slot.starts - 1];
      }
    }
  }
  std::array<char, 64> buffer{};
  std::string_view lowered;
  if (!lower_into(word, buffer, lowered)) {
    return nullptr;
  }
  auto found = m_long_words.find(lowered);
  return found == m_long_words.end() ? nullptr : &m_starts[found->second];
}

// Setting bit 5 of each byte lowercases ASCII letters and maps a word in
// any case to one shape: other bytes may then share a shape, which only
// lets a word through to the table. The last letter is part of the shape:
// with the first two and the length only, a third of an answer's words
// ("the", "data", "service") came through.
std::size_t ToolMatcher::shape_bit(std::string_view word) {
  const std::size_t n = word.size();
  const auto first = static_cast<unsigned char>(word[0]);
  const auto second = n > 1 ? static_cast<unsigned char>(word[1]) : 0U;
  const auto last = static_cast<unsigned char>(word[n - 1]);
  const std::uint32_t shape =
      (first | (second << 8U) | (last << 16U) | 0x202020U) ^ (static_cast<std::uint32_t>(n) << 24U);
  static_assert(k_shape_bits == std::size_t{1} << 16);
  return (shape * 0x9E3779B1U) >> 16U;
}

bool ToolMatcher::may_start(std::string_view word) const {
  return !word.empty() && m_first_words[shape_bit(word)];
}

void ToolMatcher::add_form(std::uint32_t tool, const ToolForm& form,
                           StringMap<std::vector<std::uint32_t>>& by_first_word) {
  std::vector<Token> tokens;
  tokenize_text(form.text, tokens);
  if (tokens.empty()) {
    throw Error(fmt::format("'{}' is not a tool name: it holds no letters or digits", form.text));
  }
  Form compiled;
  compiled.tool = tool;
  compiled.exact = form.exact;
  std::string_view text = form.text;
  compiled.prefix = without_spaces(text.substr(0, tokens.front().begin));
  compiled.suffix = without_spaces(text.substr(tokens.back().end));
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    compiled.words.emplace_back(slice(text, tokens[i]));
    if (i > 0) {
      compiled.gaps.push_back(
          without_spaces(text.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end)));
    }
  }
  compiled.found_is_match = !compiled.exact && compiled.words.size() == 1 &&
                            compiled.prefix.empty() && compiled.suffix.empty();
  by_first_word[to_lower(compiled.words.front())].push_back(
      static_cast<std::uint32_t>(m_forms.size()));
  m_forms.push_back(std::move(compiled));
}

bool ToolMatcher::matches(const Form& form, std::string_view text, std::span<const Token> tokens,
                          std::size_t at) const {
  const std::size_t count = form.words.size();
  if (at + count > tokens.size()) {
    return false;
  }
  for (std::size_t j = 0; j < count; ++j) {
    std::string_view written = slice(text, tokens[at + j]);
    if (!same_word(written, form.words[j], form.exact) &&
        (j + 1 != count || !same_word(strip_possessive(written), form.words[j], form.exact))) {
      return false;
    }
    if (j > 0) {
      std::string_view gap = text.substr(tokens[at + j - 1].end,
                                         tokens[at + j].begin - tokens[at + j - 1].end);
      // Words of one name sit on one line or across one line break, never
      // across paragraphs.
      if (gap.find("\n\n") != std::string_view::npos || without_spaces(gap) != form.gaps[j - 1]) {
        return false;
      }
    }
  }
  const std::size_t begin = tokens[at].begin;
  const std::size_t end = tokens[at + count - 1].end;
  if (!form.prefix.empty() &&
      (begin < form.prefix.size() ||
       text.substr(begin - form.prefix.size(), form.prefix.size()) != form.prefix ||
       (begin > form.prefix.size() && is_word_byte(text[begin - form.prefix.size() - 1])))) {
    return false;
  }
  if (!form.suffix.empty()) {
    const std::size_t after = end + form.suffix.size();
    if (text.substr(end, form.suffix.size()) != form.suffix ||
        (after < text.size() && is_word_byte(text[after]) && !is_ascii_digit(text[after]))) {
      return false;
    }
  }
  // A word-like name opening a sentence may be the English word: "Go
  // through the logs" is not Go; "Go services" and "Go's scheduler" are.
  if (form.exact && count == 1 && tokens[at].sentence_start && at + 1 < tokens.size() &&
      !tokens[at + 1].sentence_start && slice(text, tokens[at]) == form.words[0]) {
    return !follows_a_verb(slice(text, tokens[at + 1]));
  }
  return true;
}

void ToolMatcher::find(std::string_view text, std::span<const Token> tokens,
                       std::vector<ToolHit>& out) const {
  // No name is longer than 64 bytes: a longer word is a pasted token.
  constexpr std::size_t k_max_word = 64;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    // Tokens lie inside `text`: no need for substr's check and clamp.
    const std::string_view word(text.data() + tokens[i].begin, tokens[i].end - tokens[i].begin);
    if (word.size() > k_max_word) {
      continue;
    }
    const std::vector<std::uint32_t>* starts = may_start(word) ? starting_with(word) : nullptr;
    if (starts == nullptr) {
      if ((word.back() | 0x20) != 's') {
        continue; // no possessive either
      }
      const std::string_view stem = strip_possessive(word);
      if (stem.size() == word.size() || !may_start(stem) ||
          (starts = starting_with(stem)) == nullptr) {
        continue;
      }
    }
    for (std::uint32_t index : *starts) {
      const Form& form = m_forms[index];
      if (form.found_is_match || matches(form, text, tokens, i)) {
        out.push_back({form.tool, static_cast<std::uint32_t>(i)});
        i += form.words.size() - 1;
        break;
      }
    }
  }
}

const std::shared_ptr<const ToolMatcher>& builtin_tools() {
  static const std::shared_ptr<const ToolMatcher> k_matcher = [] {
    std::string_view text = embedded_template("tools.toml");
    return std::make_shared<const ToolMatcher>(
        parse_tool_vocabulary(text, "builtin:templates/tools.toml"));
  }();
  return k_matcher;
}

// ---------------------------------------------------------------------------
// Tools from options

namespace {

struct UserEntry {
  std::string name;
  std::vector<std::string> aliases;
};

std::string trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
    return {};
  }
  return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

UserEntry parse_user_entry(std::string_view entry) {
  UserEntry out;
  const std::size_t equals = entry.find('=');
  out.name = trimmed(entry.substr(0, equals));
  if (equals != std::string_view::npos) {
    std::string_view rest = entry.substr(equals + 1);
    while (!rest.empty()) {
      const std::size_t comma = std::min(rest.find(','), rest.size());
      if (std::string alias = trimmed(rest.substr(0, comma)); !alias.empty()) {
        out.aliases.push_back(std::move(alias));
      }
      rest.remove_prefix(std::min(comma + 1, rest.size()));
    }
  }
  std::vector<Token> tokens;
  tokenize_text(out.name, tokens);
  if (tokens.empty()) {
    throw Error(fmt::format("'{}' is not a tool name: write \"Name\" or \"Name=alias1,alias2\"",
                            entry));
  }
  return out;
}

// Whether a new name is an ordinary English word, and so matches only as
// written; without a dictionary every new name matches in any case.
bool is_word_like(std::string_view name) {
  std::vector<Token> tokens;
  tokenize_text(name, tokens);
  try {
    Dictionary& dictionary = Dictionary::instance();
    return std::all_of(tokens.begin(), tokens.end(), [&](const Token& token) {
      return dictionary.is_english(to_lower(slice(name, token)));
    });
  } catch (const Error&) {
    return false;
  }
}

class ToolListBuilder {
public:
  void add_builtin_all() {
    for (std::size_t i = 0; i < builtin().size(); ++i) {
      add_builtin(i);
    }
  }

  void add_user(const UserEntry& user) {
    std::vector<std::string> written{user.name};
    written.insert(written.end(), user.aliases.begin(), user.aliases.end());
    std::optional<std::size_t> target = existing(written);
    if (!target) {
      if (auto builtin_index = builtin_tool(written)) {
        target = add_builtin(*builtin_index);
      } else {
        m_tools.push_back({user.name, "configured", {}});
        target = m_tools.size() - 1;
      }
    }
    for (const std::string& form : written) {
      add_form(*target, form);
    }
  }

  std::vector<ToolEntry> take() { return std::move(m_tools); }

private:
  static const std::vector<ToolEntry>& builtin() { return builtin_tools()->tools(); }

  std::size_t add_builtin(std::size_t index) {
    if (auto known = m_from_builtin.find(index); known != m_from_builtin.end()) {
      return known->second;
    }
    m_tools.push_back(builtin()[index]);
    const std::size_t at = m_tools.size() - 1;
    for (const ToolForm& form : m_tools[at].forms) {
      m_by_form.emplace(to_lower(form.text), at);
    }
    m_from_builtin.emplace(index, at);
    return at;
  }

  void add_form(std::size_t tool, const std::string& form) {
    if (m_by_form.contains(to_lower(form))) {
      return;
    }
    m_tools[tool].forms.push_back({form, is_word_like(form)});
    m_by_form.emplace(to_lower(form), tool);
  }

  std::optional<std::size_t> existing(const std::vector<std::string>& forms) const {
    for (const std::string& form : forms) {
      if (auto found = m_by_form.find(to_lower(form)); found != m_by_form.end()) {
        return found->second;
      }
    }
    return std::nullopt;
  }

  static std::optional<std::size_t> builtin_tool(const std::vector<std::string>& forms) {
    static const StringMap<std::size_t> k_index = [] {
      StringMap<std::size_t> index;
      for (std::size_t i = 0; i < builtin().size(); ++i) {
        for (const ToolForm& form : builtin()[i].forms) {
          index.emplace(to_lower(form.text), i);
        }
      }
      return index;
    }();
    for (const std::string& form : forms) {
      if (auto found = k_index.find(to_lower(form)); found != k_index.end()) {
        return found->second;
      }
    }
    return std::nullopt;
  }

  std::vector<ToolEntry> m_tools;
  StringMap<std::size_t> m_by_form;
  std::unordered_map<std::size_t, std::size_t> m_from_builtin;
};

} // namespace

std::vector<ToolEntry> configured_tools(const StringList& vocabulary, const StringList& extra) {
  ToolListBuilder builder;
  if (vocabulary.empty()) {
    builder.add_builtin_all();
  }
  for (const std::string& entry : vocabulary) {
    builder.add_user(parse_user_entry(entry));
  }
  for (const std::string& entry : extra) {
    builder.add_user(parse_user_entry(entry));
  }
  return builder.take();
}

// ---------------------------------------------------------------------------
// Dictionary

namespace {

constexpr std::size_t k_max_cached_words = std::size_t{1} << 18;
constexpr std::size_t k_max_suggestions = 3;
// Longer words get no suggestions (English words that long are compounds
// hunspell already knows).
constexpr std::size_t k_max_correctable = 48;

// The hunspell handle, owned. Not thread-safe: Dictionary locks around it.
class Hunspell {
public:
  Hunspell(const std::string& aff_path, const std::string& dic_path)
      : m_handle(Hunspell_create(aff_path.c_str(), dic_path.c_str()), &Hunspell_destroy) {
    if (!m_handle) {
      throw Error(fmt::format("spelling: cannot load the hunspell dictionary {}", dic_path));
    }
  }

  bool spell(std::string_view word) {
    m_buffer.assign(word);
    return Hunspell_spell(m_handle.get(), m_buffer.c_str()) != 0;
  }

  void add(std::string_view word) {
    m_buffer.assign(word);
    Hunspell_add(m_handle.get(), m_buffer.c_str());
  }

private:
  std::unique_ptr<Hunhandle, void (*)(Hunhandle*)> m_handle;
  std::string m_buffer; // hunspell wants NUL-terminated words
};

// Optimal string alignment distance (edits plus swaps of neighbours), or
// limit + 1 when it is over `limit`.
int edit_distance(std::string_view a, std::string_view b, int limit) {
  constexpr std::size_t k_max = 64;
  const auto length_gap = static_cast<int>(a.size()) - static_cast<int>(b.size());
  if (a.size() >= k_max || b.size() >= k_max || std::abs(length_gap) > limit) {
    return limit + 1;
  }
  std::array<std::array<int, k_max>, 3> rows{}; // two rows back, previous, current
  for (std::size_t j = 0; j <= b.size(); ++j) {
    rows[1][j] = static_cast<int>(j);
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    auto& current = rows[2];
    current[0] = static_cast<int>(i);
    int row_best = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int best = std::min({rows[1][j] + 1, current[j - 1] + 1, rows[1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, rows[0][j - 2] + 1);
      }
      current[j] = best;
      row_best = std::min(row_best, best);
    }
    if (row_best > limit) {
      return limit + 1;
    }
    rows[0] = rows[1];
    rows[1] = current;
  }
  return std::min(rows[1][b.size()], limit + 1);
}

// Candidate corrections one edit away, most likely kinds first: two letters
// swapped, one dropped, one wrong, one missing; then a missing space.
std::vector<std::string> one_edit_away(const std::string& word) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 1 < word.size(); ++i) {
    std::string swapped = word;
    std::swap(swapped[i], swapped[i + 1]);
    out.push_back(std::move(swapped));
  }
  for (std::size_t i = 0; i < word.size(); ++i) {
    out.push_back(word.substr(0, i) + word.substr(i + 1));
  }
  for (std::size_t i = 0; i < word.size(); ++i) {
    for (char c = 'a'; c <= 'z'; ++c) {
      if (c != word[i]) {
        std::string replaced = word;
        replaced[i] = c;
        out.push_back(std::move(replaced));
      }
    }
  }
  for (std::size_t i = 0; i <= word.size(); ++i) {
    for (char c = 'a'; c <= 'z'; ++c) {
      out.push_back(word.substr(0, i) + c + word.substr(i));
    }
  }
  return out;
}

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || is_upper(c);
}

// Gives a suggestion the case of the word it replaces.
std::string in_case_of(std::string suggestion, std::string_view word) {
  const bool all_caps = std::none_of(word.begin(), word.end(), [](char c) {
    return c >= 'a' && c <= 'z';
  });
  if (all_caps && word.size() > 1) {
    for (char& c : suggestion) {
      c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
  } else if (!word.empty() && is_upper(word[0]) && !suggestion.empty() && suggestion[0] >= 'a' &&
             suggestion[0] <= 'z') {
    suggestion[0] = static_cast<char>(suggestion[0] - 'a' + 'A');
  }
  return suggestion;
}

} // namespace

struct Dictionary::Impl {
  Impl(std::string aff, std::string dic) : aff_path(std::move(aff)), dic_path(std::move(dic)) {
    for (const std::string& word : parse_word_list(embedded_template("tech-words.txt"))) {
      taught.insert(word);
    }
    for (const ToolEntry& tool : builtin_tools()->tools()) {
      for (const ToolForm& form : tool.forms) {
        std::vector<Token> tokens;
        tokenize_text(form.text, tokens);
        for (const Token& token : tokens) {
          add_tool_word(strip_possessive(slice(form.text, token)));
        }
      }
    }
  }

  void add_tool_word(std::string_view written) {
    std::string lower = to_lower(written);
    if (display.contains(lower)) {
      return;
    }
    taught.insert(lower);
    display.emplace(lower, std::string(written));
    if (lower.size() >= 4 && std::all_of(lower.begin(), lower.end(), is_letter)) {
      tool_words.emplace_back(written);
      tool_words_lower.push_back(lower);
    }
  }

  // hunspell, loaded on first need, with the technical words and every
  // word of the tool vocabulary taught. The caller holds the mutex.
  Hunspell& speller() {
    if (!loaded) {
      loaded.emplace(aff_path, dic_path);
      for (const std::string& word : taught) {
        teach(word);
      }
    }
    return *loaded;
  }

  // Whether `word` is in `listed` the way hunspell would accept it: as
  // written, or for a capitalised word, in lowercase. Only for words of
  // letters and apostrophes, in lowercase or capitalised: other shapes (all
  // capitals, mixed case, curly apostrophes) are left to hunspell.
  template <class Listed> static bool accepted_by(std::string_view word, Listed listed) {
    if (word.empty() || !std::all_of(word.begin(), word.end(),
                                     [](char c) { return is_letter(c) || c == '\''; }) ||
        std::any_of(word.begin() + 1, word.end(), is_upper)) {
      return false;
    }
    return listed(word) || (is_upper(word[0]) && listed(to_lower(word)));
  }

  // Whether the en_US word list was made from this dictionary. The caller
  // holds the mutex.
  bool list_usable() {
    if (!english_list_usable) {
      english_list_usable = english_words_match(aff_path, dic_path);
    }
    return *english_list_usable;
  }

  // A word of plain en_US by the word list, without loading hunspell. The
  // caller holds the mutex.
  bool listed_english(std::string_view word) {
    return list_usable() &&
           accepted_by(word, [](std::string_view form) { return english_words_contain(form); });
  }

  // Whether hunspell surely accepts `word`, known without loading it: a
  // word of the list or a taught word (hunspell accepts those the same
  // way). The caller holds the mutex.
  bool surely_known(std::string_view word) {
    return listed_english(word) ||
           accepted_by(word, [this](std::string_view form) { return taught.contains(form); });
  }

  // Teaches hunspell a word it lacks, remembering that answerlint added it.
  void teach(std::string_view word) {
    if (!loaded->spell(word)) {
      loaded->add(word);
      added.insert(to_lower(word));
    }
  }

  // Merges the memo of `source` once; true when it brought anything. The
  // caller holds the mutex.
  bool recall(const std::shared_ptr<WordStore>& source) {
    if (source == nullptr || recalled == source.get()) {
      return false;
    }
    recalled = source.get();
    std::optional<WordMemo> saved;
    try {
      saved = source->load();
    } catch (const std::exception&) {
      return false; // a cache is an optimisation: hunspell answers instead
    }
    if (!saved) {
      return false;
    }
    memo.verdicts.merge(saved->verdicts);
    memo.suggestions.merge(saved->suggestions);
    memo.english.merge(saved->english);
    return true;
  }

  bool recall_attached() {
    std::shared_ptr<WordStore> source;
    {
      std::lock_guard lock(store_mutex());
      source = store();
    }
    return recall(source);
  }

  // `map[word]`, from this run, the store or `judge`, remembered.
  template <class Value, class Judge>
  Value remembered(StringMap<Value>& map, std::string_view word, Judge judge) {
    auto found = map.find(word);
    if (found == map.end() && recall_attached()) {
      found = map.find(word);
    }
    if (found != map.end()) {
      return found->second;
    }
    Value value = judge();
    if (map.size() >= k_max_cached_words) {
      map.clear();
    }
    map.emplace(word, value);
    learnt = true;
    return value;
  }

  std::int32_t near_tool(std::string_view word) const {
    const std::string lower = to_lower(word);
    if (lower.size() < 4) {
      return -1;
    }
    const int limit = lower.size() >= 8 ? 2 : 1;
    std::int32_t best = -1;
    int best_distance = limit + 1;
    for (std::size_t i = 0; i < tool_words_lower.size(); ++i) {
      const int distance = edit_distance(lower, tool_words_lower[i], limit);
      if (distance > 0 && distance < best_distance) {
        best = static_cast<std::int32_t>(i);
        best_distance = distance;
      }
    }
    return best;
  }

  std::vector<std::string> corrections(std::string_view word) {
    std::vector<std::string> found;
    if (word.size() > k_max_correctable) {
      // A hash or a pasted token, not a slip of the hand: its edits would
      // cost memory and time in the square of its length.
      return found;
    }
    Hunspell& hunspell = speller();
    const std::string lower = to_lower(word);
    auto keep = [&](const std::string& candidate) {
      if (std::find(found.begin(), found.end(), candidate) == found.end()) {
        found.push_back(candidate);
      }
    };
    for (const std::string& candidate : one_edit_away(lower)) {
      if (found.size() < k_max_suggestions && !candidate.empty() && hunspell.spell(candidate)) {
        keep(candidate);
      }
    }
    for (std::size_t i = 2; i + 2 <= lower.size() && found.size() < k_max_suggestions; ++i) {
      std::string_view left = std::string_view(lower).substr(0, i);
      std::string_view right = std::string_view(lower).substr(i);
      if (hunspell.spell(left) && hunspell.spell(right)) {
        keep(fmt::format("{} {}", left, right));
      }
    }
    for (std::string& suggestion : found) {
      auto tool = display.find(suggestion);
      suggestion = tool != display.end() ? tool->second : in_case_of(suggestion, word);
    }
    return found;
  }

  // The store attached for the run, shared by every Dictionary.
  static std::shared_ptr<WordStore>& store() {
    static std::shared_ptr<WordStore> attached;
    return attached;
  }
  static std::mutex& store_mutex() {
    static std::mutex mutex;
    return mutex;
  }

  std::string aff_path;
  std::string dic_path;
  std::mutex mutex;
  std::optional<Hunspell> loaded;
  std::optional<bool> english_list_usable; // made from this dictionary
  StringSet taught;                  // technical words, and tool words in lowercase
  StringSet added;                   // lowercase taught words hunspell lacked
  StringMap<std::string> display;    // lowercase tool word -> as the vocabulary writes it
  std::vector<std::string> tool_words; // for near misses: letters only, 4 or more
  std::vector<std::string> tool_words_lower;
  WordMemo memo;
  const WordStore* recalled = nullptr; // the store whose memo was merged
  bool learnt = false;                 // judged a word the memo lacked
};

Dictionary::Dictionary(const std::string& aff_path, const std::string& dic_path)
    : m_impl(std::make_unique<Impl>(aff_path, dic_path)) {}

Dictionary::~Dictionary() = default;

namespace {

// The process's dictionary, once created; see Dictionary::instance.
std::atomic<Dictionary*> g_dictionary{nullptr};

} // namespace

Dictionary& Dictionary::instance() {
  // A failed creation throws out of the initialisation, which the next call
  // tries again: each answer then reports the missing dictionary. Never
  // destroyed: the process's end frees it faster.
  static Dictionary* const k_dictionary = [] {
    auto paths = find_hunspell_en_us();
    if (!paths) {
      throw Error("spelling: no en_US hunspell dictionary found (looked in $DICPATH, "
                  "/usr/share/hunspell and other usual folders): install hunspell-en-us, "
                  "or set severity = \"off\" under [rules.spelling]");
    }
    auto* dictionary = new Dictionary(paths->first, paths->second);
    g_dictionary.store(dictionary);
    return dictionary;
  }();
  return *k_dictionary;
}

WordVerdict Dictionary::check(std::string_view word) {
  thread_local StringMap<WordVerdict> t_cache;
  if (auto found = t_cache.find(word); found != t_cache.end()) {
    return found->second;
  }
  const WordVerdict verdict = check_shared(word);
  if (t_cache.size() >= k_max_cached_words) {
    t_cache.clear();
  }
  t_cache.emplace(word, verdict);
  return verdict;
}

WordVerdict Dictionary::check_shared(std::string_view word) {
  std::lock_guard lock(m_impl->mutex);
  if (m_impl->surely_known(word)) {
    return WordVerdict{true, -1};
  }
  return m_impl->remembered(m_impl->memo.verdicts, word, [&] {
    WordVerdict verdict;
    verdict.known = m_impl->speller().spell(word);
    if (!verdict.known) {
      verdict.near_tool = m_impl->near_tool(word);
    }
    return verdict;
  });
}

std::vector<std::string> Dictionary::suggest(std::string_view word) {
  std::lock_guard lock(m_impl->mutex);
  return m_impl->remembered(m_impl->memo.suggestions, word,
                            [&] { return m_impl->corrections(word); });
}

bool Dictionary::is_english(std::string_view word) {
  std::lock_guard lock(m_impl->mutex);
  if (m_impl->listed_english(word)) {
    return true;
  }
  return m_impl->remembered(m_impl->memo.english, word, [&] {
    Hunspell& hunspell = m_impl->speller();
    return !m_impl->added.contains(to_lower(word)) && hunspell.spell(word);
  });
}

std::string_view Dictionary::tool_word(std::int32_t index) const {
  return m_impl->tool_words.at(static_cast<std::size_t>(index));
}

bool Dictionary::hunspell_loaded() const {
  std::lock_guard lock(m_impl->mutex);
  return m_impl->loaded.has_value();
}

} // namespace answerlint::rules

namespace answerlint {

void attach_word_store(std::shared_ptr<WordStore> store) {
  std::lock_guard lock(rules::Dictionary::Impl::store_mutex());
  rules::Dictionary::Impl::store() = std::move(store);
}

void detach_word_store() noexcept {
  std::shared_ptr<WordStore> store;
  {
    std::lock_guard lock(rules::Dictionary::Impl::store_mutex());
    store = std::move(rules::Dictionary::Impl::store());
    rules::Dictionary::Impl::store() = nullptr;
  }
  rules::Dictionary* dictionary = rules::g_dictionary.load();
  if (store == nullptr || dictionary == nullptr) {
    return;
  }
  rules::Dictionary::Impl& impl = *dictionary->m_impl;
  std::lock_guard lock(impl.mutex);
  if (!impl.learnt) {
    return; // the store holds all this run judged
  }
  try {
    impl.recall(store); // keep what the store had, when this run never read it
    store->save(impl.memo);
    impl.learnt = false;
  } catch (const std::exception&) {
    // The cache is an optimisation: the run's findings are already right.
  }
}

} // namespace answerlint
