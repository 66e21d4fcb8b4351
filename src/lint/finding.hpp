#pragma once

#include "document/span.hpp"
#include "lint/rule.hpp"

#include <string>
#include <vector>

namespace answerlint {

// One finding, as reporters see it: no document, only plain data.
struct Finding {
  std::string path;        // relative to the repository root or cwd, '/'-separated
  Span span;
  std::string rule;
  Severity severity = Severity::warning;
  std::string message;
  std::string kind;        // the answer's kind
  std::string source_line; // the text of span.line, for the text format
};

// Stable order: path, line, column, rule, message.
bool finding_less(const Finding& a, const Finding& b);

struct Summary {
  int error = 0;
  int warning = 0;
  int info = 0;
};

struct Report {
  std::vector<Finding> findings;
  int files_checked = 0;
  std::vector<std::string> notices; // skipped files and the like, for stderr
  std::vector<std::string> errors;  // files that could not be read: exit code 2

  Summary summary() const;
};

} // namespace answerlint
