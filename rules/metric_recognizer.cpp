#include "metric_recognizer.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <string>

// How it works. The text becomes tokens (numbers, words, symbols; each knows
// whether a space precedes it). Each number, in digits or in words, becomes a
// Quantity: its prefix (currency, "about", "~"), what binds to it (a unit, a
// counted thing within three words, a rate), and whether a false friend kills
// it (a version, a year, an id, a label such as "step 2"). Then neighbouring
// quantities merge into ranges and before -> after pairs. What is left alive
// and bound is a metric. Every step looks at a bounded window of tokens.

namespace answerlint::rules {
namespace {

// ---------------------------------------------------------------- words

enum WordFlag : std::uint32_t {
  k_value = 1U << 0,       // zero .. ninety
  k_magnitude = 1U << 1,   // hundred, thousand, million, dozen
  k_magnitudes = 1U << 2,  // hundreds, thousands, dozens, tens
  k_fraction = 1U << 3,    // half, third, quarter
  k_mult_verb = 1U << 4,   // doubled, halved, tenfold
  k_mult_adj = 1U << 5,    // double, triple
  k_repeat = 1U << 6,      // once, twice, thrice
  k_percent = 1U << 7,     // percent, pp
  k_duration = 1U << 8,    // ms, seconds, weeks
  k_time_unit = 1U << 9,   // what follows "a", "per", "/": day, s, hour
  k_size = 1U << 10,       // GB, bytes
  k_rate = 1U << 11,       // rps, QPS
  k_money = 1U << 12,      // USD, dollars
  k_times = 1U << 13,      // x, times, fold
  k_approx = 1U << 14,     // about, nearly, over
  k_label = 1U << 15,      // step, version, tier: the number names, not measures
  k_year_cue = 1U << 16,   // in, since, during: "in 2021"
  k_break = 1U << 17,      // function words: no counted thing lies past them
  k_not_plural = 1U << 18, // ends in s, is no plural noun: always, its, Kubernetes
  k_plural = 1U << 19,     // irregular plurals: people, staff
  k_tool = 1U << 20,       // names a version follows: Python 3, Java 17
  k_clock = 1U << 21,      // am, pm, UTC: a time of day
  k_status = 1U << 22,     // error, status, response: "500 error"
  k_reason = 1U << 23,     // HTTP reason phrases: "404 Not Found"
  k_determiner = 1U << 24, // "two of our engineers"
  k_month = 1U << 25,
  k_version_cue = 1U << 26, // upgraded, migrated: "from 11 to 15" is versions
};

// The flags of the words that can start a number in words.
constexpr std::uint32_t k_numeric =
    k_value | k_magnitude | k_magnitudes | k_fraction | k_mult_verb | k_mult_adj | k_repeat;

struct WordList {
  std::uint32_t flags;
  std::initializer_list<std::string_view> words;
};

// Lowercase; a word may sit in several lists.
const WordList k_word_lists[] = {
    {k_value, {"zero",     "one",     "two",     "three",     "four",     "five",     "six",
               "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
               "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
               "thirty",   "forty",   "fifty",   "sixty",     "seventy",  "eighty",   "ninety"}},
    {k_magnitude, {"hundred", "thousand", "million", "billion", "trillion", "dozen"}},
    {k_magnitudes,
     {"hundreds", "thousands", "millions", "billions", "trillions", "dozens", "tens"}},
    {k_fraction,
     {"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth",
      "tenths"}},
    {k_mult_verb,
     {"doubled", "tripled", "quadrupled", "halved", "doubling", "tripling", "quadrupling",
      "halving", "twofold", "threefold", "fourfold", "fivefold", "tenfold", "hundredfold",
      "thousandfold"}},
    {k_mult_adj, {"double", "triple", "quadruple"}},
    {k_repeat, {"once", "twice", "thrice"}},
    {k_percent, {"percent", "pct", "pp", "ppt"}},
    {k_duration,
     {"ms",        "msec",        "msecs",        "millisecond", "milliseconds", "\xC2\xB5s",
      "\xCE\xBCs", "microsecond", "microseconds", "ns",          "nanosecond",   "nanoseconds",
      "s",         "sec",         "secs",         "second",      "seconds",      "min",
      "mins",      "minute",      "minutes",      "h",           "hr",           "hrs",
      "hour",      "hours",       "day",          "days",        "wk",           "wks",
      "week",      "weeks",       "mo",           "mos",         "month",        "months",
      "quarter",   "quarters",    "yr",           "yrs",         "year",         "years",
      "decade",    "decades",     "sprint",       "sprints",     "night",        "nights",
      "weekend",   "weekends"}},
    {k_time_unit, {"s",    "sec",    "second", "min",     "minute", "h",       "hr",      "hour",
                   "d",    "day",    "wk",     "week",    "mo",     "month",   "quarter", "yr",
                   "year", "sprint", "night",  "weekend", "shift",  "release", "deploy"}},
    {k_size, {"byte",     "bytes",     "kb",       "kib",       "mb",       "mib",
              "gb",       "gib",       "tb",       "tib",       "pb",       "pib",
              "kilobyte", "kilobytes", "megabyte", "megabytes", "gigabyte", "gigabytes",
              "terabyte", "terabytes", "petabyte", "petabytes"}},
    {k_rate,
     {"rps", "qps", "tps", "rpm", "rph", "ops", "iops", "fps", "bps", "kbps", "mbps", "gbps", "hz",
      "khz", "mhz", "ghz"}},
    {k_money,
     {"usd", "eur", "gbp", "chf", "jpy", "inr", "cad", "aud", "dollar", "dollars", "euro", "euros",
      "pound", "pounds", "cents", "bucks"}},
    {k_times, {"x", "times", "fold"}},
    {k_approx,
     {"about", "around", "roughly", "approximately", "approx", "nearly", "almost", "over", "under",
      "circa", "ca", "some", "upwards"}},
    {k_label,
     {"version",  "ver",      "v",        "release",   "step",       "phase",     "round",
      "option",   "tier",     "level",    "stage",     "part",       "chapter",   "section",
      "item",     "page",     "line",     "number",    "no",         "nr",        "num",
      "rfc",      "iso",      "ieee",     "pep",       "cve",        "jsr",       "jep",
      "ticket",   "issue",    "pr",       "bug",       "http",       "https",     "ipv",
      "top",      "rank",     "sprint",   "episode",   "figure",     "fig",       "table",
      "slide",    "grade",    "class",    "category",  "type",       "case",      "question",
      "exercise", "lesson",   "module",   "gen",       "generation", "series",    "model",
      "sev",      "severity", "priority", "room",      "floor",      "gate",      "port",
      "shard",    "zone",     "batch",    "wave",      "iteration",  "milestone", "epic",
      "attempt",  "article",  "clause",   "paragraph", "rule",       "test",      "scenario",
      "error",    "code",     "status",   "team",      "group",      "build",     "commit",
      "revision", "rev",      "patch",    "vol",       "volume",     "act",       "scene",
      "season",   "unit",     "lane",     "player",    "rule",       "day"}},
    {k_year_cue,
     {"in",     "since", "by",     "until",  "till",   "during",  "of",    "from",   "to",
      "early",  "late",  "mid",    "the",    "our",    "my",      "their", "his",    "her",
      "its",    "this",  "that",   "last",   "next",   "before",  "after", "around", "circa",
      "fiscal", "fy",    "summer", "winter", "spring", "autumn",  "fall",  "q1",     "q2",
      "q3",     "q4",    "h1",     "h2",     "year",   "between", "and",   "through"}},
    {k_break,
     {"the",   "a",     "an",   "and",   "or",    "but",   "nor",    "to",      "in",     "on",
      "at",    "for",   "with", "by",    "from",  "into",  "onto",   "over",    "under",  "about",
      "than",  "then",  "that", "which", "who",   "whom",  "whose",  "was",     "were",   "is",
      "are",   "be",    "been", "being", "has",   "have",  "had",    "do",      "does",   "did",
      "it",    "its",   "we",   "i",     "you",   "he",    "she",    "they",    "them",   "us",
      "me",    "our",   "my",   "your",  "their", "his",   "her",    "this",    "these",  "those",
      "as",    "so",    "if",   "when",  "while", "after", "before", "because", "since",  "until",
      "not",   "no",    "will", "would", "can",   "could", "should", "may",     "might",  "must",
      "also",  "there", "here", "each",  "every", "all",   "per",    "out",     "of",     "via",
      "where", "what",  "how",  "why",   "am",    "pm",    "ago",    "later",   "earlier"}},
    {k_not_plural,
     {"its",          "has",        "was",      "yes",       "his",       "hers",     "ours",
      "yours",        "theirs",     "does",     "goes",      "this",      "thus",     "plus",
      "less",         "unless",     "always",   "perhaps",   "sometimes", "besides",  "towards",
      "afterwards",   "whereas",    "across",   "various",   "previous",  "serious",  "kubernetes",
      "postgres",     "jenkins",    "redis",    "express",   "ios",       "macos",    "aws",
      "news",         "means",      "lens",     "physics",   "minus",     "versus",   "alias",
      "bias",         "atlas",      "canvas",   "chaos",     "overseas",  "nowadays", "regardless",
      "nevertheless", "downstairs", "upstairs", "analytics", "ms",        "seems",    "makes",
      "takes",        "gets",       "uses",     "needs",     "shows",     "runs",     "says",
      "means",        "lets",       "helps",    "works",     "looks",     "remains",  "includes",
      "requires",     "supports",   "allows",   "provides",  "becomes",   "comes",    "adds"}},
    {k_plural,
     {"people", "staff", "personnel", "children", "men", "women", "criteria", "alumni", "data"}},
    {k_tool, {"python",      "java",          "go",         "golang",    "node",
              "nodejs",      "php",           "ruby",       "rails",     "django",
              "flask",       "spring",        "boot",       "kotlin",    "scala",
              "swift",       "rust",          "perl",       "erlang",    "elixir",
              "haskell",     "postgres",      "postgresql", "mysql",     "mariadb",
              "redis",       "kafka",         "react",      "angular",   "vue",
              "ubuntu",      "debian",        "centos",     "rhel",      "fedora",
              "alpine",      "windows",       "ios",        "android",   "macos",
              "oauth",       "http",          "https",      "tls",       "ssl",
              "ipv",         "jdk",           "jre",        "openjdk",   "mongodb",
              "cassandra",   "elasticsearch", "kubernetes", "terraform", "docker",
              "dotnet",      "net",           "sql",        "html",      "css",
              "es",          "ecmascript",    "gpt",        "llama",     "claude",
              "gemini",      "gradle",        "maven",      "webpack",   "typescript",
              "laravel",     "symfony",       "nestjs",     "nextjs",    "jquery",
              "bootstrap",   "junit",         "pytest",     "jest",      "selenium",
              "chrome",      "firefox",       "safari",     "iphone",    "pixel",
              "excel",       "server",        "edition",    "hibernate", "jakarta",
              "tensorflow",  "pytorch",       "cuda",       "bluetooth", "wifi",
              "usb",         "pcie",          "ddr",        "lte",       "ssh",
              "smtp",        "imap",          "snmp",       "ldap",      "saml",
              "openid",      "grpc",          "protobuf",   "thrift",    "avro",
              "spark",       "hadoop",        "airflow",    "nginx",     "apache",
              "tomcat",      "helm",          "ansible",    "openssl",   "sqlite",
              "oracle",      "dynamodb",      "cobol",      "fortran",   "c",
              "lua",         "dart",          "flutter",    "ember",     "svelte",
              "deno",        "bun",           "unicode",    "ecma",      "sha",
              "md",          "utf",           "ipad",       "galaxy",    "xbox",
              "playstation", "kernel",        "linux",      "freebsd",   "solaris",
              "aix"}},
    {k_clock,
     {"am", "pm", "a.m", "p.m", "o'clock", "o\u2019clock", "oclock", "utc", "gmt", "cet", "cest",
      "est", "edt", "pst", "pdt", "bst", "ist"}},
    {k_status,
     {"error", "errors", "status", "response", "responses", "code", "codes", "page", "pages",
      "reply", "replies"}},
    {k_reason,
     {"ok",          "created",      "accepted",  "found",     "moved",         "not",
      "bad",         "unauthorized", "forbidden", "conflict",  "gone",          "too",
      "internal",    "service",      "gateway",   "no",        "partial",       "see",
      "temporary",   "permanent",    "payment",   "method",    "request",       "precondition",
      "unsupported", "misdirected",  "locked",    "failed",    "unavailable",   "insufficient",
      "loop",        "network",      "continue",  "switching", "unprocessable", "teapot",
      "content",     "multiple",     "length",    "range",     "expectation",   "upgrade",
      "variant",     "http",         "i'm"}},
    {k_determiner,
     {"the", "our", "my", "their", "its", "his", "her", "your", "these", "those", "all"}},
    {k_month, {"january",   "february", "march",    "april",    "may",  "june", "july", "august",
               "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
               "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"}},
};

// The words the rules below test for one at a time ("of", "to", "per"). Each
// has a number, which the table gives every token, so that such a test
// compares a byte instead of two strings: the tests run on every word.
constexpr std::string_view k_named_words[] = {
    "a",          "an",         "and",    "as",      "at",     "back",  "between", "bigger",
    "by",         "cent",       "close",  "day",     "down",   "each",  "every",   "faster",
    "fewer",      "first",      "for",    "from",    "front",  "go",    "half",    "halves",
    "in",         "just",       "larger", "lasted",  "latter", "least", "less",    "magnitude",
    "magnitudes", "may",        "more",   "most",    "of",     "once",  "one",     "only",
    "or",         "order",      "orders", "other",   "out",    "over",  "per",     "point",
    "points",     "second",     "slower", "smaller", "takes",  "than",  "the",     "to",
    "took",       "under",      "up",     "what",    "within", "zero",  "fold",    "s",
    "x",          "percentage", "basis",  "sprint",  "sprints"};

consteval std::uint8_t name_of(std::string_view word) {
  for (std::size_t k = 0; k < std::size(k_named_words); ++k) {
    if (k_named_words[k] == word) {
      return static_cast<std::uint8_t>(k + 1);
    }
  }
  throw "a word the code names must be in k_named_words"; // a compile-time error
}

// A word as the code names it: is_word(i, "of"). Checked at compile time.
struct Name {
  // NOLINTNEXTLINE(google-explicit-constructor): is_word(i, "of") reads best
  consteval Name(const char* word) : id(name_of(word)) {}
  std::uint8_t id;
};

struct WordEntry {
  std::uint32_t flags = 0;
  std::uint8_t name = 0; // 1 + its index in k_named_words, or 0
};

// Bytes readable past the start of any word a WordTable looks up.
constexpr std::size_t k_key_slack = 16;

// A word of at most 16 bytes as two integers, zero past its end: hashing and
// comparing it take a few instructions instead of a loop over its bytes.
struct WordKey {
  std::uint64_t low = 0;
  std::uint64_t high = 0;
  bool operator==(const WordKey&) const = default;
};

// k_key_masks[n] keeps the first n bytes of a word, whatever the byte order.
constexpr auto k_key_masks = [] {
  std::array<std::uint64_t, 9> masks{};
  for (std::size_t n = 0; n <= 8; ++n) {
    std::array<unsigned char, 8> bytes{};
    for (std::size_t k = 0; k < n; ++k) {
      bytes[k] = 0xFF;
    }
    masks[n] = std::bit_cast<std::uint64_t>(bytes);
  }
  return masks;
}();

// `word` has k_key_slack readable bytes; size is at most 16.
WordKey key_of(const char* word, std::size_t size) {
  WordKey key;
  std::memcpy(&key.low, word, sizeof key.low);
  std::memcpy(&key.high, word + sizeof key.low, sizeof key.high);
  key.low &= k_key_masks[std::min<std::size_t>(size, 8)];
  key.high &= k_key_masks[size > 8 ? size - 8 : 0];
  return key;
}

// An open-addressing table over the lists: std::unordered_map spent a third
// of the recogniser's time hashing the words of every paragraph.
class WordTable {
public:
  WordTable() {
    for (const WordList& list : k_word_lists) {
      for (std::string_view word : list.words) {
        if (Slot* slot = insert(word)) {
          slot->entry.flags |= list.flags;
        }
      }
    }
    for (std::size_t k = 0; k < std::size(k_named_words); ++k) {
      if (Slot* slot = insert(k_named_words[k])) {
        slot->entry.name = static_cast<std::uint8_t>(k + 1);
      }
    }
  }

  // `word` has k_key_slack readable bytes.
  WordEntry find(const char* word, std::size_t size) const {
    if (size == 0 || size > k_max_listed) {
      return {};
    }
    return m_slots[probe(key_of(word, size), size)].entry;
  }

  WordEntry find(std::string_view word) const {
    std::array<char, k_key_slack> buffer{};
    const std::size_t size = std::min(word.size(), buffer.size());
    std::copy_n(word.begin(), size, buffer.begin());
    return find(buffer.data(), word.size());
  }

private:
  static constexpr std::size_t k_max_listed = 16;
  static constexpr int k_slot_bits = 11; // about three times the words listed
  static constexpr std::size_t k_slots = std::size_t{1} << k_slot_bits;

  struct Slot {
    WordKey key;
    std::size_t size = 0; // 0: empty
    WordEntry entry;
  };

  // A word longer than any looked up is left out: find() never asks for it.
  Slot* insert(std::string_view word) {
    if (word.empty() || word.size() > k_max_listed) {
      return nullptr;
    }
    std::array<char, k_key_slack> buffer{};
    std::copy(word.begin(), word.end(), buffer.begin());
    const WordKey key = key_of(buffer.data(), word.size());
    Slot& slot = m_slots[probe(key, word.size())];
    slot.key = key;
    slot.size = word.size();
    return &slot;
  }

  static std::size_t hash(const WordKey& key) {
    const std::uint64_t mixed = key.low * 0x9E3779B97F4A7C15ULL ^ key.high * 0xC2B2AE3D27D4EB4FULL;
    return static_cast<std::size_t>(mixed >> (64 - k_slot_bits));
  }

  // The slot holding the word, or the empty slot where it would go.
  std::size_t probe(const WordKey& key, std::size_t size) const {
    std::size_t at = hash(key);
    while (m_slots[at].size != 0 && (m_slots[at].size != size || !(m_slots[at].key == key))) {
      at = (at + 1) & (k_slots - 1);
    }
    return at;
  }

  std::array<Slot, k_slots> m_slots{};
};

const WordTable& word_table() {
  static const WordTable table;
  return table;
}

std::uint32_t flags_of(std::string_view lower) {
  return word_table().find(lower).flags;
}

// ---------------------------------------------------------------- tokens

enum class TokenType : std::uint8_t { number, word, symbol };

// Number flags (in Token::flags of a number).
enum NumberFlag : std::uint32_t {
  k_decimal = 1U << 0,   // 2.5
  k_grouped = 1U << 1,   // 1,200
  k_multi_dot = 1U << 2, // 1.2.3, 10.0.0.1
};

constexpr char32_t k_arrow = U'\u2192';
constexpr char32_t k_en_dash = U'\u2013';
constexpr char32_t k_em_dash = U'\u2014';
constexpr char32_t k_times_sign = U'\u00D7';
constexpr char32_t k_apostrophe = U'\u2019';

struct Token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  TokenType type = TokenType::symbol;
  bool glued = false;    // no space between it and the token before
  bool hyphen = false;   // a word with an inner '-': twenty-five, one-on-one
  std::uint8_t name = 0; // a word's WordEntry::name
  char32_t symbol = 0;   // a symbol's character, normalised (all arrows are U+2192)
  std::uint32_t flags = 0;
};

struct Decoded {
  char32_t code_point = 0;
  std::uint32_t length = 1;
};

Decoded decode(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80) {
    return {lead, 1};
  }
  const std::uint32_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (length == 1 || at + length > text.size()) {
    return {0xFFFD, 1};
  }
  char32_t code_point = lead & (0x7FU >> length);
  for (std::uint32_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[at + k]);
    if ((next & 0xC0U) != 0x80U) {
      return {0xFFFD, 1};
    }
    code_point = (code_point << 6) | (next & 0x3FU);
  }
  return {code_point, length};
}

enum class CharClass : std::uint8_t { space, digit, letter, joiner, symbol };

struct Char {
  CharClass kind = CharClass::symbol;
  char32_t symbol = 0; // normalised, for symbols
  std::uint32_t length = 1;
};

char32_t normalise_symbol(char32_t cp) {
  switch (cp) {
  case U'\u2010':
  case U'\u2011':
  case U'\u2212':
    return U'-';
  case U'\u2015':
    return k_em_dash;
  case U'\u21D2':
  case U'\u27F6':
  case U'\u27F9':
  case U'\u279C':
  case U'\u2794':
    return k_arrow;
  case U'\u2248':
  case U'\u223C':
    return U'~';
  case U'\u2264':
    return U'<';
  case U'\u2265':
    return U'>';
  default:
    return cp;
  }
}

constexpr std::array<CharClass, 128> k_ascii_classes = [] {
  std::array<CharClass, 128> table{};
  for (std::size_t c = 0; c < 128; ++c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      table[c] = CharClass::space;
    } else if (c >= '0' && c <= '9') {
      table[c] = CharClass::digit;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      table[c] = CharClass::letter;
    } else if (c == '\'' || c == '-' || c == '.' || c == '_') {
      table[c] = CharClass::joiner;
    } else {
      table[c] = CharClass::symbol;
    }
  }
  return table;
}();

Char classify_wide(std::string_view text, std::size_t at);

inline Char classify(std::string_view text, std::size_t at) {
  const auto byte = static_cast<unsigned char>(text[at]);
  if (byte < 0x80) {
    return {k_ascii_classes[byte], byte, 1};
  }
  return classify_wide(text, at);
}

Char classify_wide(std::string_view text, std::size_t at) {
  const Decoded d = decode(text, at);
  const char32_t cp = d.code_point;
  if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
      cp == 0x3000 || cp == 0xFEFF) {
    return {CharClass::space, 0, d.length};
  }
  if (cp == k_apostrophe || cp == 0x2010 || cp == 0x2011) {
    return {CharClass::joiner, normalise_symbol(cp), d.length};
  }
  if (cp == 0xB5) {
    return {CharClass::letter, 0, d.length}; // µ, as in µs
  }
  const bool punctuation = cp <= 0xBF || cp == 0xD7 || cp == 0xF7 ||
                           (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
                           (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFFFD;
  if (punctuation) {
    return {CharClass::symbol, normalise_symbol(cp), d.length};
  }
  return {CharClass::letter, 0, d.length};
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

constexpr std::array<bool, 256> k_ascii_alnum = [] {
  std::array<bool, 256> table{};
  for (std::size_t c = 0; c < 128; ++c) {
    table[c] = k_ascii_classes[c] == CharClass::letter || k_ascii_classes[c] == CharClass::digit;
  }
  return table;
}();

char lower_ascii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

class Tokenizer {
public:
  // `padded` holds the text (in any case) and a byte past it that is no
  // letter or digit.
  Tokenizer(std::string_view text, const char* padded) : m_text(text), m_padded(padded) {}

  void run(std::vector<Token>& tokens) {
    tokens.clear();
    tokens.reserve(m_text.size() / 4 + 4);
    bool spaced = true;
    std::size_t at = 0;
    while (at < m_text.size()) {
      const Char c = classify(m_text, at);
      if (c.kind == CharClass::space) {
        spaced = true;
        at += c.length;
        continue;
      }
      Token token;
      token.begin = static_cast<std::uint32_t>(at);
      token.glued = !spaced && !tokens.empty();
      const bool after_number = token.glued && tokens.back().type == TokenType::number;
      if (c.kind == CharClass::digit) {
        at = scan_number(at, token);
      } else if (c.kind == CharClass::letter) {
        at = scan_word(at, token, after_number);
      } else {
        at = scan_symbol(at, c, token);
      }
      token.end = static_cast<std::uint32_t>(at);
      tokens.push_back(token);
      spaced = false;
    }
  }

private:
  bool digit_at(std::size_t at) const { return at < m_text.size() && is_digit(m_text[at]); }

  std::size_t scan_number(std::size_t at, Token& token) {
    token.type = TokenType::number;
    while (digit_at(at)) {
      ++at;
    }
    for (;;) {
      if ((token.flags & k_decimal) == 0 && at < m_text.size() && m_text[at] == ',' &&
          digit_at(at + 1) && digit_at(at + 2) && digit_at(at + 3) && !digit_at(at + 4)) {
        token.flags |= k_grouped;
        at += 4;
      } else if (at < m_text.size() && m_text[at] == '.' && digit_at(at + 1)) {
        token.flags |= (token.flags & k_decimal) != 0 ? k_multi_dot : k_decimal;
        ++at;
        while (digit_at(at)) {
          ++at;
        }
      } else {
        return at;
      }
    }
  }

  // A word runs over letters and digits, and over ' - . _ between them
  // (don't, Node.js, UTF-8, x86-64); a unit glued to a number (300ms, 10k)
  // stops at them, so that "10k-20k" stays a range.
  std::size_t scan_word(std::size_t at, Token& token, bool after_number) {
    token.type = TokenType::word;
    for (;;) {
      // The padding stops the hottest loop without a bounds check.
      while (k_ascii_alnum[static_cast<unsigned char>(m_padded[at])]) {
        ++at;
      }
      if (at >= m_text.size()) {
        return at;
      }
      const Char c = classify(m_text, at);
      if (c.kind == CharClass::letter || c.kind == CharClass::digit) {
        at += c.length;
        continue;
      }
      if (c.kind != CharClass::joiner || after_number || at + c.length >= m_text.size()) {
        return at;
      }
      const Char next = classify(m_text, at + c.length);
      const bool inner =
          next.kind == CharClass::letter ||
          (next.kind == CharClass::digit && c.symbol != U'\'' && c.symbol != k_apostrophe);
      if (!inner) {
        return at;
      }
      token.hyphen = token.hyphen || c.symbol == U'-';
      at += c.length;
    }
  }

  std::size_t scan_symbol(std::size_t at, const Char& c, Token& token) {
    token.type = TokenType::symbol;
    token.symbol = c.symbol;
    const std::string_view rest = m_text.substr(at);
    for (std::string_view arrow : {std::string_view("-->"), std::string_view("->"),
                                   std::string_view("=>"), std::string_view("==>")}) {
      if (rest.starts_with(arrow)) {
        token.symbol = k_arrow;
        return at + arrow.size();
      }
    }
    return at + c.length;
  }

  std::string_view m_text;
  const char* m_padded;
};

// ---------------------------------------------------------------- numbers

struct NumberInfo {
  std::uint64_t value = 0; // the integer part, capped
  int digits = 0;          // digits of the integer part, without group commas
  bool decimal = false;
  bool grouped = false;
  bool multi_dot = false;
};

NumberInfo number_info(std::string_view text, const Token& token) {
  NumberInfo info;
  info.decimal = (token.flags & k_decimal) != 0;
  info.grouped = (token.flags & k_grouped) != 0;
  info.multi_dot = (token.flags & k_multi_dot) != 0;
  for (std::uint32_t at = token.begin; at < token.end && text[at] != '.'; ++at) {
    if (is_digit(text[at])) {
      ++info.digits;
      info.value = std::min<std::uint64_t>(
          info.value * 10 + static_cast<std::uint64_t>(text[at] - '0'), 1'000'000'000'000ULL);
    }
  }
  return info;
}

bool is_plain_integer(const NumberInfo& info) {
  return !info.decimal && !info.grouped && !info.multi_dot;
}

// The years prose mentions ("in 2021"), which the recogniser never counts
// alone.
bool is_year_like(const NumberInfo& info) {
  return is_plain_integer(info) && info.digits == 4 && info.value >= 1990 && info.value <= 2039;
}

bool is_http_status(const NumberInfo& info) {
  static constexpr std::uint64_t k_codes[] = {100, 101, 200, 201, 202, 204, 206, 301, 302, 303, 304,
                                              307, 308, 400, 401, 402, 403, 404, 405, 406, 408, 409,
                                              410, 412, 413, 415, 418, 422, 425, 429, 431, 451, 500,
                                              501, 502, 503, 504, 505, 507, 508, 511};
  return is_plain_integer(info) && info.digits == 3 &&
         std::find(std::begin(k_codes), std::end(k_codes), info.value) != std::end(k_codes);
}

// ---------------------------------------------------------------- quantities

struct Quantity {
  std::size_t first = 0; // tokens [first, last], prefix and binding included
  std::size_t last = 0;
  std::size_t number = 0; // the number's own first token
  std::optional<MetricKind> kind;
  bool killed = false;      // a false friend: takes part in nothing
  bool year = false;        // a year-like number
  bool approximate = false; // "about", "~", "under", "500+"
  bool currency = false;
  bool magnitude = false; // 10k, 3 million
  bool singular = false;  // "one", "a": binds only to units
  bool unitless() const { return !kind || *kind == MetricKind::amount; }
};

// What the recogniser builds for a paragraph, kept by each thread from one
// paragraph to the next: allocating it anew cost as much as the words'
// lookups.
struct Scratch {
  std::string lower;
  std::vector<Token> tokens;
  std::vector<Quantity> quantities;
  std::vector<Quantity> merged;
};

class Recognizer {
public:
  Recognizer(std::string_view text, Scratch& scratch)
      : m_text(text), m_lower(scratch.lower), m_tokens(scratch.tokens),
        m_quantities(scratch.quantities), m_merged(scratch.merged) {
    m_lower.assign(text);
    std::transform(m_lower.begin(), m_lower.end(), m_lower.begin(), lower_ascii);
    m_lower.append(k_key_slack, '\0');
    Tokenizer(text, m_lower.data()).run(m_tokens);
    m_quantities.clear();
    const WordTable& table = word_table();
    for (Token& token : m_tokens) {
      if (token.type == TokenType::word) {
        const WordEntry entry = table.find(m_lower.data() + token.begin, token.end - token.begin);
        token.flags = entry.flags;
        token.name = entry.name;
      }
    }
  }

  // The metrics, in m_merged: alive quantities with a kind.
  void run() {
    for (std::size_t i = 0; i < m_tokens.size();) {
      std::optional<Quantity> quantity;
      if (m_tokens[i].type == TokenType::number) {
        quantity = digits_quantity(i);
      } else if (m_tokens[i].type == TokenType::word && may_start_quantity(i)) {
        quantity = word_quantity(i);
      }
      if (quantity) {
        i = quantity->last + 1;
        if (!m_quantities.empty() && quantity->first <= m_quantities.back().last) {
          quantity->first = m_quantities.back().last + 1; // a prefix the last one took
        }
        m_quantities.push_back(*quantity);
      } else {
        ++i;
      }
    }
    merge();
  }

  std::size_t count() const {
    return static_cast<std::size_t>(std::count_if(m_merged.begin(), m_merged.end(), is_metric));
  }

  std::vector<MetricMatch> matches() const {
    std::vector<MetricMatch> out;
    for (const Quantity& q : m_merged) {
      if (is_metric(q)) {
        out.push_back({m_tokens[q.first].begin, m_tokens[q.last].end, *q.kind});
      }
    }
    return out;
  }

private:
  // -- token access

  bool valid(std::size_t i) const { return i < m_tokens.size(); }
  std::string_view text(std::size_t i) const {
    const Token& t = m_tokens[i];
    return m_text.substr(t.begin, t.end - t.begin);
  }
  std::string_view lower(const Token& t) const {
    return std::string_view(m_lower).substr(t.begin, t.end - t.begin);
  }
  std::string_view lower(std::size_t i) const { return lower(m_tokens[i]); }
  bool is_word(std::size_t i) const { return valid(i) && m_tokens[i].type == TokenType::word; }
  // Only words have a name.
  bool is_word(std::size_t i, Name w) const { return valid(i) && m_tokens[i].name == w.id; }
  bool has(std::size_t i, std::uint32_t flags) const {
    return is_word(i) && (m_tokens[i].flags & flags) != 0;
  }
  bool is_symbol(std::size_t i, char32_t symbol) const {
    return valid(i) && m_tokens[i].type == TokenType::symbol && m_tokens[i].symbol == symbol;
  }
  bool glued(std::size_t i) const { return valid(i) && m_tokens[i].glued; }
  bool capitalized(std::size_t i) const {
    return is_word(i) && m_text[m_tokens[i].begin] >= 'A' && m_text[m_tokens[i].begin] <= 'Z';
  }
  bool is_currency_symbol(std::size_t i) const {
    return is_symbol(i, U'$') || is_symbol(i, U'\u20AC') || is_symbol(i, U'\u00A3') ||
           is_symbol(i, U'\u00A5') || is_symbol(i, U'\u20B9');
  }
  // Token i starts a sentence: nothing before it but an opening mark.
  bool sentence_start(std::size_t i) const {
    if (i == 0) {
      return true;
    }
    const Token& before = m_tokens[i - 1];
    if (before.type != TokenType::symbol) {
      return false;
    }
    switch (before.symbol) {
    case U'.':
    case U'!':
    case U'?':
    case U':':
    case U';':
    case U'(':
    case U'[':
    case U'"':
    case U'\u201C':
    case U'*':
    case U'\u2022':
    case k_em_dash:
      return true;
    default:
      return false;
    }
  }

  // -- numbers in digits

  std::optional<Quantity> digits_quantity(std::size_t i) const {
    Quantity q{.first = i, .last = i, .number = i};
    const NumberInfo info = number_info(m_text, m_tokens[i]);
    if (glued_to_identifier(i) || info.multi_dot) {
      q.killed = true;
      return q;
    }
    if (std::optional<std::size_t> end = date_or_time(i)) {
      q.last = *end;
      q.killed = true;
      return q;
    }
    take_prefix(q);
    std::size_t next = i + 1;
    if (is_word(next) && glued(next)) {
      next = glued_suffix(q, info, next);
      if (q.killed) {
        return q;
      }
    }
    bind(q, next);
    judge(q, info);
    return q;
  }

  // "HTTP/2", "#42", "port:8080", ".NET": a number glued on the left to
  // something that makes it part of a name.
  bool glued_to_identifier(std::size_t i) const {
    if (!glued(i) || i == 0) {
      return false;
    }
    const Token& before = m_tokens[i - 1];
    if (before.type != TokenType::symbol) {
      return true; // a word or number glued on: only an identifier does that
    }
    switch (before.symbol) {
    case U'#':
    case U'@':
    case U'^':
      return true;
    case U'/':
    case U':':
    case U'.':
    case U'_':
    case U'+':
    case U'&':
      return glued(i - 1);
    default:
      return false;
    }
  }

  // "10:30", "24/7", "2021-05-04", "3/4": dates, times, ratios and fractions.
  // Returns the last token of the group.
  std::optional<std::size_t> date_or_time(std::size_t i) const {
    auto joined = [&](std::size_t at, char32_t symbol) {
      return is_symbol(at, symbol) && glued(at) && valid(at + 1) &&
             m_tokens[at + 1].type == TokenType::number && glued(at + 1);
    };
    if (joined(i + 1, U':') || joined(i + 1, U'/')) {
      std::size_t end = i + 2;
      while (joined(end + 1, U':') || joined(end + 1, U'/')) {
        end += 2;
      }
      return end;
    }
    if (joined(i + 1, U'-') && joined(i + 3, U'-')) {
      return i + 4;
    }
    return std::nullopt;
  }

  // Currency, sign and approximation before the number: "about $2M", "~300",
  // "+30%", "more than 500".
  void take_prefix(Quantity& q) const {
    std::size_t at = q.number;
    if (at > 0 && (is_symbol(at - 1, U'+') || is_symbol(at - 1, U'-')) && glued(at) &&
        (at - 1 == 0 || !glued(at - 1))) {
      --at;
    }
    if (at > 0 && is_currency(at - 1)) {
      q.currency = true;
      --at;
    }
    if (const std::size_t width = approximation_before(at); width > 0) {
      q.approximate = true;
      at -= width;
    }
    q.first = at;
  }

  // $, €, £, or a currency code in capitals: USD 300.
  bool is_currency(std::size_t i) const {
    return is_currency_symbol(i) ||
           (has(i, k_money) && lower(i).size() == 3 && m_text[m_tokens[i].begin] >= 'A' &&
            m_text[m_tokens[i].begin] <= 'Z');
  }

  // How many tokens before `at` say "roughly": ~, <, about, nearly, more
  // than, at least, up to. 0 when none.
  std::size_t approximation_before(std::size_t at) const {
    if (at == 0) {
      return 0;
    }
    const std::size_t b = at - 1;
    if (is_symbol(b, U'~') || is_symbol(b, U'<') || is_symbol(b, U'>') || has(b, k_approx)) {
      return 1;
    }
    if (b == 0) {
      return 0;
    }
    const bool second =
        is_word(b, "than") || is_word(b, "least") || is_word(b, "most") || is_word(b, "to");
    const bool first = is_word(b - 1, "more") || is_word(b - 1, "less") ||
                       is_word(b - 1, "fewer") || is_word(b - 1, "at") || is_word(b - 1, "up") ||
                       is_word(b - 1, "close");
    return second && first ? 2 : 0;
  }

  // A unit glued to the digits: 300ms, 10k, 5GB, 10x, 503s. Returns where
  // binding continues.
  std::size_t glued_suffix(Quantity& q, const NumberInfo& info, std::size_t at) const {
    const std::string_view raw = text(at);
    const std::string_view low = lower(at);
    q.last = at;
    if (std::any_of(raw.begin(), raw.end(), is_digit)) {
      q.killed = true; // 0x1F, 3a4f: an id
      return at + 1;
    }
    if (raw == "k" || raw == "K" || raw == "M" || raw == "MM" || raw == "B" || raw == "m" ||
        raw == "b" || low == "bn" || low == "mn" || low == "mm") {
      q.magnitude = true;
      return at + 1;
    }
    if (low == "s") {
      // 503s are responses and 1990s a decade, not seconds.
      const bool decade = is_year_like(info) || (info.digits == 2 && info.value % 10 == 0 &&
                                                 q.first > 0 && has(q.first - 1, k_year_cue));
      if ((is_plain_integer(info) && info.digits == 3 && info.value >= 100 && info.value <= 599) ||
          decade) {
        q.killed = true;
        return at + 1;
      }
    }
    if (raw == "d" || raw == "w" || raw == "y" || (has(at, k_duration) && !has(at, k_clock))) {
      q.kind = MetricKind::duration;
    } else if (has(at, k_size)) {
      q.kind = MetricKind::size;
    } else if (has(at, k_rate)) {
      q.kind = MetricKind::rate;
    } else if (low == "x") {
      q.kind = MetricKind::multiplier;
    } else if (has(at, k_percent)) {
      q.kind = MetricKind::percent;
    } else {
      q.killed = true; // 5G, 2FA, 1st, 3am, 5xx, 1080p
    }
    return at + 1;
  }

  // -- numbers in words

  // Whether word_quantity(i) can find anything: most words are turned away
  // here, before the call.
  bool may_start_quantity(std::size_t i) const {
    return (m_tokens[i].flags & k_numeric) != 0 || m_tokens[i].hyphen || is_word(i, "a") ||
           is_word(i, "an") || is_word(i, "order") || is_word(i, "orders");
  }

  std::optional<Quantity> word_quantity(std::size_t i) const {
    const std::uint32_t flags = m_tokens[i].flags;
    if ((flags & k_numeric) == 0 && !m_tokens[i].hyphen && !is_word(i, "a") && !is_word(i, "an")) {
      return order_of_magnitude(i); // the common case: an ordinary word, nullopt
    }
    // "dropped to zero", "cut to zero": the outcome is a number
    if (is_word(i, "zero") && is_word(i - 1, "to")) {
      return Quantity{.first = i, .last = i, .number = i, .kind = MetricKind::count};
    }
    if ((flags & k_mult_verb) != 0) {
      if (is_word(i + 1, "down")) {
        return std::nullopt; // doubled down
      }
      return Quantity{.first = i, .last = i, .number = i, .kind = MetricKind::multiplier};
    }
    if ((flags & k_mult_adj) != 0) {
      if (has(i + 1, k_determiner) || is_word(i + 1, "in") || is_word(i + 1, "what")) {
        return Quantity{.first = i, .last = i, .number = i, .kind = MetricKind::multiplier};
      }
      return std::nullopt;
    }
    if ((flags & k_repeat) != 0) {
      return repeat_quantity(i);
    }
    if ((flags & k_magnitudes) != 0) {
      return vague_quantity(i);
    }
    if (std::optional<Quantity> fraction = fraction_quantity(i)) {
      return fraction;
    }
    if (m_tokens[i].hyphen) {
      return compound_quantity(i);
    }
    const bool article = is_word(i, "a") || is_word(i, "an");
    // "in under an hour", "within a day": a bound, so a duration; but not
    // "an hour later" or "for a minute"
    if (article && has(i + 1, k_time_unit) && !has(i + 2, k_time_unit) &&
        (is_word(i - 1, "under") || is_word(i - 1, "within") || is_word(i - 1, "than"))) {
      return Quantity{.first = i, .last = i + 1, .number = i, .kind = MetricKind::duration};
    }
    if ((flags & (k_value | k_magnitude)) == 0 && !(article && has(i + 1, k_magnitude))) {
      return std::nullopt;
    }
    return spelled_quantity(i);
  }

  // "an order of magnitude faster", "two orders of magnitude"
  std::optional<Quantity> order_of_magnitude(std::size_t i) const {
    if ((is_word(i, "order") || is_word(i, "orders")) && is_word(i + 1, "of") &&
        (is_word(i + 2, "magnitude") || is_word(i + 2, "magnitudes"))) {
      return Quantity{.first = i, .last = i + 2, .number = i, .kind = MetricKind::multiplier};
    }
    return std::nullopt;
  }

  // once a week, twice as fast, twice the throughput
  std::optional<Quantity> repeat_quantity(std::size_t i) const {
    if ((has(i + 1, k_break) &&
         (is_word(i + 1, "a") || is_word(i + 1, "an") || is_word(i + 1, "per") ||
          is_word(i + 1, "each") || is_word(i + 1, "every"))) &&
        has(i + 2, k_time_unit)) {
      return Quantity{.first = i, .last = i + 2, .number = i, .kind = MetricKind::rate};
    }
    if (is_word(i, "once")) {
      return std::nullopt;
    }
    if (is_word(i + 1, "as") || has(i + 1, k_determiner) || is_word(i + 1, "more") ||
        is_word(i + 1, "faster") || is_word(i + 1, "slower") || is_word(i + 1, "bigger") ||
        is_word(i + 1, "larger") || is_word(i + 1, "smaller") || is_word(i + 1, "over")) {
      return Quantity{.first = i, .last = i, .number = i, .kind = MetricKind::multiplier};
    }
    return std::nullopt;
  }

  // dozens of services, tens of thousands of users
  std::optional<Quantity> vague_quantity(std::size_t i) const {
    std::size_t at = i;
    if (!is_word(at + 1, "of")) {
      return std::nullopt;
    }
    while (is_word(at + 1, "of") && has(at + 2, k_magnitudes)) {
      at += 2;
    }
    Quantity q{.first = i, .last = at + 1, .number = i, .kind = MetricKind::count};
    if (std::optional<std::size_t> noun = counted_thing(at + 1)) {
      q.last = *noun;
    }
    return q;
  }

  // half of the requests, a third of the servers, cut in half, two thirds
  std::optional<Quantity> fraction_quantity(std::size_t i) const {
    std::size_t first = i;
    std::size_t at = i;
    const bool counted = has(i, k_value) || is_word(i, "a") || is_word(i, "an");
    if (counted && has(i + 1, k_fraction) && !glued(i + 1)) {
      at = i + 1;
    } else if (!is_word(i, "half") && !is_word(i, "halves")) {
      return std::nullopt;
    }
    const bool half = is_word(at, "half");
    const std::size_t before = first > 0 ? first - 1 : m_tokens.size();
    if (half && first == at &&
        (is_word(before, "the") || is_word(before, "first") || is_word(before, "second") ||
         is_word(before, "other") || is_word(before, "latter") || is_word(before, "and") ||
         is_word(before, "back") || is_word(before, "front"))) {
      return std::nullopt; // the second half of the year
    }
    const bool cue_before = has(before, k_approx) || is_word(before, "by") ||
                            is_word(before, "than") || is_word(before, "just") ||
                            is_word(before, "only") || is_word(before, "to") ||
                            (half && is_word(before, "in"));
    const bool of_after = is_word(at + 1, "of");
    const bool half_the = half && (has(at + 1, k_determiner) || is_word(at + 1, "a") ||
                                   is_word(at + 1, "an") || is_word(at + 1, "as"));
    if (!cue_before && !of_after && !half_the) {
      return std::nullopt; // a third party, the last quarter
    }
    Quantity q{.first = first, .last = at, .number = first, .kind = MetricKind::percent};
    if (cue_before && has(before, k_approx)) {
      q.first = before;
    }
    if (half && (is_word(at + 1, "a") || is_word(at + 1, "an")) && has(at + 2, k_time_unit)) {
      q.last = at + 2;
      q.kind = MetricKind::duration; // half an hour
    }
    return q;
  }

  // twenty-five, two-thirds, ten-minute, three-fold
  std::optional<Quantity> compound_quantity(std::size_t i) const {
    const std::string_view word = lower(i);
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= word.size()) {
      std::size_t dash = std::min(word.find('-', start), word.size());
      parts.push_back(word.substr(start, dash - start));
      start = dash + 1;
    }
    if (parts.size() < 2 || (flags_of(parts.front()) & k_value) == 0) {
      return std::nullopt;
    }
    const std::uint32_t last = flags_of(parts.back());
    Quantity q{.first = i, .last = i, .number = i};
    if (parts.size() == 2 && (last & k_fraction) != 0 &&
        (is_word(i + 1, "of") || (i > 0 && (is_word(i - 1, "by") || has(i - 1, k_approx))))) {
      q.kind = MetricKind::percent; // two-thirds of the fleet
      return q;
    }
    if (parts.size() == 2 && (last & k_fraction) != 0) {
      return std::nullopt; // a one-third stake, a three-quarter view
    }
    if (parts.size() == 2 && (last & (k_duration | k_size)) != 0) {
      q.kind = (last & k_size) != 0 ? MetricKind::size : MetricKind::duration;
      return q;
    }
    if (parts.size() == 2 && parts.back() == "fold") {
      q.kind = MetricKind::multiplier;
      return q;
    }
    for (std::string_view part : parts) {
      if ((flags_of(part) & k_value) == 0) {
        return std::nullopt; // one-on-one, two-phase
      }
    }
    std::optional<Quantity> out = q;
    finish_spelled(*out, i + 1, false);
    return out;
  }

  // two teams, a million requests, three hundred and fifty users
  std::optional<Quantity> spelled_quantity(std::size_t i) const {
    Quantity q{.first = i, .last = i, .number = i};
    const bool article = is_word(i, "a") || is_word(i, "an");
    std::size_t at = i;
    bool more = true;
    while (more) {
      more = false;
      if (has(at + 1, k_magnitude) || (has(at, k_value) && has(at + 1, k_value) &&
                                       !is_word(at + 1, "one") && !is_word(at, "one"))) {
        ++at;
        q.magnitude = q.magnitude || has(at, k_magnitude);
        more = true;
      } else if (has(at, k_magnitude) && is_word(at + 1, "and") && has(at + 2, k_value)) {
        at += 2;
        more = true;
      }
    }
    q.last = at;
    const bool one = at == i && (is_word(i, "one") || article);
    if (one && is_word(at + 1, "of")) {
      return std::nullopt; // one of the services
    }
    q.singular = one;
    if (article && !q.magnitude) {
      return std::nullopt;
    }
    take_prefix(q);
    finish_spelled(q, at + 1, article);
    return q;
  }

  void finish_spelled(Quantity& q, std::size_t next, bool article) const {
    bind(q, next);
    if (q.singular && q.kind == MetricKind::duration && !duration_cue(q.first)) {
      q.kind.reset(); // One day, the queue filled up.
    }
    if (!q.kind && q.magnitude && !article) {
      q.kind = MetricKind::amount; // three million
    }
    kill_by_context(q);
    if (!q.kind && q.approximate && !q.singular && !q.killed) {
      q.kind = MetricKind::amount;
    }
  }

  // "in one week", "under one second": a singular time span said as a
  // measure, unlike "one day, ..." which sets a scene.
  bool duration_cue(std::size_t first) const {
    if (first == 0) {
      return false;
    }
    const std::size_t b = first - 1;
    return has(b, k_approx) || is_word(b, "in") || is_word(b, "within") || is_word(b, "than") ||
           is_word(b, "to") || is_word(b, "from") || is_word(b, "for") || is_word(b, "only") ||
           is_word(b, "just") || is_word(b, "took") || is_word(b, "takes") ||
           is_word(b, "lasted") || is_word(b, "by");
  }

  // -- binding: what follows the number

  void bind(Quantity& q, std::size_t at) const {
    if (!bind_unit(q, at)) { // moves `at` past "million" and "+"
      if (q.kind) {
        extend_rate(q);
        return;
      }
      if (std::optional<std::size_t> noun = q.singular ? std::nullopt : counted_thing(at)) {
        q.kind = MetricKind::count;
        q.last = *noun;
      }
    }
    if (q.currency) {
      q.kind = MetricKind::money;
    }
    extend_rate(q);
  }

  // A unit right after the number (or after its glued unit): %, ms, GB,
  // x, percent, million, 10-minute. True when one was taken.
  bool bind_unit(Quantity& q, std::size_t& at) const {
    if (is_word(at) && !glued(at) && has(at, k_magnitude) && !q.magnitude) {
      q.magnitude = true;
      q.last = at;
      ++at;
    }
    if (is_symbol(at, U'+') && glued(at)) {
      q.approximate = true; // 500+ users
      q.last = at;
      ++at;
    }
    if (q.kind) {
      return false;
    }
    if (is_symbol(at, U'%')) {
      return take(q, at, MetricKind::percent);
    }
    if (is_symbol(at, k_times_sign)) {
      return take(q, at, MetricKind::multiplier);
    }
    if (is_symbol(at, U'-') && glued(at) && is_word(at + 1) && glued(at + 1)) {
      const std::uint32_t f = m_tokens[at + 1].flags;
      if ((f & (k_duration | k_size)) != 0 || is_word(at + 1, "fold")) {
        const MetricKind kind = (f & k_size) != 0         ? MetricKind::size
                                : is_word(at + 1, "fold") ? MetricKind::multiplier
                                                          : MetricKind::duration;
        return take(q, at + 1, kind);
      }
      return false; // 64-bit, 3-tier
    }
    if (!is_word(at)) {
      return false;
    }
    return bind_unit_word(q, at);
  }

  bool bind_unit_word(Quantity& q, std::size_t at) const {
    const std::uint32_t f = m_tokens[at].flags;
    if (is_word(at, "per") && is_word(at + 1, "cent")) {
      return take(q, at + 1, MetricKind::percent);
    }
    if ((is_word(at, "percentage") || is_word(at, "basis")) &&
        (is_word(at + 1, "points") || is_word(at + 1, "point"))) {
      return take(q, at + 1, MetricKind::percent);
    }
    if ((f & k_clock) != 0) {
      q.killed = true; // at 3 am
      q.last = at;
      return true;
    }
    if ((f & k_percent) != 0) {
      return take(q, at, MetricKind::percent);
    }
    if ((f & k_duration) != 0 && !is_word(at, "sprint") && !is_word(at, "sprints")) {
      return take(q, at, MetricKind::duration);
    }
    if ((f & k_size) != 0) {
      return take(q, at, MetricKind::size);
    }
    if ((f & k_rate) != 0) {
      return take(q, at, MetricKind::rate);
    }
    if ((f & k_money) != 0) {
      return take(q, at, MetricKind::money);
    }
    if ((f & k_times) != 0 && !is_word(at, "fold")) {
      return take(q, at, MetricKind::multiplier);
    }
    return false;
  }

  static bool take(Quantity& q, std::size_t at, MetricKind kind) {
    q.kind = kind;
    q.last = at;
    return true;
  }

  // A plural noun within three words: 500 concurrent users, 4 Kafka
  // brokers, two of our engineers, 30 req/s. Returns its token.
  std::optional<std::size_t> counted_thing(std::size_t at) const {
    if (is_word(at, "of")) {
      ++at;
      if (has(at, k_determiner)) {
        ++at;
      }
    }
    for (int words = 0; words < 3 && is_word(at); ++words, ++at) {
      if (is_symbol(at + 1, U'/') && glued(at + 1) && has(at + 2, k_time_unit) && glued(at + 2)) {
        return at + 2; // 500 req/s
      }
      if (plural_noun(at)) {
        return at;
      }
      if (has(at, k_break | k_value | k_magnitude | k_magnitudes | k_label)) {
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  bool plural_noun(std::size_t i) const {
    const std::uint32_t f = m_tokens[i].flags;
    if ((f & k_plural) != 0) {
      return true;
    }
    if ((f & (k_not_plural | k_break)) != 0) {
      return false;
    }
    const std::string_view raw = text(i);
    if (raw.size() < 3 || raw.back() != 's') {
      return false;
    }
    // APIs, VMs, PRs, SREs
    const std::string_view stem = raw.substr(0, raw.size() - 1);
    if (std::all_of(stem.begin(), stem.end(),
                    [](char c) { return (c >= 'A' && c <= 'Z') || is_digit(c); })) {
      return true;
    }
    const std::string_view low = lower(i);
    return !low.ends_with("ss") && !low.ends_with("us") && !low.ends_with("is") &&
           !low.ends_with("'s") && !low.ends_with("\xE2\x80\x99s");
  }

  // "... per second", "... a day", "... /s", "... each week"
  void extend_rate(Quantity& q) const {
    const std::size_t at = q.last + 1;
    const bool per_word = is_word(at, "per") && is_word(at + 1);
    const bool slash = is_symbol(at, U'/') && has(at + 1, k_time_unit) && glued(at + 1);
    const bool every =
        (is_word(at, "a") || is_word(at, "an") || is_word(at, "each") || is_word(at, "every")) &&
        has(at + 1, k_time_unit);
    if (!per_word && !slash && !every) {
      return;
    }
    q.last = at + 1;
    if (!q.kind || (*q.kind != MetricKind::money && *q.kind != MetricKind::percent)) {
      q.kind = MetricKind::rate;
    }
  }

  // -- false friends

  void judge(Quantity& q, const NumberInfo& info) const {
    if (q.killed) {
      return;
    }
    kill_by_context(q);
    if (q.killed) {
      return;
    }
    if (is_http_status(info) && http_context(q.last + 1)) {
      q.killed = true;
      return;
    }
    if (is_year_like(info) && !q.currency) {
      q.year = true;
      const bool named = q.kind && *q.kind != MetricKind::count && *q.kind != MetricKind::amount;
      if (!named && (!q.kind || (q.first > 0 && has(q.first - 1, k_year_cue | k_month)))) {
        q.killed = true; // in 2021, since 2019, 2021 alone
        return;
      }
    }
    if (!q.kind && (q.magnitude || q.approximate || q.currency)) {
      q.kind = q.currency ? MetricKind::money : MetricKind::amount;
    }
  }

  // "HTTP 503", "500 error", "404 Not Found"
  bool http_context(std::size_t next) const {
    if (has(next, k_status)) {
      return true;
    }
    return capitalized(next) && has(next, k_reason);
  }

  // The word before names the number instead of it measuring something:
  // step 2, version 3, Python 3.11 services, Tier 1 customers.
  void kill_by_context(Quantity& q) const {
    if (q.killed || q.first == 0) {
      return;
    }
    std::size_t before = q.first - 1;
    if (is_symbol(before, U'.') && before > 0 && is_word(before - 1) && glued(before)) {
      --before; // No. 3, Fig. 2
    }
    if (!is_word(before)) {
      // C++ 17 features
      if (is_symbol(before, U'+') && before > 0 && is_symbol(before - 1, U'+') && q.kind &&
          *q.kind == MetricKind::count) {
        q.killed = true;
      }
      return;
    }
    const std::uint32_t f = m_tokens[before].flags;
    const bool weak =
        !q.kind || *q.kind == MetricKind::count || (*q.kind == MetricKind::amount && !q.magnitude);
    // A label names only a bare number or a count: "the team 10 hours" is time.
    if ((f & k_label) != 0 && weak && !(is_word(before, "day") && !capitalized(before))) {
      q.killed = true;
      return;
    }
    const bool month = (f & k_month) != 0 && (capitalized(before) || !is_word(before, "may"));
    const bool tool = (f & k_tool) != 0 && (!is_word(before, "go") || capitalized(before));
    const bool proper = capitalized(before) && !sentence_start(before) && (f & k_approx) == 0;
    if (weak && (month || tool || proper)) {
      q.killed = true;
    }
  }

  // -- merging

  bool connector_between(const Quantity& a, const Quantity& b, std::string_view& how) const {
    const std::size_t gap_begin = a.last + 1;
    if (b.first < gap_begin) {
      return false;
    }
    const std::size_t gap = b.first - gap_begin;
    if (gap == 1) {
      const std::size_t g = gap_begin;
      if (is_symbol(g, k_arrow)) {
        how = "arrow";
      } else if (is_symbol(g, U'-') || is_symbol(g, k_en_dash)) {
        how = "dash";
      } else if (is_word(g, "to")) {
        how = "to";
      } else if (is_word(g, "or")) {
        how = "or";
      } else if (is_word(g, "and")) {
        how = "and";
      } else {
        return false;
      }
      return true;
    }
    if (gap == 2 && is_word(gap_begin, "out") && is_word(gap_begin + 1, "of")) {
      how = "out of";
      return true;
    }
    return false;
  }

  // Upgraded from 11 to 15, migrated from 2.7 to 3: versions, not a change.
  bool version_talk(std::size_t first) const {
    const std::size_t from = first >= 10 ? first - 10 : 0;
    for (std::size_t k = from; k < first; ++k) {
      if (!is_word(k)) {
        continue;
      }
      const std::string_view w = lower(k);
      if (w == "version" || w == "versions" || w == "v" || w == "release" ||
          w.starts_with("upgrad") || w.starts_with("migrat") || w.starts_with("bump") ||
          w.starts_with("releas") || w.starts_with("downgrad")) {
        return true;
      }
    }
    return false;
  }

  std::optional<Quantity> merged(const Quantity& a, const Quantity& b) const {
    std::string_view how;
    if (a.killed || b.killed || !connector_between(a, b, how)) {
      return std::nullopt;
    }
    Quantity out = b;
    out.first = a.first;
    const bool from = a.first > 0 && is_word(a.first - 1, "from");
    const bool between = a.first > 0 && is_word(a.first - 1, "between");
    if (how == "arrow" || (how == "to" && from)) {
      if (!a.kind && !b.kind && version_talk(a.first)) {
        return std::nullopt;
      }
      out.kind = MetricKind::change;
      return out;
    }
    if (how == "out of") {
      out.kind = MetricKind::count;
      return out;
    }
    const bool range_word =
        how == "dash" || how == "to" || how == "or" || (how == "and" && between);
    if (range_word && a.unitless() && b.kind && !b.unitless()) {
      return out; // 3-4 weeks, between 3 and 5 engineers
    }
    if ((how == "to" || how == "dash") && !a.unitless() && !b.unitless()) {
      out.kind = MetricKind::change; // cut p95 2 s to 300 ms
      return out;
    }
    return std::nullopt;
  }

  static bool is_metric(const Quantity& q) { return !q.killed && q.kind; }

  void merge() {
    std::vector<Quantity>& out = m_merged;
    out.clear();
    for (const Quantity& q : m_quantities) {
      if (!out.empty()) {
        if (std::optional<Quantity> joined = merged(out.back(), q)) {
          out.back() = *joined;
          continue;
        }
      }
      out.push_back(q);
    }
  }

  std::string_view m_text;
  std::string& m_lower;
  std::vector<Token>& m_tokens;
  std::vector<Quantity>& m_quantities;
  std::vector<Quantity>& m_merged;
};

Scratch& thread_scratch() {
  thread_local Scratch scratch;
  return scratch;
}

} // namespace

std::string_view to_string(MetricKind kind) {
  switch (kind) {
  case MetricKind::percent:
    return "percent";
  case MetricKind::duration:
    return "duration";
  case MetricKind::rate:
    return "rate";
  case MetricKind::size:
    return "size";
  case MetricKind::money:
    return "money";
  case MetricKind::multiplier:
    return "multiplier";
  case MetricKind::count:
    return "count";
  case MetricKind::change:
    return "change";
  case MetricKind::amount:
    return "amount";
  }
  return "amount";
}

std::vector<MetricMatch> find_metrics(std::string_view text) {
  if (text.empty()) {
    return {};
  }
  Recognizer recognizer(text, thread_scratch());
  recognizer.run();
  return recognizer.matches();
}

std::size_t count_metrics(std::string_view text) {
  if (text.empty()) {
    return 0;
  }
  Recognizer recognizer(text, thread_scratch());
  recognizer.run();
  return recognizer.count();
}

} // namespace answerlint::rules
