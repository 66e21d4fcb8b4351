#pragma once

#include "document/document.hpp"

#include <string_view>

namespace answerlint {

// Whether `rule` is switched off at `line` by the document's directives
// (`answerlint-disable`, `-enable`, `-disable-next-line`) or its front matter.
bool is_suppressed(const Document& doc, std::string_view rule, int line);

} // namespace answerlint
