#include "report/escape.hpp"

#include <gtest/gtest.h>

namespace answerlint {
namespace {

TEST(CiEscape, ValidUtf8KeepsGoodTextAndReplacesEachBadByte) {
  EXPECT_EQ(valid_utf8("Ça va 😀"), "Ça va 😀");
  EXPECT_EQ(valid_utf8("a\xff"
                       "b"),
            "a\uFFFD"
            "b");
  EXPECT_EQ(valid_utf8("\xc3"), "\uFFFD");                               // truncated
  EXPECT_EQ(valid_utf8("\xc0\xaf"), "\uFFFD\uFFFD");                     // overlong
  EXPECT_EQ(valid_utf8("\xed\xa0\x80"), "\uFFFD\uFFFD\uFFFD");           // surrogate
  EXPECT_EQ(valid_utf8("\xf4\x90\x80\x80"), "\uFFFD\uFFFD\uFFFD\uFFFD"); // > U+10FFFF
}

TEST(CiEscape, XmlEscapesMarkupQuotesAndBreaks) {
  EXPECT_EQ(xml_escape("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&apos;f");
  EXPECT_EQ(xml_escape("1\t2\n3\r4"), "1&#9;2&#10;3&#13;4");
  EXPECT_EQ(xml_escape("x\x01y\x1f"
                       "z\uFFFEw"),
            "xyzw");
  EXPECT_EQ(xml_escape("é\xff"), "é\uFFFD");
}

TEST(CiEscape, UriPathKeepsOnlyUnreservedAndSlash) {
  EXPECT_EQ(uri_escape_path("dir/a-b_c.d~e.md"), "dir/a-b_c.d~e.md");
  EXPECT_EQ(uri_escape_path("a b%c:d#e?f,g(h).md"), "a%20b%25c%3Ad%23e%3Ff%2Cg%28h%29.md");
  EXPECT_EQ(uri_escape_path("é.md"), "%C3%A9.md");
}

TEST(CiEscape, TruncateCountsCharactersAndMarksTheCut) {
  EXPECT_EQ(truncate_chars("abc", 3), "abc");
  EXPECT_EQ(truncate_chars("abcd", 3), "ab\u2026");
  EXPECT_EQ(truncate_chars("ééééé", 3), "éé\u2026");
  EXPECT_EQ(truncate_chars("abc", 0), "");
  EXPECT_EQ(truncate_chars("", 5), "");
}

} // namespace
} // namespace answerlint
