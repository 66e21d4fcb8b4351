#pragma once

#include "document/span.hpp"
#include "lint/rule.hpp"

#include <fmt/format.h>

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace answerlint {

// The text of a finding's line, shared by copies and by the other findings
// on that line: a paragraph is often one long line holding several findings,
// and a report of 75,000 findings held 29 MB of copies of 12.6 MB of lines.
// Reads like a std::string_view; assigning a std::string stores it.
class SourceLine {
public:
  SourceLine() = default;
  // Implicit, so that a finding's line is assigned a string as before.
  SourceLine(std::string text)
      : m_text(text.empty() ? nullptr : std::make_shared<const std::string>(std::move(text))) {}
  SourceLine(const char* text) : SourceLine(std::string(text)) {}

  std::string_view view() const { return m_text ? std::string_view(*m_text) : std::string_view(); }
  operator std::string_view() const { return view(); }
  bool empty() const { return view().empty(); }
  std::size_t size() const { return view().size(); }
  char operator[](std::size_t i) const { return view()[i]; }
  std::string_view substr(std::size_t pos, std::size_t count = std::string_view::npos) const {
    return view().substr(pos, count);
  }
  friend bool operator==(const SourceLine& a, std::string_view b) { return a.view() == b; }

private:
  std::shared_ptr<const std::string> m_text;
};

// One finding, as reporters see it: no document, only plain data.
struct Finding {
  std::string path; // relative to the repository root or cwd, '/'-separated
  Span span;
  std::string rule;
  Severity severity = Severity::warning;
  std::string message;
  std::string kind;       // the answer's kind
  SourceLine source_line; // the text of span.line, for the text format
};

// Stable order: path, line, column, rule, message.
bool finding_less(const Finding& a, const Finding& b);

struct Summary {
  int error = 0;
  int warning = 0;
  int info = 0;

  // Counts `findings` in, by severity.
  void add(std::span<const Finding> findings);
};

// What a run found. A streamed run (run_check with a sink) hands each file's
// findings to its sink and keeps none here; a collected one holds them all.
struct Report {
  std::vector<Finding> findings;
  int files_checked = 0;
  int files_read = 0; // files whose bytes were read; the rest came from the results cache
  std::vector<std::string> notices; // skipped files and the like, for stderr
  std::vector<std::string> errors;  // files that could not be read: exit code 2

  Summary summary() const; // of `findings`
};

} // namespace answerlint

template <> struct fmt::formatter<answerlint::SourceLine> : fmt::formatter<std::string_view> {
  template <typename Context> auto format(const answerlint::SourceLine& line, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(line.view(), ctx);
  }
};
