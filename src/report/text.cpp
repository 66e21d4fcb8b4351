#include "report/reporter.hpp"

#include <cstdlib>
#include <fmt/format.h>

namespace answerlint {
namespace {

struct Palette {
  bool on = false;
  std::string_view paint(std::string_view code) const { return on ? code : std::string_view{}; }
  std::string_view bold() const { return paint("\x1b[1m"); }
  std::string_view dim() const { return paint("\x1b[2m"); }
  std::string_view reset() const { return paint("\x1b[0m"); }
  std::string_view severity(Severity s) const {
    switch (s) {
    case Severity::error:
      return paint("\x1b[1;31m");
    case Severity::warning:
      return paint("\x1b[1;33m");
    default:
      return paint("\x1b[1;34m");
    }
  }
};

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

// The first line of a finding: `path:line:col: severity[rule] message`.
void append_headline(std::string& out, const Finding& f, const Palette& p) {
  fmt::format_to(std::back_inserter(out), "{}{}:{}:{}{}: {}{}{}[{}] {}\n", p.bold(), f.path,
                 f.span.line, f.span.column, p.reset(), p.severity(f.severity),
                 to_string(f.severity), p.reset(), f.rule, f.message);
}

// The source line with the finding's characters underlined. Tabs before the
// range are kept so that the carets line up in a terminal.
void append_excerpt(std::string& out, const Finding& f, const Palette& p) {
  if (f.source_line.empty()) {
    return;
  }
  std::string gutter = fmt::format("{}", f.span.line);
  fmt::format_to(std::back_inserter(out), "{}{} |{} {}\n", p.dim(), gutter, p.reset(),
                 f.source_line);
  std::string pad;
  std::string carets;
  int column = 1;
  for (std::size_t i = 0; i < f.source_line.size(); ++i) {
    char c = f.source_line[i];
    if (is_continuation(c)) {
      continue;
    }
    bool inside = column >= f.span.column &&
                  (f.span.end_line > f.span.line || column < f.span.end_column);
    if (column < f.span.column) {
      pad += c == '\t' ? '\t' : ' ';
    } else if (inside) {
      carets += '^';
    }
    ++column;
  }
  if (carets.empty()) {
    carets.push_back('^');
  }
  fmt::format_to(std::back_inserter(out), "{}{} |{} {}{}{}{}\n", p.dim(),
                 std::string(gutter.size(), ' '), p.reset(), pad, p.severity(f.severity), carets,
                 p.reset());
}

std::string plural(int n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

void append_summary(std::string& out, const Report& report, const Palette& p) {
  Summary s = report.summary();
  std::string files = plural(report.files_checked, "file");
  if (report.findings.empty()) {
    fmt::format_to(std::back_inserter(out), "{}No findings{} in {}.\n", p.bold(), p.reset(),
                   files);
    return;
  }
  fmt::format_to(std::back_inserter(out), "{}Found {}, {}, {} info{} in {}.\n", p.bold(),
                 plural(s.error, "error"), plural(s.warning, "warning"), s.info, p.reset(),
                 files);
}

} // namespace

std::string format_text(const Report& report, bool color, bool summary) {
  Palette palette{color};
  std::string out;
  for (const Finding& finding : report.findings) {
    append_headline(out, finding, palette);
    append_excerpt(out, finding, palette);
    out += '\n';
  }
  if (summary) {
    append_summary(out, report, palette);
  }
  return out;
}

std::string format_concise(const Report& report, bool color, bool summary) {
  Palette palette{color};
  std::string out;
  for (const Finding& finding : report.findings) {
    append_headline(out, finding, palette);
  }
  if (summary) {
    append_summary(out, report, palette);
  }
  return out;
}

} // namespace answerlint

namespace answerlint {

bool use_color(std::string_view mode, bool to_terminal) {
  if (mode == "always") {
    return true;
  }
  if (mode == "never") {
    return false;
  }
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  bool dumb = term != nullptr && std::string_view(term) == "dumb";
  return to_terminal && (no_color == nullptr || *no_color == '\0') && !dumb;
}

} // namespace answerlint
