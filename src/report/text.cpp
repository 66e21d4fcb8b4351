#include "report/pieces.hpp"
#include "report/reporter.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <memory>
#include <span>

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

// Writes pieces through a pointer into room reserved beforehand: a warm
// run prints 58 MB of findings, where appending each piece to a string (a
// capacity check and a size update per piece, a call per padding run) cost
// more than reading and decoding the findings from the cache.
class Cursor {
public:
  explicit Cursor(char* at) : m_at(at) {}
  void put(std::string_view text) {
    if (!text.empty()) { // an empty view (a palette piece without colour) may hold no pointer
      std::memcpy(m_at, text.data(), text.size());
      m_at += text.size();
    }
  }
  void put(char c) { *m_at++ = c; }
  void put_number(long long number) {
    const fmt::format_int text(number);
    put(std::string_view(text.data(), text.size()));
  }
  void fill(std::size_t count, char c) {
    std::memset(m_at, c, count);
    m_at += count;
  }
  char* at() const { return m_at; }

private:
  char* m_at;
};

// The most bytes a piece of the palette takes, and a number.
constexpr std::size_t k_code_room = 8;
constexpr std::size_t k_number_room = 24;

// The first line of a finding: `path:line:col: severity[rule] message`.
std::size_t headline_room(const Finding& f) {
  return f.path.size() + f.rule.size() + f.message.size() + 2 * k_number_room +
         6 * k_code_room + 32;
}

void put_headline(Cursor& out, const Finding& f, const Palette& p) {
  out.put(p.bold());
  out.put(f.path);
  out.put(':');
  out.put_number(f.span.line);
  out.put(':');
  out.put_number(f.span.column);
  out.put(p.reset());
  out.put(": ");
  out.put(p.severity(f.severity));
  out.put(to_string(f.severity));
  out.put(p.reset());
  out.put('[');
  out.put(f.rule);
  out.put("] ");
  out.put(f.message);
  out.put('\n');
}

bool is_ascii(std::string_view text) {
  unsigned char any = 0;
  for (char c : text) {
    any |= static_cast<unsigned char>(c); // no early exit: this loop vectorises
  }
  return any < 0x80;
}

std::size_t count_chars(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(c); }));
}

// The byte offset of the `chars`-th character of `text` (0-based), or its
// size when it has fewer.
std::size_t skip_chars(std::string_view text, std::size_t chars) {
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    if (!is_continuation(text[i])) {
      if (chars == 0) {
        return i;
      }
      --chars;
    }
  }
  return i;
}

// The source line, then the padding and the carets: each at most the
// line's size (one caret at least), with a gutter and the palette.
std::size_t excerpt_room(const Finding& f) {
  return 3 * f.source_line.size() + 2 * k_number_room + 6 * k_code_room + 32;
}

// The source line with the finding's characters underlined. Tabs before the
// range are kept so that the carets line up in a terminal. Lines can be long
// paragraphs and reports long: each part is counted, not built a character
// at a time.
void put_excerpt(Cursor& out, const Finding& f, const Palette& p) {
  const std::string_view line = f.source_line.view();
  if (line.empty()) {
    return;
  }
  const fmt::format_int gutter(f.span.line);
  out.put(p.dim());
  out.put(std::string_view(gutter.data(), gutter.size()));
  out.put(" |");
  out.put(p.reset());
  out.put(' ');
  out.put(line);
  out.put('\n');

  const std::size_t before = f.span.column > 1 ? static_cast<std::size_t>(f.span.column - 1) : 0;
  // Most lines are ASCII, where characters are bytes.
  const bool ascii = is_ascii(line);
  const std::size_t start = ascii ? std::min(before, line.size()) : skip_chars(line, before);
  out.put(p.dim());
  out.fill(gutter.size(), ' ');
  out.put(" |");
  out.put(p.reset());
  out.put(' ');
  if (line.substr(0, start).find('\t') == std::string_view::npos) {
    out.fill(ascii ? start : std::min(before, count_chars(line.substr(0, start))), ' ');
  } else {
    for (std::size_t i = 0; i < start; ++i) {
      if (!is_continuation(line[i])) {
        out.put(line[i] == '\t' ? '\t' : ' ');
      }
    }
  }
  std::size_t carets = ascii ? line.size() - start : count_chars(line.substr(start));
  if (f.span.end_line <= f.span.line) {
    const int width = f.span.end_column - std::max(f.span.column, 1);
    carets = std::min(carets, static_cast<std::size_t>(std::max(width, 0)));
  }
  out.put(p.severity(f.severity));
  out.fill(std::max<std::size_t>(carets, 1), '^');
  out.put(p.reset());
  out.put('\n');
}

std::string plural(int n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

void append_summary(std::string& out, const ReportTotals& totals, const Palette& p) {
  const Summary& s = totals.summary;
  std::string files = plural(totals.files_checked, "file");
  if (totals.findings == 0) {
    fmt::format_to(std::back_inserter(out), "{}No findings{} in {}.\n", p.bold(), p.reset(),
                   files);
    return;
  }
  fmt::format_to(std::back_inserter(out), "{}Found {}, {}, {} info{} in {}.\n", p.bold(),
                 plural(s.error, "error"), plural(s.warning, "warning"), s.info, p.reset(),
                 files);
}

// A piece is handed over once it holds k_piece: a report of 76,000
// findings prints 58 MB of text, which should never sit in memory whole.
class TextWriter final : public ReportWriter {
public:
  TextWriter(bool color, bool summary, bool excerpts, TextSink sink)
      : m_palette{color}, m_summary(summary), m_excerpts(excerpts), m_sink(std::move(sink)) {}

  void add(std::span<const Finding> findings) override {
    for (const Finding& finding : findings) {
      // m_out's size is its room, m_used what holds text: the room is
      // zero-filled once, when it grows, not for each finding.
      const std::size_t room =
          headline_room(finding) + (m_excerpts ? excerpt_room(finding) + 1 : 0);
      if (m_out.size() < m_used + room) {
        m_out.resize(std::max(m_used + room, k_piece + 4096));
      }
      Cursor out(m_out.data() + m_used);
      put_headline(out, finding, m_palette);
      if (m_excerpts) {
        put_excerpt(out, finding, m_palette);
        out.put('\n');
      }
      m_used = static_cast<std::size_t>(out.at() - m_out.data());
      if (m_used >= k_piece) {
        m_sink(std::string_view(m_out.data(), m_used));
        m_used = 0;
      }
    }
  }

  void finish(const ReportTotals& totals) override {
    m_out.resize(m_used);
    if (m_summary) {
      append_summary(m_out, totals, m_palette);
    }
    if (!m_out.empty()) {
      m_sink(m_out);
    }
    m_out.clear();
    m_used = 0;
  }

private:
  Palette m_palette;
  bool m_summary;
  bool m_excerpts;
  TextSink m_sink;
  std::string m_out;
  std::size_t m_used = 0;
};

} // namespace

std::unique_ptr<ReportWriter> text_writer(bool color, bool summary, TextSink sink) {
  return std::make_unique<TextWriter>(color, summary, true, std::move(sink));
}

std::unique_ptr<ReportWriter> concise_writer(bool color, bool summary, TextSink sink) {
  return std::make_unique<TextWriter>(color, summary, false, std::move(sink));
}

std::string format_text(const Report& report, bool color, bool summary) {
  return write_whole(report,
                     [&](TextSink sink) { return text_writer(color, summary, std::move(sink)); });
}

std::string format_concise(const Report& report, bool color, bool summary) {
  return write_whole(
      report, [&](TextSink sink) { return concise_writer(color, summary, std::move(sink)); });
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
