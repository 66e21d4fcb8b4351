#pragma once

#include "lint/finding.hpp"
#include "report/reporter.hpp"

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// What the streaming ReportWriters share: the size of the pieces they hand
// over, a place for what must wait until the totals are known, and the
// findings of one add() grouped by path.
namespace answerlint {

inline constexpr std::size_t k_piece = std::size_t{64} * 1024;

void append_number(std::string& out, long long number);

// Hands `out` to the sink and empties it once it holds a piece.
void pass_on_piece(std::string& out, const TextSink& sink);

// Where rendered findings wait for what comes before them in the report
// (a total, a list known at the end): memory up to a limit, then an unnamed
// temporary file (in $TMPDIR), so that a large report costs disk, not
// memory. When no temporary file can be made or written, the rest stays in
// memory: slower to fail than to lose the report.
class Spill {
public:
  static constexpr std::size_t k_memory = std::size_t{1} << 20;

  Spill() = default;
  ~Spill();
  Spill(const Spill&) = delete;
  Spill& operator=(const Spill&) = delete;

  // Append here, then settle().
  std::string& buffer() { return m_buffer; }
  // Moves the buffer to the file once it has grown past k_memory.
  void settle();
  // Hands everything over, in order, in pieces of about k_memory. Throws
  // answerlint::Error when the file cannot be read back.
  void drain(const TextSink& sink);

private:
  bool open_file();
  bool write_all(std::string_view bytes);

  std::string m_buffer;
  int m_fd = -1;
  std::size_t m_written = 0;
  bool m_failed = false;
};

struct FileGroup {
  std::string_view path;
  std::vector<const Finding*> findings;
};

// The whole report, as the writer that `make(sink)` gives writes it: each
// format's format_*().
template <typename Make> std::string write_whole(const Report& report, Make make) {
  std::string out;
  std::unique_ptr<ReportWriter> writer = make([&out](std::string_view piece) { out += piece; });
  writer->add(report.findings);
  writer->finish(ReportTotals::of(report));
  return out;
}

// The findings per path, paths in the order they first appear: the findings
// come sorted, so a path's are together, but within one add() they are
// grouped whatever their order, as the whole-report formats always did.
std::vector<FileGroup> group_by_path(std::span<const Finding> findings);

} // namespace answerlint
