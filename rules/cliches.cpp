// cliches: a builtin rule of the avoid-phrases type; the list is the option
// defaults.

#include "lint/rule.hpp"
#include "phrase_types.hpp"

namespace answerlint::rules {
namespace {

// Phrases that claim a quality instead of showing it, or that every
// interviewer has heard so often they no longer register. Inflected forms
// ("wore many hats", "moved the needle") are patterns.
const OptionSpec k_options[] = {
    {"terms", OptionType::string_list,
     StringList{"team player",
                "think outside the box",
                "outside the box thinking",
                "hit the ground running",
                "go-getter",
                "win-win",
                "at the end of the day",
                "perfectionist",
                "passionate about",
                "self-starter",
                "results-driven",
                "results-oriented",
                "people person",
                "quick learner",
                "fast learner",
                "proven track record",
                "game changer",
                "game-changer",
                "paradigm shift",
                "best-in-class",
                "best of breed",
                "thought leader",
                "thought leadership",
                "value-add",
                "strategic thinker",
                "secret sauce",
                "ducks in a row",
                "boil the ocean",
                "tirelessly"},
     "Cliches to report, matched literally, without regard to case, on word boundaries."},
    {"patterns", OptionType::string_list,
     StringList{
         R"(\bw(?:ear|ears|earing|ore)\s+(?:many|multiple|a\s+lot\s+of|several)\s+hats\b)",
         R"(\bsynerg(?:y|ies|ize|ized|ise|ised|istic)\b)",
         R"(\bmov(?:e|es|ed|ing)\s+the\s+needle\b)",
         R"(\blow[- ]hanging\s+fruits?\b)",
         R"(\bhard[- ]?work(?:er|ers|ing)\b)",
         R"(\bdetail[- ]oriented\b)",
         R"(\brock\s?stars?\b)",
         // Ninja is also a build tool and a wizard a setup screen: only the
         // self-descriptions.
         R"(\b(?:coding|code|programming|tech|backend|javascript|python|java|sql|devops)\s+)"
         R"((?:ninjas?|gurus?|wizards?|rock\s?stars?)\b)",
         R"(\bg(?:ive|ives|ave|iving)\s+(?:it\s+)?(?:110|150|200)\s?%)",
         R"(\bcircl(?:e|es|ed|ing)\s+back\b)",
         R"(\btouch(?:es|ed|ing)?\s+base\b)",
         R"(\b(?:go|goes|going|went|gone)\s+(?:the\s+)?extra\s+mile\b)",
         R"(\bfast[- ]paced\s+environments?\b)",
         // Not "evicted to the next level of the cache".
         R"(\b(?:take|takes|took|taking|bring|brings|brought|push|pushed)\s+(?:\w+\s+){0,3}to\s+)"
         R"(the\s+next\s+level\b)",
         // The weakness that is really a strength.
         R"(\bI\s+(?:work|care)\s+too\s+(?:hard|much)\b)",
     },
     "Regular expressions (RE2 syntax, case-insensitive) to report."},
    {"message", OptionType::string,
     std::string("'{match}' is a cliche interviewers hear all day: show it with what you did "
                 "and what changed instead"),
     "The finding's message; {match} is replaced by the text found."},
    {"ignore", OptionType::string_list, StringList{},
     "Regular expressions (RE2 syntax, case-insensitive) of contexts that excuse a match."},
};

} // namespace

extern const Rule k_cliches{
    .id = "cliches",
    .type = "avoid-phrases",
    .summary = "Empty phrases every candidate uses: team player, think outside the box.",
    .doc = R"md(## What it does

Reports cliches in the answer's prose (not in code, headings or front
matter), one finding per use. It is a builtin rule of the `avoid-phrases`
type: its list is the default of `terms` and `patterns`, and you change it
like the options of any rule of that type.

What it looks for, and why each one goes:

- Traits claimed instead of shown: `team player`, `hard worker` /
  `hard-working`, `detail-oriented`, `self-starter`, `go-getter`,
  `results-driven`, `results-oriented`, `people person`, `quick learner`,
  `fast learner`, `strategic thinker`, `passionate about`, `proven track
  record`. Every candidate says them, so they prove nothing; the story that
  shows the trait does.
- The weakness that is a disguised strength: `perfectionist`, "I work too
  hard", "I care too much". Interviewers recognise the dodge at once; name a
  real weakness and what you do about it.
- Business-speak: `synergy`, `move the needle`, `low-hanging fruit`,
  `win-win`, `circle back`, `touch base`, `paradigm shift`, `game
  changer`, `best-in-class`, `best of breed`, `thought leader`,
  `value-add`, `secret sauce`, `ducks in a row`, `boil the ocean`. They
  replace the specific thing you did with a slogan.
- Empty images: `think outside the box`, `hit the ground running`, `wear
  many hats`, `at the end of the day`, `go the extra mile`, "take it to
  the next level" (not "evicted to the next level of the cache"),
  `fast-paced environment`, `tirelessly`, "give 110%".
- Self-titles: `rockstar`, and `ninja`, `guru` or `wizard` after a
  technology ("coding ninja"). Alone, Ninja is a build tool and a wizard a
  setup screen, so those are not reported.

## Why it matters

A cliche takes the place of evidence. An interviewer who hears "team
player" learns nothing, and notes that the candidate reached for the
phrase everyone uses. The same sentence rewritten as what you did is both
more believable and more memorable.

## Options

- `terms` (list of strings, default: the phrases above): matched
  literally, without regard to case, on word boundaries.
- `patterns` (list of strings, default: the inflected phrases above, such
  as "wore many hats" or "moved the needle"): RE2 regular expressions.
- `message` (string): the message of each finding; `{match}` is the text
  found.
- `ignore` (list of strings, default `[]`): RE2 regular expressions of
  contexts that excuse a match lying inside them.

Setting `terms` (or `patterns`) replaces the whole list. To add phrases
of your own and keep these, define a second rule of type `avoid-phrases`
holding only your additions.
)md",
    .default_severity = Severity::warning,
    .options = k_options,
    .check = &check_avoid_phrases,
    .prepare = &prepare_avoid_phrases,
    .bad_example = R"md(I am a team player who likes to think outside the box, and at the end of
the day we delivered the migration.
)md",
    .good_example = R"md(When the payments team was short of reviewers, I reviewed their schema
changes for two sprints, and we delivered the migration a week early.
)md",
};

} // namespace answerlint::rules
