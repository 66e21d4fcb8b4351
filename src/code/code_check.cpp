#include "code/code_check.hpp"

#include "code/sql_dialect.hpp"

#include <fmt/format.h>
#include <tree_sitter/api.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <memory>

extern "C" {
const TSLanguage* tree_sitter_bash();
const TSLanguage* tree_sitter_go();
const TSLanguage* tree_sitter_java();
const TSLanguage* tree_sitter_javascript();
const TSLanguage* tree_sitter_json();
const TSLanguage* tree_sitter_python();
const TSLanguage* tree_sitter_sql();
const TSLanguage* tree_sitter_tsx();
const TSLanguage* tree_sitter_typescript();
const TSLanguage* tree_sitter_yaml();
}

namespace answerlint::code {
namespace {

using Clock = std::chrono::steady_clock;

struct Grammar {
  std::string_view name;
  const TSLanguage* (*language)();
};

// Sorted by name; index i pairs with k_language_names[i].
constexpr Grammar k_grammars[] = {
    {"bash", &tree_sitter_bash},
    {"go", &tree_sitter_go},
    {"java", &tree_sitter_java},
    {"javascript", &tree_sitter_javascript},
    {"json", &tree_sitter_json},
    {"python", &tree_sitter_python},
    {"sql", &tree_sitter_sql},
    {"tsx", &tree_sitter_tsx},
    {"typescript", &tree_sitter_typescript},
    {"yaml", &tree_sitter_yaml},
};
constexpr std::size_t k_grammar_count = std::size(k_grammars);

constexpr std::array<std::string_view, k_grammar_count> k_language_names = [] {
  std::array<std::string_view, k_grammar_count> names{};
  for (std::size_t i = 0; i < k_grammar_count; ++i) {
    names[i] = k_grammars[i].name;
  }
  return names;
}();

struct Alias {
  std::string_view tag;
  std::string_view language;
};

// Tags people write for the same grammar (GitHub's linguist names most of
// them). Deliberately absent: console, shell-session, pycon and psql (their
// blocks are transcripts with prompts and output), jsonc and json5 (comments
// and trailing commas are allowed there), python2 (print statements), and
// dialects the SQL grammar reads too badly (tsql, plpgsql).
constexpr Alias k_aliases[] = {
    {"sh", "bash"},           {"shell", "bash"},       {"zsh", "bash"},
    {"shell-script", "bash"}, {"shellscript", "bash"}, {"golang", "go"},
    {"js", "javascript"},     {"jsx", "javascript"},   {"node", "javascript"},
    {"nodejs", "javascript"}, {"mjs", "javascript"},   {"cjs", "javascript"},
    {"py", "python"},         {"python3", "python"},   {"py3", "python"},
    {"postgres", "sql"},      {"postgresql", "sql"},   {"pgsql", "sql"},
    {"mysql", "sql"},         {"mariadb", "sql"},      {"sqlite", "sql"},
    {"ts", "typescript"},     {"mts", "typescript"},   {"cts", "typescript"},
    {"yml", "yaml"},
};

bool iequals(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

std::optional<std::size_t> grammar_index(std::string_view tag) {
  std::string_view name = canonical_language(tag);
  for (std::size_t i = 0; i < k_grammar_count; ++i) {
    if (k_grammars[i].name == name) {
      return i;
    }
  }
  return std::nullopt;
}

struct ParserDeleter {
  void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};
struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
using ParserPtr = std::unique_ptr<TSParser, ParserDeleter>;
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

class Cursor {
public:
  explicit Cursor(TSNode node) : m_cursor(ts_tree_cursor_new(node)) {}
  ~Cursor() { ts_tree_cursor_delete(&m_cursor); }
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;

  TSTreeCursor* get() { return &m_cursor; }

private:
  TSTreeCursor m_cursor;
};

// A parser is not thread-safe and costs a few allocations to set up, so each
// thread keeps one per grammar for its lifetime.
TSParser* parser_for(std::size_t index) {
  thread_local std::array<ParserPtr, k_grammar_count> parsers;
  ParserPtr& parser = parsers[index];
  if (!parser) {
    parser.reset(ts_parser_new());
    if (!ts_parser_set_language(parser.get(), k_grammars[index].language())) {
      parser.reset();
    }
  }
  return parser.get();
}

bool past_deadline(TSParseState* state) {
  return Clock::now() >= *static_cast<const Clock::time_point*>(state->payload);
}

TreePtr parse(TSParser* parser, std::string_view text, std::chrono::microseconds budget) {
  Clock::time_point deadline = Clock::now() + budget;
  const TSParseOptions options{.payload = &deadline, .progress_callback = &past_deadline};
  struct Source {
    std::string_view text;
  } source{text};
  const TSInput input{
      .payload = &source,
      .read = [](void* payload, std::uint32_t byte, TSPoint, std::uint32_t* read) -> const char* {
        std::string_view all = static_cast<Source*>(payload)->text;
        const std::size_t at = std::min<std::size_t>(byte, all.size());
        *read = static_cast<std::uint32_t>(all.size() - at);
        return all.data() + at;
      },
      .encoding = TSInputEncodingUTF8,
      .decode = nullptr,
  };
  TreePtr tree(ts_parser_parse_with_options(parser, nullptr, input, options));
  if (!tree) {
    // A cancelled parse would otherwise resume on the next call.
    ts_parser_reset(parser);
  }
  return tree;
}

// The first ERROR or MISSING node in document order. Iterative (a cursor, no
// recursion), and it enters only subtrees that contain an error.
std::optional<TSNode> first_problem(TSNode root) {
  if (!ts_node_has_error(root)) {
    return std::nullopt;
  }
  Cursor cursor(root);
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(cursor.get());
    if (ts_node_is_error(node) || ts_node_is_missing(node)) {
      return node;
    }
    if (ts_node_has_error(node) && ts_tree_cursor_goto_first_child(cursor.get())) {
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(cursor.get())) {
      if (!ts_tree_cursor_goto_parent(cursor.get())) {
        return std::nullopt;
      }
    }
  }
}

// The first line of a node's text, trimmed and cut to a readable length.
std::string excerpt(std::string_view text) {
  constexpr std::size_t k_max = 32;
  text = text.substr(0, std::min(text.find_first_of("\r\n"), text.size()));
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  if (text.size() <= k_max) {
    return std::string(text);
  }
  std::size_t cut = k_max;
  // Never cut a UTF-8 sequence in half.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
    --cut;
  }
  return fmt::format("{}...", text.substr(0, cut));
}

std::string describe(TSNode node, std::string_view text) {
  if (ts_node_is_missing(node)) {
    std::string_view type = ts_node_type(node);
    if (ts_node_is_named(node)) {
      std::string name(type);
      std::ranges::replace(name, '_', ' ');
      return fmt::format("missing {}", name);
    }
    return fmt::format("missing '{}'", type);
  }
  const std::uint32_t begin = ts_node_start_byte(node);
  const std::uint32_t end = std::max(begin, ts_node_end_byte(node));
  std::string shown = excerpt(text.substr(begin, end - begin));
  if (shown.empty()) {
    return begin >= text.size() ? std::string("the sample ends too early")
                                : std::string("syntax error");
  }
  const std::uint32_t children = ts_node_child_count(node);
  const bool one_token =
      children == 0 || (children == 1 && ts_node_child_count(ts_node_child(node, 0)) == 0);
  return one_token ? fmt::format("unexpected '{}'", shown)
                   : fmt::format("cannot parse '{}'", shown);
}

// Where the sample's last character is: a problem found at the very end
// (a missing '}' after the trailing blank lines) is shown there.
TSPoint last_point(std::string_view text) {
  const std::size_t end = text.find_last_not_of(" \t\r\n");
  if (end == std::string_view::npos) {
    return {0, 0};
  }
  const std::size_t line_start = text.find_last_of('\n', end);
  const std::size_t column = line_start == std::string_view::npos ? end + 1 : end - line_start;
  return {static_cast<std::uint32_t>(std::ranges::count(text.substr(0, end), '\n')),
          static_cast<std::uint32_t>(column)};
}

SyntaxProblem locate(TSNode node, std::string_view text) {
  TSPoint start = ts_node_start_point(node);
  TSPoint end = ts_node_end_point(node);
  const TSPoint last = last_point(text);
  if (start.row > last.row || (start.row == last.row && start.column > last.column)) {
    start = last;
    end = last;
  }
  SyntaxProblem problem;
  problem.line = static_cast<int>(start.row) + 1;
  problem.column = static_cast<int>(start.column) + 1;
  std::uint32_t end_column = end.column;
  if (end.row != start.row) {
    // Up to the end of the first line: a finding is shown on one line.
    const std::size_t from = std::min<std::size_t>(ts_node_start_byte(node), text.size());
    const std::size_t eol = std::min(text.find_first_of("\r\n", from), text.size());
    end_column = start.column + static_cast<std::uint32_t>(eol - from);
  }
  problem.end_column = static_cast<int>(std::max(end_column, start.column)) + 1;
  problem.message = describe(node, text);
  return problem;
}

// A Python block that starts at a `>>>` prompt is an interactive session
// (linguist calls it pycon), not a script.
bool is_transcript(std::string_view language, std::string_view code) {
  if (language != "python") {
    return false;
  }
  const std::size_t first = code.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && code.substr(first).starts_with(">>>");
}

} // namespace

std::span<const std::string_view> grammar_languages() {
  return k_language_names;
}

std::string_view canonical_language(std::string_view tag) {
  for (const Grammar& grammar : k_grammars) {
    if (iequals(tag, grammar.name)) {
      return grammar.name;
    }
  }
  for (const Alias& alias : k_aliases) {
    if (iequals(tag, alias.tag)) {
      return alias.language;
    }
  }
  return {};
}

bool has_grammar(std::string_view language) {
  return !canonical_language(language).empty();
}

std::optional<SyntaxProblem> check_syntax(std::string_view language, std::string_view code,
                                          const SyntaxLimits& limits) {
  const std::optional<std::size_t> index = grammar_index(language);
  if (!index || code.size() > limits.max_bytes || is_transcript(k_grammars[*index].name, code)) {
    return std::nullopt;
  }
  TSParser* parser = parser_for(*index);
  if (parser == nullptr) {
    return std::nullopt;
  }
  // The SQL grammar knows less than the dialects people write: constructs it
  // lacks are blanked out first (same length, so positions hold).
  std::string adapted;
  std::string_view text = code;
  if (k_grammars[*index].name == "sql") {
    adapted = sql_for_grammar(code);
    text = adapted;
  }
  TreePtr tree = parse(parser, text, limits.time_budget);
  if (!tree) {
    return std::nullopt;
  }
  std::optional<TSNode> node = first_problem(ts_tree_root_node(tree.get()));
  if (!node) {
    return std::nullopt;
  }
  // Positions come from the adapted text, words from the sample itself.
  return locate(*node, code);
}

} // namespace answerlint::code
