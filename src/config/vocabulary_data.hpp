#pragma once

// The data behind the tools-named and spelling rules, read from text the
// rules hand over (an embedded template, a user's words file) into plain
// structs, so that toml++ stays inside src/config.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace answerlint {

// One way of writing a tool's name. An `exact` form is an ordinary English
// word too ("Go", "Spark", "Lambda") and matches only as written.
struct ToolForm {
  std::string text;
  bool exact = false;
};

struct ToolEntry {
  std::string name;            // the canonical name, shown in messages
  std::string category;        // "database", "queue", ...
  std::vector<ToolForm> forms; // forms[0] is the name, then the aliases
};

// Reads a vocabulary in the format of templates/tools.toml: top-level keys
// are categories, each an array of { name, aliases, case, exact_aliases }.
// Throws answerlint::Error at the offending line and column.
std::vector<ToolEntry> parse_tool_vocabulary(std::string_view text, const std::string& display);

// One word per line; `#` starts a comment; blank lines and surrounding
// spaces are ignored. Never throws.
std::vector<std::string> parse_word_list(std::string_view text);

// parse_word_list of a file; throws answerlint::Error("words_file 'PATH':
// cannot read (...)") when it cannot be read.
std::vector<std::string> read_word_list_file(const std::filesystem::path& path);

// The hunspell en_US dictionary (.aff, .dic) that spelling loads: the first
// folder of $DICPATH, then the usual system folders, holding both files;
// nullopt when none does. The results cache keys on these files too.
std::optional<std::pair<std::string, std::string>> find_hunspell_en_us();

} // namespace answerlint
