#pragma once

#include "document/document.hpp"
#include "document/position_cursor.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace answerlint::detail {

// Appends the `<!-- answerlint-... -->` comments found in raw HTML
// source[begin, end) to `out`.
void scan_directives(std::string_view source, std::size_t begin, std::size_t end,
                     PositionCursor& cursor, std::vector<Directive>& out);

// Document::directives_by_rule for `directives` (in file order).
std::map<std::string, RuleDirectives, std::less<>>
index_directives(const std::vector<Directive>& directives);

} // namespace answerlint::detail
