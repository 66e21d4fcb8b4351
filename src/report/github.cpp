#include "report/escape.hpp"
#include "report/reporter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>

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

// Errors first, then the report's own order.
std::vector<const Finding*> by_severity(const Report& report) {
  std::vector<const Finding*> sorted;
  sorted.reserve(report.findings.size());
  for (const Finding& finding : report.findings) {
    sorted.push_back(&finding);
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
  return sorted;
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

void append_counts(std::string& out, const Report& report) {
  std::map<std::string_view, std::array<int, 3>> counts; // error, warning, info
  for (const Finding& f : report.findings) {
    auto& row = counts[f.rule];
    if (f.severity == Severity::error) {
      ++row[0];
    } else if (f.severity == Severity::warning) {
      ++row[1];
    } else {
      ++row[2];
    }
  }
  out += "| Rule | Errors | Warnings | Info |\n|---|---:|---:|---:|\n";
  for (const auto& [rule, row] : counts) {
    fmt::format_to(std::back_inserter(out), "| {} | {} | {} | {} |\n", markdown_cell(rule), row[0],
                   row[1], row[2]);
  }
}

std::string location_cell(const Finding& f, std::string_view blob_url) {
  std::string label = markdown_cell(fmt::format("{}:{}", f.path, f.span.line));
  if (blob_url.empty()) {
    return label;
  }
  return fmt::format("[{}]({}/{}#L{})", label, blob_url, uri_escape_path(f.path), f.span.line);
}

void append_findings(std::string& out, const Report& report, std::string_view blob_url) {
  out += "| Location | Severity | Rule | Message |\n|---|---|---|---|\n";
  std::vector<const Finding*> sorted = by_severity(report);
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const Finding& f = *sorted[i];
    std::string row =
        fmt::format("| {} | {} | {} | {} |\n", location_cell(f, blob_url), to_string(f.severity),
                    markdown_cell(f.rule),
                    markdown_cell(truncate_chars(f.message, k_max_summary_message_chars)));
    if (out.size() + row.size() > k_max_summary_bytes) {
      fmt::format_to(std::back_inserter(out),
                     "\n_{} more not shown: the job summary is limited to 1 MiB. The annotations "
                     "and the other formats list every finding._\n",
                     plural(static_cast<int>(sorted.size() - i), "finding"));
      return;
    }
    out += row;
  }
}

} // namespace

std::string format_github(const Report& report) {
  std::string out;
  for (const Finding* finding : by_severity(report)) {
    append_annotation(out, *finding);
  }
  return out;
}

std::string format_github_summary(const Report& report, std::string_view blob_url) {
  std::string out = "## answerlint\n\n";
  std::string files = plural(report.files_checked, "file");
  if (report.findings.empty()) {
    fmt::format_to(std::back_inserter(out), "No findings in {} checked.\n", files);
    return out;
  }
  Summary s = report.summary();
  fmt::format_to(std::back_inserter(out), "**{}, {}, {} info** in {} checked.\n\n",
                 plural(s.error, "error"), plural(s.warning, "warning"), s.info, files);
  append_counts(out, report);
  out += "\n### Findings\n\n";
  append_findings(out, report, blob_url);
  return out;
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
