#include "config/vocabulary_data.hpp"

#include "error.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace answerlint {
namespace {

[[noreturn]] void fail_at(const toml::node& node, const std::string& display,
                          const std::string& message) {
  const auto& begin = node.source().begin;
  throw Error(message, display, static_cast<int>(begin.line), static_cast<int>(begin.column));
}

std::string read_name(const toml::node& node, const std::string& display, std::string_view what) {
  const auto* text = node.as_string();
  if (text == nullptr || text->get().find_first_not_of(" \t") == std::string::npos) {
    fail_at(node, display, fmt::format("{}: expected a non-empty string", what));
  }
  return text->get();
}

void read_forms(const toml::table& tool, std::string_view key, bool exact, ToolEntry& entry,
                const std::string& display) {
  const toml::node* node = tool.get(key);
  if (node == nullptr) {
    return;
  }
  const auto* list = node->as_array();
  if (list == nullptr) {
    fail_at(*node, display, fmt::format("{}.{}: expected a list of strings", entry.name, key));
  }
  for (const toml::node& item : *list) {
    entry.forms.push_back({read_name(item, display, fmt::format("{}.{}", entry.name, key)), exact});
  }
}

bool read_case(const toml::table& tool, const std::string& name, const std::string& display) {
  const toml::node* node = tool.get("case");
  if (node == nullptr) {
    return false;
  }
  const auto* text = node->as_string();
  if (text == nullptr || (text->get() != "any" && text->get() != "exact")) {
    fail_at(*node, display, fmt::format("{}.case: expected \"any\" or \"exact\"", name));
  }
  return text->get() == "exact";
}

ToolEntry read_tool(const toml::node& node, const std::string& category,
                    const std::string& display) {
  const auto* tool = node.as_table();
  if (tool == nullptr) {
    fail_at(node, display, fmt::format("{}: expected a table {{ name = ... }}", category));
  }
  for (const auto& [key, value] : *tool) {
    const std::string_view name = key.str();
    if (name != "name" && name != "aliases" && name != "case" && name != "exact_aliases") {
      fail_at(value, display,
              fmt::format("{}: unknown key '{}' (expected name, aliases, case, exact_aliases)",
                          category, name));
    }
  }
  const toml::node* name = tool->get("name");
  if (name == nullptr) {
    fail_at(node, display, fmt::format("{}: a tool without a name", category));
  }
  ToolEntry entry;
  entry.name = read_name(*name, display, category);
  entry.category = category;
  const bool exact = read_case(*tool, entry.name, display);
  entry.forms.push_back({entry.name, exact});
  read_forms(*tool, "aliases", exact, entry, display);
  read_forms(*tool, "exact_aliases", true, entry, display);
  return entry;
}

} // namespace

std::vector<ToolEntry> parse_tool_vocabulary(std::string_view text, const std::string& display) {
  toml::table root;
  try {
    root = toml::parse(text, display);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    throw Error(std::string(error.description()), display, static_cast<int>(begin.line),
                static_cast<int>(begin.column));
  }
  std::vector<ToolEntry> tools;
  for (const auto& [key, value] : root) {
    const auto* list = value.as_array();
    if (list == nullptr) {
      fail_at(value, display, fmt::format("{}: expected a list of tools", key.str()));
    }
    for (const toml::node& item : *list) {
      tools.push_back(read_tool(item, std::string(key.str()), display));
    }
  }
  return tools;
}

std::vector<std::string> parse_word_list(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end;
    std::string_view line = text.substr(start, end - start);
    line = line.substr(0, line.find('#'));
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos) {
      const std::size_t last = line.find_last_not_of(" \t\r");
      words.emplace_back(line.substr(first, last - first + 1));
    }
    start = end + 1;
  }
  return words;
}

std::vector<std::string> read_word_list_file(const std::filesystem::path& path) {
  auto fail = [&](const char* why) {
    return Error(fmt::format("words_file '{}': cannot read ({})", path.string(), why));
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw fail("it is a directory");
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) {
    throw fail(std::strerror(errno));
  }
  std::string text;
  char buffer[16384];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
    text.append(buffer, got);
  }
  if (std::ferror(file.get()) != 0) {
    throw fail(std::strerror(errno));
  }
  return parse_word_list(text);
}

std::optional<std::pair<std::string, std::string>> find_hunspell_en_us() {
  namespace fs = std::filesystem;
  std::vector<fs::path> folders;
  // NOLINTNEXTLINE(concurrency-mt-unsafe): read once, before any thread writes the environment.
  if (const char* dicpath = std::getenv("DICPATH")) {
    std::string_view rest = dicpath;
    while (!rest.empty()) {
      const std::size_t colon = std::min(rest.find(':'), rest.size());
      if (colon > 0) {
        folders.emplace_back(rest.substr(0, colon));
      }
      rest.remove_prefix(std::min(colon + 1, rest.size()));
    }
  }
  for (const char* folder :
       {"/usr/share/hunspell", "/usr/local/share/hunspell", "/usr/share/myspell/dicts",
        "/usr/share/myspell", "/opt/homebrew/share/hunspell", "/Library/Spelling"}) {
    folders.emplace_back(folder);
  }
  for (const fs::path& folder : folders) {
    std::error_code ec;
    const fs::path aff = folder / "en_US.aff";
    const fs::path dic = folder / "en_US.dic";
    if (fs::is_regular_file(aff, ec) && fs::is_regular_file(dic, ec)) {
      return std::make_pair(aff.string(), dic.string());
    }
  }
  return std::nullopt;
}

} // namespace answerlint
