// The metric recogniser on its own: a table of phrases a portfolio holds,
// each with the number of quantified metrics a coach would count in it.
// Metrics first (units, counted things, rates, money, multipliers, changes,
// approximations), then false friends (versions, years, ids, status codes,
// labels, times and dates), which must count zero.

#include "rules/metric_recognizer.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <span>
#include <string>
#include <string_view>

namespace answerlint::rules {
namespace {

struct Row {
  std::string_view phrase;
  std::size_t metrics;
};

const Row k_metrics[] = {
    // percentages
    {"Latency dropped 40%.", 1},
    {"error rate fell by 40 percent", 1},
    {"conversion rose 3 percentage points", 1},
    {"churn down 2 pp", 1},
    {"a 12 per cent drop in tickets", 1},
    {"uptime over 99.9%", 1},
    {"we kept 99.99% availability", 1},
    {"cut costs 30%", 1},
    {"+30% conversion", 1},
    {"-40% latency", 1},
    {"ten percent of traffic", 1},
    {"10-15% fewer retries", 1},
    {"40% fewer pages", 1}, // "**40%** fewer pages" once markup is out
    // durations
    {"p95 latency of 300 ms", 1},
    {"builds now take 4 minutes", 1},
    {"the migration took 3 weeks", 1},
    {"shipped it in 2 sprints", 1},
    {"I spent 3 years on the platform team", 1},
    {"a 10-minute outage", 1},
    {"30-day retention", 1},
    {"response time under 300 ms", 1},
    {"~3 months of work", 1},
    {"MTTR of 45 min", 1},
    {"a 2-hour window", 1},
    {"after 6 months", 1},
    {"a 5-second timeout", 1},
    {"half an hour", 1},
    {"restored in under an hour", 1},
    {"shipped the fix within a day", 1},
    {"24h", 1},
    {"1 day", 1},
    {"ten minutes", 1},
    {"shipped in one week", 1},
    {"in under one second", 1},
    {"the 2,000 ms timeout", 1},
    {"took 90s", 1},
    {"3-4 weeks", 1},
    {"3 to 4 weeks", 1},
    // rates
    {"handles 2k rps", 1},
    {"serves 300 QPS at peak", 1},
    {"500 req/s", 1},
    {"10k requests per second", 1},
    {"30 tickets a week", 1},
    {"5 deploys per day", 1},
    {"writes 5 MB/s", 1},
    {"100 Mbps", 1},
    {"60fps", 1},
    {"once a week", 1},
    {"twice a day", 1},
    {"a million requests a day", 1},
    // sizes
    {"stores 2 TB of logs", 1},
    {"a 40 GB index", 1},
    {"3 million rows", 1},
    {"processed 1.5 billion events", 1},
    // money
    {"saved $2M a year", 1},
    {"cut the AWS bill by \xE2\x82\xAC"
     "300 a month",
     1},
    {"\xC2\xA3"
     "5k in licence fees",
     1},
    {"a budget of 300 USD", 1},
    {"USD 300", 1},
    {"$0.02 per request", 1},
    // multipliers
    {"10x faster", 1},
    {"a 3\xC3\x97 speed-up", 1},
    {"3 times faster", 1},
    {"twice as fast", 1},
    {"throughput doubled", 1},
    {"we tripled the test coverage", 1},
    {"halved the build time", 1},
    {"a tenfold increase", 1},
    {"doubling throughput", 1},
    {"double the throughput", 1},
    {"a 3-fold drop", 1},
    {"an order of magnitude faster", 1},
    {"two orders of magnitude fewer errors", 1},
    // counts of things
    {"500 concurrent users", 1},
    {"closed 30 tickets", 1},
    {"onboarded 12 engineers", 1},
    {"split it into 4 services", 1},
    {"two teams depended on it", 1},
    {"three of our engineers", 1},
    {"dozens of flaky tests", 1},
    {"a dozen services", 1},
    {"thousands of users", 1},
    {"hundreds of thousands of messages", 1},
    {"500+ customers", 1},
    {"five nines of availability", 1},
    {"zero incidents since launch", 1},
    {"failed payments dropped to zero", 1},
    {"5 new backend services", 1},
    {"NPS rose 12 points", 1},
    {"2 million users", 1},
    {"2M users", 1},
    {"fifteen engineers", 1},
    {"twenty-five services", 1},
    {"a team of 8 people", 1},
    {"3 out of 5 services", 1},
    {"between 3 and 5 engineers", 1},
    {"12 EC2 instances", 1},
    // shares
    {"half of the requests", 1},
    {"nearly half", 1},
    {"cut the queue in half", 1},
    {"a third of the servers", 1},
    {"by a third", 1},
    {"two thirds of the traffic", 1},
    {"a quarter of our customers", 1},
    {"one-third of the fleet", 1},
    // approximations and bare magnitudes
    {"about 30 engineers", 1},
    {"about 30", 1},
    {"~30", 1},
    {"roughly 1,200 requests", 1},
    {"over 200 PRs", 1},
    {"more than 500 tests", 1},
    {"at least 3 regions", 1},
    {"up to 5 retries", 1},
    {"about a dozen", 1},
    {"10k", 1},
    {"3 million", 1},
    // before -> after
    {"p95 fell from 2 s to 300 ms", 1},
    {"cut p95 latency from 2s to 300ms", 1},
    {"2 s -> 300 ms", 1},
    {"2s \xE2\x86\x92 300ms", 1},
    {"2 s to 300 ms", 1},
    {"latency: 2.1 s \xE2\x86\x92 340 ms", 1},
    {"from 40 to 4 flaky tests", 1},
    {"cut flaky tests from 40 to 4", 1},
    {"from 12 to 3", 1},
    {"errors 120 => 3", 1},
    // several in one sentence
    {"p99 went from 1.2 s to 250 ms and errors fell 80%", 2},
    {"we moved 4 Kafka consumers and 12 APIs", 2},
    {"reduced p95 from 800 ms to 120 ms, saving $40k a year", 2},
    {"in 2021 we grew to 40 engineers", 1},
    {"Python 3.11 cut startup by 25%", 1},
    {"after step 2 the queue drained in 10 minutes", 1},
};

const Row k_false_friends[] = {
    // versions
    {"Python 3.11", 0},
    {"an hour later the pager went off", 0},
    {"for a minute I thought we had lost data", 0},
    {"the order of the steps mattered", 0},
    {"we built the service from zero", 0},
    {"we upgraded to Java 17", 0},
    {"Go 1.21", 0},
    {"HTTP/2", 0},
    {"version 2.0", 0},
    {"v2 of the API", 0},
    {"OAuth 2.0", 0},
    {"OAuth 2.0 tokens", 0},
    {"Spring Boot 3", 0},
    {"Ubuntu 22.04", 0},
    {"Windows 11 laptops", 0},
    {"Angular 2 apps", 0},
    {"Node 18 services", 0},
    {"Python 3 scripts", 0},
    {"iOS 17 devices", 0},
    {"TLS 1.3 handshakes", 0},
    {"C++17", 0},
    {"v1.2.3", 0},
    {"Web 2.0", 0},
    {"upgraded Postgres from 11 to 15", 0},
    {"from Java 8 to 17", 0},
    {"GPT-4", 0},
    // years and dates
    {"in 2021", 0},
    {"2021", 0},
    {"since 2019", 0},
    {"from 2019 to 2021", 0},
    {"between 2019 and 2021", 0},
    {"in the 1990s", 0},
    {"in the 90s", 0},
    {"Q3 2021", 0},
    {"FY2022", 0},
    {"May 5", 0},
    {"on 5 May", 0},
    {"2023-05-04", 0},
    {"the 5th of May", 0},
    {"COVID-19", 0},
    // times of day
    {"at 3 am", 0},
    {"at 3pm", 0},
    {"at 10:30", 0},
    {"at 5 o'clock", 0},
    {"24/7 on-call", 0},
    // list numbers and labels
    {"step 2", 0},
    {"phase 1 of the rollout", 0},
    {"Round 3 of interviews", 0},
    {"option 2 was cheaper", 0},
    {"Tier 1 support", 0},
    {"Level 3 engineers", 0},
    {"top 3 priorities", 0},
    {"section 4", 0},
    {"chapter 3", 0},
    {"number 1 priority", 0},
    {"No. 1", 0},
    {"(1) gather data", 0},
    {"Sprint 14 goals", 0},
    {"case 2", 0},
    {"ticket #4521", 0},
    {"PR 1234", 0},
    {"issue 42", 0},
    {"port 8080", 0},
    // HTTP status codes and RFCs
    {"a 404", 0},
    {"a 500 error", 0},
    {"returned 503s", 0},
    {"HTTP 429", 0},
    {"HTTP 503 responses", 0},
    {"2xx responses", 0},
    {"5xx errors", 0},
    {"the 4xx rate", 0},
    {"404 Not Found", 0},
    {"500 Internal Server Error", 0},
    {"200 OK", 0},
    {"error 500", 0},
    {"RFC 7231", 0},
    // ids and tool names with digits
    {"S3 buckets", 0},
    {"EC2 instances", 0},
    {"base62 ids", 0},
    {"base64 encoding", 0},
    {"p95 latency", 0},
    {"p99 alone", 0},
    {"ISO 8601 timestamps", 0},
    {"UTF-8", 0},
    {"SHA-256 hashes", 0},
    {"IPv4 addresses", 0},
    {"IPv6", 0},
    {"x86 servers", 0},
    {"ARM64 builds", 0},
    {"Web3 startups", 0},
    {"5G networks", 0},
    {"an L2 cache", 0},
    {"a 2FA prompt", 0},
    {"3D rendering", 0},
    {"1080p video", 0},
    {"10.0.0.1", 0},
    {"64-bit integers", 0},
    {"K8s clusters", 0},
    // ordinals and words that only look like numbers
    {"the first service", 0},
    {"1st place", 0},
    {"one of the services", 0},
    {"One day, the queue filled up.", 0},
    {"a third party", 0},
    {"the second half of the year", 0},
    {"last quarter", 0},
    {"we double-checked", 0},
    {"double click", 0},
    {"we doubled down on testing", 0},
    {"a one-on-one", 0},
    {"two-phase commit", 0},
    {"a three-tier architecture", 0},
    {"a 3-way merge", 0},
    {"thanks a million", 0},
    {"I asked twice", 0},
    {"one service", 0},
    {"a few engineers", 0},
    {"several teams", 0},
    {"half-life", 0},
    {"on behalf of the team", 0},
    {"3 of them", 0},
    {"we had 3", 0},
};

std::string describe(std::string_view phrase, const std::vector<MetricMatch>& found) {
  std::string out = fmt::format("'{}' ->", phrase);
  for (const MetricMatch& m : found) {
    out += fmt::format(" [{}: '{}']", to_string(m.kind), phrase.substr(m.begin, m.end - m.begin));
  }
  return out;
}

TEST(MetricRecognizer, TableHoldsEnoughOfEach) {
  EXPECT_GE(std::size(k_metrics), 75U);
  EXPECT_GE(std::size(k_false_friends), 75U);
  EXPECT_GE(std::size(k_metrics) + std::size(k_false_friends), 150U);
}

TEST(MetricRecognizer, CountsTheMetrics) {
  for (const Row& row : k_metrics) {
    std::vector<MetricMatch> found = find_metrics(row.phrase);
    EXPECT_EQ(found.size(), row.metrics) << describe(row.phrase, found);
  }
}

TEST(MetricRecognizer, CountsNoFalseFriend) {
  for (const Row& row : k_false_friends) {
    std::vector<MetricMatch> found = find_metrics(row.phrase);
    EXPECT_EQ(found.size(), row.metrics) << describe(row.phrase, found);
  }
}

// A phrase and the text of each metric found in it, with its kind.
struct Expected {
  std::string_view phrase;
  std::vector<std::pair<std::string_view, MetricKind>> expected;
};

// The metrics find_metrics reports in the phrase, text and kind, in order.
void expect_found(const Expected& c) {
  std::vector<MetricMatch> found = find_metrics(c.phrase);
  ASSERT_EQ(found.size(), c.expected.size()) << describe(c.phrase, found);
  for (std::size_t i = 0; i < found.size(); ++i) {
    EXPECT_EQ(c.phrase.substr(found[i].begin, found[i].end - found[i].begin), c.expected[i].first)
        << describe(c.phrase, found);
    EXPECT_EQ(found[i].kind, c.expected[i].second) << describe(c.phrase, found);
  }
}

TEST(MetricRecognizer, ReportsByteRangesAndKinds) {
  const Expected cases[] = {
      {"p95 latency of 300 ms", {{"300 ms", MetricKind::duration}}},
      {"p95 fell from 2 s to 300 ms", {{"2 s to 300 ms", MetricKind::change}}},
      {"about $2M a year", {{"about $2M a year", MetricKind::money}}},
      {"we cut it by 40% for 500 concurrent users",
       {{"40%", MetricKind::percent}, {"500 concurrent users", MetricKind::count}}},
      {"10k requests per second", {{"10k requests per second", MetricKind::rate}}},
      {"3-4 weeks", {{"3-4 weeks", MetricKind::duration}}},
      {"throughput doubled", {{"doubled", MetricKind::multiplier}}},
      {"half of the requests", {{"half", MetricKind::percent}}},
      {"\xC3\xA9t\xC3\xA9 2 s \xE2\x86\x92 300 ms",
       {{"2 s \xE2\x86\x92 300 ms", MetricKind::change}}},
  };
  for (const Expected& c : cases) {
    expect_found(c);
  }
}

// The words the recogniser tests for one at a time ("per", "to", "order")
// are looked up once per token, lowercased, so any case of them counts.
TEST(MetricRecognizer, NamedWordsMatchInAnyCase) {
  const Expected cases[] = {
      {"orders of magnitude faster", {{"orders of magnitude", MetricKind::multiplier}}},
      {"ORDER OF MAGNITUDE", {{"ORDER OF MAGNITUDE", MetricKind::multiplier}}},
      {"From 2 S TO 300 MS", {{"2 S TO 300 MS", MetricKind::change}}},
      {"3 Per Cent", {{"3 Per Cent", MetricKind::percent}}},
      {"a 3-Fold drop", {{"3-Fold", MetricKind::multiplier}}},
      {"5 Sprints", {{"5 Sprints", MetricKind::count}}},
      {"Twice As fast", {{"Twice", MetricKind::multiplier}}},
  };
  for (const Expected& c : cases) {
    expect_found(c);
  }
}

// The word table compares a word's first 16 bytes as two integers, masked
// to its length: a listed word must match, and a word one byte longer or
// off in its last byte (in the first eight or the next eight) must not.
TEST(MetricRecognizer, ListedWordsMatchWholly) {
  const Row rows[] = {
      {"approximately 30", 1}, {"approximatelx 30", 0},  {"approximatelyx 30", 0},
      {"about 30", 1},         {"abour 30", 0},          {"a thousand users", 1},
      {"a thousanx users", 0}, {"a thousandx users", 0}, {"40 milliseconds", 1},
      {"40 millisecondx", 0},  {"quadrupled", 1},        {"quadruplex", 0},
  };
  for (const Row& row : rows) {
    std::vector<MetricMatch> found = find_metrics(row.phrase);
    EXPECT_EQ(found.size(), row.metrics) << describe(row.phrase, found);
  }
}

// count_metrics is what quantified-metrics calls; it must agree with
// find_metrics, also when a long paragraph came before (the buffers are
// kept from one call to the next).
TEST(MetricRecognizer, CountAgreesWithFind) {
  std::string long_text;
  for (int i = 0; i < 200; ++i) {
    long_text += "p95 fell from 2 s to 300 ms for 500 users in 2021. ";
  }
  EXPECT_EQ(count_metrics(long_text), 400U);
  for (const auto& rows :
       {std::span<const Row>(k_metrics), std::span<const Row>(k_false_friends)}) {
    for (const Row& row : rows) {
      EXPECT_EQ(count_metrics(row.phrase), find_metrics(row.phrase).size()) << row.phrase;
      EXPECT_EQ(count_metrics(row.phrase), row.metrics) << row.phrase;
    }
  }
  EXPECT_EQ(count_metrics(""), 0U);
}

TEST(MetricRecognizer, MatchesAreOrderedAndDisjoint) {
  const std::string_view text =
      "From 2 s to 300 ms, then 40% fewer errors over 3 weeks, for 500 users at $2k a month "
      "and twice as many deploys (about 30 a day).";
  std::vector<MetricMatch> found = find_metrics(text);
  EXPECT_EQ(found.size(), 7U) << describe(text, found);
  for (std::size_t i = 0; i < found.size(); ++i) {
    EXPECT_LT(found[i].begin, found[i].end);
    EXPECT_LE(found[i].end, text.size());
    if (i > 0) {
      EXPECT_LE(found[i - 1].end, found[i].begin);
    }
  }
}

TEST(MetricRecognizer, SurvivesHostileText) {
  const char raw[] = "\xFF\xFE 12 \xC3 ms \0 30% \xE2\x82 $";
  std::string text(raw, sizeof raw - 1);
  text.append(100'000, '9');
  text += " ";
  for (int i = 0; i < 20'000; ++i) {
    text += "1-";
  }
  text += " ~~~ $$$ 1.2.3.4.5.6 ,,, 3\xC3\x97";
  std::vector<MetricMatch> found = find_metrics(text);
  for (const MetricMatch& m : found) {
    EXPECT_LT(m.begin, m.end);
    EXPECT_LE(m.end, text.size());
  }
  EXPECT_TRUE(find_metrics("").empty());
  EXPECT_TRUE(find_metrics("   ").empty());
}

// Linear time: ten times the text takes about ten times as long. Counted in
// matches rather than timed, so the test never flakes on a busy machine.
TEST(MetricRecognizer, ScalesWithTheText) {
  const std::string_view sentence = "p95 fell from 2 s to 300 ms for 500 users in 2021. ";
  std::string text;
  for (int i = 0; i < 20'000; ++i) {
    text += sentence;
  }
  EXPECT_EQ(find_metrics(text).size(), 2U * 20'000U);
}

} // namespace
} // namespace answerlint::rules
