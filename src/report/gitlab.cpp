#include "report/escape.hpp"
#include "report/fingerprint.hpp"
#include "report/pieces.hpp"
#include "report/reporter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

namespace answerlint {
namespace {

// Code Quality's scale is info, minor, major, critical, blocker; an
// answerlint error blocks like a failing check, not like a security hole.
std::string_view gitlab_severity(Severity severity) {
  switch (severity) {
  case Severity::error:
    return "major";
  case Severity::warning:
    return "minor";
  default:
    return "info";
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

// GitLab drops every issue after the first with a given fingerprint, so a
// 64-bit hash collision must not hide a finding: a fingerprint given
// already becomes `<print>-1`, `<print>-2`, ... This remembers what was
// given in little room, for a report written as it comes. A fingerprint
// `<hash>:<n>` can only equal one with the same hash. A hash that one path
// alone gives (every hash, unless two paths collide) gives `<hash>:0`,
// `<hash>:1`, ... in turn: kept as the hash and a count, 16 bytes. A hash
// that breaks that run keeps every fingerprint it gave, in full.
class GivenPrints {
public:
  std::string give(const std::string& print) {
    std::uint64_t hash = 0;
    unsigned index = 0;
    const char* end = print.data() + print.size();
    auto [colon, bad_hash] = std::from_chars(print.data(), end, hash, 16);
    bool plain = bad_hash == std::errc{} && colon != end && *colon == ':' &&
                 std::from_chars(colon + 1, end, index).ec == std::errc{};
    if (!plain) {
      return give_in_full(std::numeric_limits<std::uint64_t>::max(), print);
    }
    if (m_full.contains(hash)) {
      return give_in_full(hash, print);
    }
    std::uint32_t* count = find(hash);
    if (count == nullptr && index == 0) {
      m_recent.emplace(hash, 1);
      merge_when_due();
      return print;
    }
    if (count != nullptr && index == *count) {
      ++*count;
      return print;
    }
    std::set<std::string>& given = m_full[hash];
    for (std::uint32_t i = 0; count != nullptr && i < *count; ++i) {
      given.insert(fmt::format("{:016x}:{}", hash, i));
    }
    return give_in_full(hash, print);
  }

private:
  std::string give_in_full(std::uint64_t hash, const std::string& print) {
    std::set<std::string>& given = m_full[hash];
    std::string result = print;
    for (int n = 1; !given.insert(result).second; ++n) {
      result = fmt::format("{}-{}", print, n);
    }
    return result;
  }

  std::uint32_t* find(std::uint64_t hash) {
    if (auto it = m_recent.find(hash); it != m_recent.end()) {
      return &it->second;
    }
    auto it = std::lower_bound(m_sorted.begin(), m_sorted.end(), std::pair{hash, std::uint32_t{0}});
    return it != m_sorted.end() && it->first == hash ? &it->second : nullptr;
  }

  // Recent hashes go into the sorted run when they are a quarter of it:
  // each is moved a few times in all, and looked up by binary search.
  void merge_when_due() {
    if (m_recent.size() < std::max<std::size_t>(1024, m_sorted.size() / 4)) {
      return;
    }
    std::vector<std::pair<std::uint64_t, std::uint32_t>> recent(m_recent.begin(), m_recent.end());
    std::sort(recent.begin(), recent.end());
    std::vector<std::pair<std::uint64_t, std::uint32_t>> merged;
    merged.reserve(m_sorted.size() + recent.size());
    std::merge(m_sorted.begin(), m_sorted.end(), recent.begin(), recent.end(),
               std::back_inserter(merged));
    m_sorted = std::move(merged);
    m_recent.clear();
  }

  std::vector<std::pair<std::uint64_t, std::uint32_t>> m_sorted;
  std::unordered_map<std::uint64_t, std::uint32_t> m_recent;
  std::unordered_map<std::uint64_t, std::set<std::string>> m_full;
};

// One issue as nlohmann::json's dump(2) laid it out, byte for byte.
void append_issue(std::string& out, const Finding& f, const std::string& print) {
  out += "  {\n    \"description\": ";
  append_json_string(out, f.message);
  out += ",\n    \"check_name\": ";
  append_json_string(out, f.rule);
  out += ",\n    \"fingerprint\": ";
  append_json_string(out, print);
  out += ",\n    \"severity\": \"";
  out += gitlab_severity(f.severity);
  out += "\",\n    \"location\": {\n      \"path\": ";
  append_json_string(out, f.path);
  out += ",\n      \"lines\": {\n        \"begin\": ";
  append_number(out, f.span.line);
  out += ",\n        \"end\": ";
  append_number(out, last_line(f.span));
  out += "\n      }\n    }\n  }";
}

class GitlabWriter final : public ReportWriter {
public:
  explicit GitlabWriter(TextSink sink) : m_sink(std::move(sink)) {}

  // Fingerprints count a path's findings in order, so whole files come at once.
  void add(std::span<const Finding> findings) override {
    std::vector<std::string> prints = fingerprints(findings);
    for (std::size_t i = 0; i < findings.size(); ++i) {
      m_out += m_empty ? "[\n" : ",\n";
      m_empty = false;
      append_issue(m_out, findings[i], m_given.give(prints[i]));
      pass_on_piece(m_out, m_sink);
    }
  }

  void finish(const ReportTotals& /*totals*/) override {
    m_out += m_empty ? "[]\n" : "\n]\n";
    m_sink(m_out);
    m_out.clear();
  }

private:
  TextSink m_sink;
  std::string m_out;
  GivenPrints m_given;
  bool m_empty = true;
};

} // namespace

std::unique_ptr<ReportWriter> gitlab_writer(TextSink sink) {
  return std::make_unique<GitlabWriter>(std::move(sink));
}

std::string format_gitlab(const Report& report) {
  return write_whole(report, gitlab_writer);
}

} // namespace answerlint
