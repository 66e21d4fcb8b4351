// libFuzzer target: any bytes through the document model (front matter,
// Markdown, sections, words), checking the invariants every rule relies on.
#include "document/document.hpp"
#include "lint/suppression.hpp"

#include <algorithm>
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

// The plain reading of the directives, in file order, that the indexed
// lookup of is_suppressed must agree with.
bool suppressed_by_scan(const answerlint::Document& doc, std::string_view rule, int line) {
  bool off = false;
  for (const answerlint::Directive& directive : doc.directives) {
    if (directive.line > line) {
      break;
    }
    const auto& rules = directive.rules;
    if (!rules.empty() && std::find(rules.begin(), rules.end(), rule) == rules.end()) {
      continue;
    }
    switch (directive.kind) {
    case answerlint::Directive::Kind::disable:
      off = true;
      break;
    case answerlint::Directive::Kind::enable:
      off = false;
      break;
    case answerlint::Directive::Kind::disable_next_line:
      if (directive.line + 1 == line) {
        return true;
      }
      break;
    }
  }
  return off;
}

void check_suppression(const answerlint::Document& doc) {
  if (!doc.front_matter.disable.empty()) {
    return; // the front matter disables whole rules: nothing to compare
  }
  const int lines = std::min(doc.lines.line_count() + 1, 400);
  for (const std::string_view rule : {"length", "placeholders", "a"}) {
    for (int line = 1; line <= lines; ++line) {
      require(answerlint::is_suppressed(doc, rule, line) == suppressed_by_scan(doc, rule, line));
    }
  }
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
    for (std::size_t i = 1; i < doc.directives.size(); ++i) {
      require(doc.directives[i - 1].line <= doc.directives[i].line);
    }
    // unknown-rule-id points at the id itself, on or after its comment's line.
    for (const auto& directive : doc.directives) {
      for (const auto& rule : directive.rules) {
        check_span(doc, rule.span);
        require(rule.span.line >= directive.line);
        require(doc.source.substr(rule.span.begin, rule.span.end - rule.span.begin) == rule.id);
      }
    }
    for (const auto& rule : doc.front_matter.disable) {
      check_span(doc, rule.span);
      const auto& block = doc.front_matter.span;
      require(rule.span.begin >= block.begin && rule.span.end <= block.end);
    }
    check_suppression(doc);
  }
  return 0;
}
