// libFuzzer target: the code-sample checker. The input's first line is a
// code block's language tag, the rest is the sample. The sample goes through
// the tree-sitter check directly, then as a fenced block of an answer (at the
// top level and inside a quoted list item) through the code-samples rule.
// A problem must lie inside the sample; a finding must lie inside the file,
// within the block's lines.
#include "code/code_check.hpp"
#include "config/config.hpp"
#include "document/document.hpp"
#include "lint/rule.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

void require(bool condition) {
  if (!condition) {
    std::abort();
  }
}

// tree-sitter counts rows by '\n' and columns in bytes.
void check_problem(std::string_view code, const answerlint::code::SyntaxProblem& problem) {
  require(problem.line >= 1 && problem.column >= 1 && problem.end_column >= problem.column);
  require(!problem.message.empty());
  const auto rows = static_cast<int>(std::count(code.begin(), code.end(), '\n')) + 1;
  require(problem.line <= rows);
  std::size_t begin = 0;
  for (int row = 1; row < problem.line; ++row) {
    begin = code.find('\n', begin) + 1;
  }
  const std::size_t length = std::min(code.find('\n', begin), code.size()) - begin;
  require(static_cast<std::size_t>(problem.end_column - 1) <= length);
}

const answerlint::ActiveRule& code_samples_rule() {
  static const auto config = answerlint::load_config_text("", "/fuzz/answerlint.toml");
  static const auto rules = config->rules_for("a.md", "technical");
  const auto found = std::find_if(rules->begin(), rules->end(),
                                  [](const auto& rule) { return rule.id == "code-samples"; });
  require(found != rules->end());
  return *found;
}

// `prefix` opens every line of the block, fences included.
std::string fenced(std::string_view tag, std::string_view code, std::string_view prefix) {
  std::string out = "Intro line.\n\n";
  out.append(prefix).append("```").append(tag).append("\n");
  std::size_t begin = 0;
  while (begin <= code.size()) {
    const std::size_t end = std::min(code.find('\n', begin), code.size());
    out.append(prefix).append(code.substr(begin, end - begin)).append("\n");
    begin = end + 1;
  }
  out.append(prefix).append("```\n\nOutro line.\n");
  return out;
}

void check_rule(std::string_view tag, std::string_view code, std::string_view prefix) {
  const std::string source = fenced(tag, code, prefix);
  answerlint::ParseOptions options;
  const answerlint::Document doc = answerlint::parse_document(source, options);
  const answerlint::ActiveRule& rule = code_samples_rule();
  std::vector<answerlint::Hit> hits;
  for (std::size_t i = 0; i < doc.answers.size(); ++i) {
    const answerlint::RuleContext context{doc,         doc.answers[i], static_cast<int>(i),
                                          "technical", rule.options,   rule.prepared.get(),
                                          {}};
    rule.rule->check(context, hits);
  }
  for (const answerlint::Hit& hit : hits) {
    const answerlint::Span& span = hit.span;
    require(span.begin <= span.end && span.end <= source.size());
    require(span.line >= 3 && span.end_line == span.line);
    require(span.line <= doc.lines.line_count() && span.column >= 1);
    require(span.end_column >= span.column);
    require(!hit.message.empty());
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = std::min(input.find('\n'), input.size());
  if (newline > 32) {
    return -1; // not a tag line: keep such inputs out of the corpus
  }
  const std::string_view tag = input.substr(0, newline);
  const std::string_view code = input.substr(std::min(newline + 1, input.size()));
  if (const auto problem = answerlint::code::check_syntax(tag, code)) {
    check_problem(code, *problem);
  }
  if (tag.find_first_of("`~") == std::string_view::npos) {
    check_rule(tag, code, "");
    check_rule(tag, code, "- > ");
  }
  return 0;
}
