// `answerlint init`: a commented answerlint.toml whose [kinds] table maps
// the portfolio's own folders to kinds.

#include "document/document.hpp"
#include "embedded.hpp"
#include "error.hpp"
#include "report/reporter.hpp"
#include "scaffold/scaffold.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <fstream>
#include <map>
#include <sstream>

namespace answerlint::scaffold {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view k_config_name = "answerlint.toml";
constexpr std::string_view k_template = "init/answerlint.toml";
constexpr std::size_t k_files_sampled = 50;
constexpr std::uintmax_t k_max_sampled_bytes = 1'000'000;

struct NameRule {
  std::string_view kind;
  std::vector<std::string_view> words; // a folder name holding one of them (as a '-' word)
};

// Checked in order: "system-design" before "design", "questions-to-ask"
// before "questions", "behavioral-questions" as behavioral.
const NameRule k_name_rules[] = {
    {"system-design",
     {"system-design", "systems-design", "systemdesign", "design", "designs", "architecture"}},
    {"question", {"questions-to-ask", "to-ask", "ask", "reverse-questions", "for-the-interviewer"}},
    {"behavioral",
     {"behavioral", "behavioural", "behavior", "behaviour", "stories", "story", "star",
      "soft-skills"}},
    {"project", {"projects", "project", "side-projects"}},
    {"technical", {"technical", "tech", "concepts", "fundamentals", "backend", "theory"}},
    {"question", {"questions"}},
};

std::string normalize(std::string name) {
  for (char& c : name) {
    c = c == '_' || c == ' ' ? '-' : c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return name;
}

// `word` appears in `name` between '-' boundaries.
bool has_word(std::string_view name, std::string_view word) {
  for (std::size_t at = name.find(word); at != std::string_view::npos;
       at = name.find(word, at + 1)) {
    bool starts = at == 0 || name[at - 1] == '-';
    bool ends = at + word.size() == name.size() || name[at + word.size()] == '-';
    if (starts && ends) {
      return true;
    }
  }
  return false;
}

std::string kind_from_name(const std::string& folder) {
  std::string name = normalize(folder);
  for (const NameRule& rule : k_name_rules) {
    for (std::string_view word : rule.words) {
      if (has_word(name, word)) {
        return std::string(rule.kind);
      }
    }
  }
  return {};
}

bool skipped_folder(const std::string& name) {
  static const std::vector<std::string> k_skipped = {"drafts", "templates", "node_modules", "build",
                                                     "docs"};
  return name.starts_with('.') ||
         std::find(k_skipped.begin(), k_skipped.end(), normalize(name)) != k_skipped.end();
}

// The kind most sampled files' front matter names, when most agree.
KindGuess kind_from_front_matter(const fs::path& folder, const std::string& name) {
  std::map<std::string, int> votes;
  int sampled = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(
           folder, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator() &&
       sampled < static_cast<int>(k_files_sampled);
       it.increment(ec)) {
    const fs::path& path = it->path();
    if (path.extension() != ".md" || !it->is_regular_file(ec) ||
        it->file_size(ec) > k_max_sampled_bytes) {
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::string source = text.str();
    Document doc = parse_document(source, ParseOptions{});
    ++sampled;
    if (doc.front_matter.kind && is_known_kind(*doc.front_matter.kind) &&
        *doc.front_matter.kind != "answer") {
      ++votes[*doc.front_matter.kind];
    }
  }
  auto best = std::max_element(votes.begin(), votes.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; });
  if (best == votes.end() || best->second * 2 <= sampled) {
    return {};
  }
  return {best->first, name, fmt::format("front matter of {} of {} files", best->second, sampled)};
}

// A folder name as a glob that matches it literally.
std::string glob_literal(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (std::string_view("\\*?[]{},").find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

} // namespace

std::vector<KindGuess> guess_kinds(const fs::path& root) {
  std::vector<KindGuess> guesses;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    std::error_code entry_ec;
    if (!entry.is_directory(entry_ec) || entry.is_symlink(entry_ec)) {
      continue;
    }
    std::string name = entry.path().filename().string();
    if (skipped_folder(name)) {
      continue;
    }
    if (std::string kind = kind_from_name(name); !kind.empty()) {
      guesses.push_back({kind, name, "folder name"});
    } else if (KindGuess guess = kind_from_front_matter(entry.path(), name); !guess.kind.empty()) {
      guesses.push_back(std::move(guess));
    }
  }
  std::sort(guesses.begin(), guesses.end(),
            [](const KindGuess& a, const KindGuess& b) { return a.folder < b.folder; });
  return guesses;
}

std::string render_init_config(const std::vector<KindGuess>& guesses) {
  std::string kinds = "[kinds]\n";
  if (guesses.empty()) {
    kinds += "# No folder looked like a kind of answer; the preset's folder names apply\n"
             "# (behavioral/, stories/, technical/, system-design/, projects/,\n"
             "# questions-to-ask/ at any depth). Map your own, for example:\n"
             "# behavioral = [\"interviews/stories/**\"]\n";
  }
  for (std::string_view kind : k_kinds) {
    std::vector<std::string> globs;
    for (const KindGuess& guess : guesses) {
      if (guess.kind == kind) {
        kinds += fmt::format("# {}/: guessed from its {}\n", guess.folder, guess.reason);
        globs.push_back(toml_quote(glob_literal(guess.folder) + "/**"));
      }
    }
    if (!globs.empty()) {
      kinds += fmt::format("{} = [{}]\n", kind, fmt::join(globs, ", "));
    }
  }
  std::string text(embedded_template(k_template));
  const std::string marker = "{{kinds}}\n";
  if (auto at = text.find(marker); at != std::string::npos) {
    text.replace(at, marker.size(), kinds);
  }
  return text;
}

std::string write_init_config(const fs::path& root) {
  fs::path target = root / k_config_name;
  std::error_code ec;
  if (fs::exists(fs::symlink_status(target, ec))) {
    throw Error("already exists; edit it, or remove it to start again", std::string(k_config_name));
  }
  std::vector<KindGuess> guesses = guess_kinds(root);
  write_new_file(target.string(), render_init_config(guesses));
  std::string said = fmt::format("wrote {}", target.filename().string());
  for (const KindGuess& guess : guesses) {
    said += fmt::format("\n  {}/ -> {} ({})", guess.folder, guess.kind, guess.reason);
  }
  if (guesses.empty()) {
    said += "\n  no folder looked like a kind of answer: map yours under [kinds]";
  }
  return said;
}

std::string quoted(std::string_view text, fmt::string_view control_format) {
  std::string out = "\"";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte == 0x7F) {
      out += fmt::format(fmt::runtime(control_format), byte);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string toml_quote(std::string_view text) {
  return quoted(text, "\\u{:04X}");
}

} // namespace answerlint::scaffold
