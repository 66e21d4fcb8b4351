// The builtin preset is not re-validated at every start (load.cpp skips
// check_prepare for it): this is where its options are checked instead.
#include "config/config.hpp"
#include "error.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace answerlint {
namespace {

TEST(BuiltinPreset, EveryRulePreparesForEveryKind) {
  auto config = builtin_config(".");
  for (std::string_view kind : k_kinds) {
    std::shared_ptr<const std::vector<ActiveRule>> rules;
    EXPECT_NO_THROW(rules = config->rules_for(fmt::format("{}/a.md", kind), kind)) << kind;
    ASSERT_TRUE(rules) << kind;
    EXPECT_FALSE(rules->empty()) << kind;
  }
}

TEST(BuiltinPreset, SelectsAnswersAndSkipsDraftsTemplatesAndReadmes) {
  // Globs turn most paths down by a literal they need ("drafts", ".md")
  // before running their regex: the answers are still chosen exactly.
  auto config = builtin_config(".");
  for (const char* path : {"a.md", "stories/a.md", "x/y/z.markdown", "draftsman/a.md",
                           "my-drafts/a.md", "readme.md", "stories/README.md.md"}) {
    EXPECT_TRUE(config->selects(path)) << path;
  }
  for (const char* path : {"README.md", "stories/README.md", "CHANGELOG.md", "drafts/a.md",
                           "x/drafts/b.md", "templates/t.md", "a/templates/b/c.md",
                           "node_modules/p/README2.md", "a.txt", "a.mdx", "md"}) {
    EXPECT_FALSE(config->selects(path)) << path;
  }
}

TEST(BuiltinPreset, AUserFileExtendingItIsStillChecked) {
  // The user's own layer is validated as before, with its position.
  try {
    load_config_text("extends = [\"builtin:backend-interview\"]\n[rules.filler-words]\n"
                     "patterns = [\"(unclosed\"]\n",
                     "/tmp/answerlint.toml");
    FAIL() << "a bad pattern in the user's file must be an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_NE(std::string(e.what()).find("(unclosed"), std::string::npos) << e.what();
  }
}

} // namespace
} // namespace answerlint
