#pragma once

// The quantified-metric recogniser behind `quantified-metrics`: finds the
// numbers in a paragraph's prose that measure something ("p95 fell from 2 s
// to 300 ms", "500 concurrent users", "cut costs by a third") and leaves out
// the numbers that only name something (Python 3.11, HTTP 503, RFC 7231,
// step 2, in 2021).
//
// It is a tokenizer over the text and a handful of rules applied to each
// number: what it is glued to, the word before it and the words after it.
// One pass, no regular expressions, linear in the text.

#include <cstddef>
#include <string_view>
#include <vector>

namespace answerlint::rules {

enum class MetricKind {
  percent,    // 40%, 12 percentage points, half of the requests
  duration,   // 300 ms, 3 weeks, a 10-minute outage
  rate,       // 2k rps, 30 tickets a week, 5 MB/s
  size,       // 2 TB, 40 GB
  money,      // $2M, EUR 300
  multiplier, // 10x, 3 times faster, doubled
  count,      // 500 concurrent users, two teams, dozens of services
  change,     // from 2 s to 300 ms, 40 -> 4
  amount,     // a bare quantity made so by its form: 10k, 3 million, about 30
};

std::string_view to_string(MetricKind kind);

struct MetricMatch {
  std::size_t begin = 0; // byte range in the text searched
  std::size_t end = 0;
  MetricKind kind = MetricKind::amount;
};

// The metrics of one paragraph's prose (markup and code spans already out),
// in text order and without overlaps. A before -> after pair or a range
// ("3-4 weeks") is one metric.
std::vector<MetricMatch> find_metrics(std::string_view text);

// find_metrics(text).size(), without building the matches.
std::size_t count_metrics(std::string_view text);

} // namespace answerlint::rules
