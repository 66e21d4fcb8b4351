// The spelling rule remembers, per thread, the words it found fine, so that
// a word seen before costs one lookup. What it remembers must hold wherever
// the word comes back: a word fine only by its place in a sentence, by what
// stands around it, or by the words a configuration accepts is checked again
// where that no longer holds. Each test lints one answer, then another, in
// this thread.

#include "config/config.hpp"
#include "lint/runner.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace answerlint {
namespace {

// The spelling findings of `answer`, as "line:column word-in-quotes".
std::vector<std::string> misspelled(std::string_view answer, std::string_view config_text = "") {
  auto config = load_config_text(config_text, "/tmp/answerlint.toml");
  std::vector<std::string> out;
  for (const Finding& finding : lint_source(*config, "answer.md", "answer.md", answer)) {
    if (finding.rule == "spelling") {
      const std::size_t open = finding.message.find('\'');
      const std::size_t close = finding.message.find('\'', open + 1);
      out.push_back(std::to_string(finding.span.line) + ":" + std::to_string(finding.span.column) +
                    " " + finding.message.substr(open, close - open + 1));
    }
  }
  return out;
}

using Found = std::vector<std::string>;

TEST(Spelling, ACapitalisedWordFineInASentenceIsCheckedWhereItOpensOne) {
  EXPECT_EQ(misspelled("We paged Recieved twice.\n"), Found{});
  EXPECT_EQ(misspelled("Recieved the alert at noon.\n"), Found{"1:1 'Recieved'"});
  EXPECT_EQ(misspelled("We paged Recieved, then Recieved the team. Recieved it.\n"),
            Found{"1:44 'Recieved'"});
}

TEST(Spelling, AWordExcusedByWhatStandsAroundItIsCheckedElsewhere) {
  EXPECT_EQ(misspelled("Mail recieve@example.com or tag #recieve and $recieve today.\n"), Found{});
  EXPECT_EQ(misspelled("We recieve the alerts.\n"), Found{"1:4 'recieve'"});
}

TEST(Spelling, AWordOneConfigurationAcceptsIsCheckedUnderAnother) {
  const std::string answer = "We recieve the alerts through a write-thruogh cache.\n";
  EXPECT_EQ(misspelled(answer, "[rules.spelling]\nwords = [\"recieve\", \"write-thruogh\"]\n"),
            Found{});
  EXPECT_EQ(misspelled(answer), (Found{"1:4 'recieve'", "1:39 'thruogh'"}));
  EXPECT_EQ(misspelled(answer, "[rules.spelling]\nwords = [\"thruogh\"]\n"),
            Found{"1:4 'recieve'"});
}

TEST(Spelling, AMisspelledWordIsReportedEachTime) {
  const std::string answer = "We recieve and recieve.\n\nThe queue-worker recieve loop ran.\n";
  const Found found{"1:4 'recieve'", "1:16 'recieve'", "3:18 'recieve'"};
  EXPECT_EQ(misspelled(answer), found);
  EXPECT_EQ(misspelled(answer), found);
}

// A short word is remembered by its first and last bytes, which overlap:
// a word differing from one found fine only in its middle is still checked.
TEST(Spelling, AWordDifferingOnlyInItsMiddleFromAFineOneIsChecked) {
  EXPECT_EQ(misspelled("The cache latency will receive the availability internationalization.\n"),
            Found{});
  EXPECT_EQ(misspelled("Tge cacje latencu will recieve the availabiluty internationalizatuon.\n"),
            (Found{"1:1 'Tge'", "1:5 'cacje'", "1:11 'latencu'", "1:24 'recieve'",
                   "1:36 'availabiluty'", "1:49 'internationalizatuon'"}));
}

// Single letters are fine without a lookup; two letters are a word.
TEST(Spelling, OnlySingleLettersGoUnchecked) {
  const std::string answer = "I put a q and a qx in a b-tree.\n";
  EXPECT_EQ(misspelled(answer), Found{"1:17 'qx'"});
  EXPECT_EQ(misspelled(answer), Found{"1:17 'qx'"});
}

} // namespace
} // namespace answerlint
