// The question bank (templates/question-bank.toml) and the matching of an
// answer's question to its entry, which key-concepts and the audit's
// question-coverage rely on.

#include "config/config.hpp"
#include "config/question_bank.hpp"
#include "error.hpp"
#include "lint/runner.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace answerlint {
namespace {

const BankEntry* match(std::string_view question, std::string_view kind = {}) {
  return builtin_question_matcher().match(question, kind);
}

std::string matched_id(std::string_view question, std::string_view kind = {}) {
  const BankEntry* entry = match(question, kind);
  return entry == nullptr ? std::string("(none)") : entry->id;
}

TEST(QuestionBank, HasAtLeastFortyWellFormedEntries) {
  const QuestionBank& bank = builtin_question_bank();
  EXPECT_GE(bank.entries.size(), 40U);
  std::set<std::string> ids;
  std::set<std::string> kinds;
  for (const BankEntry& entry : bank.entries) {
    SCOPED_TRACE(entry.id);
    EXPECT_TRUE(ids.insert(entry.id).second) << "duplicate id";
    EXPECT_FALSE(entry.title.empty());
    EXPECT_FALSE(entry.question.empty());
    EXPECT_FALSE(entry.competency.empty());
    EXPECT_TRUE(is_known_kind(entry.kind));
    kinds.insert(entry.kind);
    if (entry.kind == "technical" || entry.kind == "system-design") {
      EXPECT_GE(entry.concepts.size(), 3U) << "a technical entry needs at least 3 concepts";
    }
    for (const BankConcept& concept_entry : entry.concepts) {
      EXPECT_FALSE(concept_entry.name.empty());
    }
    // Every wording of an entry finds the entry itself.
    EXPECT_EQ(matched_id(entry.question, entry.kind), entry.id) << entry.question;
    for (const std::string& variant : entry.variants) {
      EXPECT_EQ(matched_id(variant, entry.kind), entry.id) << variant;
    }
  }
  for (std::string_view kind : {"technical", "system-design", "behavioral", "question"}) {
    EXPECT_TRUE(kinds.contains(std::string(kind))) << kind;
  }
}

struct SeedQuestion {
  std::string_view question;
  std::string_view id;
  std::string_view kind = {}; // the guide's section, for the questions to ask
};

// The questions of the guide the product was born from (../shared/seed),
// each with the entry that must answer it.
const SeedQuestion k_seed_questions[] = {
    {"What's the difference between REST and GraphQL APIs?", "rest-vs-graphql"},
    {"How do you handle database migrations in production?", "database-migrations"},
    {"Explain your approach to API rate limiting.", "api-rate-limiting"},
    {"How do you ensure data consistency in distributed systems?", "distributed-consistency"},
    {"How do you debug performance issues in production?", "debugging-performance"},
    {"What's your strategy for handling secrets and sensitive configuration?",
     "secrets-management"},
    {"How do you design database schemas for scalability?", "schema-design-for-scale"},
    {"Explain your approach to API versioning.", "api-versioning"},
    {"How do you handle file uploads and storage at scale?", "file-uploads-at-scale"},
    {"What's your strategy for monitoring and alerting in production systems?",
     "monitoring-alerting"},
    {"Tell me about a time when you had to optimize a system that was performing poorly.",
     "performance-story"},
    {"Describe a situation where you had to work with a difficult team member or stakeholder.",
     "difficult-colleague"},
    {"Tell me about a time when you had to learn a new technology quickly for a project.",
     "learning-new-technology"},
    {"Describe a time when you made a mistake that affected production.", "production-mistake"},
    {"Tell me about a time when you had to choose between a quick fix and a proper solution.",
     "quick-fix-vs-proper-fix"},
    {"Design a URL shortening service like bit.ly", "url-shortener"},
    {"How would you implement rate limiting for an API?", "api-rate-limiting"},
    {"Explain how you would design a chat application backend", "chat-system"},
    {"How would you handle database connection pooling in a high-traffic application?",
     "connection-pooling"},
    {"Design a system to process background jobs at scale", "background-jobs"},
    {"What does a typical on-call rotation look like for backend developers?", "ask-on-call",
     "question"},
    {"How does the team approach technical debt, and what's the process for prioritizing it "
     "against new features?",
     "ask-technical-debt", "question"},
    {"What's the biggest technical challenge the backend team is currently facing?",
     "ask-biggest-challenge", "question"},
    {"What monitoring and alerting tools does the team use, and how do you handle incident "
     "response?",
     "ask-incident-response", "question"},
    {"How does the backend team collaborate with frontend developers and product managers?",
     "ask-collaboration", "question"},
    {"What opportunities are there for backend developers to grow technically and take on more "
     "responsibility?",
     "ask-growth", "question"},
};

TEST(QuestionBank, EverySeedQuestionFindsItsEntry) {
  for (const SeedQuestion& seed : k_seed_questions) {
    EXPECT_EQ(matched_id(seed.question, seed.kind), seed.id) << seed.question;
  }
}

TEST(QuestionBank, TheAnswerKindBreaksNearTies) {
  // Asked as a technical question, and as a question for the interviewer.
  constexpr std::string_view k_question =
      "How do you handle database migrations and schema changes in production?";
  EXPECT_EQ(matched_id(k_question, "technical"), "database-migrations");
  EXPECT_EQ(matched_id(k_question), "database-migrations");
}

TEST(QuestionBank, StoriesAndTechnicalQuestionsDoNotMix) {
  // "slow service" is also a resilience question, but a story is asked for.
  EXPECT_NE(matched_id("Tell me about a time you fixed a slow service."), "resilience-patterns");
  EXPECT_EQ(matched_id("How do you handle a slow downstream dependency?", "behavioral"), "(none)");
  EXPECT_EQ(matched_id("How do you handle a slow downstream dependency?", "system-design"),
            "resilience-patterns");
  EXPECT_EQ(matched_id("Tell me about a conflict with a coworker", "technical"), "(none)");
  // Technical and system-design answers answer each other's questions.
  EXPECT_EQ(matched_id("Design a URL shortener", "technical"), "url-shortener");
  EXPECT_EQ(matched_id("Design a rate limiter for a public API", "system-design"),
            "design-rate-limiter");
}

TEST(QuestionBank, RewordedQuestionsFindTheirEntry) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"How would you design rate limiting for an API?", "api-rate-limiting"},
      {"API rate limiting", "api-rate-limiting"},
      {"How do you throttle API clients?", "api-rate-limiting"},
      {"Design a distributed rate limiter", "design-rate-limiter"},
      {"GraphQL vs REST", "rest-vs-graphql"},
      {"Design TinyURL", "url-shortener"},
      {"How would you build a URL shortener?", "url-shortener"},
      {"Zero-downtime schema migrations", "database-migrations"},
      {"How do you migrate a production database schema?", "database-migrations"},
      {"Explain the CAP theorem in your own words", "cap-theorem"},
      {"SQL or NoSQL?", "sql-vs-nosql"},
      {"When do you add an index to a table?", "database-indexing"},
      {"What isolation levels does Postgres offer?", "transactions-isolation"},
      {"How do you keep secrets out of git?", "secrets-management"},
      {"Why is cache invalidation hard?", "caching-strategies"},
      {"Microservices or a monolith?", "microservices-vs-monolith"},
      {"How do you make a payment API idempotent?", "idempotency"},
      {"Authentication versus authorization", "authn-vs-authz"},
      {"How do JWTs work?", "oauth-jwt"},
      {"Design a chat app like WhatsApp", "chat-system"},
      {"Design Twitter's news feed", "news-feed"},
      {"Design a push notification service", "notification-system"},
      {"How would you shard a database?", "database-sharding"},
      {"What is replication lag?", "database-replication"},
      {"How do you roll out a risky change to production safely?", "safe-deployments"},
      {"How do you handle a slow downstream dependency?", "resilience-patterns"},
      {"Tell me about a conflict with a coworker", "difficult-colleague"},
      {"Tell me about a time you failed", "production-mistake"},
      {"Describe a time you disagreed with your boss", "disagree-with-manager"},
      {"Tell me about a time you mentored a junior engineer", "mentoring"},
      {"Tell me about an outage you handled", "outage-handled"},
      {"Tell me about a time you worked under a tight deadline", "tight-deadline"},
      {"Tell me about a time you led a team", "leadership"},
      {"Tell me about a time you had to learn a new language quickly", "learning-new-technology"},
      {"Good questions to ask your interviewer", "questions-for-the-interviewer"},
      {"Question 12: Explain the CAP theorem", "cap-theorem"},
  };
  for (const auto& [question, id] : cases) {
    EXPECT_EQ(matched_id(question), id) << question;
  }
}

TEST(QuestionBank, UnrelatedQuestionsFindNothing) {
  for (std::string_view question : {
           "What is your favourite colour?",
           "How do you bake sourdough bread?",
           "Why is the sky blue?",
           "What is the capital of France?",
           "How do you train a neural network for image classification?",
           "Explain the rules of cricket",
           "What did you have for breakfast?",
           "",
           "How would you?",
           "What is the difference between a process and a thread?",
           "Tell me about a time you went on vacation",
           "How do you write a binary search?",
           "Reverse a linked list",
           "How does garbage collection work in Java?",
           "Design a parking lot",
           "What is the best programming language?",
           "How do you scale a mountain safely?",
           "How do you store apples in winter?",
       }) {
    EXPECT_EQ(matched_id(question), "(none)") << question;
  }
}

TEST(QuestionBank, TermsDropHowTheQuestionIsAskedAndStem) {
  EXPECT_EQ(question_terms("How would you design rate limiting for an API?"),
            (std::vector<std::string>{"rat", "limit", "api"}));
  EXPECT_EQ(question_terms("Explain your approach to API rate limiting."),
            (std::vector<std::string>{"api", "rat", "limit"}));
  EXPECT_EQ(question_terms("rate limiter, rate limits"),
            (std::vector<std::string>{"rat", "limit", "rat", "limit"}));
  EXPECT_EQ(question_terms("Caches and caching"), (std::vector<std::string>{"cach", "cach"}));
  EXPECT_EQ(question_terms("migration, migrating, migrations"),
            (std::vector<std::string>{"migrat", "migrat", "migrat"}));
  EXPECT_EQ(question_terms("coworker teammate"),
            (std::vector<std::string>{"colleagu", "colleagu"}));
  EXPECT_TRUE(question_terms("How would you?").empty());
}

TEST(QuestionBank, TermsStayTheSameWhenEachThreadsMemoStartsOver) {
  // Each thread remembers the terms of the words it has seen, up to a few
  // thousand words: the words that come back, and those seen after it
  // starts over, give what they gave the first time.
  const std::vector<std::string> expected{"rat", "limit", "api", "cach"};
  const std::string question = "How would you design rate limiting for an API, caching?";
  EXPECT_EQ(question_terms(question), expected);
  std::string many;
  for (int i = 0; i < 10000; ++i) {
    many += fmt::format("zq{}x design ", i);
  }
  const std::vector<std::string> terms = question_terms(many);
  ASSERT_EQ(terms.size(), 10000U);
  EXPECT_EQ(terms.back(), "zq9999x");
  EXPECT_EQ(question_terms(question), expected);
  EXPECT_EQ(question_terms("rate limiter, rate limits"),
            (std::vector<std::string>{"rat", "limit", "rat", "limit"}));
}

TEST(QuestionBank, ParseErrorsNameTheLine) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"[[questions]]\nid = \"a\"\ntitle = \"A\"\nquestion = \"Q?\"\nkind = \"technical\"\n"
       "competency = \"x\"\n[[questions]]\nid = \"a\"\ntitle = \"B\"\nquestion = \"R?\"\n"
       "kind = \"technical\"\ncompetency = \"x\"\n",
       "bank.toml:8:6: questions[1].id: 'a' is used twice"},
      {"[[questions]]\nid = \"a\"\ntitle = \"A\"\nquestion = \"Q?\"\nkind = \"chat\"\n"
       "competency = \"x\"\n",
       "bank.toml:5:8: questions[0].kind: unknown kind 'chat'"},
      {"[[questions]]\nid = \"a\"\ntitle = \"A\"\nquestion = \"Q?\"\nkind = \"technical\"\n"
       "competency = \"x\"\nanswer = \"y\"\n",
       "bank.toml:7:1: questions[0]: unknown key 'answer'"},
      {"[[questions]]\nid = \"a\"\ntitle = \"A\"\nkind = \"technical\"\ncompetency = \"x\"\n",
       "questions[0]: 'question' is missing"},
      {"[[questions]]\nid = \"Not A Slug\"\n", "questions[0].id: 'Not A Slug' must be"},
      {"[[questions]\n", "bank.toml:1:"},
  };
  for (const auto& [text, error] : cases) {
    try {
      (void)parse_question_bank(text, "bank.toml");
      ADD_FAILURE() << "no error for:\n" << text;
    } catch (const Error& e) {
      EXPECT_NE(e.format().find(error), std::string::npos) << e.format();
    }
  }
}

// Each concept's name, written in an answer, counts as mentioning it: no
// name is a typo that its own pattern cannot match.
TEST(QuestionBank, EveryConceptNameCountsAsAMention) {
  auto config = load_config_text("[rules.key-concepts]\nmin = 1000\n", "/tmp/answerlint.toml");
  for (const BankEntry& entry : builtin_question_bank().entries) {
    if (entry.concepts.empty()) {
      continue;
    }
    std::string answer = fmt::format("---\nid: {}\n---\n\n", entry.id);
    for (const BankConcept& concept_entry : entry.concepts) {
      answer += fmt::format("We looked at {}.\n\n", concept_entry.name);
    }
    std::vector<Finding> findings = lint_source(*config, "answer.md", "answer.md", answer);
    std::erase_if(findings, [](const Finding& f) { return f.rule != "key-concepts"; });
    EXPECT_TRUE(findings.empty()) << entry.id << ": " << findings.front().message;
  }
}

} // namespace
} // namespace answerlint
