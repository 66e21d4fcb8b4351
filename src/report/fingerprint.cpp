#include "report/fingerprint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <utility>

namespace answerlint {
namespace {

constexpr std::uint64_t k_fnv_offset = 14695981039346656037ULL;
constexpr std::uint64_t k_fnv_prime = 1099511628211ULL;

void hash_bytes(std::uint64_t& hash, std::string_view bytes) {
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= k_fnv_prime;
  }
}

// A field separator that cannot occur in the fields' text, so that
// ("ab", "c") and ("a", "bc") hash apart.
void hash_field(std::uint64_t& hash, std::string_view field) {
  hash_bytes(hash, field);
  hash_bytes(hash, std::string_view("\0", 1));
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Re-indenting or re-wrapping spaces inside a line is not a new finding.
std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out += c;
  }
  return out;
}

} // namespace

std::string content_hash(const Finding& finding) {
  std::uint64_t hash = k_fnv_offset;
  hash_field(hash, finding.rule);
  hash_field(hash, finding.path);
  hash_field(hash, collapse_whitespace(finding.source_line));
  hash_field(hash, finding.message);
  return fmt::format("{:016x}", hash);
}

std::vector<std::string> fingerprints(std::span<const Finding> findings) {
  // The occurrence index follows the file's order whatever order the caller
  // keeps the findings in.
  std::vector<std::size_t> order(findings.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return finding_less(findings[a], findings[b]);
  });
  std::vector<std::string> result(findings.size());
  std::map<std::pair<std::string_view, std::string>, int> seen;
  for (std::size_t i : order) {
    std::string hash = content_hash(findings[i]);
    int& count = seen[{findings[i].path, hash}];
    result[i] = fmt::format("{}:{}", hash, count);
    ++count;
  }
  return result;
}

} // namespace answerlint
