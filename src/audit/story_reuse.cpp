#include "audit/story_reuse.hpp"

#include "error.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <numeric>
#include <unordered_map>

namespace answerlint::audit {
namespace {

constexpr OptionSpec k_options[] = {
    {"max_uses", OptionType::integer, std::int64_t{1},
     "Most answers one story may appear in before it is reported."},
    {"min_similarity", OptionType::number, 0.5,
     "Jaccard similarity of two paragraphs' 3-word shingles, from 0 to 1, at which they tell "
     "the same story."},
    {"min_words", OptionType::integer, std::int64_t{25},
     "Shortest paragraph, in words, that is compared; shorter ones are too generic to judge."},
};

struct Settings {
  std::int64_t max_uses = 1;
  double min_similarity = 0.5;
  std::int64_t min_words = 25;
};

std::shared_ptr<const void> prepare(const Options& options) {
  Settings settings{options.integer("max_uses"), options.number("min_similarity"),
                    options.integer("min_words")};
  if (settings.max_uses < 1) {
    throw Error("max_uses must be at least 1");
  }
  if (!(settings.min_similarity > 0 && settings.min_similarity <= 1)) {
    throw Error("min_similarity must be above 0 and at most 1");
  }
  if (settings.min_words < 3) {
    throw Error("min_words must be at least 3 (a shingle is three words)");
  }
  return std::make_shared<Settings>(settings);
}

constexpr std::string_view k_doc = R"md(## What it does

Finds one story told in several answers: paragraphs that are the same text,
or nearly (a few words changed, a sentence added or cut), in more than
`max_uses` answers. Run by `answerlint audit` over the whole portfolio; each
answer that tells the story gets a finding that names the others.

Paragraphs are compared by their 3-word shingles (every run of three
consecutive words, case folded): two paragraphs are the same story when the
Jaccard similarity of their shingle sets (shared shingles over all shingles)
is at least `min_similarity`. A MinHash signature in LSH bands picks the pairs
worth comparing, so a portfolio of thousands of answers takes well under a
second; every reported pair is confirmed by the exact similarity.

## Why it matters

One strong story stretched over many questions tells the interviewer you have
only one. In a loop the interviewers compare notes, and the same migration
told as "a conflict", "a failure" and "leadership" costs all three answers.
Copied paragraphs also age badly: fix a number in one copy and the others
keep the old one.

## Options

- `max_uses`: how many answers may tell the same story; reported above it.
- `min_similarity`: how alike two paragraphs must be (0 to 1) to count as
  the same story. 0.5 catches a paragraph with a few words changed; raise it
  to catch only copies.
- `min_words`: paragraphs shorter than this are not compared; short ones
  ("I wrote the design doc and got sign-off.") are alike by accident.

`kinds` limits the rule to answers of those kinds.

## Example

`behavioral/conflict.md` and `behavioral/leadership.md` both contain:

```markdown
I moved the order events from the polling table to Kafka in three weeks,
wrote the consumers in Go with idempotent writes, and cut lost events
from 0.3% of all orders to none during the campaign.
```

## Instead

Keep the story in the answer it serves best, and give the other question a
story of its own. If a project really is your best example for both, tell a
different part of it in each: the conflict in one, the technical choice in
the other.)md";

std::uint64_t mix(std::uint64_t x) {
  // splitmix64's finaliser: every input bit reaches every output bit.
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

std::uint64_t hash_word(std::string_view word, std::uint64_t h) {
  for (char c : word) {
    char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    h ^= static_cast<unsigned char>(lower);
    h *= 0x100000001b3ULL;
  }
  return (h ^ 0x1f) * 0x100000001b3ULL; // a separator, so "ab c" != "a bc"
}

// MinHash in LSH bands: paragraphs whose 3 minima agree in any of 32 bands
// are compared. A pair with similarity 0.5 is proposed with probability
// 1 - (1 - 0.5^3)^32 = 0.986, one with 0.6 with 0.999, one with 0.1 with 0.03.
constexpr std::size_t k_bands = 32;
constexpr std::size_t k_rows_per_band = 3;

// Most comparisons one paragraph gets in one bucket. A bucket is normally a
// handful of paragraphs; a huge one of unlike paragraphs (a generated or
// templated corpus whose stock phrases agree in a band) would cost quadratic
// time, and the pairs it leaves out have 31 other bands to meet in.
constexpr std::size_t k_tries_per_bucket = 16;

// How many paragraphs hold each shingle, in a fixed table indexed by the
// shingle's top bits (a collision can only overcount, and only matters for
// a rare shingle sharing a slot with a common one).
class ShingleCounts {
public:
  ShingleCounts() : m_counts(std::size_t{1} << k_bits, 0) {}
  void add(const std::vector<std::uint64_t>& shingles) {
    for (std::uint64_t shingle : shingles) {
      std::uint16_t& count = m_counts[shingle >> (64 - k_bits)];
      count = count == 0xFFFF ? count : static_cast<std::uint16_t>(count + 1);
    }
  }
  std::size_t count(std::uint64_t shingle) const { return m_counts[shingle >> (64 - k_bits)]; }

private:
  static constexpr int k_bits = 22;
  std::vector<std::uint16_t> m_counts;
};

// What a paragraph's MinHash signature is made of: its shingles without
// those common to much of the portfolio ("in the end", a template's stock
// phrases), which would make every paragraph meet every other; all of them
// when it has little else. The exact similarity still counts them all.
std::vector<std::uint64_t> signature_input(const std::vector<std::uint64_t>& shingles,
                                           const ShingleCounts& counts, std::size_t common) {
  constexpr std::size_t k_min_rare = 8;
  std::vector<std::uint64_t> rare;
  for (std::uint64_t shingle : shingles) {
    if (counts.count(shingle) <= common) {
      rare.push_back(shingle);
    }
  }
  return rare.size() >= k_min_rare ? rare : shingles;
}

std::uint64_t band_key(const std::vector<std::uint64_t>& input, std::size_t band) {
  std::uint64_t key = mix(band + 0x9e3779b97f4a7c15ULL);
  for (std::size_t r = 0; r < k_rows_per_band; ++r) {
    // One hash function per row: a bijection of the (already mixed) shingle.
    const std::uint64_t salt = mix(band * k_rows_per_band + r + 1);
    const std::uint64_t factor = salt | 1U;
    std::uint64_t minimum = ~std::uint64_t{0};
    for (std::uint64_t shingle : input) {
      minimum = std::min(minimum, (shingle ^ salt) * factor);
    }
    key = mix(key ^ minimum);
  }
  return key;
}

// Whether jaccard(a, b) >= threshold, and then `similarity`; gives up as
// soon as the shingles left cannot reach it, which most proposed pairs
// (alike in one band, not overall) show early.
bool alike(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b,
           double threshold, double& similarity) {
  const double sizes = static_cast<double>(a.size() + b.size());
  // shared / (|a| + |b| - shared) >= t  <=>  shared >= t (|a| + |b|) / (1 + t)
  const double needed = threshold * sizes / (1 + threshold);
  std::size_t shared = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (static_cast<double>(shared + std::min(a.size() - i, b.size() - j)) < needed) {
      return false;
    }
    if (a[i] == b[j]) {
      ++shared;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  similarity = sizes == 0 ? 0 : static_cast<double>(shared) / (sizes - static_cast<double>(shared));
  return similarity >= threshold;
}

class DisjointSets {
public:
  explicit DisjointSets(std::size_t n) : m_parent(n) {
    std::iota(m_parent.begin(), m_parent.end(), std::size_t{0});
  }
  std::size_t find(std::size_t x) {
    while (m_parent[x] != x) {
      m_parent[x] = m_parent[m_parent[x]];
      x = m_parent[x];
    }
    return x;
  }
  // The root of the joined set; the lower index stays root (deterministic).
  std::size_t join(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a > b) {
      std::swap(a, b);
    }
    m_parent[b] = a;
    return a;
  }

private:
  std::vector<std::size_t> m_parent;
};

// The paragraphs the rule compares, and the sets of alike ones found so far.
class StoryIndex {
public:
  StoryIndex(const std::vector<AnswerFacts>& answers, const PortfolioRule& rule, double threshold)
      : m_answers(answers), m_threshold(threshold), m_sets(0) {
    for (std::size_t a = 0; a < answers.size(); ++a) {
      const auto& paragraphs = answers[a].paragraphs;
      for (std::size_t p = 0; p < paragraphs.size(); ++p) {
        if (rule.applies_to(answers[a].kind) && !paragraphs[p].shingles.empty()) {
          m_items.push_back({a, p});
        }
      }
    }
    m_sets = DisjointSets(m_items.size());
    m_lowest.assign(m_items.size(), 1.0);
  }

  // Proposes pairs band by band and joins those alike.
  void link() {
    const std::vector<std::vector<std::uint64_t>> inputs = signature_inputs();
    std::vector<std::pair<std::uint64_t, std::size_t>> keyed(m_items.size());
    std::vector<std::size_t> members;
    for (std::size_t band = 0; band < k_bands; ++band) {
      for (std::size_t i = 0; i < m_items.size(); ++i) {
        keyed[i] = {band_key(inputs[i], band), i};
      }
      std::sort(keyed.begin(), keyed.end()); // each bucket is a run
      for (std::size_t begin = 0, end = 0; begin < keyed.size(); begin = end) {
        members.clear();
        for (end = begin; end < keyed.size() && keyed[end].first == keyed[begin].first; ++end) {
          members.push_back(keyed[end].second);
        }
        if (members.size() > 1) {
          link_bucket(members);
        }
      }
    }
  }

  // The sets that span two answers or more, by their first use. Items are in
  // answer order, so each group's uses come out in that order.
  std::vector<ReuseGroup> groups() {
    std::unordered_map<std::size_t, std::size_t> group_of_root;
    std::vector<ReuseGroup> groups;
    for (std::size_t i = 0; i < m_items.size(); ++i) {
      std::size_t root = m_sets.find(i);
      auto [it, fresh] = group_of_root.try_emplace(root, groups.size());
      if (fresh) {
        groups.push_back({{}, m_lowest[root], false});
      }
      ReuseGroup& group = groups[it->second];
      if (group.uses.empty() || group.uses.back().answer != m_items[i].answer) {
        group.uses.push_back(m_items[i]);
      }
    }
    std::erase_if(groups, [](const ReuseGroup& group) { return group.uses.size() < 2; });
    return groups;
  }

private:
  const std::vector<std::uint64_t>& shingles(std::size_t item) const {
    return m_answers[m_items[item].answer].paragraphs[m_items[item].paragraph].shingles;
  }

  std::vector<std::vector<std::uint64_t>> signature_inputs() const {
    ShingleCounts counts;
    for (std::size_t i = 0; i < m_items.size(); ++i) {
      counts.add(shingles(i));
    }
    // Common: in more than 1% of the paragraphs and more than 50 of them (a
    // story copied into a handful of answers is never common).
    const std::size_t common = std::max<std::size_t>(50, m_items.size() / 100);
    std::vector<std::vector<std::uint64_t>> inputs;
    inputs.reserve(m_items.size());
    for (std::size_t i = 0; i < m_items.size(); ++i) {
      inputs.push_back(signature_input(shingles(i), counts, common));
    }
    return inputs;
  }

  // Joins y to a member of `group` it is alike, if any, within `budget`
  // comparisons.
  bool try_join(std::size_t y, const std::vector<std::size_t>& group, std::size_t& budget) {
    for (std::size_t x : group) {
      if (m_items[x].answer == m_items[y].answer) {
        continue;
      }
      if (budget == 0) {
        return false;
      }
      --budget;
      double similarity = 0;
      if (alike(shingles(x), shingles(y), m_threshold, similarity)) {
        double low = std::min({m_lowest[m_sets.find(x)], m_lowest[m_sets.find(y)], similarity});
        m_lowest[m_sets.join(x, y)] = low;
        return true;
      }
    }
    return false;
  }

  // The members of one bucket, compared once per set rather than once per
  // pair: a bucket of a thousand copies costs a thousand comparisons.
  void link_bucket(const std::vector<std::size_t>& members) {
    std::vector<std::vector<std::size_t>> groups; // members seen, by their set
    std::vector<std::size_t> joined;
    for (std::size_t y : members) {
      std::size_t budget = k_tries_per_bucket;
      joined.clear();
      for (std::size_t g = 0; g < groups.size() && budget > 0; ++g) {
        if (m_sets.find(groups[g].front()) != m_sets.find(y) && try_join(y, groups[g], budget)) {
          joined.push_back(g);
        }
      }
      if (joined.empty()) {
        groups.push_back({y});
        continue;
      }
      // y made one set of the groups it joined: one group here too.
      std::vector<std::size_t>& into = groups[joined.front()];
      into.push_back(y);
      for (std::size_t k = joined.size(); k-- > 1;) {
        std::vector<std::size_t>& from = groups[joined[k]];
        into.insert(into.end(), from.begin(), from.end());
        groups.erase(groups.begin() + static_cast<std::ptrdiff_t>(joined[k]));
      }
    }
  }

  const std::vector<AnswerFacts>& m_answers;
  double m_threshold;
  std::vector<ReuseUse> m_items;
  DisjointSets m_sets;
  std::vector<double> m_lowest; // per root: the lowest similarity that joined its set
};

} // namespace

void fingerprint(std::span<const Word> words, ParagraphPrint& print) {
  print.shingles.clear();
  for (std::size_t i = 0; i + 3 <= words.size(); ++i) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (std::size_t j = i; j < i + 3; ++j) {
      h = hash_word(words[j].text, h);
    }
    print.shingles.push_back(mix(h));
  }
  std::sort(print.shingles.begin(), print.shingles.end());
  print.shingles.erase(std::unique(print.shingles.begin(), print.shingles.end()),
                       print.shingles.end());
}

double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::size_t shared = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++shared;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  std::size_t all = a.size() + b.size() - shared;
  return all == 0 ? 0 : static_cast<double>(shared) / static_cast<double>(all);
}

std::vector<ReuseGroup> find_story_reuse(const std::vector<AnswerFacts>& answers,
                                         const PortfolioRule& rule) {
  auto settings = std::static_pointer_cast<const Settings>(prepare(rule.options));
  StoryIndex index(answers, rule, settings->min_similarity);
  index.link();
  std::vector<ReuseGroup> groups = index.groups();
  for (ReuseGroup& group : groups) {
    group.over_limit = static_cast<std::int64_t>(group.uses.size()) > settings->max_uses;
  }
  return groups;
}

void report_story_reuse(const std::vector<ReuseGroup>& groups, const PortfolioRule& rule,
                        std::vector<AnswerFacts>& answers) {
  std::int64_t max_uses = rule.options.integer("max_uses");
  for (const ReuseGroup& group : groups) {
    if (!group.over_limit) {
      continue;
    }
    for (const ReuseUse& use : group.uses) {
      std::vector<std::string> others;
      for (const ReuseUse& other : group.uses) {
        if (other.answer != use.answer && others.size() < 3) {
          const AnswerFacts& answer = answers[other.answer];
          others.push_back(
              fmt::format("{}:{}", answer.path, answer.paragraphs[other.paragraph].span.line));
        }
      }
      std::size_t hidden = group.uses.size() - 1 - others.size();
      std::string where = fmt::format("{}", fmt::join(others, ", "));
      if (hidden > 0) {
        where += fmt::format(" and {} more", hidden);
      }
      AnswerFacts& answer = answers[use.answer];
      const ParagraphPrint& paragraph = answer.paragraphs[use.paragraph];
      Finding finding;
      finding.path = answer.path;
      finding.span = paragraph.span;
      finding.rule = std::string(rule.rule->id);
      finding.severity = rule.severity;
      finding.message = fmt::format(
          "this story is also told in {} ({} answers, at least {:.0f}% alike; the limit is "
          "{}): keep it where it fits best and give the other questions a story of their own",
          where, group.uses.size(), group.similarity * 100, max_uses);
      finding.kind = answer.kind;
      finding.source_line = paragraph.source_line;
      answer.findings.push_back(std::move(finding));
    }
  }
}

extern const Rule k_story_reuse{
    .id = "story-reuse",
    .summary = "One story, as near-duplicate paragraphs, is told in more than max_uses answers.",
    .doc = k_doc,
    .default_severity = Severity::warning,
    .options = k_options,
    .prepare = &prepare,
};

} // namespace answerlint::audit
