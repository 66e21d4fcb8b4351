#include "lint/suppression.hpp"

#include <algorithm>
#include <optional>

namespace answerlint {
namespace {

// The last disable or enable in `entry` at or before `line`, as an index
// into doc.directives.
std::optional<std::uint32_t> last_switch(const Document& doc, const RuleDirectives& entry,
                                         int line) {
  const auto after = std::upper_bound(
      entry.switches.begin(), entry.switches.end(), line,
      [&doc](int at, std::uint32_t index) { return at < doc.directives[index].line; });
  if (after == entry.switches.begin()) {
    return std::nullopt;
  }
  return *std::prev(after);
}

} // namespace

bool is_suppressed(const Document& doc, std::string_view rule, int line) {
  const auto& disabled = doc.front_matter.disable;
  if (std::find(disabled.begin(), disabled.end(), rule) != disabled.end()) {
    return true;
  }
  // Directives naming this rule and directives naming none: of their
  // disables and enables at or before the line, the last one in the file
  // decides, as in markdownlint; a disable-next-line just above wins.
  std::optional<std::uint32_t> last;
  for (const std::string_view key : {rule, std::string_view()}) {
    const auto found = doc.directives_by_rule.find(key);
    if (found == doc.directives_by_rule.end()) {
      continue;
    }
    const RuleDirectives& entry = found->second;
    if (std::binary_search(entry.next_lines.begin(), entry.next_lines.end(), line - 1)) {
      return true;
    }
    if (const auto index = last_switch(doc, entry, line); index && (!last || *index > *last)) {
      last = index;
    }
  }
  return last && doc.directives[*last].kind == Directive::Kind::disable;
}

} // namespace answerlint
