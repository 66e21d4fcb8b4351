#include "report/baseline.hpp"

#include "error.hpp"
#include "report/fingerprint.hpp"
#include "report/reporter.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <tuple>

namespace answerlint {
namespace {

using Json = nlohmann::ordered_json;

constexpr int k_baseline_version = 1;

struct Entry {
  std::string path;
  std::string rule;
  std::string fingerprint;
  std::string message;

  auto key() const { return std::tie(path, rule, fingerprint, message); }
};

// The baseline is read whole, with stdio: no iostreams in this project.
std::string read_baseline_file(const std::string& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) {
    throw Error(fmt::format("cannot read the baseline: {}", std::strerror(errno)), path);
  }
  std::string text;
  char buffer[65536];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
    text.append(buffer, n);
  }
  if (std::ferror(file.get()) != 0) {
    throw Error("cannot read the baseline", path);
  }
  return text;
}

// nlohmann reports the byte it stopped at; the user wants a line and a
// column in characters.
Error syntax_error(const nlohmann::json::parse_error& e, std::string_view text,
                   const std::string& path) {
  std::size_t stop = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < stop; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) {
      ++column;
    }
  }
  std::string_view what = e.what();
  // Keep nlohmann's reason, without its own prefix and position.
  if (std::size_t at = what.find(": ", what.find("column")); at != std::string_view::npos) {
    what.remove_prefix(at + 2);
  }
  return Error(fmt::format("the baseline is not valid JSON: {}", what), path, line, column);
}

const std::string& string_field(const Json& entry, std::string_view name, std::size_t index,
                                const std::string& path) {
  auto it = entry.find(name);
  if (it == entry.end() || !it->is_string()) {
    throw Error(fmt::format("baseline finding {} has no string \"{}\"", index + 1, name), path);
  }
  return it->get_ref<const std::string&>();
}

using Recorded = std::map<std::tuple<std::string, std::string, std::string>, int>;

Recorded parse_baseline(std::string_view text, const std::string& path) {
  Json root;
  try {
    root = Json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw syntax_error(e, text, path);
  }
  if (!root.is_object() || !root.contains("version") || !root.contains("findings")) {
    throw Error("not an answerlint baseline: expected {\"version\": 1, \"findings\": [...]}", path);
  }
  if (root["version"] != k_baseline_version) {
    throw Error(fmt::format("unsupported baseline version {}; this answerlint reads version {}",
                            root["version"].dump(), k_baseline_version),
                path);
  }
  const Json& findings = root["findings"];
  if (!findings.is_array()) {
    throw Error("the baseline's \"findings\" is not a list", path);
  }
  Recorded recorded;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Json& entry = findings[i];
    if (!entry.is_object()) {
      throw Error(fmt::format("baseline finding {} is not an object", i + 1), path);
    }
    ++recorded[{string_field(entry, "rule", i, path), string_field(entry, "path", i, path),
                string_field(entry, "fingerprint", i, path)}];
  }
  return recorded;
}

} // namespace

std::string format_baseline(const Report& report) {
  std::vector<std::string> prints = fingerprints(report.findings);
  std::vector<Entry> entries;
  entries.reserve(report.findings.size());
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    entries.push_back({f.path, f.rule, prints[i], f.message});
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.key() < b.key(); });
  Json list = Json::array();
  for (const Entry& e : entries) {
    list.push_back({{"path", e.path},
                    {"rule", e.rule},
                    {"fingerprint", e.fingerprint},
                    {"message", e.message}});
  }
  Json root = {{"version", k_baseline_version}, {"findings", std::move(list)}};
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

void write_baseline(const Report& report, const std::string& path) {
  write_file_atomic(path, format_baseline(report));
}

Baseline Baseline::read(const std::string& path) {
  return parse(read_baseline_file(path), path);
}

Baseline Baseline::parse(std::string_view text, const std::string& path) {
  Baseline baseline;
  baseline.m_recorded = parse_baseline(text, path);
  return baseline;
}

std::size_t Baseline::hide(std::vector<Finding>& findings) {
  if (m_recorded.empty() || findings.empty()) {
    return 0;
  }
  std::vector<std::string> prints = fingerprints(findings);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    Finding& f = findings[i];
    auto it = m_recorded.find({f.rule, f.path, prints[i]});
    if (it != m_recorded.end() && it->second > 0) {
      --it->second;
    } else {
      if (kept != i) {
        findings[kept] = std::move(f);
      }
      ++kept;
    }
  }
  std::size_t hidden = findings.size() - kept;
  findings.erase(findings.begin() + static_cast<std::ptrdiff_t>(kept), findings.end());
  return hidden;
}

std::size_t apply_baseline(Report& report, const std::string& path) {
  return Baseline::read(path).hide(report.findings);
}

std::size_t apply_baseline_text(Report& report, std::string_view text, const std::string& path) {
  return Baseline::parse(text, path).hide(report.findings);
}

} // namespace answerlint
