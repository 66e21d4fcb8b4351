// The SQL rewrite before parsing: it must keep every position (same length,
// same line breaks), blank only what it recognises, and survive any bytes.

#include "code/sql_dialect.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace answerlint::code {
namespace {

void expect_same_shape(std::string_view in, std::string_view out) {
  ASSERT_EQ(in.size(), out.size()) << in;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\n' || in[i] == '\r' || out[i] == '\n' || out[i] == '\r') {
      ASSERT_EQ(in[i], out[i]) << "line break moved at " << i << " in: " << in;
    }
  }
}

TEST(SqlDialect, BlanksLockingClausesAndKeepsTheRest) {
  const std::string in = "SELECT id FROM jobs\nWHERE a = 1 FOR UPDATE SKIP LOCKED;";
  const std::string out = sql_for_grammar(in);
  expect_same_shape(in, out);
  EXPECT_EQ(out, "SELECT id FROM jobs\nWHERE a = 1 " + std::string(22, ' ') + ";");
}

TEST(SqlDialect, BlanksUnmodelledStatementsWhole) {
  const std::string in = "START TRANSACTION;\nSELECT 1;\nCOMMIT;";
  const std::string out = sql_for_grammar(in);
  expect_same_shape(in, out);
  EXPECT_EQ(out, "                  \nSELECT 1;\n       ");
}

TEST(SqlDialect, RewritesMysqlIntervalsAsANumber) {
  EXPECT_EQ(sql_for_grammar("SELECT NOW() - INTERVAL 7 DAY;"), "SELECT NOW() - 1             ;");
}

TEST(SqlDialect, LeavesStringsCommentsCastsAndSlicesAlone) {
  const std::string in = "SELECT 'FOR UPDATE;' AS s, a::int, b[1:n] -- FOR SHARE\nFROM t;";
  EXPECT_EQ(sql_for_grammar(in), in);
  const std::string trigger =
      "CREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW EXECUTE FUNCTION f();";
  EXPECT_EQ(sql_for_grammar(trigger), trigger);
}

TEST(SqlDialect, BlanksNamedBindParametersAndPsqlCommands) {
  EXPECT_EQ(sql_for_grammar("SELECT * FROM t WHERE id = :id;"), "SELECT * FROM t WHERE id =  id;");
  EXPECT_EQ(sql_for_grammar("\\dt\nSELECT 1\\G"), "   \nSELECT 1  ");
}

TEST(SqlDialect, AnyBytesKeepTheirShape) {
  const std::string tricky[] = {"'unterminated",
                                "$$ never closed",
                                "$tag$ x $other$",
                                "\\",
                                ":",
                                "FOR",
                                "DISTINCT ON (",
                                "((((",
                                "/* open",
                                "-- only",
                                "SELECT \"a",
                                "`"};
  for (const std::string& in : tricky) {
    expect_same_shape(in, sql_for_grammar(in));
  }
  std::mt19937 random(42);
  const std::string alphabet = "SELECTFORUPDATEINTERVALon ()'\"`$:;\\\n\r-/*,0123456789\xc3\xa9";
  for (int round = 0; round < 2000; ++round) {
    std::string in(random() % 64, ' ');
    for (char& c : in) {
      c = alphabet[random() % alphabet.size()];
    }
    expect_same_shape(in, sql_for_grammar(in));
  }
}

} // namespace
} // namespace answerlint::code
