#include "config/glob.hpp"
#include "error.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace answerlint {
namespace {

struct Case {
  const char* glob;
  std::vector<const char*> matching;
  std::vector<const char*> not_matching;
};

void check(const Case& c) {
  const Glob glob(c.glob);
  for (const char* path : c.matching) {
    EXPECT_TRUE(glob.matches(path)) << "'" << c.glob << "' should match '" << path << "'";
  }
  for (const char* path : c.not_matching) {
    EXPECT_FALSE(glob.matches(path)) << "'" << c.glob << "' should not match '" << path << "'";
  }
}

TEST(ConfigGlob, StarStaysInOneSegment) {
  check({"docs/*.md", {"docs/a.md", "docs/.md", "docs/a b.md"}, {"docs/x/a.md", "docs/a.mdx"}});
  check({"*.md", {"a.md", "x/y/a.md"}, {"a.mdx", "a.txt", "a.md/b.txt"}});
}

// `*.md` and `**/*.md` are matched as suffixes, without their regex: the
// same globs with a one-letter class (which goes through the regex) must
// agree on every path.
TEST(ConfigGlob, SuffixGlobsMatchAsTheirRegexDoes) {
  const char* paths[] = {"a.md",      ".md",      "md",        "a.md/b",   "x/y/a.md",  "x/.md",
                         "a.mdx",     "a.m",      "x/a.md/",   "a\n.md",  "a/b.md.md", "./a.md",
                         "a b/c d.md", "é/ü.md",  "a.MD",      "/a.md",    "",          "x/md"};
  for (auto [fast, slow] : {std::pair{"**/*.md", "**/*.[m]d"}, std::pair{"*.md", "*.[m]d"},
                            std::pair{"*.markdown", "*.[m]arkdown"}, std::pair{"*md", "*[m]d"}}) {
    const Glob a(fast);
    const Glob b(slow);
    for (const char* path : paths) {
      EXPECT_EQ(a.matches(path), b.matches(path)) << fast << " and " << slow << " on '" << path
                                                  << "'";
    }
  }
}

TEST(ConfigGlob, GlobWithoutSlashMatchesTheFileNameAtAnyDepth) {
  check({"README.md",
         {"README.md", "sub/README.md", "a/b/c/README.md"},
         {"README.md.bak", "XREADME.md", "README.md/x"}});
}

TEST(ConfigGlob, LeadingSlashOrDotSlashAnchorsAtTheRoot) {
  check({"/README.md", {"README.md", "./README.md"}, {"sub/README.md"}});
  check({"./README.md", {"README.md"}, {"sub/README.md"}});
  check({"./*.md", {"a.md"}, {"sub/a.md"}});
}

TEST(ConfigGlob, GlobWithSlashIsAnchored) {
  check({"drafts/**",
         {"drafts/a.md", "drafts/x/y.md"},
         {"drafts.md", "x/drafts/a.md", "draftsx/a.md", "drafts"}});
  check({"drafts/", {"drafts/a.md", "drafts/x/y.md"}, {"x/drafts/a.md"}});
}

TEST(ConfigGlob, DoubleStarSlashIsZeroOrMoreDirectories) {
  check({"**/behavioral*.md",
         {"behavioral.md", "a/b/behavioral-stories.md"},
         {"a/behavioral/x.md", "xbehavioral.md"}});
  check({"a/**/b.md", {"a/b.md", "a/x/b.md", "a/x/y/b.md"}, {"ab.md", "x/a/b.md", "a/xb.md"}});
  check({"**/*.md", {"a.md", "x/y/z.md"}, {"a.txt"}});
}

TEST(ConfigGlob, DoubleStarAloneMatchesEverything) {
  check({"**", {"a", "a/b/c.md", ".hidden/x"}, {}});
  check({"a**z", {"az", "a/b/z", "abcz"}, {"za"}});
}

TEST(ConfigGlob, QuestionMarkIsOneCharacterInASegment) {
  check({"?.md", {"a.md", "x/b.md", "\xc3\xa9.md"}, {"ab.md", ".md"}});
  check({"a?b", {"axb"}, {"a/b"}});
}

TEST(ConfigGlob, CharacterClasses) {
  check({"[abc].md", {"a.md", "c.md"}, {"d.md", "ab.md"}});
  check({"[a-c].md", {"b.md"}, {"d.md"}});
  check({"[!a-c].md", {"d.md", "-.md"}, {"a.md", "b.md"}});
  check({"[^a-c].md", {"d.md"}, {"b.md"}});
  check({"x[!a]y", {"xby"}, {"x/y", "xay"}});
  check({"[]].md", {"].md"}, {"a.md"}});
  check({"[a-].md", {"a.md", "-.md"}, {"b.md"}});
  check({"[.+*].md", {"..md", "+.md", "*.md"}, {"a.md"}});
  check({"[\\]].md", {"].md"}, {"\\.md"}});
  check({"[\xc3\xa9\xc3\xa8].md", {"\xc3\xa9.md", "\xc3\xa8.md"}, {"e.md"}});
}

TEST(ConfigGlob, BracesAlternate) {
  check({"*.{md,markdown}", {"a.md", "b/a.markdown"}, {"a.txt", "a.mdown"}});
  check({"{drafts,tmp}/**", {"drafts/a.md", "tmp/x/a.md"}, {"other/a.md"}});
  check({"{**/,}x.md", {"x.md", "a/x.md"}, {"ax.md"}});
  check({"a,b}.md", {"a,b}.md"}, {"a.md"}});
}

TEST(ConfigGlob, EscapesAndRegexCharactersAreLiteral) {
  check({"\\*.md", {"*.md"}, {"a.md"}});
  check({"a\\[b].md", {"a[b].md"}, {"ab.md"}});
  check({"a+b.md", {"a+b.md"}, {"aab.md", "ab.md"}});
  check({"(x)|y.md", {"(x)|y.md"}, {"x", "y.md"}});
  check({"a.md", {"a.md"}, {"abmd"}});
  check({"\\{a,b\\}", {"{a,b}"}, {"a"}});
}

TEST(ConfigGlob, PathsWithDotSlashAndOddBytes) {
  const Glob glob("*.md");
  EXPECT_TRUE(glob.matches("./a.md"));
  EXPECT_TRUE(glob.matches("caf\xc3\xa9 notes.md"));
  EXPECT_FALSE(glob.matches(""));
  (void)glob.matches("\xff\xfe.md"); // invalid UTF-8 must not crash
  (void)Glob("?.md").matches("\xff.md");
}

TEST(ConfigGlob, MalformedGlobsThrow) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"", "bad glob '': a glob cannot be empty"},
      {"[abc", "bad glob '[abc': unclosed '['"},
      {"a/[!", "bad glob 'a/[!': unclosed '['"},
      {"[]", "bad glob '[]': unclosed '['"},
      {"*.{md,markdown", "bad glob '*.{md,markdown': unclosed '{'"},
      {"{a,{b,c}}", "bad glob '{a,{b,c}}': nested '{' is not supported"},
      {"a\\", "bad glob 'a\\': trailing '\\' escapes nothing"},
      {"/", "bad glob '/': it names no file"},
  };
  for (const auto& [pattern, message] : cases) {
    try {
      Glob glob(pattern);
      ADD_FAILURE() << "no error for '" << pattern << "'";
    } catch (const Error& error) {
      EXPECT_EQ(error.what(), std::string(message));
      EXPECT_EQ(error.path(), "");
    }
  }
}

TEST(ConfigGlob, ReversedRangeIsABadGlob) {
  try {
    Glob glob("[z-a].md");
    ADD_FAILURE() << "no error";
  } catch (const Error& error) {
    EXPECT_TRUE(std::string(error.what()).starts_with("bad glob '[z-a].md': ")) << error.what();
  }
}

TEST(ConfigGlob, CopiesAndMovesKeepMatching) {
  Glob original("drafts/**");
  Glob copy = original;
  EXPECT_TRUE(copy.matches("drafts/a.md"));
  EXPECT_EQ(copy.pattern(), "drafts/**");
  Glob moved = std::move(original);
  EXPECT_TRUE(moved.matches("drafts/a.md"));
  copy = Glob("*.txt");
  EXPECT_TRUE(copy.matches("a.txt"));
  EXPECT_FALSE(copy.matches("drafts/a.md"));
}

} // namespace
} // namespace answerlint
