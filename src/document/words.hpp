#pragma once

#include "document/document.hpp"
#include "document/position_cursor.hpp"

#include <string_view>
#include <vector>

namespace answerlint::detail {

// Appends the words of `paragraph` (never crossing its runs) and its
// sentences to `words` and `sentences`.
void tokenize(const Paragraph& paragraph, std::string_view source, PositionCursor& cursor,
              std::vector<Word>& words, std::vector<Sentence>& sentences);

} // namespace answerlint::detail
