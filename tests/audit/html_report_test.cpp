// The HTML report: every piece of user text escaped, and the page as a
// browser sees it (headless Chromium: the DOM after scripts, a screenshot).

#include "audit/render.hpp"
#include "audit_support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>

namespace answerlint {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

// Text that must never become markup, put into every field a user controls.
constexpr std::string_view k_script = "<script>alert(1)</script>";
constexpr std::string_view k_img = "<img src=x onerror=alert(2)>";

std::size_t count(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

// Every '&' starts a character reference: none is raw user text.
::testing::AssertionResult ampersands_are_entities(std::string_view html) {
  for (std::size_t at = html.find('&'); at != std::string_view::npos; at = html.find('&', at + 1)) {
    std::string_view rest = html.substr(at + 1, 8);
    bool entity = rest.starts_with("amp;") || rest.starts_with("lt;") || rest.starts_with("gt;") ||
                  rest.starts_with("quot;") || rest.starts_with("apos;") || rest.starts_with("#");
    if (!entity) {
      return ::testing::AssertionFailure() << "raw '&' at: " << html.substr(at, 40);
    }
  }
  return ::testing::AssertionSuccess();
}

// A portfolio whose folder, file names, front matter, prose, config rule id
// and rule message all carry markup.
class EvilPortfolio {
public:
  EvilPortfolio() {
    std::string paragraph = fmt::format(
        "TODO {} and {} & co: I rebuilt the billing export in Go, moved the nightly batch onto "
        "a queue with retries, and added a report finance checked every morning, so failed "
        "exports fell from forty a month to two.",
        k_script, k_img);
    std::string answer = fmt::format("---\nquestion: \"{} & {}\"\nkind: \"<b>bold</b>\"\n---\n\n"
                                     "## Situation & {}\n\n{}\n",
                                     k_script, k_img, k_img, paragraph);
    m_dir.write(fmt::format("<i>port&folio/behavioral/{}.md", k_img), answer);
    m_dir.write("<i>port&folio/behavioral/R&D <script>alert(3)<.md", answer);
  }

  std::string html() const {
    auto config = load_config_text(
        "[kinds]\nbehavioral = [\"behavioral/**\"]\n"
        "[rules.\"<u>evil&rule\"]\ntype = \"avoid-phrases\"\nterms = [\"billing export\"]\n"
        "message = \"<script>alert(4)</script> & '{match}'\"\n",
        root() / "answerlint.toml");
    audit::CollectOptions options;
    options.selection.paths = {root()};
    return audit::format_audit_html(
        audit::run_audit(*config, options, "<i>port&folio</i> <script>alert(5)</script>"));
  }
  fs::path root() const { return m_dir.path() / "<i>port&folio"; }

private:
  TempDir m_dir;
};

TEST(HtmlReport, EveryPieceOfUserTextIsEscaped) {
  EvilPortfolio evil;
  std::string html = evil.html();
  // Each kind of field made it into the page, escaped.
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"),
            std::string::npos); // question, prose
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(2)&gt;.md"), std::string::npos); // file name
  EXPECT_NE(html.find("R&amp;D &lt;script&gt;alert(3)&lt;"), std::string::npos);    // file name
  EXPECT_NE(html.find("&lt;script&gt;alert(4)&lt;/script&gt; &amp; &apos;billing export&apos;"),
            std::string::npos);                                       // a config's rule message
  EXPECT_NE(html.find("&lt;u&gt;evil&amp;rule"), std::string::npos);  // a rule id
  EXPECT_NE(html.find("&lt;b&gt;bold&lt;/b&gt;"), std::string::npos); // front matter kind
  EXPECT_NE(html.find("&lt;i&gt;port&amp;folio&lt;/i&gt; &lt;script&gt;alert(5)"),
            std::string::npos); // title
  EXPECT_NE(html.find("story-reuse"), std::string::npos);
  EXPECT_NE(html.find("duplicate-question"), std::string::npos);
  // And none of it as markup: the page's own script is the only one.
  EXPECT_EQ(count(html, "<script"), 1U);
  EXPECT_EQ(count(html, "<img"), 0U);
  EXPECT_EQ(count(html, "<b>"), 0U);
  EXPECT_EQ(count(html, "<u>"), 0U);
  EXPECT_EQ(count(html, "<i>"), 0U);
  EXPECT_TRUE(ampersands_are_entities(html));
}

TEST(HtmlReport, SelfContained) {
  EvilPortfolio evil;
  std::string html = evil.html();
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(count(html, " src="), count(html, " src=x onerror")); // only the escaped text
  // Deterministic: the same audit, the same page (and nonce).
  EXPECT_EQ(html, evil.html());
}

// --- Headless Chromium ---------------------------------------------------

bool have_chromium() {
  return std::system("command -v chromium >/dev/null 2>&1") == 0;
}

struct Browser {
  std::string dom;
  std::string png;
  int exit_code = -1;
};

// Loads `page` from file:// and returns the DOM after scripts ran, and a
// screenshot.
Browser open_in_chromium(const fs::path& page, const fs::path& work) {
  const std::string flags = fmt::format(
      "--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
      "--hide-scrollbars --user-data-dir='{}' --window-size=1280,2200",
      (work / "profile").string());
  const std::string url = "file://" + page.string();
  Browser out;
  std::string dom_cmd =
      fmt::format("cd '{}' && timeout 120 chromium {} --dump-dom '{}' >dom.html 2>/dev/null",
                  work.string(), flags, url);
  int status = std::system(dom_cmd.c_str());
  out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::string shot_cmd =
      fmt::format("cd '{}' && timeout 120 chromium {} --screenshot='{}' '{}' >/dev/null 2>&1",
                  work.string(), flags, (work / "shot.png").string(), url);
  (void)std::system(shot_cmd.c_str());
  out.dom = test::read_file(work / "dom.html");
  out.png = test::read_file(work / "shot.png");
  return out;
}

// Text as a DOM serialiser writes it: only &, < and > escaped.
std::string dom_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
  }
  return out;
}

// The byte where 1-based character column `column` starts.
std::size_t byte_of(std::string_view line, int column) {
  std::size_t pos = 0;
  for (int c = 1; c < column && pos < line.size(); ++c) {
    do {
      ++pos;
    } while (pos < line.size() && (static_cast<unsigned char>(line[pos]) & 0xC0U) == 0x80U);
  }
  return pos;
}

std::uint32_t big_endian(std::string_view bytes) {
  std::uint32_t value = 0;
  for (char c : bytes) {
    value = (value << 8) | static_cast<unsigned char>(c);
  }
  return value;
}

TEST(HtmlReportInBrowser, ExamplePortfolioRendersEveryAnswer) {
  if (!have_chromium()) {
    GTEST_SKIP() << "chromium is not installed (scripts/dev installs it)";
  }
  const fs::path example = fs::path(ANSWERLINT_SOURCE_DIR) / "examples" / "portfolio";
  auto config = load_config(example / "answerlint.toml");
  audit::CollectOptions options;
  options.selection.paths = {example};
  audit::AuditResult result = audit::run_audit(*config, options, "examples/portfolio");
  TempDir work;
  fs::path page = work.write("report.html", audit::format_audit_html(result));

  Browser browser = open_in_chromium(page, work.path());
  ASSERT_EQ(browser.exit_code, 0);
  ASSERT_FALSE(browser.dom.empty());
  const auto& answers = result.portfolio.answers;
  ASSERT_EQ(answers.size(), 13U);
  for (std::size_t i = 0; i < answers.size(); ++i) {
    SCOPED_TRACE(answers[i].relative);
    EXPECT_NE(browser.dom.find(fmt::format("id=\"a-{}\"", i)), std::string::npos);
    EXPECT_NE(browser.dom.find(fmt::format("href=\"#a-{}\"", i)), std::string::npos);
    EXPECT_NE(browser.dom.find(answers[i].relative), std::string::npos);
    for (const Finding& f : answers[i].findings) {
      // Up to a `code` span, which the page shows as <code>.
      std::string_view text = std::string_view(f.message).substr(0, f.message.find('`'));
      EXPECT_NE(browser.dom.find(dom_text(text)), std::string::npos) << f.message;
      // The offending line, its range marked.
      std::string_view line = f.source_line;
      std::size_t begin = byte_of(line, f.span.column);
      std::size_t end =
          f.span.end_line == f.span.line ? byte_of(line, f.span.end_column) : line.size();
      if (end > begin) {
        std::string marked = "<mark>" + dom_text(line.substr(begin, end - begin)) + "</mark>";
        EXPECT_NE(browser.dom.find(marked), std::string::npos) << marked;
      }
    }
  }
  // The sorting script ran under the page's CSP: it turned headings into buttons.
  EXPECT_NE(browser.dom.find("<button type=\"button\">Score</button>"), std::string::npos);
  EXPECT_NE(browser.dom.find(fmt::format("{:.0f}", result.scores.portfolio)), std::string::npos);
  ASSERT_GT(browser.png.size(), 24U);
  EXPECT_EQ(browser.png.substr(1, 3), "PNG");
  EXPECT_EQ(big_endian(std::string_view(browser.png).substr(16, 4)), 1280U); // IHDR width
  EXPECT_GT(browser.png.size(), 50'000U); // a real page, not a blank one
}

TEST(HtmlReportInBrowser, InjectedMarkupStaysText) {
  if (!have_chromium()) {
    GTEST_SKIP() << "chromium is not installed (scripts/dev installs it)";
  }
  EvilPortfolio evil;
  TempDir work;
  fs::path page = work.write("evil.html", evil.html());
  Browser browser = open_in_chromium(page, work.path());
  ASSERT_EQ(browser.exit_code, 0);
  ASSERT_FALSE(browser.dom.empty());
  EXPECT_EQ(count(browser.dom, "<script"), 1U);
  EXPECT_EQ(count(browser.dom, "<img"), 0U);
  EXPECT_EQ(count(browser.dom, "<u>"), 0U);
  EXPECT_NE(browser.dom.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(browser.dom.find("R&amp;D &lt;script&gt;alert(3)&lt;"), std::string::npos);
  EXPECT_NE(browser.dom.find("<button type=\"button\">Score</button>"), std::string::npos);
}

} // namespace
} // namespace answerlint
