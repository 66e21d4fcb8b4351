#include "document/directives.hpp"

#include <array>
#include <optional>
#include <utility>

namespace answerlint::detail {

namespace {

constexpr std::string_view k_open = "<!--";
constexpr std::string_view k_close = "-->";

// Longest first: "answerlint-disable" is a prefix of the next-line form.
constexpr std::array<std::pair<std::string_view, Directive::Kind>, 3> k_keywords = {{
    {"answerlint-disable-next-line", Directive::Kind::disable_next_line},
    {"answerlint-disable", Directive::Kind::disable},
    {"answerlint-enable", Directive::Kind::enable},
}};

bool is_separator(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',';
}

std::vector<std::string> split_rules(std::string_view text) {
  std::vector<std::string> rules;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_separator(text[i])) {
      ++i;
    }
    const std::size_t begin = i;
    while (i < text.size() && !is_separator(text[i])) {
      ++i;
    }
    if (i > begin) {
      rules.emplace_back(text.substr(begin, i - begin));
    }
  }
  return rules;
}

// The directive a comment's body holds, if any.
std::optional<Directive> parse_comment(std::string_view body) {
  std::size_t start = 0;
  while (start < body.size() && is_separator(body[start])) {
    ++start;
  }
  body.remove_prefix(start);
  for (const auto& [keyword, kind] : k_keywords) {
    if (!body.starts_with(keyword)) {
      continue;
    }
    const std::string_view rest = body.substr(keyword.size());
    if (!rest.empty() && !is_separator(rest.front())) {
      return std::nullopt; // "answerlint-disabled" is not a directive
    }
    Directive directive;
    directive.kind = kind;
    directive.rules = split_rules(rest);
    return directive;
  }
  return std::nullopt;
}

} // namespace

void scan_directives(std::string_view source, std::size_t begin, std::size_t end,
                     PositionCursor& cursor, std::vector<Directive>& out) {
  const std::string_view html = source.substr(begin, end - begin);
  std::size_t at = html.find(k_open);
  while (at != std::string_view::npos) {
    const std::size_t body_begin = at + k_open.size();
    const std::size_t close = html.find(k_close, body_begin);
    const std::size_t body_end = close == std::string_view::npos ? html.size() : close;
    if (auto directive = parse_comment(html.substr(body_begin, body_end - body_begin))) {
      directive->line = cursor.at(begin + at).line;
      out.push_back(std::move(*directive));
    }
    if (close == std::string_view::npos) {
      break;
    }
    at = html.find(k_open, close + k_close.size());
  }
}

std::map<std::string, RuleDirectives, std::less<>>
index_directives(const std::vector<Directive>& directives) {
  std::map<std::string, RuleDirectives, std::less<>> index;
  for (std::size_t i = 0; i < directives.size(); ++i) {
    const Directive& directive = directives[i];
    const auto add = [&index, &directive, i](const std::string& rule) {
      RuleDirectives& entry = index[rule];
      if (directive.kind == Directive::Kind::disable_next_line) {
        entry.next_lines.push_back(directive.line);
      } else {
        entry.switches.push_back(static_cast<std::uint32_t>(i));
      }
    };
    if (directive.rules.empty()) {
      add(std::string());
    }
    for (const std::string& rule : directive.rules) {
      add(rule);
    }
  }
  return index;
}

} // namespace answerlint::detail
