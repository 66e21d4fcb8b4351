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

// The ids in `text`, as views into it, so that each keeps its place.
std::vector<std::string_view> split_rules(std::string_view text) {
  std::vector<std::string_view> rules;
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
      rules.push_back(text.substr(begin, i - begin));
    }
  }
  return rules;
}

struct Comment {
  Directive::Kind kind = Directive::Kind::disable;
  std::vector<std::string_view> rules; // views into the comment's body
};

// The directive a comment's body holds, if any.
std::optional<Comment> parse_comment(std::string_view body) {
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
    return Comment{kind, split_rules(rest)};
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
    if (auto comment = parse_comment(html.substr(body_begin, body_end - body_begin))) {
      Directive directive;
      directive.kind = comment->kind;
      directive.line = cursor.at(begin + at).line;
      for (const std::string_view id : comment->rules) {
        const auto offset = static_cast<std::size_t>(id.data() - source.data());
        directive.rules.push_back({std::string(id), cursor.span(offset, offset + id.size())});
      }
      out.push_back(std::move(directive));
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
    for (const RuleRef& rule : directive.rules) {
      add(rule.id);
    }
  }
  return index;
}

} // namespace answerlint::detail
