#pragma once

// `answerlint init` and `answerlint new`: files written from the templates
// compiled in from templates/ (init/answerlint.toml, answers/<kind>.md).
// Neither ever overwrites a file.

#include "config/config.hpp"
#include "config/question_bank.hpp"

#include <filesystem>
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

namespace answerlint::scaffold {

// A top-level folder of the portfolio and the kind its answers seem to be.
struct KindGuess {
  std::string kind;
  std::string folder; // relative to the portfolio root, '/'-separated
  std::string reason; // "folder name", or "front matter of 4 of 5 files"
};

// Guesses from each top-level folder's name (behavioral/, stories/,
// system-design/, questions-to-ask/...), else from the front-matter `kind`
// most of its Markdown files agree on. Hidden folders and drafts/,
// templates/, node_modules/ are skipped. Sorted by folder.
std::vector<KindGuess> guess_kinds(const std::filesystem::path& root);

// The commented answerlint.toml of templates/init/ with a [kinds] table for
// the guesses.
std::string render_init_config(const std::vector<KindGuess>& guesses);

// Writes root/answerlint.toml; throws answerlint::Error when one exists.
// Returns what it wrote, for the user.
std::string write_init_config(const std::filesystem::path& root);

// What `new` writes.
struct NewAnswer {
  std::filesystem::path path; // the file written
  std::string text;
  const BankEntry* entry = nullptr; // the bank question it answers, if any
  bool by_id = false;               // QUESTION was the entry's id (else its wording matched)
};

// The answer of `kind` for `question` (its wording, or a bank id) from the
// kind's template, placed in the kind's folder under config.base_dir with a
// file name made from the question. Throws answerlint::Error for an unknown
// kind, an id-like QUESTION the bank lacks (naming close ids), a bank entry
// of an unrelated kind, or an existing file.
NewAnswer plan_new_answer(const Config& config, std::string_view kind, std::string_view question);
// plan_new_answer, then writes the file (creating its folder).
NewAnswer write_new_answer(const Config& config, std::string_view kind, std::string_view question);

// "Tell me about a time you failed!" -> "tell-me-about-a-time-you-failed":
// ASCII letters and digits, '-' between words, at most 60 characters cut at
// a '-'; "answer" when nothing is left.
std::string slugify(std::string_view text);

// A YAML double-quoted scalar holding `text` exactly.
std::string yaml_quote(std::string_view text);
// `text` in double quotes, quotes and backslashes escaped by a backslash, control
// characters written with `control_format` (given the byte): what YAML and
// TOML strings share.
std::string quoted(std::string_view text, fmt::string_view control_format);
// A TOML basic string holding `text` exactly.
std::string toml_quote(std::string_view text);

} // namespace answerlint::scaffold
