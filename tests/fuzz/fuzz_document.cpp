// libFuzzer target: any bytes through the document model (front matter,
// Markdown, sections, words), checking the invariants every rule relies on.
#include "document/document.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void require(bool condition) {
  if (!condition) {
    std::abort();
  }
}

void check_span(const answerlint::Document& doc, const answerlint::Span& span) {
  require(span.begin <= span.end && span.end <= doc.source.size());
  require(span.line >= 1 && span.column >= 1);
  require(span.end_line > span.line || (span.end_line == span.line && span.end_column >= span.column));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  for (int split : {0, 2}) {
    answerlint::ParseOptions options;
    options.split_level = split;
    options.labels = {"situation", "task", "action", "result", "s", "context"};
    answerlint::Document doc = answerlint::parse_document(source, options);
    std::size_t previous = 0;
    for (const auto& word : doc.words) {
      check_span(doc, word.span);
      require(word.span.begin >= previous);
      previous = word.span.begin;
      require(doc.source.substr(word.span.begin, word.span.end - word.span.begin) == word.text);
    }
    for (const auto& section : doc.sections) {
      check_span(doc, section.title);
      require(section.body_begin <= section.body_end && section.body_end <= size);
    }
    for (const auto& paragraph : doc.paragraphs) {
      check_span(doc, paragraph.span);
      for (std::size_t i = 0; i < paragraph.text.size(); i += 7) {
        require(paragraph.source_offset(i) <= size);
      }
    }
    for (const auto& sentence : doc.sentences) {
      require(sentence.first_word + sentence.word_count <= doc.words.size());
    }
  }
  return 0;
}
