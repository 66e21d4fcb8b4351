#include "config/question_bank.hpp"

#include "config/config.hpp"
#include "config/toml_read.hpp"
#include "embedded.hpp"
#include "error.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace answerlint {
namespace {

constexpr std::string_view k_top_keys[] = {"questions"};
constexpr std::string_view k_entry_keys[] = {"id",   "title",      "question", "variants",
                                             "kind", "competency", "concepts"};
constexpr std::string_view k_concept_keys[] = {"name", "synonyms"};

bool is_slug(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

class BankReader : public config_detail::TomlReader {
public:
  using TomlReader::TomlReader;

  QuestionBank read(const toml::table& root) {
    check_keys(root, k_top_keys, "");
    QuestionBank bank;
    const toml::node* list = root.get("questions");
    if (list == nullptr) {
      return bank;
    }
    const toml::array& items = expect_array(*list, "questions", "a list of tables ([[questions]])");
    std::set<std::string, std::less<>> ids;
    for (std::size_t i = 0; i < items.size(); ++i) {
      BankEntry entry = read_entry(*items.get(i), fmt::format("questions[{}]", i));
      if (!ids.insert(entry.id).second) {
        fail_at(*items.get(i)->as_table()->get("id"),
                fmt::format("questions[{}].id: '{}' is used twice", i, entry.id));
      }
      bank.entries.push_back(std::move(entry));
    }
    return bank;
  }

private:
  // A required, non-empty string field.
  std::string required(const toml::table& table, std::string_view key, std::string_view where) {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
      fail_at(table, fmt::format("{}: '{}' is missing", where, key));
    }
    std::string value = read_string(*node, fmt::format("{}.{}", where, key));
    if (value.empty()) {
      fail_at(*node, fmt::format("{}.{}: must not be empty", where, key));
    }
    return value;
  }

  BankEntry read_entry(const toml::node& node, const std::string& where) {
    const toml::table& table = expect_table(node, where);
    check_keys(table, k_entry_keys, where);
    BankEntry entry;
    entry.id = required(table, "id", where);
    if (!is_slug(entry.id)) {
      fail_at(*table.get("id"), fmt::format("{}.id: '{}' must be lowercase letters, digits and "
                                            "'-'",
                                            where, entry.id));
    }
    entry.title = required(table, "title", where);
    entry.question = required(table, "question", where);
    entry.kind = required(table, "kind", where);
    if (!is_known_kind(entry.kind)) {
      fail_at(*table.get("kind"), fmt::format("{}.kind: unknown kind '{}'", where, entry.kind));
    }
    entry.competency = required(table, "competency", where);
    if (const toml::node* variants = table.get("variants")) {
      entry.variants = read_strings(*variants, where + ".variants");
    }
    if (const toml::node* concepts = table.get("concepts")) {
      const toml::array& items = expect_array(*concepts, where + ".concepts", "a list of tables");
      for (std::size_t i = 0; i < items.size(); ++i) {
        entry.concepts.push_back(
            read_concept(*items.get(i), fmt::format("{}.concepts[{}]", where, i)));
      }
    }
    return entry;
  }

  BankConcept read_concept(const toml::node& node, const std::string& where) {
    const toml::table& table = expect_table(node, where);
    check_keys(table, k_concept_keys, where);
    BankConcept concept_entry;
    concept_entry.name = required(table, "name", where);
    if (const toml::node* synonyms = table.get("synonyms")) {
      concept_entry.synonyms = read_strings(*synonyms, where + ".synonyms");
    }
    return concept_entry;
  }
};

} // namespace

const BankEntry* QuestionBank::find(std::string_view id) const {
  auto it = std::find_if(entries.begin(), entries.end(),
                         [id](const BankEntry& entry) { return entry.id == id; });
  return it == entries.end() ? nullptr : &*it;
}

QuestionBank parse_question_bank(std::string_view text, const std::string& display) {
  toml::table root;
  try {
    root = toml::parse(text, display);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    throw Error(std::string(error.description()), display, static_cast<int>(begin.line),
                static_cast<int>(begin.column));
  }
  return BankReader(display).read(root);
}

const QuestionBank& builtin_question_bank() {
  static const QuestionBank bank =
      parse_question_bank(embedded_template("question-bank.toml"), "templates/question-bank.toml");
  return bank;
}

// Matching a question to an entry ------------------------------------------

namespace {

// Words that say how a question is asked, not what it is about.
constexpr std::string_view k_stop_words[] = {
    "a",          "about",     "above",      "add",          "after",     "again",      "against",
    "all",        "also",      "am",         "an",           "and",       "any",        "anything",
    "approach",   "are",       "as",         "ask",          "asked",     "at",         "be",
    "because",    "been",      "before",     "being",        "best",      "between",    "both",
    "but",        "by",        "can",        "choose",       "compare",   "comparison", "could",
    "create",     "currently", "deal",       "dealt",        "describe",  "design",     "designing",
    "did",        "differ",    "difference", "differences",  "different", "discuss",    "do",
    "does",       "doing",     "done",       "during",       "each",      "ensure",     "ever",
    "everything", "example",   "examples",   "explain",      "few",       "for",        "from",
    "get",        "give",      "go",         "goes",         "going",     "gone",       "good",
    "got",        "had",       "handle",     "handled",      "handling",  "happened",   "has",
    "have",       "having",    "he",         "her",          "here",      "his",        "how",
    "i",          "if",        "implement",  "implementing", "in",        "into",       "is",
    "issue",      "issues",    "it",         "its",          "just",      "keep",       "kind",
    "know",       "let",       "like",       "ll",           "look",      "make",       "making",
    "me",         "more",      "most",       "my",           "no",        "not",        "of",
    "on",         "one",       "or",         "other",        "our",       "out",        "over",
    "pick",       "please",    "problem",    "problems",     "question",  "questions",  "really",
    "run",        "s",         "safely",     "share",        "she",       "should",     "so",
    "some",       "something", "strategies", "strategy",     "such",      "system",     "systems",
    "talk",       "tell",      "than",       "that",         "the",       "their",      "them",
    "then",       "there",     "these",      "they",         "thing",     "things",     "think",
    "this",       "those",     "through",    "time",         "times",     "to",         "type",
    "types",      "typical",   "typically",  "under",        "up",        "us",         "use",
    "used",       "using",     "versus",     "very",         "vs",        "walk",       "was",
    "way",        "ways",      "we",         "went",         "were",      "what",       "whats",
    "when",       "where",     "which",      "while",        "who",       "why",        "will",
    "with",       "work",      "would",      "you",          "your",
};

// Words the bank and a candidate use for the same thing.
constexpr std::pair<std::string_view, std::string_view> k_synonyms[] = {
    {"coworker", "colleague"},
    {"coworkers", "colleague"},
    {"teammate", "colleague"},
    {"teammates", "colleague"},
    {"peer", "colleague"},
    {"peers", "colleague"},
    {"boss", "manager"},
    {"supervisor", "manager"},
    {"db", "database"},
    {"dbs", "database"},
    {"k8s", "kubernetes"},
    {"application", "app"},
    {"applications", "app"},
    {"apps", "app"},
    {"quickly", "quick"},
    {"fast", "quick"},
    {"rapidly", "quick"},
    {"failure", "fail"},
    {"failures", "fail"},
    {"outage", "incident"},
    {"outages", "incident"},
    {"leadership", "lead"},
    {"led", "lead"},
    {"monolithic", "monolith"},
    {"replica", "replication"},
    {"replicas", "replication"},
    {"tech", "technology"},
    {"perf", "performance"},
    {"async", "asynchronous"},
    {"link", "url"},
    {"developer", "engineer"},
    {"developers", "engineer"},
    {"engineers", "engineer"},
    {"git", "repository"},
    {"repo", "repository"},
    {"jwts", "jwt"},
    {"news", "newsfeed"},
    {"optimise", "optimize"},
    {"optimised", "optimize"},
    {"optimisation", "optimize"},
};

// Every word of every question is looked up: a binary search costs 8
// compares where a scan of the list cost a hundred.
static_assert(std::is_sorted(std::begin(k_stop_words), std::end(k_stop_words)),
              "k_stop_words must stay in order");

bool is_stop_word(std::string_view word) {
  return std::binary_search(std::begin(k_stop_words), std::end(k_stop_words), word);
}

std::string_view canonical(std::string_view word) {
  for (const auto& [from, to] : k_synonyms) {
    if (word == from) {
      return to;
    }
  }
  return word;
}

bool replace_suffix(std::string& word, std::string_view suffix, std::string_view replacement,
                    std::size_t min_stem) {
  if (word.size() < suffix.size() + min_stem || !std::string_view(word).ends_with(suffix)) {
    return false;
  }
  word.replace(word.size() - suffix.size(), suffix.size(), replacement);
  return true;
}

// Crude stemming, the same on both sides of a comparison: it only has to
// give the forms a question uses one key ("limits", "limiting", "limiter"),
// not real stems.
std::string stem(std::string word) {
  if (!replace_suffix(word, "ies", "y", 2) && !replace_suffix(word, "sses", "ss", 2)) {
    const std::string_view view(word);
    if (word.size() > 3 && view.ends_with('s') && !view.ends_with("ss") && !view.ends_with("us") &&
        !view.ends_with("is")) {
      word.pop_back();
    }
  }
  if (replace_suffix(word, "ing", "", 3) || replace_suffix(word, "ed", "", 3)) {
    const std::size_t n = word.size();
    if (n >= 2 && word[n - 1] == word[n - 2] && word[n - 1] != 'l' && word[n - 1] != 's' &&
        word[n - 1] != 'z') {
      word.pop_back(); // "mapping" -> "mapp" -> "map"
    }
  }
  constexpr std::pair<std::string_view, std::string_view> k_suffixes[] = {
      {"ization", "ize"}, {"isation", "ize"}, {"ation", "ate"}, {"ability", ""},
      {"ibility", ""},    {"ency", "ent"},    {"ence", "ent"},  {"ancy", "ant"},
      {"ance", ""},       {"able", ""},       {"ible", ""},     {"ment", ""},
      {"ness", ""},       {"ion", ""},        {"ly", ""},       {"er", ""},
  };
  for (const auto& [suffix, replacement] : k_suffixes) {
    if (replace_suffix(word, suffix, replacement, 3)) {
      break;
    }
  }
  if (word.size() >= 4 && word.back() == 'e') {
    word.pop_back();
  }
  return word;
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char to_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::vector<std::string> unique_sorted(std::vector<std::string> terms) {
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

} // namespace

namespace {

// The term a lowercased word gives, or "" for a stop word. Questions use
// few distinct words ("rate", "limit", "design" come back in every
// portfolio), and the stop-word search, the synonyms and the stemming cost
// about 800 instructions a word: each thread remembers its words' terms.
const std::string& term_of(const std::string& word) {
  constexpr std::size_t k_max_remembered = 4096; // then it starts over
  thread_local StringMap<std::string> t_terms;
  if (auto found = t_terms.find(word); found != t_terms.end()) {
    return found->second;
  }
  if (t_terms.size() >= k_max_remembered) {
    t_terms.clear();
  }
  std::string term = is_stop_word(word) ? std::string() : stem(std::string(canonical(word)));
  return t_terms.emplace(word, std::move(term)).first->second;
}

} // namespace

std::vector<std::string> question_terms(std::string_view text) {
  std::vector<std::string> terms;
  std::string word;
  // Numbers ("Question 12", "10 million users") say nothing about the topic.
  auto flush = [&] {
    const bool number =
        std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (word.size() >= 2 && !number) {
      if (const std::string& term = term_of(word); !term.empty()) {
        terms.push_back(term);
      }
    }
    word.clear();
  };
  for (char c : text) {
    if (is_ascii_alnum(c)) {
      word.push_back(to_lower(c));
    } else {
      flush();
    }
  }
  flush();
  return terms;
}

QuestionMatcher::QuestionMatcher(const QuestionBank& bank) : m_bank(bank) {
  for (const BankEntry& entry : bank.entries) {
    const auto index = static_cast<std::uint32_t>(m_wordings.size());
    std::vector<Wording> wordings;
    auto add = [&](std::string_view text) {
      Wording wording{unique_sorted(question_terms(text)), 0};
      if (wording.terms.empty()) {
        return;
      }
      for (const std::string& term : wording.terms) {
        std::vector<std::uint32_t>& entries = m_entries_with[term];
        if (entries.empty() || entries.back() != index) {
          entries.push_back(index);
        }
      }
      wordings.push_back(std::move(wording));
    };
    add(entry.question);
    for (const std::string& variant : entry.variants) {
      add(variant);
    }
    m_wordings.push_back(std::move(wordings));
  }
  // Rare terms decide: "shorten" is one entry's, "system" everyone's.
  const auto entries = static_cast<double>(std::max<std::size_t>(bank.entries.size(), 1));
  for (const auto& [term, with] : m_entries_with) {
    m_weights.emplace(term, std::log(1.0 + entries / static_cast<double>(with.size())));
  }
  // A word the bank never uses ("previous", "company") is context: it
  // counts against a match, but less than a rare bank term.
  m_unknown_weight = std::log(1.0 + entries / 2.0);
  for (auto& wordings : m_wordings) {
    for (Wording& wording : wordings) {
      for (const std::string& term : wording.terms) {
        wording.weight += weight(term);
      }
    }
  }
}

double QuestionMatcher::weight(const std::string& term) const {
  auto it = m_weights.find(term);
  return it == m_weights.end() ? m_unknown_weight : it->second;
}

// Weighted Jaccard (the two say the same) blended with the overlap
// coefficient (one says part of the other: a short question, or one with
// extra context), scaled down when what they share is too little evidence
// ("system" alone is no match).
double QuestionMatcher::similarity(const std::vector<std::string>& terms, double terms_weight,
                                   const Wording& wording) const {
  constexpr double k_evidence = 3.0; // about one term that few entries use
  constexpr double k_min_side = 5.0;
  double shared = 0;
  auto a = terms.begin();
  auto b = wording.terms.begin();
  while (a != terms.end() && b != wording.terms.end()) {
    if (*a < *b) {
      ++a;
    } else if (*b < *a) {
      ++b;
    } else {
      shared += weight(*a);
      ++a;
      ++b;
    }
  }
  if (shared == 0) {
    return 0;
  }
  const double jaccard = shared / (terms_weight + wording.weight - shared);
  // A one-word side ("caching") would cover itself fully in any question
  // that says "cache": it counts as at least two words.
  const double overlap = shared / std::max(std::min(terms_weight, wording.weight), k_min_side);
  return (0.6 * jaccard + 0.4 * overlap) * std::min(1.0, shared / k_evidence);
}

QuestionMatcher::Terms QuestionMatcher::terms_of(std::string_view question) const {
  Terms terms{unique_sorted(question_terms(question)), 0};
  for (const std::string& term : terms.terms) {
    terms.weight += weight(term);
  }
  return terms;
}

double QuestionMatcher::best_similarity(std::size_t index, const Terms& terms) const {
  double best = 0;
  for (const Wording& wording : m_wordings[index]) {
    best = std::max(best, similarity(terms.terms, terms.weight, wording));
  }
  return best;
}

double QuestionMatcher::score(std::string_view question, const BankEntry& entry) const {
  const auto index = static_cast<std::size_t>(&entry - m_bank.entries.data());
  return index < m_wordings.size() ? best_similarity(index, terms_of(question)) : 0.0;
}

namespace {

// Kinds whose answers can answer each other's questions: a system-design
// answer may well answer "how would you rate limit an API", a behavioral
// story never does.
enum class Family { any, technical, story, question };

Family family_of_kind(std::string_view kind) {
  if (kind == "technical" || kind == "system-design") {
    return Family::technical;
  }
  if (kind == "behavioral" || kind == "project") {
    return Family::story;
  }
  return kind == "question" ? Family::question : Family::any;
}

bool contains_lowercase(std::string_view text, std::string_view needle) {
  auto it = std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                        [](char a, char b) { return to_lower(a) == b; });
  return it != text.end();
}

// The phrasing of a behavioral question ("tell me about a time you...")
// says it wants a story even when the answer's kind is unknown.
bool asks_for_a_story(std::string_view question) {
  constexpr std::string_view k_markers[] = {"a time when", "a time you",    "a time that",
                                            "a situation", "have you ever", "an example of when"};
  return std::any_of(
      std::begin(k_markers), std::end(k_markers),
      [question](std::string_view marker) { return contains_lowercase(question, marker); });
}

} // namespace

const BankEntry* QuestionMatcher::match(std::string_view question, std::string_view kind) const {
  // Near ties go to the answer's own kind: a system-design answer to "design
  // a rate limiter for an API" is the system-design entry.
  constexpr double k_kind_bonus = 0.1;
  const Terms terms = terms_of(question);
  if (terms.terms.empty()) {
    return nullptr;
  }
  Family family = family_of_kind(kind);
  if (family == Family::any && asks_for_a_story(question)) {
    family = Family::story;
  }
  std::vector<std::uint32_t> candidates;
  for (const std::string& term : terms.terms) {
    if (auto found = m_entries_with.find(term); found != m_entries_with.end()) {
      candidates.insert(candidates.end(), found->second.begin(), found->second.end());
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  const BankEntry* best = nullptr;
  double best_rank = 0;
  for (const std::uint32_t i : candidates) {
    const BankEntry& entry = m_bank.entries[i];
    if (family != Family::any && family_of_kind(entry.kind) != family) {
      continue;
    }
    const double value = best_similarity(i, terms);
    if (value < k_threshold) {
      continue;
    }
    const double rank = value + (!kind.empty() && entry.kind == kind ? k_kind_bonus : 0.0);
    if (rank > best_rank) {
      best = &entry;
      best_rank = rank;
    }
  }
  return best;
}

const QuestionMatcher& builtin_question_matcher() {
  static const QuestionMatcher matcher(builtin_question_bank());
  return matcher;
}

} // namespace answerlint
