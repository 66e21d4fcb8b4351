// filler-words: a builtin rule of the avoid-phrases type. The lists are the
// option defaults, so a user trims or extends them in answerlint.toml like
// the options of any rule of the type.

#include "lint/rule.hpp"
#include "phrase_types.hpp"

namespace answerlint::rules {
namespace {

// Only phrases that are filler in (nearly) every use. Words that are filler
// in some sentences and meaning in others are narrowed by their form
// (capitalised "Actually" opens a sentence; "you know," with its comma) or by
// an `ignore` context below.
const OptionSpec k_options[] = {
    {"terms", OptionType::string_list,
     StringList{"basically",
                "literally",
                "to be honest",
                "truth be told",
                "needless to say",
                "I guess",
                "I suppose",
                "I feel like",
                "kind of",
                "sort of",
                "pretty much",
                "more or less",
                "you know,",
                "I mean,",
                "like,",
                "really really",
                "very very",
                "actually just",
                "obviously",
                "and stuff",
                "stuff like that",
                "things like that",
                "or something like that",
                "or whatever",
                "and whatnot",
                "and so on and so forth",
                "at this point in time",
                "um",
                "umm",
                "uh",
                "so yeah"},
     "Filler words and hedges to report, matched literally, without regard to case, on word "
     "boundaries."},
    {"patterns", OptionType::string_list,
     StringList{
         // Capitalised, they open a sentence and add nothing; in the middle
         // of one ("it was actually slower") they carry a contrast.
         R"((?-i:\bActually\b))",
         R"((?-i:\bHonestly\b))",
         R"(\bhonestly,)",
     },
     "Regular expressions (RE2 syntax, case-insensitive) to report."},
    {"message", OptionType::string,
     std::string("'{match}' is filler or a hedge: cut it, or replace it with the fact it "
                 "stands for"),
     "The finding's message; {match} is replaced by the text found."},
    {"ignore", OptionType::string_list,
     StringList{
         // "the same kind of message", "what kind of data", "a new kind of
         // cache", "a weird sort of bug": kind and sort as nouns.
         R"(\b(?:a|an|the|what|which|whatever|this|that|these|those|each|every|any|some|no|one|)"
         R"(same|different|new|other|another|similar|certain|particular|specific|right|wrong|)"
         R"(exact|only|usual|unusual|common|typical|special|whole|main|best|worst|better|worse|)"
         R"(first|last|my|our|your|their|its|his|her)\s+(?:kind|sort)\s+of\b)",
         R"(\b(?:a|an|the|this|that|some|any|every|what|which)\s+[\w-]+\s+(?:kind|sort)\s+of\b)",
         // "a merge sort of the keys".
         R"(\b(?:merge|quick|bubble|heap|insertion|selection|radix|topological|external|)"
         R"(bucket|counting|shell|tim)\s*sort\s+of\b)",
         // "if you know, ..." is a condition, not filler.
         R"(\b(?:if|when|once|unless|whether|than|do|did)\s+you\s+know,)",
         // "I would like, if possible, ..." and "it looks like, ..." are verbs.
         R"((?:would|'d|’d|feel|felt|looks?|looked|seems?|seemed|sounds?|sounded)\s+like,)",
         // "uses more or less memory", "more or less expensive": a comparison.
         R"(\b(?:use|uses|used|need|needs|needed|add|adds|added|cost|costs|take|takes|took|)"
         R"(store|stores|whether|with)\s+more\s+or\s+less\b)",
         R"(\bmore\s+or\s+less\s+(?:than|often|likely|expensive|memory|data|time|traffic|load|)"
         R"(work|code|money|latency|risk|space|storage|cpu)\b)",
     },
     "Regular expressions (RE2 syntax, case-insensitive) of contexts that excuse a match."},
};

} // namespace

extern const Rule k_filler_words{
    .id = "filler-words",
    .type = "avoid-phrases",
    .summary = "Filler words and hedges that make an answer sound unsure: basically, kind of, I "
               "guess.",
    .doc = R"md(## What it does

Reports filler words and hedges in the answer's prose (not in code,
headings or front matter), one finding per use. It is a builtin rule of the
`avoid-phrases` type: its lists are the defaults of `terms`, `patterns` and
`ignore`, and you change them like the options of any rule of that type.

What it looks for, and why each one goes:

- `basically`, `literally`, `pretty much`: intensifiers that promise a
  simplification or an emphasis and deliver neither.
- `kind of`, `sort of`, `more or less`: hedges on your own work ("it was
  kind of slow"); say how slow. Used as nouns they are fine: "the same kind
  of message", "what kind of data", "a new kind of cache", "a merge sort of
  the keys", "uses more or less memory" are excused by `ignore`.
- `I guess`, `I suppose`, `I feel like`: you were there, so you know;
  state it, or say what you measured.
- `to be honest`, `truth be told`, `Honestly` opening a sentence, and
  `honestly,`: they suggest that the rest of the answer was not.
- `Actually` opening a sentence, and `actually just`: a spoken tic. In the
  middle of a sentence ("the cache was actually slower") it marks a
  contrast, so it is left alone.
- `you know,`, `I mean,`, `like,`, `um`, `umm`, `uh`, `so yeah`: speech
  fillers that crept into a rehearsal transcript. Only the forms with a
  comma are reported, so "if you know the key" and "services like Redis"
  are fine.
- `really really`, `very very`: a doubled intensifier; give the number.
- `obviously`, `needless to say`: if it is obvious, it need not be said,
  and an interviewer who did not find it obvious hears a put-down.
- `and stuff`, `stuff like that`, `things like that`, `or something like
  that`, `or whatever`, `and whatnot`, `and so on and so forth`: a list
  that trails off; name the items that matter.
- `at this point in time`: four words for "now".

Left out on purpose: `just` (often means "only" or "a moment ago") and
`I think` (an honest way to give an opinion in a design discussion). Add
them to `terms` if your coach wants them gone.

## Why it matters

Interviewers read confidence from wording. Hedges make a solid result
sound like luck, and fillers spend the few minutes you have on words that
carry nothing. Each one is small; five in an answer are a pattern.

## Options

- `terms` (list of strings, default: the phrases above): matched
  literally, without regard to case, on word boundaries.
- `patterns` (list of strings, default: capitalised `Actually` and
  `Honestly`, and `honestly,`): RE2 regular expressions.
- `message` (string): the message of each finding; `{match}` is the text
  found.
- `ignore` (list of strings, default: the noun uses of `kind of` and `sort
  of`, conditions like "if you know,", verbs before "like,", comparisons
  with "more or less"): RE2 regular expressions of contexts that excuse a
  match lying inside them.

Setting `terms` (or `patterns`) replaces the whole list. To add phrases
of your own and keep these, define a second rule of type `avoid-phrases`
holding only your additions.
)md",
    .default_severity = Severity::warning,
    .options = k_options,
    .check = &check_avoid_phrases,
    .prepare = &prepare_avoid_phrases,
    .bad_example = R"md(Basically, the old cron job was kind of slow, so I guess I moved it to a
queue and it got a lot better, to be honest.
)md",
    .good_example = R"md(The nightly cron job took four hours and often overran into business
hours, so I moved it to a queue with eight workers. It now finishes in
25 minutes, and we use the same kind of queue for the billing exports.
)md",
};

} // namespace answerlint::rules
