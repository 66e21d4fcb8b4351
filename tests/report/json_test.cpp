// The json format is written by hand as the findings come; it must stay byte
// for byte what nlohmann::json's dump(2) gave, escapes and the replacement
// of invalid UTF-8 included. The reference below is the DOM code it replaced.
#include "report/escape.hpp"
#include "report/reporter.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace answerlint {
namespace {

using Json = nlohmann::ordered_json;
using namespace std::string_literals;

std::string dom_json(const Report& report) {
  Json findings = Json::array();
  for (const Finding& f : report.findings) {
    findings.push_back({{"path", f.path},
                        {"line", f.span.line},
                        {"column", f.span.column},
                        {"end_line", f.span.end_line},
                        {"end_column", f.span.end_column},
                        {"rule", f.rule},
                        {"severity", to_string(f.severity)},
                        {"message", f.message},
                        {"kind", f.kind}});
  }
  Summary s = report.summary();
  Json root = {
      {"tool", {{"name", "answerlint"}, {"version", k_version}}},
      {"files_checked", report.files_checked},
      {"findings", std::move(findings)},
      {"summary", {{"error", s.error}, {"warning", s.warning}, {"info", s.info}}},
  };
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string dom_string(const std::string& text) {
  return Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string hand_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

std::string hex(std::string_view bytes) {
  std::string out;
  for (char c : bytes) {
    out += fmt::format("{:02x} ", static_cast<unsigned char>(c));
  }
  return out;
}

// Every kind of trouble: JSON's own escapes, every C0 control and DEL,
// non-ASCII of each length, and each way UTF-8 goes wrong (stray
// continuation, overlong, surrogate, past U+10FFFF, bytes never valid,
// sequences cut by another byte or by the end).
const std::vector<std::string> k_hostile = {
    "plain",
    "",
    "quote \" backslash \\ slash / tab\t newline\n cr\r bs\b ff\f",
    "nul \0 one \x01 us \x1f del \x7f"s,
    "\xC3\xA9l\xC3\xA8ve \xE2\x82\xAC \xF0\x9F\x98\x80 \xEF\xBF\xBD",
    "stray \x80 and \xBF",
    "overlong \xC0\xAF \xC1\xBF \xE0\x80\xAF \xF0\x80\x80\xAF",
    "surrogate \xED\xA0\x80 \xED\xBF\xBF",
    "too high \xF4\x90\x80\x80 \xF5\x80\x80\x80",
    "never \xFE \xFF",
    "cut \xE2\x82 by a space, \xF0\x9F\x98"
    "A by a letter, \xC3\xC3\xA9 by a lead",
    "cut at the end \xF0\x9F\x98",
    "\xE2",
    "\xED\x9F\xBF ok below the surrogates, \xEE\x80\x80 ok above",
};

TEST(JsonString, EscapesAndReplacesLikeNlohmann) {
  for (const std::string& text : k_hostile) {
    EXPECT_EQ(hand_string(text), dom_string(text)) << hex(text);
  }
}

TEST(JsonString, EveryStringOfOneOrTwoBytes) {
  for (int a = 0; a < 256; ++a) {
    std::string one(1, static_cast<char>(a));
    ASSERT_EQ(hand_string(one), dom_string(one)) << hex(one);
    for (int b = 0; b < 256; ++b) {
      std::string two = one + static_cast<char>(b);
      ASSERT_EQ(hand_string(two), dom_string(two)) << hex(two);
    }
  }
}

// Each kind of lead byte of a longer sequence with every second byte, then a third
// and fourth byte from each class (ASCII, the continuation ranges' edges,
// leads, never-valid bytes); and random strings from the same alphabet.
TEST(JsonString, LongerSequencesAndRandomStrings) {
  const std::string edges =
      "\x00\x41\x7F\x80\x8F\x90\x9F\xA0\xBF\xC0\xC2\xDF\xE0\xED\xF0\xF4\xF5\xFF"s;
  ASSERT_EQ(edges.size(), 18U);
  for (int lead : {0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF}) {
    for (int second = 0; second < 256; ++second) {
      for (char third : edges) {
        for (char fourth : edges) {
          std::string text{static_cast<char>(lead), static_cast<char>(second), third, fourth};
          ASSERT_EQ(hand_string(text), dom_string(text)) << hex(text);
        }
      }
    }
  }
  std::mt19937 random(42);
  std::uniform_int_distribution<std::size_t> length(0, 16);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int i = 0; i < 100000; ++i) {
    std::string text(length(random), '\0');
    for (char& c : text) {
      c = random() % 3 == 0 ? edges[random() % edges.size()] : static_cast<char>(byte(random));
    }
    ASSERT_EQ(hand_string(text), dom_string(text)) << hex(text);
  }
}

Finding finding(std::string path, int line, std::string message, Severity severity) {
  Finding f;
  f.path = std::move(path);
  f.span = {0, 1, line, 3, line + 1, 1};
  f.rule = "filler-words";
  f.severity = severity;
  f.message = std::move(message);
  f.kind = "behavioral";
  return f;
}

Report hostile_report() {
  Report report;
  report.files_checked = 7;
  int line = 1;
  for (const std::string& text : k_hostile) {
    report.findings.push_back(finding("answers/" + text + ".md", line, text, Severity::warning));
    ++line;
    report.findings.push_back(finding("a.md", line, "say \"what\" \xC3\xA9 " + text,
                                      line % 3 == 0 ? Severity::error : Severity::info));
  }
  report.findings.back().kind = "technical\t\xFF";
  report.findings.back().rule = "custom\\rule";
  return report;
}

TEST(JsonFormat, SameBytesAsTheDomOnHostileText) {
  EXPECT_EQ(format_json(hostile_report()), dom_json(hostile_report()));
}

TEST(JsonFormat, SameBytesAsTheDomWithoutFindings) {
  Report empty;
  EXPECT_EQ(format_json(empty), dom_json(empty));
  empty.files_checked = 12;
  EXPECT_EQ(format_json(empty), dom_json(empty));
}

// Several megabytes: the findings wait in a temporary file for the header,
// and come back in order, whole.
Report large_report() {
  Report report = hostile_report();
  for (int i = 0; i < 20000; ++i) {
    report.findings.push_back(finding(fmt::format("answers/{:05}.md", i), i,
                                      fmt::format("'basically' is filler ({}) \xE2\x82", i),
                                      Severity::warning));
  }
  report.files_checked = 20000;
  return report;
}

TEST(JsonFormat, SameBytesAsTheDomWhenLarge) {
  const Report report = large_report();
  const std::string json = format_json(report);
  EXPECT_GT(json.size(), std::size_t{4} << 20);
  EXPECT_EQ(json, dom_json(report));
}

// Without a temporary folder the findings wait in memory instead.
TEST(JsonFormat, SameBytesWhenNoTemporaryFileCanBeMade) {
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old != nullptr ? old : "";
  setenv("TMPDIR", "/nonexistent/answerlint-test", 1);
  const Report report = large_report();
  const std::string json = format_json(report);
  if (old != nullptr) {
    setenv("TMPDIR", saved.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
  EXPECT_EQ(json, dom_json(report));
}

// Nothing before finish(): the header needs files_checked.
TEST(JsonFormat, WritesNothingUntilFinished) {
  std::string out;
  int pieces = 0;
  auto writer = json_writer([&](std::string_view piece) {
    out += piece;
    ++pieces;
  });
  const Report report = large_report();
  writer->add(report.findings);
  EXPECT_EQ(pieces, 0);
  writer->finish(ReportTotals::of(report));
  EXPECT_GT(pieces, 2) << "handed over in pieces";
  EXPECT_EQ(out, dom_json(report));
}

} // namespace
} // namespace answerlint
