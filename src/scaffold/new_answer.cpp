// `answerlint new KIND QUESTION`: a new answer from templates/answers/<kind>.md.

#include "embedded.hpp"
#include "error.hpp"
#include "report/escape.hpp"
#include "report/reporter.hpp"
#include "scaffold/scaffold.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace answerlint::scaffold {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t k_max_slug = 60;
constexpr std::size_t k_max_suggestions = 5;

// Where each kind goes when the config's globs name no folder for it; the
// preset's [kinds] recognises each of these names.
std::string_view default_folder(std::string_view kind) {
  if (kind == "project") {
    return "projects";
  }
  if (kind == "question") {
    return "questions-to-ask";
  }
  return kind == "answer" ? "" : kind;
}

bool related(std::string_view a, std::string_view b) {
  auto family = [](std::string_view kind) -> std::string_view {
    if (kind == "system-design") {
      return "technical";
    }
    return kind == "project" ? "behavioral" : kind;
  };
  return a == "answer" || b == "answer" || family(a) == family(b);
}

bool looks_like_id(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// The literal folder a glob of `kind` names ("stories/**" -> "stories"); a
// glob that floats ("**/stories/**") counts only when that folder exists.
std::string folder_for(const Config& config, std::string_view kind) {
  for (const auto& [name, globs] : config.kinds) {
    if (name != kind) {
      continue;
    }
    for (const Glob& glob : globs) {
      std::string_view pattern = glob.pattern();
      bool floating = pattern.starts_with("**/");
      if (floating) {
        pattern.remove_prefix(3);
      }
      pattern = pattern.substr(0, pattern.find_first_of("*?[{\\"));
      std::size_t slash = pattern.rfind('/');
      if (slash == std::string_view::npos || slash == 0) {
        continue;
      }
      std::string folder(pattern.substr(0, slash));
      std::error_code ec;
      if (!floating || fs::is_directory(config.base_dir / folder, ec)) {
        return folder;
      }
    }
  }
  return std::string(default_folder(kind));
}

std::string suggestions(std::string_view text, std::string_view kind) {
  std::string words = std::string(text);
  std::replace(words.begin(), words.end(), '-', ' ');
  std::vector<std::pair<double, const BankEntry*>> ranked;
  for (const BankEntry& entry : builtin_question_bank().entries) {
    if (!related(kind, entry.kind)) {
      continue;
    }
    double score = builtin_question_matcher().score(words, entry);
    if (entry.competency == text || entry.id.find(text) != std::string::npos) {
      score += 1;
    }
    if (score > 0.2) {
      ranked.emplace_back(score, &entry);
    }
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < std::min(ranked.size(), k_max_suggestions); ++i) {
    lines.push_back(fmt::format("  {} ({}): \"{}\"", ranked[i].second->id, ranked[i].second->kind,
                                ranked[i].second->question));
  }
  if (lines.empty()) {
    return "; give the question in words instead, in quotes";
  }
  return fmt::format("; bank questions that match:\n{}", fmt::join(lines, "\n"));
}

std::string concepts_comment(const BankEntry* entry) {
  if (entry == nullptr || entry->concepts.empty()) {
    return {};
  }
  std::vector<std::string_view> names;
  for (const BankConcept& concept_ : entry->concepts) {
    names.push_back(concept_.name);
  }
  return fmt::format(
      "<!-- Ideas interviewers listen for here (key-concepts checks for two): {}. -->",
      fmt::join(names, ", "));
}

// Fills the kind's template. A line holding a placeholder with no value
// (no bank id, no concepts) goes, with the blank line after it.
std::string render(std::string_view kind, std::string_view question, const BankEntry* id_entry,
                   const BankEntry* concepts_entry) {
  std::string_view text = embedded_template(fmt::format("answers/{}.md", kind));
  std::string out;
  bool dropped = false;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string line(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (dropped && line.empty()) {
      dropped = false;
      continue;
    }
    dropped = false;
    if (line.find("{{id}}") != std::string::npos) {
      if (id_entry == nullptr) {
        continue;
      }
      line.replace(line.find("{{id}}"), 6, id_entry->id);
    } else if (line == "{{concepts}}") {
      line = concepts_comment(concepts_entry);
      if (line.empty()) {
        dropped = true;
        continue;
      }
    }
    if (auto at = line.find("{{question}}"); at != std::string::npos) {
      line.replace(at, 12, yaml_quote(question));
    }
    if (auto at = line.find("{{kind}}"); at != std::string::npos) {
      line.replace(at, 8, kind);
    }
    out += line;
    out += '\n';
  }
  return out;
}

} // namespace

NewAnswer plan_new_answer(const Config& config, std::string_view kind, std::string_view question) {
  if (!is_known_kind(kind) || embedded_template(fmt::format("answers/{}.md", kind)).empty()) {
    throw Error(
        fmt::format("unknown kind '{}' (expected one of: {})", kind, fmt::join(k_kinds, ", ")));
  }
  std::string wording = valid_utf8(question);
  wording.erase(0, wording.find_first_not_of(" \t\r\n"));
  wording.erase(wording.find_last_not_of(" \t\r\n") + 1);
  if (wording.empty()) {
    throw Error("the question is empty: give it in quotes, or a question-bank id");
  }
  NewAnswer plan;
  std::string slug;
  const BankEntry* id_entry = builtin_question_bank().find(wording);
  if (id_entry != nullptr) {
    if (!related(kind, id_entry->kind)) {
      throw Error(fmt::format("'{}' is a {} question in the bank: run `answerlint new {} {}`",
                              id_entry->id, id_entry->kind, id_entry->kind, id_entry->id));
    }
    plan.entry = id_entry;
    plan.by_id = true;
    slug = id_entry->id;
    wording = id_entry->question;
  } else if (looks_like_id(wording)) {
    throw Error(fmt::format("no question-bank id '{}'{}", wording, suggestions(wording, kind)));
  } else {
    plan.entry = builtin_question_matcher().match(wording, kind);
    slug = slugify(wording);
  }
  std::string folder = folder_for(config, kind);
  plan.path = (folder.empty() ? config.base_dir : config.base_dir / folder) / (slug + ".md");
  std::error_code ec;
  if (fs::exists(fs::symlink_status(plan.path, ec))) {
    throw Error("already exists; answerlint never overwrites it: pick another question, or "
                "edit that file",
                fs::proximate(plan.path, ec).string());
  }
  plan.text = render(kind, wording, id_entry, plan.entry);
  return plan;
}

NewAnswer write_new_answer(const Config& config, std::string_view kind, std::string_view question) {
  NewAnswer plan = plan_new_answer(config, kind, question);
  std::error_code ec;
  fs::create_directories(plan.path.parent_path(), ec);
  if (ec) {
    throw Error(fmt::format("cannot create the folder: {}", ec.message()),
                plan.path.parent_path().string());
  }
  write_new_file(plan.path.string(), plan.text);
  return plan;
}

std::string slugify(std::string_view text) {
  std::string slug;
  for (char c : text) {
    char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
      slug += lower;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  if (slug.size() > k_max_slug) {
    std::size_t cut = slug.rfind('-', k_max_slug);
    slug.resize(cut == std::string::npos || cut == 0 ? k_max_slug : cut);
  }
  while (!slug.empty() && slug.back() == '-') {
    slug.pop_back();
  }
  return slug.empty() ? "answer" : slug;
}

std::string yaml_quote(std::string_view text) {
  return quoted(text, "\\x{:02X}");
}

} // namespace answerlint::scaffold
