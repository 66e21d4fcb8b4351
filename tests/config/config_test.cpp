#include "config_test_support.hpp"

#include <algorithm>
#include <thread>

namespace answerlint {
namespace {

using config_test::find_active;
using config_test::TempDir;
namespace fs = std::filesystem;

std::unique_ptr<Config> load(std::string_view text) {
  return load_config_text(text, "project/answerlint.toml");
}

std::int64_t integer_option(const Config& config, std::string_view path, std::string_view kind,
                            std::string_view rule, std::string_view option) {
  const auto rules = config.rules_for(path, kind);
  const ActiveRule* active = find_active(*rules, rule);
  if (active == nullptr) {
    ADD_FAILURE() << rule << " is not active for " << path;
    return -1;
  }
  return active->options.integer(option);
}

bool has_label(const std::vector<std::string>& labels, std::string_view label) {
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

TEST(Config, EmptyConfigHasDefaults) {
  const auto config = load("");
  EXPECT_EQ(config->path, "project/answerlint.toml");
  EXPECT_EQ(config->base_dir, "project");
  EXPECT_TRUE(config->selects("a.md"));
  EXPECT_TRUE(config->selects("x/y/a.markdown"));
  EXPECT_FALSE(config->selects("a.txt"));
  EXPECT_EQ(config->max_file_bytes, 10'000'000U);
  EXPECT_EQ(config->split_level, 0);
  EXPECT_EQ(config->kind_for("behavioral/a.md"), "answer");
  // Every builtin rule runs at its default severity and options.
  const auto rules = config->rules_for("a.md", "answer");
  const ActiveRule* length = find_active(*rules, "length");
  ASSERT_NE(length, nullptr);
  EXPECT_EQ(length->rule, find_rule("length"));
  EXPECT_EQ(length->severity, find_rule("length")->default_severity);
  EXPECT_EQ(length->options.integer("max_words"), 450);
  EXPECT_NE(find_active(*rules, "required-sections"), nullptr);
}

TEST(Config, BuiltinPresetIsEmbedded) {
  const auto text = builtin_preset("backend-interview");
  ASSERT_TRUE(text.has_value());
  EXPECT_NE(text->find("[rules.length]"), std::string_view::npos);
  EXPECT_FALSE(builtin_preset("nope").has_value());
  EXPECT_FALSE(builtin_preset("").has_value());
}

TEST(Config, BuiltinConfigFilesAndKinds) {
  const auto config = builtin_config("/portfolio");
  EXPECT_TRUE(config->path.empty());
  EXPECT_EQ(config->base_dir, "/portfolio");
  EXPECT_TRUE(config->selects("behavioral/conflict.md"));
  EXPECT_TRUE(config->selects("notes.markdown"));
  EXPECT_FALSE(config->selects("README.md"));
  EXPECT_FALSE(config->selects("behavioral/README.md"));
  EXPECT_FALSE(config->selects("CHANGELOG.md"));
  EXPECT_FALSE(config->selects("drafts/idea.md"));
  EXPECT_FALSE(config->selects("templates/star.md"));
  EXPECT_FALSE(config->selects("node_modules/x/readme.md"));
  EXPECT_FALSE(config->selects("notes.txt"));
  EXPECT_TRUE(config->excludes("drafts/idea.md"));
  EXPECT_FALSE(config->excludes("behavioral/conflict.md"));

  ASSERT_EQ(config->kinds.size(), 5U);
  EXPECT_EQ(config->kinds[0].first, "behavioral");
  EXPECT_EQ(config->kinds[1].first, "technical");
  EXPECT_EQ(config->kinds[2].first, "system-design");
  EXPECT_EQ(config->kind_for("stories/outage.md"), "behavioral");
  EXPECT_EQ(config->kind_for("answers/behavioral-questions.md"), "behavioral");
  EXPECT_EQ(config->kind_for("tech/indexes.md"), "technical");
  EXPECT_EQ(config->kind_for("design/url-shortener.md"), "system-design");
  EXPECT_EQ(config->kind_for("notes/system-design-feed.md"), "system-design");
  EXPECT_EQ(config->kind_for("projects/billing.md"), "project");
  EXPECT_EQ(config->kind_for("questions-to-ask/team.md"), "question");
  EXPECT_EQ(config->kind_for("misc/why-us.md"), "answer");
}

TEST(Config, BuiltinConfigRules) {
  const auto config = builtin_config("/portfolio");
  const auto behavioral = config->rules_for("behavioral/a.md", "behavioral");
  const ActiveRule* sections = find_active(*behavioral, "required-sections");
  ASSERT_NE(sections, nullptr);
  EXPECT_EQ(sections->severity, Severity::error);
  EXPECT_EQ(sections->options.list("sections"),
            (StringList{"Situation", "Task", "Action", "Result"}));
  EXPECT_EQ(sections->options.map("aliases").at("Result"),
            (StringList{"Outcome", "Results", "Impact", "Outcomes", "R"}));

  const auto design = config->rules_for("design/a.md", "system-design");
  sections = find_active(*design, "required-sections");
  ASSERT_NE(sections, nullptr);
  EXPECT_EQ(sections->options.list("sections"),
            (StringList{"Requirements", "Data model", "API", "Scalability"}));
  EXPECT_EQ(sections->options.map("aliases").at("Data model"),
            (StringList{"Schema", "Storage", "Data"}));

  // Scoped to behavioral and system-design by `kinds`.
  EXPECT_EQ(find_active(*config->rules_for("tech/a.md", "technical"), "required-sections"),
            nullptr);

  const ActiveRule* length = find_active(*behavioral, "length");
  ASSERT_NE(length, nullptr);
  EXPECT_EQ(length->severity, Severity::warning);
  EXPECT_EQ(length->options.integer("min_words"), 80);
  EXPECT_EQ(length->options.integer("max_words"), 450);
  EXPECT_EQ(length->options.integer("words_per_minute"), 150);
  EXPECT_EQ(length->options.integer("max_section_words"), 0);
  const ActiveRule* front = find_active(*behavioral, "front-matter");
  ASSERT_NE(front, nullptr);
  EXPECT_EQ(front->options.list("required"), (StringList{"question"}));
}

TEST(Config, FileOverridesPresetValues) {
  const auto config = load(R"(extends = ["builtin:backend-interview"]
[files]
exclude = ["archive/**"]
split_level = 2
max_file_bytes = 5000
[kinds]
technical = ["notes/tech/**"]
behavioral = ["mystories/**"]
[rules.length]
severity = "error"
max_words = 600
)");
  // Lists replace, scalars override.
  EXPECT_TRUE(config->selects("README.md"));
  EXPECT_FALSE(config->selects("archive/old.md"));
  EXPECT_EQ(config->split_level, 2);
  EXPECT_EQ(config->max_file_bytes, 5000U);
  // [kinds] entries replace per kind and keep the preset's order.
  ASSERT_EQ(config->kinds.size(), 5U);
  EXPECT_EQ(config->kinds[0].first, "behavioral");
  EXPECT_EQ(config->kinds[1].first, "technical");
  EXPECT_EQ(config->kind_for("mystories/a.md"), "behavioral");
  EXPECT_EQ(config->kind_for("stories/a.md"), "answer");
  EXPECT_EQ(config->kind_for("notes/tech/a.md"), "technical");
  EXPECT_EQ(config->kind_for("design/a.md"), "system-design");
  // Rule settings merge option by option.
  const auto rules = config->rules_for("mystories/a.md", "behavioral");
  const ActiveRule* length = find_active(*rules, "length");
  ASSERT_NE(length, nullptr);
  EXPECT_EQ(length->severity, Severity::error);
  EXPECT_EQ(length->options.integer("max_words"), 600);
  EXPECT_EQ(length->options.integer("min_words"), 80);
  // The preset's overrides still apply.
  const ActiveRule* sections = find_active(*rules, "required-sections");
  ASSERT_NE(sections, nullptr);
  EXPECT_EQ(sections->options.list("sections").size(), 4U);
}

TEST(Config, KindsKeepTheOrderWritten) {
  const auto config = load("[kinds]\nsystem-design = [\"**/*design*.md\"]\n"
                           "behavioral = [\"**/*.md\"]\n");
  ASSERT_EQ(config->kinds.size(), 2U);
  EXPECT_EQ(config->kinds[0].first, "system-design");
  EXPECT_EQ(config->kind_for("a/system-design.md"), "system-design");
  EXPECT_EQ(config->kind_for("a/story.md"), "behavioral");
}

TEST(Config, RelativeExtendsChain) {
  TempDir dir;
  dir.write("shared/base.toml", "extends = [\"presets/strict.toml\"]\n"
                                "[rules.length]\nmin_words = 100\n");
  dir.write("shared/presets/strict.toml", "extends = [\"builtin:backend-interview\"]\n"
                                          "[rules.length]\nseverity = \"error\"\n"
                                          "min_words = 50\nmax_words = 300\n");
  const auto top =
      dir.write("portfolio/answerlint.toml", "extends = [\"../shared/base.toml\"]\n[rules.length]\n"
                                             "max_words = 350\n");
  const auto config = load_config(top);
  EXPECT_EQ(config->path, top);
  EXPECT_EQ(config->base_dir, dir.path() / "portfolio");
  const auto rules = config->rules_for("behavioral/a.md", "behavioral");
  const ActiveRule* length = find_active(*rules, "length");
  ASSERT_NE(length, nullptr);
  EXPECT_EQ(length->severity, Severity::error);         // strict.toml
  EXPECT_EQ(length->options.integer("min_words"), 100); // base.toml beats strict.toml
  EXPECT_EQ(length->options.integer("max_words"), 350); // the file beats them all
  EXPECT_EQ(length->options.integer("words_per_minute"), 150);
  EXPECT_EQ(config->kind_for("stories/a.md"), "behavioral"); // the builtin preset
}

TEST(Config, ExtendsAppliesInOrderAndTwiceIsNotACycle) {
  TempDir dir;
  dir.write("a.toml", "[rules.length]\nmax_words = 100\n");
  dir.write("b.toml", "extends = [\"a.toml\"]\n[rules.length]\nmax_words = 200\n");
  const auto top = dir.write("answerlint.toml", "extends = [\"b.toml\", \"a.toml\"]\n");
  const auto config = load_config(top);
  EXPECT_EQ(integer_option(*config, "x.md", "answer", "length", "max_words"), 100);
}

TEST(Config, OverridesByFilesAndKindsLaterWins) {
  const auto config = load(R"([rules.length]
max_words = 400

[[overrides]]
files = ["legacy/**"]
[overrides.rules.length]
severity = "off"

[[overrides]]
kinds = ["technical"]
[overrides.rules.length]
max_words = 500

[[overrides]]
files = ["technical/long/**"]
kinds = ["technical"]
[overrides.rules.length]
max_words = 900
)");
  EXPECT_EQ(find_active(*config->rules_for("legacy/a.md", "answer"), "length"), nullptr);
  EXPECT_EQ(integer_option(*config, "new/a.md", "answer", "length", "max_words"), 400);
  EXPECT_EQ(integer_option(*config, "technical/a.md", "technical", "length", "max_words"), 500);
  EXPECT_EQ(integer_option(*config, "technical/long/a.md", "technical", "length", "max_words"),
            900);
  // files and kinds must both match.
  EXPECT_EQ(integer_option(*config, "technical/long/a.md", "answer", "length", "max_words"), 400);
}

TEST(Config, OverridesAppendAcrossLayers) {
  TempDir dir;
  dir.write("base.toml", "[[overrides]]\nkinds = [\"project\"]\n"
                         "[overrides.rules.length]\nmax_words = 700\n");
  const auto top = dir.write("answerlint.toml",
                             "extends = [\"base.toml\"]\n[[overrides]]\nkinds = [\"project\"]\n"
                             "[overrides.rules.length]\nmin_words = 10\n");
  const auto config = load_config(top);
  ASSERT_EQ(config->overrides.size(), 2U);
  EXPECT_EQ(integer_option(*config, "p/a.md", "project", "length", "max_words"), 700);
  EXPECT_EQ(integer_option(*config, "p/a.md", "project", "length", "min_words"), 10);
}

TEST(Config, SeverityOffRemovesAndKindsScope) {
  const auto config = load(R"([rules.front-matter]
severity = "off"
[rules.length]
kinds = ["technical", "system-design"]
severity = "info"
)");
  const auto answer = config->rules_for("a.md", "answer");
  EXPECT_EQ(find_active(*answer, "front-matter"), nullptr);
  EXPECT_EQ(find_active(*answer, "length"), nullptr);
  const auto technical = config->rules_for("a.md", "technical");
  const ActiveRule* length = find_active(*technical, "length");
  ASSERT_NE(length, nullptr);
  EXPECT_EQ(length->severity, Severity::info);
  EXPECT_EQ(length->kinds, (std::vector<std::string>{"technical", "system-design"}));
  EXPECT_TRUE(length->applies_to("system-design"));
  EXPECT_FALSE(length->applies_to("answer"));
  // An override can bring a rule back where it is off.
  const auto revived = load("[rules.length]\nseverity = \"off\"\n[[overrides]]\n"
                            "files = [\"important/**\"]\n[overrides.rules.length]\n"
                            "severity = \"error\"\n");
  EXPECT_EQ(find_active(*revived->rules_for("a.md", "answer"), "length"), nullptr);
  const ActiveRule* back = find_active(*revived->rules_for("important/a.md", "answer"), "length");
  ASSERT_NE(back, nullptr);
  EXPECT_EQ(back->severity, Severity::error);
}

TEST(Config, RuleIdsAreEveryRuleTheConfigKnowsOnOrOff) {
  TempDir dir;
  dir.write("base.toml", "[rules.from-base]\ntype = \"avoid-phrases\"\nterms = [\"x\"]\n");
  const auto config = load_config(dir.write("answerlint.toml", R"(extends = ["base.toml"]
[rules.spelling]
severity = "off"
[rules.my-buzzwords]
type = "avoid-phrases"
terms = ["synergy"]
[[overrides]]
kinds = ["behavioral"]
[overrides.rules.story-words]
type = "required-terms"
terms = ["I"]
)"));
  const std::vector<std::string>& ids = config->rule_ids;
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
  for (std::string_view id : {"spelling", "length", "unknown-rule-id", "story-reuse",
                              "my-buzzwords", "from-base", "story-words"}) {
    EXPECT_TRUE(std::binary_search(ids.begin(), ids.end(), id)) << id;
  }
  // Rule types are not rules: a suppression cannot name one.
  EXPECT_FALSE(std::binary_search(ids.begin(), ids.end(), std::string_view("avoid-phrases")));
  EXPECT_EQ(ids.size(), all_rules().size() + portfolio_rules().size() + 3);
  EXPECT_EQ(builtin_config("project")->rule_ids.size(),
            all_rules().size() + portfolio_rules().size());
}

TEST(Config, UserDefinedRuleWithAType) {
  const auto config = load(R"([rules.avoid-buzzwords]
type = "avoid-phrases"
severity = "error"
terms = ["synergy", "rockstar"]
patterns = ["\\bleverag(e|ing)\\b"]
message = "'{match}' is a buzzword; say what you did"

[[overrides]]
kinds = ["question"]
[overrides.rules.avoid-buzzwords]
severity = "off"
)");
  const auto rules = config->rules_for("a.md", "answer");
  const ActiveRule* buzz = find_active(*rules, "avoid-buzzwords");
  ASSERT_NE(buzz, nullptr);
  EXPECT_EQ(buzz->rule, find_rule_type("avoid-phrases"));
  EXPECT_EQ(buzz->severity, Severity::error);
  EXPECT_EQ(buzz->options.list("terms"), (StringList{"synergy", "rockstar"}));
  EXPECT_EQ(buzz->options.list("patterns"), (StringList{"\\bleverag(e|ing)\\b"}));
  EXPECT_EQ(buzz->options.string("message"), "'{match}' is a buzzword; say what you did");
  EXPECT_NE(buzz->prepared, nullptr);
  EXPECT_EQ(find_active(*config->rules_for("q.md", "question"), "avoid-buzzwords"), nullptr);
}

TEST(Config, UserDefinedRuleTypeDefaultsAndLaterLayers) {
  TempDir dir;
  dir.write("base.toml", "[rules.tradeoffs-mine]\ntype = \"required-terms\"\n"
                         "terms = [\"trade-off\"]\n");
  const auto top = dir.write("answerlint.toml", "extends = [\"base.toml\"]\n"
                                                "[rules.tradeoffs-mine]\nmin = 2\n");
  const auto config = load_config(top);
  const auto rules = config->rules_for("a.md", "technical");
  const ActiveRule* mine = find_active(*rules, "tradeoffs-mine");
  ASSERT_NE(mine, nullptr);
  EXPECT_EQ(mine->rule, find_rule_type("required-terms"));
  EXPECT_EQ(mine->severity, find_rule_type("required-terms")->default_severity);
  EXPECT_EQ(mine->options.integer("min"), 2);
  EXPECT_EQ(mine->options.list("terms"), (StringList{"trade-off"}));
}

TEST(Config, RuleDefinedInAnOverrideRunsOnlyWhereItMatches) {
  const auto config = load(R"([[overrides]]
kinds = ["behavioral"]
[overrides.rules.no-we]
type = "avoid-phrases"
terms = ["we decided"]
)");
  EXPECT_NE(find_active(*config->rules_for("a.md", "behavioral"), "no-we"), nullptr);
  EXPECT_EQ(find_active(*config->rules_for("a.md", "technical"), "no-we"), nullptr);
}

TEST(Config, RulesForIsCachedPerMatchingOverrideSet) {
  const auto config = load("[[overrides]]\nfiles = [\"a/**\"]\n[overrides.rules.length]\n"
                           "max_words = 1\n");
  const auto first = config->rules_for("x.md", "answer");
  EXPECT_EQ(first, config->rules_for("y/z.md", "answer"));
  EXPECT_NE(first, config->rules_for("a/z.md", "answer"));
  EXPECT_NE(first, config->rules_for("x.md", "technical"));

  std::vector<std::shared_ptr<const std::vector<ActiveRule>>> seen(4);
  std::vector<std::thread> threads;
  threads.reserve(seen.size());
  for (auto& slot : seen) {
    threads.emplace_back([&config, &slot] { slot = config->rules_for("a/q.md", "project"); });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  for (const auto& rules : seen) {
    EXPECT_EQ(rules, seen.front());
  }
}

TEST(Config, Labels) {
  const auto builtin = builtin_config(".")->labels();
  for (std::string_view label :
       {"situation", "task", "action", "result", "context", "lessons learned", "data model", "api",
        "scalability", "setting", "what i did", "functional requirements", "s", "endpoints"}) {
    EXPECT_TRUE(has_label(builtin, label)) << label;
  }
  EXPECT_EQ(std::count(builtin.begin(), builtin.end(), "situation"), 1);

  const auto config = load(R"([rules.required-sections]
sections = ["Motivation", "Lessons"]
[rules.required-sections.aliases]
Motivation = ["Why It Mattered"]
[[overrides]]
files = ["x/**"]
[overrides.rules.required-sections]
sections = ["Postmortem"]
)");
  const auto labels = config->labels();
  EXPECT_TRUE(has_label(labels, "motivation"));
  EXPECT_TRUE(has_label(labels, "lessons"));
  EXPECT_TRUE(has_label(labels, "why it mattered"));
  EXPECT_TRUE(has_label(labels, "postmortem"));
  EXPECT_TRUE(has_label(labels, "situation"));
  EXPECT_FALSE(has_label(labels, "setting")); // only the preset adds it
  for (const auto& label : labels) {
    EXPECT_EQ(std::count(labels.begin(), labels.end(), label), 1) << label;
  }
}

TEST(Config, DigestIsStableAndTracksValues) {
  const char* text = "extends = [\"builtin:backend-interview\"]\n[rules.length]\nmax_words = 400\n";
  const auto a = load(text);
  const auto b = load(text);
  EXPECT_EQ(a->digest.size(), 16U);
  EXPECT_EQ(a->digest, b->digest);
  const auto changed = load("extends = [\"builtin:backend-interview\"]\n[rules.length]\n"
                            "max_words = 401\n");
  EXPECT_NE(a->digest, changed->digest);
  const auto glob = load("extends = [\"builtin:backend-interview\"]\n[rules.length]\n"
                         "max_words = 400\n[files]\nexclude = [\"x/**\"]\n");
  EXPECT_NE(a->digest, glob->digest);
  EXPECT_NE(load("")->digest, builtin_config(".")->digest);
  EXPECT_EQ(builtin_config(".")->digest, builtin_config("/elsewhere")->digest);
}

TEST(Config, DiscoverConfigWalksUp) {
  TempDir dir;
  const auto outer = dir.write("answerlint.toml", "");
  const auto inner = dir.write("portfolio/answerlint.toml", "");
  dir.write("portfolio/behavioral/deep/story.md", "# x\n");
  fs::create_directories(dir.path() / "other" / "a");

  EXPECT_EQ(discover_config(dir.path() / "portfolio" / "behavioral" / "deep"), inner);
  EXPECT_EQ(discover_config(dir.path() / "portfolio" / "behavioral" / "deep" / "story.md"), inner);
  EXPECT_EQ(discover_config(dir.path() / "portfolio"), inner);
  EXPECT_EQ(discover_config(dir.path() / "other" / "a"), outer);
  EXPECT_EQ(discover_config(dir.path() / "other" / "a" / ""), outer);
  // A folder named answerlint.toml is not a config.
  fs::create_directories(dir.path() / "other" / "a" / "answerlint.toml");
  EXPECT_EQ(discover_config(dir.path() / "other" / "a"), outer);
}

TEST(Config, LoadConfigReadsTheFile) {
  TempDir dir;
  const auto file = dir.write("answerlint.toml", "[files]\nsplit_level = 3\n");
  const auto config = load_config(file);
  EXPECT_EQ(config->split_level, 3);
  EXPECT_EQ(config->base_dir, dir.path());
}

} // namespace
} // namespace answerlint
