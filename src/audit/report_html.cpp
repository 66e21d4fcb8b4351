// The audit as one self-contained HTML page: inline CSS and SVG, no font,
// image or script from anywhere else, so it works offline and from file://.
// Every piece of user text (paths, questions, quoted lines, messages, rule
// ids a config defines) goes through esc(); a Content-Security-Policy lets
// only the page's own script run, in case anything ever slipped through.

#include "audit/render.hpp"
#include "report/escape.hpp"
#include "report/reporter.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace answerlint::audit {
namespace {

using Out = std::back_insert_iterator<std::string>;

std::string esc(std::string_view text) {
  return xml_escape(text);
}

// A message with its `code` spans as <code>: escaped first, so the only
// markup is ours.
std::string message_html(std::string_view message) {
  std::string escaped = esc(message);
  if (std::count(escaped.begin(), escaped.end(), '`') % 2 != 0) {
    return escaped;
  }
  std::string out;
  bool open = false;
  for (char c : escaped) {
    if (c == '`') {
      out += open ? "</code>" : "<code>";
      open = !open;
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view score_class(double score) {
  return score >= 85 ? "good" : score >= 65 ? "fair" : "poor";
}

std::string badge(double score) {
  return fmt::format(R"(<span class="badge {}">{:.0f}</span>)", score_class(score), score);
}

// Byte offset of the 1-based character column `column` in `line`.
std::size_t byte_of_column(std::string_view line, int column) {
  std::size_t pos = 0;
  for (int c = 1; c < column && pos < line.size(); ++c) {
    ++pos;
    while (pos < line.size() && (static_cast<unsigned char>(line[pos]) & 0xC0U) == 0x80U) {
      ++pos;
    }
  }
  return pos;
}

// The offending line, with the finding's range marked when it starts there.
std::string quoted_line(const Finding& f) {
  std::string_view line = f.source_line;
  std::size_t begin = byte_of_column(line, f.span.column);
  std::size_t end =
      f.span.end_line == f.span.line ? byte_of_column(line, f.span.end_column) : line.size();
  end = std::max(begin, end);
  std::string marked = esc(line.substr(0, begin));
  if (end > begin) {
    marked += fmt::format("<mark>{}</mark>", esc(line.substr(begin, end - begin)));
  }
  marked += esc(line.substr(end));
  return fmt::format(R"(<pre class="src"><span class="ln">{}</span>{}</pre>)", f.span.line, marked);
}

std::map<const Finding*, std::size_t> owners(const AuditResult& result) {
  std::map<const Finding*, std::size_t> out;
  const auto& answers = result.portfolio.answers;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    for (const Finding& f : answers[i].findings) {
      out.emplace(&f, i);
    }
  }
  return out;
}

// Paths as the page shows them: without the folder every answer shares,
// which the header names once.
struct Page {
  const AuditResult& result;
  std::string prefix; // "examples/portfolio/", or empty

  std::string path(std::string_view full) const {
    return full.starts_with(prefix) ? std::string(full.substr(prefix.size())) : std::string(full);
  }
};

std::string common_folder(const std::vector<AnswerFacts>& answers) {
  if (answers.empty()) {
    return {};
  }
  std::string_view prefix = answers.front().path;
  prefix = prefix.substr(0, prefix.rfind('/') + 1); // npos + 1 == 0: no folder
  for (const AnswerFacts& answer : answers) {
    while (!prefix.empty() && !std::string_view(answer.path).starts_with(prefix)) {
      prefix.remove_suffix(1);
      prefix = prefix.substr(0, prefix.rfind('/') + 1);
    }
  }
  return std::string(prefix);
}

constexpr std::string_view k_style = R"css(
:root{--ink:#1d2330;--muted:#5d6677;--line:#e3e6ec;--bg:#f5f6f9;--card:#fff;
--good:#1e7f4f;--fair:#b7791f;--poor:#c0392b;--error:#c0392b;--warning:#d4880f;--info:#2f74c0;
--accent:#3b5bdb}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header.top{background:#1d2330;color:#fff;padding:22px 32px}
header.top h1{margin:0;font-size:22px;font-weight:650}
header.top p{margin:4px 0 0;color:#c5cad6;font-size:14px}
main{max-width:1180px;margin:0 auto;padding:24px 24px 48px}
h2{font-size:16px;margin:0 0 12px;font-weight:650}
h3{font-size:15px;margin:0;font-weight:600;word-break:break-all}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin-bottom:20px}
.grid{display:grid;grid-template-columns:250px 1fr 1fr;gap:20px;margin-bottom:20px}
.grid .card{margin-bottom:0}
@media (max-width:900px){.grid{grid-template-columns:1fr}}
.scorecard{text-align:center}
.gauge{width:150px;height:150px}
.gauge .track{fill:none;stroke:#eceef3;stroke-width:12}
.gauge .arc{fill:none;stroke-width:12;stroke-linecap:round}
.gauge .arc.good{stroke:var(--good)}.gauge .arc.fair{stroke:var(--fair)}.gauge .arc.poor{stroke:var(--poor)}
.gauge .num{font-size:34px;font-weight:700;text-anchor:middle;fill:var(--ink)}
.gauge .of{font-size:12px;text-anchor:middle;fill:var(--muted)}
.counts{display:flex;justify-content:center;gap:8px;flex-wrap:wrap;margin-top:8px}
.pill{display:inline-block;border-radius:999px;padding:1px 9px;font-size:12px;font-weight:600;color:#fff}
.pill.error{background:var(--error)}.pill.warning{background:var(--warning)}.pill.info{background:var(--info)}
.pill.zero{background:#c9ced8}
.muted{color:var(--muted)}.small{font-size:13px}
svg.chart{width:100%;height:auto;display:block}
svg.chart text{font-size:12px;fill:var(--ink)}
svg.chart .label{fill:var(--ink)}svg.chart .value{fill:var(--muted)}
svg.chart .track{fill:#eceef3}svg.chart .cover{fill:var(--accent)}
svg.chart .error{fill:var(--error)}svg.chart .warning{fill:var(--warning)}svg.chart .info{fill:var(--info)}
.legend{display:flex;gap:12px;font-size:12px;color:var(--muted);margin-top:6px}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
.legend .error{background:var(--error)}.legend .warning{background:var(--warning)}.legend .info{background:var(--info)}
ol.fixes{margin:0;padding:0;list-style:none;counter-reset:fix}
ol.fixes li{display:grid;grid-template-columns:34px 64px 1fr;gap:10px;align-items:start;padding:9px 0;border-top:1px solid var(--line)}
ol.fixes li:first-child{border-top:0}
ol.fixes li::before{counter-increment:fix;content:counter(fix);font-weight:700;color:var(--muted);text-align:right}
.gain{font-weight:700;color:var(--good)}
.loc{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px;word-break:break-all}
code,.rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
.rule{background:#eef1f7;border-radius:4px;padding:0 5px}
table{width:100%;border-collapse:collapse;font-size:14px}
th,td{text-align:left;padding:8px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600;white-space:nowrap}
th button{all:inherit;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" \25B2"}th[aria-sort=descending] button::after{content:" \25BC"}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tbody tr:hover{background:#f8f9fc}
.q{color:var(--muted);font-size:13px;margin:2px 0 0;overflow-wrap:anywhere}
.badge{display:inline-block;min-width:38px;text-align:center;border-radius:6px;padding:2px 6px;font-weight:700;color:#fff}
.badge.good{background:var(--good)}.badge.fair{background:var(--fair)}.badge.poor{background:var(--poor)}
.kind{display:inline-block;border:1px solid var(--line);border-radius:999px;padding:0 8px;font-size:12px;color:var(--muted);white-space:nowrap}
.comp{display:grid;grid-template-columns:130px 1fr;gap:8px 14px;align-items:start}
.chips{display:flex;flex-wrap:wrap;gap:6px}
.chip{border-radius:6px;padding:2px 8px;font-size:12.5px;border:1px solid}
.chip.full{background:#e8f5ee;border-color:#b8e0c9;color:#14613b}
.chip.part{background:#fdf4e3;border-color:#f0d9a8;color:#7a5212}
.chip.gap{background:#fdecea;border-color:#f3c2bc;color:#8f2a1e}
.story{border-top:1px solid var(--line);padding:10px 0}.story:first-of-type{border-top:0}
blockquote{margin:6px 0;padding:6px 12px;border-left:3px solid var(--line);color:var(--muted);font-size:13.5px}
article.answer{padding:0;overflow:hidden}
article.answer>header{display:flex;gap:14px;align-items:flex-start;padding:14px 20px;border-bottom:1px solid var(--line)}
article.answer .meta{font-size:12.5px;color:var(--muted);margin-top:3px}
ol.findings{list-style:none;margin:0;padding:4px 20px 12px}
ol.findings li{padding:10px 0 4px;border-top:1px dashed var(--line)}ol.findings li:first-child{border-top:0}
.fhead{display:flex;gap:8px;align-items:center;flex-wrap:wrap;font-size:13px}
.sev{font-weight:700;text-transform:uppercase;font-size:11px;letter-spacing:.05em}
.sev.error{color:var(--error)}.sev.warning{color:var(--warning)}.sev.info{color:var(--info)}
ol.findings p{margin:4px 0}
pre.src{margin:4px 0 6px;background:#f7f8fb;border:1px solid var(--line);border-radius:6px;padding:6px 10px;white-space:pre-wrap;overflow-wrap:anywhere;font:12.5px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre.src .ln{color:#9aa1b0;margin-right:12px;user-select:none}
mark{background:#ffe58f;border-bottom:2px solid #e0a800;padding:0 1px}
.clean{color:var(--good);font-weight:600}
article.answer.ok>header{border-bottom:0}
footer{max-width:1180px;margin:0 auto;padding:0 24px 40px;color:var(--muted);font-size:12.5px}
@media print{body{background:#fff}.card{break-inside:avoid}header.top{background:#fff;color:var(--ink)}}
)css";

// Sorts the answers table on a click on a header; the table is already in
// a useful order (weakest first) when scripts are off.
constexpr std::string_view k_script = R"js(
(function () {
  var table = document.getElementById('answers-table');
  if (!table) { return; }
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    if (!th.dataset.type) { return; }
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var up = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.sort, y = b.cells[col].dataset.sort;
        var c = th.dataset.type === 'num' ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
        return up ? c : -c;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
)js";

void gauge(Out out, double score) {
  constexpr double k_radius = 52;
  const double circumference = 2 * 3.14159265358979 * k_radius;
  fmt::format_to(
      out,
      R"(<svg class="gauge" viewBox="0 0 120 120" role="img" aria-label="Readiness {0:.0f} of 100">)"
      R"(<circle class="track" cx="60" cy="60" r="52"/>)"
      R"svg(<circle class="arc {1}" cx="60" cy="60" r="52" stroke-dasharray="{2:.1f} {3:.1f}" transform="rotate(-90 60 60)"/>)svg"
      R"(<text class="num" x="60" y="66">{0:.0f}</text><text class="of" x="60" y="84">of 100</text></svg>)",
      score, score_class(score), circumference * score / 100, circumference);
}

void pill(Out out, int count, std::string_view severity) {
  fmt::format_to(out, R"(<span class="pill {}">{} {}{}</span>)", count == 0 ? "zero" : severity,
                 count, severity, count == 1 || severity == "info" ? "" : "s");
}

void score_card(Out out, const AuditResult& result) {
  Summary s = result.summary();
  fmt::format_to(out, R"(<section class="card scorecard"><h2>Readiness</h2>)");
  gauge(out, result.scores.portfolio);
  fmt::format_to(out, R"(<div class="counts">)");
  pill(out, s.error, "error");
  pill(out, s.warning, "warning");
  pill(out, s.info, "info");
  fmt::format_to(out, R"(</div><p class="muted small">0 to 100, from the findings: )"
                      R"(<code>answerlint explain score</code></p></section>)");
}

void coverage_chart(Out out, const Coverage& coverage) {
  constexpr int k_row = 34;
  constexpr double k_bar = 230;
  const int height = std::max<int>(1, static_cast<int>(coverage.by_kind.size())) * k_row;
  fmt::format_to(
      out,
      R"(<section class="card"><h2>Question bank coverage</h2>)"
      R"(<p class="muted small">{} of {} bank questions answered</p>)"
      R"(<svg class="chart" viewBox="0 0 440 {}" role="img" aria-label="Coverage by kind">)",
      coverage.answered, coverage.total, height);
  int y = 0;
  for (const CoverageCount& kind : coverage.by_kind) {
    double width = k_bar * kind.share();
    fmt::format_to(out,
                   R"(<text class="label" x="0" y="{0}">{1}</text>)"
                   R"(<rect class="track" x="110" y="{2}" width="{3}" height="14" rx="3"/>)"
                   R"(<rect class="cover" x="110" y="{2}" width="{4:.1f}" height="14" rx="3"/>)"
                   R"(<text class="value" x="350" y="{0}">{5} / {6} · {7:.0f}%</text>)",
                   y + 16, esc(kind.kind), y + 5, k_bar, width, kind.answered, kind.total,
                   kind.share() * 100);
    y += k_row;
  }
  int covered = static_cast<int>(
      std::count_if(coverage.by_competency.begin(), coverage.by_competency.end(),
                    [](const CoverageCount& group) { return group.answered > 0; }));
  fmt::format_to(out,
                 R"(</svg><p class="muted small">{} of {} competencies have at least one answer; )"
                 R"(<a href="#competencies">the gaps</a> are listed below.</p></section>)",
                 covered, coverage.by_competency.size());
}

void rule_chart(Out out, const AuditResult& result) {
  std::vector<RuleCount> counts = count_by_rule(result);
  constexpr int k_row = 24;
  constexpr double k_bar = 200;
  int most = counts.empty() ? 1 : std::max(1, counts.front().total());
  const int height = std::max<int>(1, static_cast<int>(counts.size())) * k_row;
  fmt::format_to(
      out,
      R"(<section class="card"><h2>Findings per rule</h2>)"
      R"(<svg class="chart" viewBox="0 0 440 {}" role="img" aria-label="Findings per rule">)",
      height);
  int y = 0;
  for (const RuleCount& count : counts) {
    fmt::format_to(out, R"(<text class="label" x="0" y="{}">{}</text>)", y + 15,
                   esc(truncate_chars(count.rule, 22)));
    double x = 170;
    for (auto [n, severity] : {std::pair{count.error, "error"}, std::pair{count.warning, "warning"},
                               std::pair{count.info, "info"}}) {
      double width = k_bar * n / most;
      if (n > 0) {
        fmt::format_to(out, R"(<rect class="{}" x="{:.1f}" y="{}" width="{:.1f}" height="14"/>)",
                       severity, x, y + 4, width);
      }
      x += width;
    }
    fmt::format_to(out, R"(<text class="value" x="{:.1f}" y="{}">{}</text>)", x + 6, y + 15,
                   count.total());
    y += k_row;
  }
  fmt::format_to(
      out,
      R"(</svg><div class="legend"><span><i class="error"></i>error</span>)"
      R"(<span><i class="warning"></i>warning</span><span><i class="info"></i>info</span></div></section>)");
}

void fixes(Out out, const Page& page) {
  const AuditResult& result = page.result;
  auto list = most_valuable_fixes(result.portfolio.answers, result.portfolio_findings,
                                  result.scores, top_fix_count());
  fmt::format_to(out, R"(<section class="card"><h2>Fix first</h2>)");
  if (list.empty()) {
    fmt::format_to(
        out, R"(<p class="muted">Nothing to fix: every answer passes every rule.</p></section>)");
    return;
  }
  fmt::format_to(
      out,
      R"(<p class="muted small">The findings whose fix raises the portfolio score most.</p><ol class="fixes">)");
  auto owner = owners(result);
  for (const Fix& fix : list) {
    const Finding& f = *fix.finding;
    std::string where =
        f.path.empty()
            ? std::string("portfolio")
            : esc(fmt::format("{}:{}:{}", page.path(f.path), f.span.line, f.span.column));
    if (auto it = owner.find(&f); it != owner.end()) {
      where = fmt::format(R"(<a href="#a-{}">{}</a>)", it->second, where);
    }
    fmt::format_to(
        out,
        R"(<li><span class="gain">+{:.1f}</span><div><span class="loc">{}</span> )"
        R"(<span class="sev {}">{}</span> <span class="rule">{}</span><br>{}</div></li>)",
        fix.gain, where, to_string(f.severity), to_string(f.severity), esc(f.rule),
        message_html(f.message));
  }
  fmt::format_to(out, "</ol></section>");
}

void answers_table(Out out, const Page& page) {
  const AuditResult& result = page.result;
  const auto& answers = result.portfolio.answers;
  const std::vector<std::size_t> order = weakest_first(result);
  fmt::format_to(
      out,
      R"(<section class="card"><h2>Answers</h2><p class="muted small">Weakest first; )"
      R"(click a heading to sort.</p><table id="answers-table"><thead><tr>)"
      R"(<th class="num" data-type="num">Score</th><th data-type="text">Answer</th>)"
      R"(<th data-type="text">Kind</th><th class="num" data-type="num">Words</th>)"
      R"(<th class="num" data-type="num">Time</th><th class="num" data-type="num">Findings</th>)"
      R"(</tr></thead><tbody>)");
  for (std::size_t i : order) {
    const AnswerFacts& a = answers[i];
    std::string label = page.path(answer_label(answers, i));
    fmt::format_to(
        out,
        R"(<tr><td class="num" data-sort="{0:.2f}">{1}</td>)"
        R"(<td data-sort="{2}"><a href="#a-{3}" class="loc">{2}</a><p class="q">{4}</p></td>)"
        R"(<td data-sort="{5}"><span class="kind">{5}</span></td>)"
        R"(<td class="num" data-sort="{6}">{6}</td>)"
        R"(<td class="num" data-sort="{7:.0f}">{8}</td>)"
        R"(<td class="num" data-sort="{9}">{9}</td></tr>)",
        result.scores.answers[i], badge(result.scores.answers[i]), esc(label), i,
        a.question.empty() ? "<em>no question stated</em>" : esc(a.question), esc(a.kind), a.words,
        a.speaking_seconds(), format_seconds(a.speaking_seconds()), a.findings.size());
  }
  fmt::format_to(out, "</tbody></table></section>");
}

void competencies(Out out, const AuditResult& result) {
  const Coverage& coverage = result.coverage;
  fmt::format_to(
      out, R"(<section class="card" id="competencies"><h2>Coverage by competency</h2>)"
           R"(<p class="muted small">Bank questions answered per competency; red is a gap )"
           R"((<code>answerlint new KIND ID</code> starts an answer).</p><div class="comp">)");
  for (const CoverageCount& kind : coverage.by_kind) {
    fmt::format_to(out, R"(<div><span class="kind">{}</span></div><div class="chips">)",
                   esc(kind.kind));
    for (const CoverageCount& group : coverage.by_competency) {
      if (group.kind != kind.kind) {
        continue;
      }
      std::string missing;
      for (const EntryCoverage& item : coverage.entries) {
        if (item.answers.empty() && item.entry->kind == group.kind &&
            item.entry->competency == group.competency) {
          missing += fmt::format("{}{}", missing.empty() ? "Unanswered: " : ", ", item.entry->id);
        }
      }
      std::string_view state = group.answered == 0            ? "gap"
                               : group.answered < group.total ? "part"
                                                              : "full";
      fmt::format_to(out, R"(<span class="chip {}" title="{}">{} {}/{}</span>)", state,
                     esc(missing.empty() ? "All answered" : missing), esc(group.competency),
                     group.answered, group.total);
    }
    fmt::format_to(out, "</div>");
  }
  fmt::format_to(out, "</div></section>");
}

void answer_link(Out out, const Page& page, std::size_t i, int line) {
  fmt::format_to(out, R"(<a class="loc" href="#a-{}">{}:{}</a>)", i,
                 esc(page.path(page.result.portfolio.answers[i].path)), line);
}

void repeats(Out out, const Page& page) {
  const AuditResult& result = page.result;
  if (result.reuse.empty() && result.duplicates.empty()) {
    return;
  }
  fmt::format_to(out, R"(<section class="card"><h2>Stories and questions used twice</h2>)");
  for (const ReuseGroup& group : result.reuse) {
    const ReuseUse& first = group.uses.front();
    fmt::format_to(out,
                   R"(<div class="story"><strong>One story in {} answers</strong> )"
                   R"(<span class="muted small">(at least {:.0f}% alike{})</span><br>)",
                   group.uses.size(), group.similarity * 100,
                   group.over_limit ? "" : "; within max_uses");
    for (const ReuseUse& use : group.uses) {
      answer_link(out, page, use.answer,
                  result.portfolio.answers[use.answer].paragraphs[use.paragraph].span.line);
      fmt::format_to(out, " ");
    }
    fmt::format_to(out, "<blockquote>{}</blockquote></div>",
                   esc(result.portfolio.answers[first.answer].paragraphs[first.paragraph].excerpt));
  }
  for (const DuplicateGroup& group : result.duplicates) {
    fmt::format_to(out, R"(<div class="story"><strong>One question, {} answers</strong><br>)",
                   group.answers.size());
    for (std::size_t a : group.answers) {
      answer_link(out, page, a, result.portfolio.answers[a].question_span.line);
      fmt::format_to(out, R"( <span class="q">{}</span><br>)",
                     esc(result.portfolio.answers[a].question));
    }
    fmt::format_to(out, "</div>");
  }
  fmt::format_to(out, "</section>");
}

void answer_article(Out out, const Page& page, std::size_t i) {
  const AuditResult& result = page.result;
  const AnswerFacts& a = result.portfolio.answers[i];
  std::string bank = a.bank_id.empty() ? "" : fmt::format(" · bank: {}", esc(a.bank_id));
  std::string clean = a.findings.empty() ? R"( · <span class="clean">no findings</span>)" : "";
  fmt::format_to(
      out,
      R"(<article class="card answer{}" id="a-{}"><header>{}<div><h3>{}</h3>)"
      R"(<p class="q">{}</p><p class="meta">{} · {} words · {} to say · lines {}–{}{}{}</p>)"
      R"(</div></header>)",
      a.findings.empty() ? " ok" : "", i, badge(result.scores.answers[i]),
      esc(page.path(answer_label(result.portfolio.answers, i))),
      a.question.empty() ? "<em>no question stated</em>" : esc(a.question), esc(a.kind), a.words,
      format_seconds(a.speaking_seconds()), a.line, a.end_line, bank, clean);
  if (a.findings.empty()) {
    fmt::format_to(out, "</article>");
    return;
  }
  fmt::format_to(out, R"(<ol class="findings">)");
  for (const Finding& f : a.findings) {
    fmt::format_to(
        out,
        R"(<li><div class="fhead"><span class="sev {0}">{0}</span>)"
        R"(<span class="rule">{1}</span><span class="loc muted">line {2}, column {3}</span></div>)"
        R"(<p>{4}</p>{5}</li>)",
        to_string(f.severity), esc(f.rule), f.span.line, f.span.column, message_html(f.message),
        quoted_line(f));
  }
  fmt::format_to(out, "</ol></article>");
}

std::string body_of(const AuditResult& result) {
  Page page{result, common_folder(result.portfolio.answers)};
  std::string body;
  Out out(body);
  std::string where =
      page.prefix.empty() ? "" : fmt::format(" · paths below are under {}", esc(page.prefix));
  fmt::format_to(out,
                 R"(<header class="top"><h1>Portfolio audit: {}</h1><p>{} answers in {} files{} · )"
                 R"(answerlint {}</p></header><main><div class="grid">)",
                 esc(result.title), result.portfolio.answers.size(), result.portfolio.files_checked,
                 where, k_version);
  score_card(out, result);
  coverage_chart(out, result.coverage);
  rule_chart(out, result);
  fmt::format_to(out, "</div>");
  fixes(out, page);
  answers_table(out, page);
  competencies(out, result);
  repeats(out, page);
  fmt::format_to(out, R"(<h2>Findings by answer</h2>)");
  for (std::size_t i = 0; i < result.portfolio.answers.size(); ++i) {
    answer_article(out, page, i);
  }
  fmt::format_to(
      out,
      R"(</main><footer>Scores run from 0 to 100: every finding costs points by its )"
      R"(severity and rule, and fixing any one raises the score )"
      R"((<code>answerlint explain score</code>). This page loads nothing from the network.</footer>)");
  return body;
}

// A nonce for the page's one script, derived from the page itself: the same
// audit gives the same page, and text inside the page cannot predict it.
std::string nonce_of(std::string_view body) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : body) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", h);
}

} // namespace

std::string format_audit_html(const AuditResult& result) {
  std::string body = body_of(result);
  std::string nonce = nonce_of(body);
  return fmt::format(
      R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{0}'; img-src data:">
<title>Portfolio audit: {1}</title>
<style>{2}</style>
</head>
<body>
{3}
<script nonce="{0}">{4}</script>
</body>
</html>
)",
      nonce, esc(result.title), k_style, body, k_script);
}

} // namespace answerlint::audit
