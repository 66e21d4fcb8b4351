// The tool matcher on its own: first words of every length the lookup
// packs differently (1 to 3 bytes, 4 to 7, 8 to 16, longer), in any case,
// possessive or not, and words that differ from a name only in a byte that
// case folding must leave alone.

#include "rules/vocabulary.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace answerlint::rules {
namespace {

ToolMatcher matcher() {
  std::vector<ToolEntry> tools;
  for (const char* name :
       {"Go", "k8s", "Kafka", "PostgreSQL", "Elasticsearch-Ops", "Kubernetes-Operator-Framework",
        "\xC3\x89toile", "Zuul", "C++", "AWS Lambda"}) {
    tools.push_back({name, "test", {{name, std::string_view(name) == "Go"}}});
  }
  return ToolMatcher(std::move(tools));
}

// The canonical names found in `text`, in order.
std::vector<std::string> found(std::string_view text) {
  static const ToolMatcher k_matcher = matcher();
  std::vector<Token> tokens;
  tokenize_text(text, tokens);
  std::vector<ToolHit> hits;
  k_matcher.find(text, tokens, hits);
  std::vector<std::string> names;
  for (const ToolHit& hit : hits) {
    names.push_back(k_matcher.tools()[hit.tool].name);
  }
  return names;
}

using Names = std::vector<std::string>;

TEST(ToolMatcher, FindsFirstWordsOfEveryLengthInAnyCase) {
  EXPECT_EQ(found("we run K8S and k8s"), (Names{"k8s", "k8s"}));
  EXPECT_EQ(found("KAFKA, kafka, kAfKa"), (Names{"Kafka", "Kafka", "Kafka"}));
  EXPECT_EQ(found("ZUUL, zUUL"), (Names{"Zuul", "Zuul"})); // A and Z: the ends of the folded range
  EXPECT_EQ(found("postgresql or POSTGRESQL"), (Names{"PostgreSQL", "PostgreSQL"}));
  EXPECT_EQ(found("ELASTICSEARCH-OPS here"), (Names{"Elasticsearch-Ops"}));
  EXPECT_EQ(found("kubernetes-operator-FRAMEWORK here"), (Names{"Kubernetes-Operator-Framework"}));
  EXPECT_EQ(found("in C++ and aws LAMBDA"), (Names{"C++", "AWS Lambda"}));
}

TEST(ToolMatcher, FindsPossessives) {
  EXPECT_EQ(found("Kafka's log, KAFKA\xE2\x80\x99s log"), (Names{"Kafka", "Kafka"}));
  EXPECT_EQ(found("PostgreSQL's planner"), (Names{"PostgreSQL"}));
  EXPECT_EQ(found("Kubernetes-Operator-Framework's CRDs"),
            (Names{"Kubernetes-Operator-Framework"}));
}

TEST(ToolMatcher, KeepsBytesOtherThanAsciiLettersAsWritten) {
  // Only A-Z fold. 0xC3 (the lead byte of "\xC3\x89") is 'C' with the high
  // bit set: folded like a letter it would become 0xE3, and an unrelated
  // word would reach the name's forms (which must still turn it away).
  EXPECT_EQ(found("\xC3\x89toile and \xC3\x89TOILE"), (Names{"\xC3\x89toile", "\xC3\x89toile"}));
  EXPECT_EQ(found("\xE3\x89toile \xC3\xA9toile"), Names{});
  EXPECT_EQ(found("postgresqk postgresq postgresqls kafkas"), Names{});
  EXPECT_EQ(found("elasticsearch-opz kubernetes-operator-framewor"), Names{});
}

TEST(ToolMatcher, ANameWithPunctuationAroundItNeedsThePunctuation) {
  EXPECT_EQ(found("in C, not C++ or C#"), (Names{"C++"}));
}

TEST(ToolMatcher, AnExactNameMatchesOnlyAsWritten) {
  EXPECT_EQ(found("we use Go and GO, not go"), (Names{"Go"}));
}

} // namespace
} // namespace answerlint::rules
