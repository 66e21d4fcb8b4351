#include "code/sql_dialect.hpp"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <span>
#include <vector>

namespace answerlint::code {
namespace {

enum class TokenKind { word, number, quoted, dollar_quoted, punct };

struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
  TokenKind kind = TokenKind::punct;
};

// Statements that are valid in PostgreSQL, MySQL or SQLite but that the
// grammar does not model; nothing in them is worth a syntax finding.
constexpr std::string_view k_unmodelled_statements[] = {
    "abort",   "analyze", "begin",    "call",       "checkpoint", "close",     "cluster",
    "comment", "commit",  "copy",     "deallocate", "declare",    "desc",      "describe",
    "detach",  "attach",  "discard",  "do",         "end",        "execute",   "fetch",
    "flush",   "grant",   "handler",  "kill",       "listen",     "load",      "lock",
    "move",    "notify",  "optimize", "pragma",     "prepare",    "refresh",   "reindex",
    "release", "rename",  "reset",    "revoke",     "rollback",   "savepoint", "set",
    "show",    "start",   "unlisten", "unlock",     "use",        "vacuum",
};

constexpr std::string_view k_interval_units[] = {
    "microsecond", "second",  "minute",  "hour",  "day",  "week",  "month",  "quarter",
    "year",        "seconds", "minutes", "hours", "days", "weeks", "months", "years",
};

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_word_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool is_word_char(char c) {
  return is_word_start(c) || (c >= '0' && c <= '9') || c == '$';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

void blank(std::string& out, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < std::min(end, out.size()); ++i) {
    if (out[i] != '\n' && out[i] != '\r') {
      out[i] = ' ';
    }
  }
}

std::size_t line_end(std::string_view sql, std::size_t from) {
  return std::min(sql.find('\n', from), sql.size());
}

// Past the closing `quote` of a string or quoted name; '' inside is a quote.
std::size_t skip_quoted(std::string_view sql, std::size_t at) {
  const char quote = sql[at];
  std::size_t i = at + 1;
  while (i < sql.size()) {
    if (sql[i] == quote) {
      if (i + 1 < sql.size() && sql[i + 1] == quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    ++i;
  }
  return sql.size();
}

// `$tag$ ... $tag$` (tag may be empty); npos when `at` starts no tag.
std::size_t skip_dollar_quoted(std::string_view sql, std::size_t at) {
  std::size_t i = at + 1;
  while (i < sql.size() && (is_word_start(sql[i]) || is_digit(sql[i]))) {
    ++i;
  }
  if (i >= sql.size() || sql[i] != '$' || (i > at + 1 && is_digit(sql[at + 1]))) {
    return std::string_view::npos;
  }
  const std::string_view tag = sql.substr(at, i - at + 1);
  const std::size_t close = sql.find(tag, i + 1);
  return close == std::string_view::npos ? sql.size() : close + tag.size();
}

std::size_t skip_while(std::string_view sql, std::size_t i, bool (*keep)(char)) {
  while (i < sql.size() && keep(sql[i])) {
    ++i;
  }
  return i;
}

// Splits into tokens, skipping comments; psql meta-commands and `\G` (a
// backslash outside a string, to the end of its line) are blanked in `out`.
std::vector<Token> tokenize(std::string_view sql, std::string& out) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    const std::size_t dollar_end = c == '$' ? skip_dollar_quoted(sql, i) : std::string_view::npos;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      ++i;
    } else if (c == '-' && next == '-') {
      i = line_end(sql, i);
    } else if (c == '/' && next == '*') {
      const std::size_t close = sql.find("*/", i + 2);
      i = close == std::string_view::npos ? sql.size() : close + 2;
    } else if (c == '\\') {
      const std::size_t end = line_end(sql, i);
      blank(out, i, end);
      i = end;
    } else if (c == '\'' || c == '"' || c == '`') {
      const std::size_t end = skip_quoted(sql, i);
      tokens.push_back({i, end, TokenKind::quoted});
      i = end;
    } else if (dollar_end != std::string_view::npos) {
      tokens.push_back({i, dollar_end, TokenKind::dollar_quoted});
      i = dollar_end;
    } else if (is_word_start(c) || (c == '$' && is_digit(next))) {
      const std::size_t end = skip_while(sql, i + 1, &is_word_char);
      tokens.push_back({i, end, TokenKind::word});
      i = end;
    } else if (is_digit(c)) {
      const std::size_t end =
          skip_while(sql, i + 1, [](char d) { return is_word_char(d) || d == '.'; });
      tokens.push_back({i, end, TokenKind::number});
      i = end;
    } else {
      tokens.push_back({i, i + 1, TokenKind::punct});
      ++i;
    }
  }
  return tokens;
}

// One statement's tokens, with the matching helpers the rewrites need.
class Statement {
public:
  Statement(std::string_view sql, std::span<const Token> tokens, std::string& out)
      : m_sql(sql), m_tokens(tokens), m_out(out) {}

  std::size_t size() const { return m_tokens.size(); }
  std::string_view text(std::size_t i) const {
    return m_sql.substr(m_tokens[i].begin, m_tokens[i].end - m_tokens[i].begin);
  }
  TokenKind kind(std::size_t i) const { return m_tokens[i].kind; }

  bool word(std::size_t i, std::string_view keyword) const {
    if (i >= size() || kind(i) != TokenKind::word || text(i).size() != keyword.size()) {
      return false;
    }
    return std::ranges::equal(text(i), keyword, [](char a, char b) { return lower(a) == b; });
  }
  bool word_in(std::size_t i, std::span<const std::string_view> keywords) const {
    return std::ranges::any_of(keywords, [&](std::string_view k) { return word(i, k); });
  }
  bool punct(std::size_t i, char c) const {
    return i < size() && kind(i) == TokenKind::punct && m_sql[m_tokens[i].begin] == c;
  }
  // The token after the ')' that closes the '(' at `open`.
  std::size_t after_group(std::size_t open) const {
    int depth = 0;
    for (std::size_t i = open; i < size(); ++i) {
      depth += punct(i, '(') ? 1 : (punct(i, ')') ? -1 : 0);
      if (depth == 0) {
        return i + 1;
      }
    }
    return size();
  }
  // Blanks tokens [first, last).
  void blank_tokens(std::size_t first, std::size_t last) {
    if (first < last && first < size()) {
      blank(m_out, m_tokens[first].begin, m_tokens[std::min(last, size()) - 1].end);
    }
  }
  void write(std::size_t i, std::string_view replacement) {
    blank_tokens(i, i + 1);
    m_out.replace(m_tokens[i].begin, replacement.size(), replacement);
  }
  bool adjacent(std::size_t i) const {
    return i + 1 < size() && m_tokens[i].end == m_tokens[i + 1].begin;
  }
  char before(std::size_t i) const {
    return m_tokens[i].begin == 0 ? ' ' : m_sql[m_tokens[i].begin - 1];
  }

private:
  std::string_view m_sql;
  std::span<const Token> m_tokens;
  std::string& m_out;
};

// FOR UPDATE | FOR NO KEY UPDATE | FOR SHARE | FOR KEY SHARE, then
// OF t1, t2 and NOWAIT | SKIP LOCKED: the end of the locking clause at `i`.
std::size_t locking_clause_end(const Statement& s, std::size_t i) {
  std::size_t j = i + 1;
  if (s.word(j, "no") && s.word(j + 1, "key")) {
    j += 2;
  } else if (s.word(j, "key")) {
    ++j;
  }
  if (!s.word(j, "update") && !s.word(j, "share")) {
    return i;
  }
  ++j;
  if (s.word(j, "of")) {
    ++j;
    while (j < s.size() && (s.kind(j) == TokenKind::word || s.kind(j) == TokenKind::quoted ||
                            s.punct(j, '.') || s.punct(j, ','))) {
      if (s.word(j, "nowait") || s.word(j, "skip")) {
        break;
      }
      ++j;
    }
  }
  if (s.word(j, "nowait")) {
    ++j;
  } else if (s.word(j, "skip") && s.word(j + 1, "locked")) {
    j += 2;
  }
  return j;
}

// FETCH FIRST|NEXT [n] ROW|ROWS ONLY|WITH TIES: its end, or `i`.
std::size_t fetch_clause_end(const Statement& s, std::size_t i) {
  std::size_t j = i + 1;
  if (!s.word(j, "first") && !s.word(j, "next")) {
    return i;
  }
  ++j;
  if (j < s.size() && s.kind(j) == TokenKind::number) {
    ++j;
  }
  if (!s.word(j, "row") && !s.word(j, "rows")) {
    return i;
  }
  ++j;
  if (s.word(j, "only")) {
    return j + 1;
  }
  return s.word(j, "with") && s.word(j + 1, "ties") ? j + 2 : i;
}

// Rewrites one clause starting at token `i`; returns the next token to look at.
std::size_t rewrite_clause(Statement& s, std::size_t i) {
  if (s.word(i, "for")) {
    const std::size_t end = locking_clause_end(s, i);
    s.blank_tokens(i, end);
    return std::max(end, i + 1);
  }
  if (s.word(i, "fetch")) {
    const std::size_t end = fetch_clause_end(s, i);
    s.blank_tokens(i, end);
    return std::max(end, i + 1);
  }
  if (s.word(i, "lock") && s.word(i + 1, "in") && s.word(i + 2, "share") && s.word(i + 3, "mode")) {
    s.blank_tokens(i, i + 4);
    return i + 4;
  }
  // DISTINCT ON (a, b), WITHIN GROUP (ORDER BY x), INCLUDE (col),
  // ON CONFLICT (key): the grammar lacks the group; the rest reads fine.
  const bool distinct_on = s.word(i, "distinct") && s.word(i + 1, "on") && s.punct(i + 2, '(');
  const bool within_group = s.word(i, "within") && s.word(i + 1, "group") && s.punct(i + 2, '(');
  if (distinct_on || within_group) {
    const std::size_t end = s.after_group(i + 2);
    s.blank_tokens(distinct_on ? i + 1 : i, end);
    return end;
  }
  if ((s.word(i, "include") && s.punct(i + 1, '(')) ||
      (s.word(i, "conflict") && s.punct(i + 1, '('))) {
    const std::size_t open = i + 1;
    const std::size_t end = s.after_group(open);
    s.blank_tokens(s.word(i, "include") ? i : open, end);
    return end;
  }
  if (s.word(i, "conflict") && s.word(i + 1, "on") && s.word(i + 2, "constraint")) {
    s.blank_tokens(i + 1, i + 4);
    return i + 4;
  }
  return i + 1;
}

// Rewrites that replace a construct by a shorter one the grammar reads.
std::size_t rewrite_expression(Statement& s, std::size_t i) {
  // MySQL's INTERVAL 1 DAY reads as a number, which is what it stands for.
  if (s.word(i, "interval") && i + 2 < s.size() &&
      (s.kind(i + 1) == TokenKind::number || s.kind(i + 1) == TokenKind::quoted) &&
      s.word_in(i + 2, k_interval_units)) {
    s.blank_tokens(i, i + 3);
    s.write(i, "1");
    return i + 3;
  }
  // LIMIT 10, 20 (MySQL's offset, count).
  if (s.word(i, "limit") && s.punct(i + 2, ',') && i + 3 < s.size() &&
      s.kind(i + 1) == TokenKind::number && s.kind(i + 3) == TokenKind::number) {
    s.blank_tokens(i + 2, i + 4);
    return i + 4;
  }
  if (s.word(i, "natural") && (s.word(i + 1, "join") || s.word(i + 1, "inner"))) {
    s.write(i, "cross");
    if (s.word(i + 1, "inner")) {
      s.blank_tokens(i + 1, i + 2);
    }
    return i + 1;
  }
  // SELECT TOP 10 (SQL Server).
  if (s.word(i, "top") && i > 0 && (s.word(i - 1, "select") || s.word(i - 1, "distinct")) &&
      i + 1 < s.size() && s.kind(i + 1) == TokenKind::number) {
    s.blank_tokens(i, i + 2);
    return i + 2;
  }
  // A named bind parameter (:id); not a cast (::int) nor a slice (a[1:n]).
  if (s.punct(i, ':') && s.adjacent(i) && s.kind(i + 1) == TokenKind::word &&
      std::string_view(" \t\r\n(,=<>").find(s.before(i)) != std::string_view::npos) {
    s.blank_tokens(i, i + 1);
    return i + 1;
  }
  return rewrite_clause(s, i);
}

void adapt_statement(Statement s) {
  if (s.size() == 0) {
    return;
  }
  bool unmodelled = s.word_in(0, k_unmodelled_statements);
  for (std::size_t i = 0; i < s.size() && !unmodelled; ++i) {
    unmodelled = s.kind(i) == TokenKind::dollar_quoted;
  }
  if (unmodelled) {
    s.blank_tokens(0, s.size());
    return;
  }
  // DELETE FROM t USING s WHERE ...: drop the USING list.
  const bool is_delete = s.word(0, "delete");
  for (std::size_t i = 0; i < s.size();) {
    if (is_delete && s.word(i, "using")) {
      std::size_t end = i + 1;
      while (end < s.size() && !s.word(end, "where") && !s.word(end, "returning") &&
             !s.punct(end, ';')) {
        ++end;
      }
      s.blank_tokens(i, end);
      i = end;
      continue;
    }
    i = rewrite_expression(s, i);
  }
}

} // namespace

std::string sql_for_grammar(std::string_view sql) {
  std::string out(sql);
  const std::vector<Token> tokens = tokenize(sql, out);
  const std::span<const Token> all(tokens);
  std::size_t first = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const bool semicolon = all[i].kind == TokenKind::punct && sql[all[i].begin] == ';';
    if (semicolon || i + 1 == all.size()) {
      // The ';' belongs to its statement: blanking one leaves no empty ';'.
      adapt_statement(Statement(sql, all.subspan(first, i + 1 - first), out));
      first = i + 1;
    }
  }
  return out;
}

} // namespace answerlint::code
