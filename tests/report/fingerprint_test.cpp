#include "report/ci_support.hpp"
#include "report/fingerprint.hpp"

#include <gtest/gtest.h>

namespace answerlint {
namespace {

using test::make_finding;

Finding sample(int line = 3) {
  return make_finding("a.md", "length", Severity::warning, line, 2, line, 6, "too long",
                      "The  answer\tline ");
}

TEST(Fingerprint, SixteenHexDigits) {
  std::string hash = content_hash(sample());
  EXPECT_EQ(hash.size(), 16U);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(Fingerprint, SameWhenTheLineMovesOrItsSpacingChanges) {
  Finding moved = sample(40);
  moved.span.column = 9;
  moved.source_line = "  The answer line";
  EXPECT_EQ(content_hash(sample()), content_hash(moved));
}

TEST(Fingerprint, ChangesWithRulePathLineTextOrMessage) {
  std::string base = content_hash(sample());
  Finding f = sample();
  f.rule = "other";
  EXPECT_NE(content_hash(f), base);
  f = sample();
  f.path = "b.md";
  EXPECT_NE(content_hash(f), base);
  f = sample();
  f.source_line = "The answer lines";
  EXPECT_NE(content_hash(f), base);
  f = sample();
  f.message = "too short";
  EXPECT_NE(content_hash(f), base);
}

TEST(Fingerprint, FieldsDoNotRunTogether) {
  Finding a = make_finding("c", "ab", Severity::info, 1, 1, 1, 2, "m", "x");
  Finding b = make_finding("bc", "a", Severity::info, 1, 1, 1, 2, "m", "x");
  EXPECT_NE(content_hash(a), content_hash(b));
}

TEST(Fingerprint, OccurrenceIndexFollowsTheFileOrder) {
  std::vector<Finding> findings = {sample(9), sample(2), sample(5)};
  findings.push_back(
      make_finding("b.md", "length", Severity::warning, 1, 2, 1, 6, "too long", "The answer line"));
  std::vector<std::string> prints = fingerprints(findings);
  std::string hash = content_hash(sample());
  EXPECT_EQ(prints[0], hash + ":2");
  EXPECT_EQ(prints[1], hash + ":0");
  EXPECT_EQ(prints[2], hash + ":1");
  EXPECT_EQ(prints[3], content_hash(findings[3]) + ":0");
}

TEST(Fingerprint, KnownValue) {
  // Pins the hash: changing it invalidates every user's baseline and
  // k_fingerprint_key must then change too.
  Finding f = make_finding("a.md", "r", Severity::info, 1, 1, 1, 2, "m", "x");
  EXPECT_EQ(content_hash(f), "24aab143eba50592");
}

} // namespace
} // namespace answerlint
