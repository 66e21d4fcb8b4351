#include "lint/suppression.hpp"

#include <algorithm>

namespace answerlint {
namespace {

bool names(const Directive& directive, std::string_view rule) {
  return directive.rules.empty() ||
         std::find(directive.rules.begin(), directive.rules.end(), rule) != directive.rules.end();
}

} // namespace

bool is_suppressed(const Document& doc, std::string_view rule, int line) {
  const auto& disabled = doc.front_matter.disable;
  if (std::find(disabled.begin(), disabled.end(), rule) != disabled.end()) {
    return true;
  }
  // Directives are in file order: the last disable/enable at or before the
  // line decides, as in markdownlint.
  bool off = false;
  for (const Directive& directive : doc.directives) {
    if (directive.line > line) {
      break;
    }
    if (!names(directive, rule)) {
      continue;
    }
    switch (directive.kind) {
    case Directive::Kind::disable:
      off = true;
      break;
    case Directive::Kind::enable:
      off = false;
      break;
    case Directive::Kind::disable_next_line:
      if (directive.line + 1 == line) {
        return true;
      }
      break;
    }
  }
  return off;
}

} // namespace answerlint
