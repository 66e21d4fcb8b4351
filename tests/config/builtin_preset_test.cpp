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
