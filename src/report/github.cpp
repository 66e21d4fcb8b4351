#include "report/escape.hpp"
#include "report/pieces.hpp"
#include "report/reporter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace answerlint {
namespace {

// GitHub cuts an annotation's message at 4,096 characters; cut it ourselves
// so that the cut is visible.
constexpr std::size_t k_max_message_chars = 4095;
// $GITHUB_STEP_SUMMARY takes at most 1 MiB per step; keep room for a note
// and for anything else the step writes.
constexpr std::size_t k_max_summary_bytes = 1024 * 1024 - 16 * 1024;
// A single huge message must not crowd every other row out of the table.
constexpr std::size_t k_max_summary_message_chars = 1000;

// The toolkit's escapeData: the runner unescapes these in the message.
std::string escape_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '%':
      out += "%25";
      break;
    case '\r':
      out += "%0D";
      break;
    case '\n':
      out += "%0A";
      break;
    default:
      out += c;
    }
  }
  return out;
}

// The toolkit's escapeProperty: ':' and ',' would end a property early.
std::string escape_property(std::string_view text) {
  std::string out;
  for (char c : escape_data(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view command_name(Severity severity) {
  switch (severity) {
  case Severity::error:
    return "error";
  case Severity::warning:
    return "warning";
  default:
    return "notice";
  }
}

// The last line the range covers: an exclusive end at column 1 stops on the
// line before.
int last_line(const Span& span) {
  if (span.end_line > span.line && span.end_column <= 1) {
    return span.end_line - 1;
  }
  return std::max(span.line, span.end_line);
}

void append_annotation(std::string& out, const Finding& f) {
  std::string properties = fmt::format("file={},line={},endLine={}", escape_property(f.path),
                                       f.span.line, last_line(f.span));
  // GitHub drops col and endColumn on a multi-line range.
  if (f.span.line == f.span.end_line) {
    fmt::format_to(std::back_inserter(properties), ",col={},endColumn={}", f.span.column,
                   std::max(f.span.column, f.span.end_column));
  }
  std::string title = fmt::format("answerlint ({})", f.rule);
  fmt::format_to(std::back_inserter(out), "::{} {},title={}::{}\n", command_name(f.severity),
                 properties, escape_property(title),
                 escape_data(truncate_chars(valid_utf8(f.message), k_max_message_chars)));
}

// Text for a Markdown table cell: nothing in it may end the cell, start a
// tag or turn into formatting.
std::string markdown_cell(std::string_view text) {
  std::string out;
  for (char c : valid_utf8(text)) {
    switch (c) {
    case '|':
      out += "\\|";
      break;
    case '\n':
      out += "<br>";
      break;
    case '\r':
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '&':
      out += "&amp;";
      break;
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '~':
      out += '\\';
      out += c;
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string plural(int n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string location_cell(const Finding& f, std::string_view blob_url) {
  std::string label = markdown_cell(fmt::format("{}:{}", f.path, f.span.line));
  if (blob_url.empty()) {
    return label;
  }
  return fmt::format("[{}]({}/{}#L{})", label, blob_url, uri_escape_path(f.path), f.span.line);
}

// Errors first, then warnings, info and off: the order of the annotations
// and of the summary's table; within a severity, the report's own order.
constexpr std::size_t k_severities = 4;

std::size_t severity_rank(Severity severity) {
  static_assert(static_cast<int>(Severity::error) == 3 && static_cast<int>(Severity::off) == 0);
  return static_cast<std::size_t>(Severity::error) - static_cast<std::size_t>(severity);
}

// The workflow commands: errors are written as they come, the others wait,
// each severity in its spill, until finish().
class GithubWriter final : public ReportWriter {
public:
  explicit GithubWriter(TextSink sink) : m_sink(std::move(sink)) {}

  void add(std::span<const Finding> findings) override {
    for (const Finding& finding : findings) {
      std::size_t rank = severity_rank(finding.severity);
      if (rank == 0) {
        append_annotation(m_out, finding);
        pass_on_piece(m_out, m_sink);
      } else {
        Spill& later = m_later[rank - 1];
        append_annotation(later.buffer(), finding);
        later.settle();
      }
    }
  }

  void finish(const ReportTotals& /*totals*/) override {
    if (!m_out.empty()) {
      m_sink(m_out);
      m_out.clear();
    }
    for (Spill& later : m_later) {
      later.drain(m_sink);
    }
  }

private:
  TextSink m_sink;
  std::string m_out;
  std::array<Spill, k_severities - 1> m_later; // warnings, info, off
};

// Rows of the summary's table, one severity's, in one string.
struct Rows {
  std::string text;
  std::vector<std::size_t> ends; // of each row in `text`

  std::size_t size() const { return text.size(); }
  void push(std::string_view row) {
    text += row;
    ends.push_back(text.size());
  }
  // Removes the last row; returns its size.
  std::size_t pop() {
    ends.pop_back();
    std::size_t removed = text.size() - (ends.empty() ? 0 : ends.back());
    text.resize(text.size() - removed);
    return removed;
  }
};

// The job summary. Its table lists the findings errors first and stops at
// the first row that would take the summary past k_max_summary_bytes, so of
// the rows only those that may come before that are kept: a row that, with
// every row kept before it in the table, passes the limit will not be
// shown, and neither will any row after it, whatever comes later.
class GithubSummaryWriter final : public ReportWriter {
public:
  GithubSummaryWriter(std::string_view blob_url, TextSink sink)
      : m_blob_url(blob_url), m_sink(std::move(sink)) {}

  void add(std::span<const Finding> findings) override {
    m_summary.add(findings);
    m_findings += findings.size();
    for (const Finding& f : findings) {
      auto it = m_counts.find(f.rule);
      if (it == m_counts.end()) {
        it = m_counts.emplace(f.rule, std::array<int, 3>{}).first;
      }
      ++it->second[std::min<std::size_t>(severity_rank(f.severity), 2)];
      keep_row(f);
    }
  }

  void finish(const ReportTotals& totals) override {
    std::string out = "## answerlint\n\n";
    std::string files = plural(totals.files_checked, "file");
    if (m_findings == 0) {
      fmt::format_to(std::back_inserter(out), "No findings in {} checked.\n", files);
      m_sink(out);
      return;
    }
    fmt::format_to(std::back_inserter(out), "**{}, {}, {} info** in {} checked.\n\n",
                   plural(m_summary.error, "error"), plural(m_summary.warning, "warning"),
                   m_summary.info, files);
    append_counts(out);
    out += "\n### Findings\n\n";
    append_table(out);
    m_sink(out);
  }

private:
  void keep_row(const Finding& f) {
    std::size_t rank = severity_rank(f.severity);
    if (rank >= m_open) {
      return;
    }
    std::string row =
        fmt::format("| {} | {} | {} | {} |\n", location_cell(f, m_blob_url), to_string(f.severity),
                    markdown_cell(f.rule),
                    markdown_cell(truncate_chars(f.message, k_max_summary_message_chars)));
    std::size_t before = 0;
    for (std::size_t r = 0; r <= rank; ++r) {
      before += m_rows[r].size();
    }
    if (before + row.size() > k_max_summary_bytes) {
      close_from(rank);
      return;
    }
    m_rows[rank].push(row);
    // The rows of the severities after it move down the table: drop those
    // now past the limit, from the end.
    std::size_t total = 0;
    for (const Rows& rows : m_rows) {
      total += rows.size();
    }
    for (std::size_t r = k_severities - 1; r > rank && total > k_max_summary_bytes; --r) {
      while (!m_rows[r].ends.empty() && total > k_max_summary_bytes) {
        total -= m_rows[r].pop();
        close_from(r);
      }
    }
  }

  // No row of the severity rank `rank` or after is kept from now on, and
  // none after `rank` at all.
  void close_from(std::size_t rank) {
    for (std::size_t r = rank + 1; r < k_severities; ++r) {
      m_rows[r] = {};
    }
    m_open = std::min(m_open, rank);
  }

  void append_counts(std::string& out) const {
    out += "| Rule | Errors | Warnings | Info |\n|---|---:|---:|---:|\n";
    for (const auto& [rule, row] : m_counts) {
      fmt::format_to(std::back_inserter(out), "| {} | {} | {} | {} |\n", markdown_cell(rule),
                     row[0], row[1], row[2]);
    }
  }

  void append_table(std::string& out) const {
    out += "| Location | Severity | Rule | Message |\n|---|---|---|---|\n";
    std::size_t shown = 0;
    for (const Rows& rows : m_rows) {
      std::size_t start = 0;
      for (std::size_t end : rows.ends) {
        std::string_view row = std::string_view(rows.text).substr(start, end - start);
        if (out.size() + row.size() > k_max_summary_bytes) {
          append_not_shown(out, m_findings - shown);
          return;
        }
        out += row;
        start = end;
        ++shown;
      }
    }
    if (shown < m_findings) { // the next row was not kept: it could not fit
      append_not_shown(out, m_findings - shown);
    }
  }

  static void append_not_shown(std::string& out, std::size_t count) {
    fmt::format_to(std::back_inserter(out),
                   "\n_{} more not shown: the job summary is limited to 1 MiB. The annotations "
                   "and the other formats list every finding._\n",
                   plural(static_cast<int>(count), "finding"));
  }

  std::string m_blob_url;
  TextSink m_sink;
  Summary m_summary;
  std::size_t m_findings = 0;
  // rule -> errors, warnings, the rest; by id, as the table lists them
  std::map<std::string, std::array<int, 3>, std::less<>> m_counts;
  std::array<Rows, k_severities> m_rows; // by severity rank
  std::size_t m_open = k_severities;     // the ranks below this may still get rows
};

} // namespace

std::unique_ptr<ReportWriter> github_writer(TextSink sink) {
  return std::make_unique<GithubWriter>(std::move(sink));
}

std::unique_ptr<ReportWriter> github_summary_writer(std::string_view blob_url, TextSink sink) {
  return std::make_unique<GithubSummaryWriter>(blob_url, std::move(sink));
}

std::string format_github(const Report& report) {
  return write_whole(report, github_writer);
}

std::string format_github_summary(const Report& report, std::string_view blob_url) {
  return write_whole(report, [blob_url](TextSink sink) {
    return github_summary_writer(blob_url, std::move(sink));
  });
}

std::string github_blob_url() {
  const char* server = std::getenv("GITHUB_SERVER_URL");
  const char* repository = std::getenv("GITHUB_REPOSITORY");
  const char* sha = std::getenv("GITHUB_SHA");
  if (server == nullptr || repository == nullptr || sha == nullptr || *server == '\0' ||
      *repository == '\0' || *sha == '\0') {
    return {};
  }
  return fmt::format("{}/{}/blob/{}", server, repository, sha);
}

} // namespace answerlint
