#pragma once

// Everything parse_front_matter found, as text: two readings of the same
// block compare equal when this does.

#include "document/document.hpp"
#include "document/front_matter.hpp"

#include <string>
#include <utility>

namespace answerlint::testing {

inline std::string span_text(const Span& span) {
  return std::to_string(span.begin) + '-' + std::to_string(span.end) + '@' +
         std::to_string(span.line) + ':' + std::to_string(span.column) + '-' +
         std::to_string(span.end_line) + ':' + std::to_string(span.end_column);
}

inline std::string front_matter_text(const FrontMatter& front) {
  std::string out = "span " + span_text(front.span) + '\n';
  for (const auto& [key, span] : front.keys) {
    out += "key " + key + ' ' + span_text(span) + '\n';
  }
  const auto field = [&out](const char* name, const std::optional<std::string>& value) {
    if (value) {
      out += std::string(name) + " [" + *value + "]\n";
    }
  };
  field("question", front.question);
  field("kind", front.kind);
  field("company", front.company);
  field("id", front.id);
  for (const std::string& tag : front.tags) {
    out += "tag [" + tag + "]\n";
  }
  for (const RuleRef& rule : front.disable) {
    out += "disable " + rule.id + ' ' + span_text(rule.span) + '\n';
  }
  if (front.split_level) {
    out += "split_level " + std::to_string(*front.split_level) + '\n';
  }
  for (const FrontMatterProblem& problem : front.problems) {
    out += "problem " + span_text(problem.span) + ' ' + problem.message + '\n';
  }
  return out;
}

// The YAML front matter block `content` as the product reads it (simple
// reader first) and as yaml-cpp alone reads it, each as front_matter_text.
inline std::pair<std::string, std::string> yaml_readings(const std::string& content) {
  const std::string source = "---\n" + content + "\n---\nBody.\n";
  const LineIndex lines(source);
  using detail::YamlReading;
  return {front_matter_text(
              detail::parse_front_matter(source, lines, YamlReading::simple_first).front_matter),
          front_matter_text(
              detail::parse_front_matter(source, lines, YamlReading::yaml_cpp).front_matter)};
}

} // namespace answerlint::testing
