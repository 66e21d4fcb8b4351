#include "report/escape.hpp"
#include "report/pieces.hpp"
#include "report/reporter.hpp"

namespace answerlint {
namespace {

// SPEC §6 json, written by hand in the layout nlohmann::json's dump(2) gave
// it (two-space indent, keys in this order), and byte for byte the same.

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
  return write_whole(report, json_writer);
}

} // namespace answerlint
