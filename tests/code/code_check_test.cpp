// Syntax checks of code samples: each grammar accepts ordinary code of its
// language and finds the first error of broken code, at the right place.

#include "code/code_check.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace answerlint::code {
namespace {

struct Sample {
  std::string_view language;
  std::string_view code;
};

// Valid code in each language, in the shapes answers use (fragments too).
const Sample k_valid[] = {
    {"sql", "SELECT u.id, COUNT(*) AS orders\nFROM users u JOIN orders o ON o.user_id = u.id\n"
            "WHERE o.created_at > now() - interval '7 days'\nGROUP BY u.id HAVING COUNT(*) > 3\n"
            "ORDER BY orders DESC LIMIT 10;\n"},
    {"sql", "CREATE TABLE users (\n  id BIGSERIAL PRIMARY KEY,\n  email TEXT NOT NULL UNIQUE\n);\n"
            "CREATE INDEX CONCURRENTLY idx_users_email ON users (lower(email));\n"},
    {"python", "import asyncio\n\nasync def fetch(session, url: str) -> dict:\n"
               "    async with session.get(url) as r:\n        return await r.json()\n"},
    {"python", "    def method(self):\n        return [x for x in range(3) if x % 2]\n"},
    {"javascript", "import express from 'express';\nconst app = express();\n"
                   "app.get('/users/:id', async (req, res) => {\n"
                   "  res.json(await db.find(req.params.id) ?? {});\n});\n"},
    {"javascript", "const App = () => <ul>{items.map(i => <li key={i.id}>{i.name}</li>)}</ul>;\n"},
    {"typescript", "type Result<T> = { ok: true; value: T } | { ok: false; error: Error };\n"
                   "export async function get(id: string): Promise<Result<User>> {\n"
                   "  return { ok: true, value: await repo.find(id) as User };\n}\n"},
    {"tsx", "export const Badge = ({ n }: { n: number }) => <span>{n}</span>;\n"},
    {"go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tch := make(chan int, 1)\n"
           "\tgo func() { ch <- 1 }()\n\tfmt.Println(<-ch)\n}\n"},
    {"go", "ctx, cancel := context.WithTimeout(ctx, 2*time.Second)\ndefer cancel()\n"},
    {"java", "@Service\npublic class Transfers {\n  @Transactional\n"
             "  public void move(Account a, Account b, long cents) {\n"
             "    a.debit(cents);\n    b.credit(cents);\n  }\n}\n"},
    {"java", "var list = List.of(1, 2, 3);\nrecord Point(int x, int y) {}\n"},
    {"json", "{\"id\": 42, \"tags\": [\"a\", \"b\"], \"price\": 2.5e3, \"active\": true, "
             "\"parent\": null}\n"},
    {"yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 3\n  template:\n"
             "    spec:\n      containers:\n        - name: api\n          image: \"api:1.2\"\n"
             "          env:\n            - name: MODE\n              value: |\n"
             "                multi\n                line\n---\nkind: Service\n"},
    {"bash", "set -euo pipefail\nfor f in *.log; do\n  gzip \"$f\" && echo \"done $f\"\ndone\n"
             "if [[ -n \"${X:-}\" ]]; then echo set; fi\ncurl -s \"$URL\" | jq '.items[]'\n"},
};

struct Broken {
  std::string_view language;
  std::string_view code;
  int line;
  int column;
  std::string_view message; // a substring of the problem's message
};

const Broken k_broken[] = {
    {"sql", "SELECT id, name\nFROM users\nWHERE id IN (1, 2;\n", 3, 18, "missing ')'"},
    {"sql", "SELECT * FORM users;\n", 1, 15, "users"},
    {"python", "def f(x):\n    y = (x +\n    return y\n", 2, 5, "cannot parse 'y = (x +'"},
    {"python", "print(\"hi\"\n", 1, 1, "print(\"hi\""},
    {"javascript", "function add(a, b {\n  return a + b;\n}\n", 1, 18, "missing ')'"},
    {"typescript", "const x: number = (1 + 2;\n", 1, 25, "missing ')'"},
    {"go", "func main() {\n  x := 1\n  fmt.Println(x\n}\n", 3, 16, "missing ')'"},
    {"java", "class A {\n  void f() {\n    int x = 1\n  }\n}\n", 3, 14, "missing ';'"},
    {"json", "{\"a\": 1,}\n", 1, 8, "unexpected ','"},
    {"json", "{\n  \"a\": [1, 2\n}\n", 2, 13, "missing ']'"},
    {"yaml", "key: [1, 2\n", 1, 1, "key: [1, 2"},
    {"bash", "echo \"unterminated\n", 1, 6, "\"unterminated"},
    {"bash", "if [ -f x ]; then echo y\n", 1, 25, "missing 'fi'"},
};

TEST(CodeCheck, KnowsTheGrammarsAndTheirTags) {
  for (std::string_view language :
       {"bash", "go", "java", "javascript", "json", "python", "sql", "tsx", "typescript", "yaml"}) {
    EXPECT_TRUE(has_grammar(language)) << language;
    EXPECT_EQ(canonical_language(language), language);
  }
  EXPECT_EQ(grammar_languages().size(), 10U);
  EXPECT_EQ(canonical_language("py"), "python");
  EXPECT_EQ(canonical_language("Python3"), "python");
  EXPECT_EQ(canonical_language("js"), "javascript");
  EXPECT_EQ(canonical_language("jsx"), "javascript");
  EXPECT_EQ(canonical_language("ts"), "typescript");
  EXPECT_EQ(canonical_language("golang"), "go");
  EXPECT_EQ(canonical_language("sh"), "bash");
  EXPECT_EQ(canonical_language("zsh"), "bash");
  EXPECT_EQ(canonical_language("yml"), "yaml");
  EXPECT_EQ(canonical_language("postgresql"), "sql");
  EXPECT_EQ(canonical_language("mysql"), "sql");
  for (std::string_view unchecked : {"console", "shell-session", "pycon", "psql", "jsonc", "text",
                                     "pseudo", "diff", "mermaid", "rust", ""}) {
    EXPECT_FALSE(has_grammar(unchecked)) << unchecked;
  }
}

TEST(CodeCheck, AcceptsValidCodeInEveryLanguage) {
  for (const Sample& sample : k_valid) {
    std::optional<SyntaxProblem> problem = check_syntax(sample.language, sample.code);
    EXPECT_FALSE(problem) << sample.language << ": " << problem->line << ":" << problem->column
                          << " " << problem->message << "\n"
                          << sample.code;
  }
}

TEST(CodeCheck, FindsTheFirstErrorWhereItIs) {
  for (const Broken& sample : k_broken) {
    SCOPED_TRACE(testing::Message() << sample.language << ": " << sample.code);
    std::optional<SyntaxProblem> problem = check_syntax(sample.language, sample.code);
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->line, sample.line);
    EXPECT_EQ(problem->column, sample.column);
    EXPECT_GE(problem->end_column, problem->column);
    EXPECT_NE(problem->message.find(sample.message), std::string::npos) << problem->message;
  }
}

TEST(CodeCheck, AProblemAtTheVeryEndIsShownAfterTheLastCharacter) {
  std::optional<SyntaxProblem> problem = check_syntax("go", "func f() {\n  if x {\n  }\n\n\n");
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->line, 3);
  EXPECT_EQ(problem->column, 4);
  EXPECT_NE(problem->message.find("missing '}'"), std::string::npos) << problem->message;
}

TEST(CodeCheck, UncheckedLanguagesAndTranscriptsAreNotJudged) {
  EXPECT_FALSE(check_syntax("text", "this ( is not [ code"));
  EXPECT_FALSE(check_syntax("console", "$ ls -la\ntotal 0\n"));
  EXPECT_FALSE(check_syntax("python", ">>> 1 + 1\n2\n"));
}

TEST(CodeCheck, SqlDialectExtrasAreNotErrors) {
  const std::string_view statements[] = {
      "SELECT id FROM jobs WHERE status = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED;",
      "SELECT * FROM accounts WHERE id = 1 FOR SHARE;",
      "SELECT * FROM accounts WHERE id = 1 FOR NO KEY UPDATE OF accounts NOWAIT;",
      "SELECT a FROM t WHERE b = 1 LOCK IN SHARE MODE;",
      "INSERT INTO counters (key, value) VALUES ('a', 1)\nON CONFLICT (key) DO UPDATE SET value "
      "= counters.value + EXCLUDED.value;",
      "INSERT INTO t (a) VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING;",
      "SELECT DATE_SUB(NOW(), INTERVAL 1 DAY);",
      "SELECT * FROM users LIMIT 10, 20;",
      "SELECT * FROM orders ORDER BY id FETCH FIRST 10 ROWS ONLY;",
      "SELECT DISTINCT ON (user_id) * FROM orders ORDER BY user_id, created_at DESC;",
      "SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY latency) FROM requests;",
      "CREATE INDEX idx ON t (a) INCLUDE (b);",
      "DELETE FROM t USING s WHERE t.id = s.id;",
      "SELECT * FROM a NATURAL JOIN b;",
      "SELECT TOP 10 * FROM users;",
      "UPDATE users SET last_login = NOW() WHERE id = :id;",
      "SELECT a::int, b[1:2] FROM t WHERE c = $1;",
      "START TRANSACTION;\nSET TRANSACTION ISOLATION LEVEL SERIALIZABLE;\nCOMMIT;",
      "BEGIN ISOLATION LEVEL REPEATABLE READ;\nSAVEPOINT s1;\nROLLBACK TO s1;\nEND;",
      "SHOW max_connections;\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO readonly;",
      "LOCK TABLE accounts IN EXCLUSIVE MODE;\nVACUUM ANALYZE orders;",
      "REFRESH MATERIALIZED VIEW CONCURRENTLY daily;\nCOPY users TO STDOUT WITH CSV;",
      "CREATE FUNCTION touch() RETURNS trigger AS $$\nBEGIN\n  NEW.updated_at = now();\n"
      "  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;",
      "\\d users\nSELECT * FROM users WHERE id = 1\\G",
      "SELECT 'it''s; FOR UPDATE' AS s; -- FOR SHARE\n/* ; */ SELECT 2;",
  };
  for (std::string_view sql : statements) {
    std::optional<SyntaxProblem> problem = check_syntax("sql", sql);
    EXPECT_FALSE(problem) << sql << "\n -> " << problem->line << ":" << problem->column << " "
                          << problem->message;
  }
}

TEST(CodeCheck, SqlLeniencyKeepsRealMistakes) {
  // The rewrites blank only what they recognise: an error after them is
  // still found, at its own position.
  std::optional<SyntaxProblem> problem =
      check_syntax("sql", "START TRANSACTION;\nSELECT * FROM t WHERE id IN (1, 2 FOR UPDATE;\n");
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->line, 2);
  EXPECT_NE(problem->message.find("missing ')'"), std::string::npos) << problem->message;
}

// 10,000 levels of nesting: no crash, no stack overflow, an answer in time.
TEST(CodeCheck, DeepNestingNeitherCrashesNorHangs) {
  constexpr int k_depth = 10'000;
  const std::string open_python(k_depth, '(');
  const std::string close_python(k_depth, ')');
  const std::string open_json(k_depth, '[');
  const std::string close_json(k_depth, ']');
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(check_syntax("python", "x = " + open_python + "1" + close_python + "\n"));
  EXPECT_FALSE(check_syntax("json", open_json + close_json));
  // Unbalanced: an error or a skipped sample, either way a quick answer.
  (void)check_syntax("python", "x = " + open_python + "1\n");
  (void)check_syntax("json", open_json + "1");
  (void)check_syntax("javascript", std::string(k_depth, '{'));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(CodeCheck, HugeSamplesAreSkippedAndSlowParsesStop) {
  std::string huge;
  while (huge.size() < 1024 * 1024) {
    huge += "x = (1 +\n";
  }
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(check_syntax("python", huge)); // over the 256 KB bound: not judged
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(100));

  // The same megabyte with the size bound lifted: the time budget ends it.
  const SyntaxLimits limits{.max_bytes = 2 * 1024 * 1024,
                            .time_budget = std::chrono::milliseconds(20)};
  start = std::chrono::steady_clock::now();
  (void)check_syntax("python", huge, limits);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  // A cancelled parse leaves the parser ready for the next sample.
  EXPECT_FALSE(check_syntax("python", "x = 1\n"));
  EXPECT_TRUE(check_syntax("python", "x = (1\n"));
}

TEST(CodeCheck, OddBytesAreSafe) {
  const std::string nul("x = 1\0\ny = 2\n", 13);
  (void)check_syntax("python", nul);
  (void)check_syntax("json", "{\"a\": \"\xff\xfe\"}");
  (void)check_syntax("yaml", "\xef\xbb\xbfkey: value\r\nother: 1\r\n");
  EXPECT_FALSE(check_syntax("python", ""));
  EXPECT_FALSE(check_syntax("sql", ""));
}

TEST(CodeCheck, ThreadsHaveTheirOwnParsers) {
  std::vector<std::thread> threads;
  std::vector<int> errors(4, 0);
  for (std::size_t t = 0; t < errors.size(); ++t) {
    threads.emplace_back([&errors, t] {
      for (int i = 0; i < 200; ++i) {
        errors[t] += check_syntax("python", "def f(:\n  pass\n") ? 1 : 0;
        errors[t] += check_syntax("python", "def f():\n  pass\n") ? 1 : 0;
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  for (int count : errors) {
    EXPECT_EQ(count, 200);
  }
}

} // namespace
} // namespace answerlint::code
