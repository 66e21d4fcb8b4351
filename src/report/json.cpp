#include "error.hpp"
#include "report/escape.hpp"
#include "report/reporter.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <unistd.h>

namespace answerlint {
namespace {

// SPEC §6 json, written by hand in the layout nlohmann::json's dump(2) gave
// it (two-space indent, keys in this order), and byte for byte the same.

void append_number(std::string& out, long long number) {
  const fmt::format_int digits(number);
  out.append(digits.data(), digits.size());
}

void append_field(std::string& out, std::string_view indent, std::string_view key) {
  out += indent;
  out += '"';
  out += key; // keys are plain ASCII
  out += "\": ";
}

void append_finding(std::string& out, const Finding& f) {
  constexpr std::string_view k_indent = "      ";
  out += "    {\n";
  append_field(out, k_indent, "path");
  append_json_string(out, f.path);
  append_field(out, ",\n      ", "line");
  append_number(out, f.span.line);
  append_field(out, ",\n      ", "column");
  append_number(out, f.span.column);
  append_field(out, ",\n      ", "end_line");
  append_number(out, f.span.end_line);
  append_field(out, ",\n      ", "end_column");
  append_number(out, f.span.end_column);
  append_field(out, ",\n      ", "rule");
  append_json_string(out, f.rule);
  append_field(out, ",\n      ", "severity");
  append_json_string(out, to_string(f.severity));
  append_field(out, ",\n      ", "message");
  append_json_string(out, f.message);
  append_field(out, ",\n      ", "kind");
  append_json_string(out, f.kind);
  out += "\n    }";
}

// Where the rendered findings wait for the header: memory up to a limit,
// then an unnamed temporary file (in $TMPDIR), so that a large report costs
// disk, not memory. When no temporary file can be made or written, the rest
// stays in memory: slower to fail than to lose the report.
class Spill {
public:
  static constexpr std::size_t k_memory = std::size_t{1} << 20;

  Spill() = default;
  ~Spill() {
    if (m_fd >= 0) {
      close(m_fd);
    }
  }
  Spill(const Spill&) = delete;
  Spill& operator=(const Spill&) = delete;

  std::string& buffer() { return m_buffer; }

  // Moves the buffer to the file once it has grown past k_memory.
  void settle() {
    if (m_buffer.size() < k_memory || m_failed || !open_file()) {
      return;
    }
    if (!write_all(m_buffer)) {
      m_failed = true; // m_written still counts the good bytes
      return;
    }
    m_buffer.clear();
  }

  // Hands everything over, in order, in pieces of about k_memory.
  void drain(const TextSink& sink) {
    std::string piece;
    for (std::size_t offset = 0; offset < m_written;) {
      piece.resize(std::min(k_memory, m_written - offset));
      ssize_t n = pread(m_fd, piece.data(), piece.size(), static_cast<off_t>(offset));
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        throw Error(fmt::format("cannot read back the json report's temporary file: {}",
                                n < 0 ? std::strerror(errno) : "it was cut short"));
      }
      piece.resize(static_cast<std::size_t>(n));
      sink(piece);
      offset += piece.size();
    }
    if (!m_buffer.empty()) {
      sink(m_buffer);
    }
  }

private:
  bool open_file() {
    if (m_fd >= 0) {
      return true;
    }
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
    if (ec) {
      m_failed = true;
      return false;
    }
    std::string pattern = (dir / "answerlint-json-XXXXXX").string();
    m_fd = mkstemp(pattern.data());
    if (m_fd < 0) {
      m_failed = true;
      return false;
    }
    unlink(pattern.c_str()); // unnamed: gone with the descriptor, whatever happens
    return true;
  }

  bool write_all(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t n = write(m_fd, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        return false;
      }
      m_written += static_cast<std::size_t>(n);
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  std::string m_buffer;
  int m_fd = -1;
  std::size_t m_written = 0;
  bool m_failed = false;
};

class JsonWriter final : public ReportWriter {
public:
  explicit JsonWriter(TextSink sink) : m_sink(std::move(sink)) {}

  void add(std::span<const Finding> findings) override {
    for (const Finding& finding : findings) {
      std::string& out = m_spill.buffer();
      out += m_empty ? "\n" : ",\n";
      m_empty = false;
      append_finding(out, finding);
      m_spill.settle();
    }
  }

  void finish(const ReportTotals& totals) override {
    std::string head = "{\n  \"tool\": {\n    \"name\": \"answerlint\",\n    \"version\": ";
    append_json_string(head, k_version);
    head += "\n  },\n";
    append_field(head, "  ", "files_checked");
    append_number(head, totals.files_checked);
    head += ",\n  \"findings\": [";
    m_sink(head);
    m_spill.drain(m_sink);
    std::string tail = m_empty ? "]" : "\n  ]";
    tail += ",\n  \"summary\": {\n";
    append_field(tail, "    ", "error");
    append_number(tail, totals.summary.error);
    append_field(tail, ",\n    ", "warning");
    append_number(tail, totals.summary.warning);
    append_field(tail, ",\n    ", "info");
    append_number(tail, totals.summary.info);
    tail += "\n  }\n}\n";
    m_sink(tail);
  }

private:
  TextSink m_sink;
  Spill m_spill;
  bool m_empty = true;
};

} // namespace

std::unique_ptr<ReportWriter> json_writer(TextSink sink) {
  return std::make_unique<JsonWriter>(std::move(sink));
}

std::string format_json(const Report& report) {
  std::string out;
  JsonWriter writer([&out](std::string_view piece) { out += piece; });
  writer.add(report.findings);
  writer.finish(ReportTotals::of(report));
  return out;
}

} // namespace answerlint
