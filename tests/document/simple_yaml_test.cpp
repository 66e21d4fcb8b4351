#include "document/simple_yaml.hpp"
#include "support/front_matter_text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace answerlint::detail {
namespace {

using Type = SimpleYamlNode::Type;
using namespace std::string_literals;

void expect_same_reading(const std::string& content) {
  const auto [simple, full] = testing::yaml_readings(content);
  EXPECT_EQ(simple, full) << content;
}

TEST(SimpleYaml, ReadsTheFrontMatterAnswersWrite) {
  const std::string content = "question: \"Why: a test?\"\nkind: behavioral\n"
                              "tags: [latency, 'p99 tail']\nempty:\n";
  const auto map = read_simple_yaml(content);
  ASSERT_TRUE(map);
  ASSERT_EQ(map->size(), 4U);
  const auto& [question, text] = (*map)[0];
  EXPECT_EQ(question.text, "question");
  EXPECT_EQ(question.begin, 0U);
  EXPECT_EQ(question.end, 8U);
  EXPECT_EQ(text.type, Type::scalar);
  EXPECT_EQ(text.text, "Why: a test?");
  EXPECT_EQ(content.substr(text.begin, text.end - text.begin), "\"Why: a test?\"");
  EXPECT_EQ((*map)[1].second.text, "behavioral");
  const SimpleYamlNode& tags = (*map)[2].second;
  ASSERT_EQ(tags.type, Type::sequence);
  ASSERT_EQ(tags.items.size(), 2U);
  EXPECT_EQ(tags.items[1].text, "p99 tail");
  EXPECT_EQ(content.substr(tags.items[1].begin, tags.items[1].end - tags.items[1].begin),
            "'p99 tail'");
  EXPECT_EQ((*map)[3].second.type, Type::null);
}

// Each of these reads the same either way, and read_simple_yaml takes it
// (else the product would still be paying for yaml-cpp on it).
TEST(SimpleYaml, AcceptedBlocksReadAsYamlCppReadsThem) {
  const std::string accepted[] = {
      "",
      "# only a comment\n\n   \n",
      "question: What is C# for?\nkind: technical\n",
      "question: 'single \"quoted\" text'\n",
      "question: \"double 'quoted' text\"   \n",
      "kind: behavioral\r\ntags: [a, b]\r\n",
      "tags: [ a , 'b c' , \"d\" ]\ntags: []\n",
      "tags: one, two\n",
      "tags: [x]\nkind: ~\ncompany: null\nid: Null\nquestion: NULL\n",
      "kind: a\nkind: b\n",
      "split_level: 2\n",
      "split_level: 9\n",
      "split_level: two\n",
      "answerlint.disable: [x]\n",
      "answerlint: ~\n",
      "answerlint: on\n",
      "answerlint: [length]\n",
      "question: [a, b]\n",
      "question: caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve \xF0\x9F\x98\x80\n",
      "question: \"caf\xC3\xA9\"\nkind: x\n",
      "question: a{b}c, d]e\n",
      "1: x\na-b.c_d: y\n",
      "question: 50% of the time @ work `ok` 'fine' \"yes\"\n",
  };
  for (const std::string& content : accepted) {
    EXPECT_TRUE(read_simple_yaml(content)) << content;
    expect_same_reading(content);
  }
}

TEST(SimpleYaml, LeavesEverythingElseToYamlCpp) {
  const std::string refused[] = {
      "question: >\n  folded\n",
      "question: |\n  literal\n",
      "question: first\n  continued\n",
      "tags:\n- a\n- b\n",
      "answerlint:\n  disable: [length]\n",
      "answerlint: {disable: [length]}\n",
      "question: \"an \\\"escape\\\"\"\n",
      "question: 'it''s'\n",
      "question: \"unclosed\n",
      "question: a: b\n",
      "question: time 10:30\n",
      "question: text # a comment\n",
      "question:\ttab\n",
      "question: lone\rcr\n",
      "question: nul\0byte\n"s,
      "# nul\0in a comment\nkind: x\n"s,
      "question: 'a \\ backslash'\n",
      "tags: -5\n",
      "question: bad \xFF utf-8\n",
      "question: a\xC2\x85next line\n",
      "question: a\xE2\x80\xA8separator\n",
      "question: \xEF\xBB\xBF" "bom\n",
      "question: &anchor x\n",
      "question: *alias\n",
      "question: !!str x\n",
      "question: - x\n",
      "question: ? x\n",
      "tags: [a, ~]\n",
      "tags: [a,, b]\n",
      "tags: [a, b,]\n",
      "tags: [a, [b]]\n",
      "tags: [a] b\n",
      "question: \"a\" b\n",
      "\"question\": x\n",
      "question : x\n",
      "question:x\n",
      "null: x\n",
      "~: x\n",
      "%YAML 1.2\n",
      "- a\n- b\n",
      "just a scalar\n",
      "  indented: x\n",
  };
  for (const std::string& content : refused) {
    EXPECT_FALSE(read_simple_yaml(content)) << content;
    expect_same_reading(content); // trivially: yaml-cpp reads both
  }
}

} // namespace
} // namespace answerlint::detail
