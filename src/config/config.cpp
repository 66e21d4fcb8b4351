#include "config/config.hpp"

#include "config/config_internal.hpp"
#include "embedded.hpp"
#include "error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>

namespace answerlint {
namespace fs = std::filesystem;
using config_detail::default_options;

namespace {

constexpr std::string_view k_default_include[] = {"**/*.md", "**/*.markdown"};
constexpr std::string_view k_config_name = "answerlint.toml";

// Section names portfolios use even when no rule asks for them, so that
// `**Context:**` is a section and not prose in every kind of answer.
constexpr std::string_view k_builtin_labels[] = {
    "situation",  "task",      "action",     "result",          "context",
    "background", "goal",      "approach",   "outcome",         "impact",
    "problem",    "challenge", "solution",   "lessons learned", "requirements",
    "data model", "api",       "scalability"};

std::unique_ptr<Config> new_config() {
  auto config = std::make_unique<Config>();
  for (std::string_view pattern : k_default_include) {
    config->include.emplace_back(pattern);
  }
  return config;
}

bool any_matches(const std::vector<Glob>& globs, std::string_view path) {
  return std::any_of(globs.begin(), globs.end(),
                     [path](const Glob& glob) { return glob.matches(path); });
}

std::string read_config_file(const fs::path& file) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) {
    throw Error("cannot read the config: it is a directory", file.string());
  }
  if (fs::exists(file, ec) && !fs::is_regular_file(file, ec)) {
    // A FIFO would block the open, a device would never end.
    throw Error("cannot read the config: not a regular file", file.string());
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> handle(std::fopen(file.c_str(), "rb"),
                                                         &std::fclose);
  if (!handle) {
    throw Error(fmt::format("cannot read the config: {}", std::strerror(errno)), file.string());
  }
  std::string text;
  char buffer[16384];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, handle.get())) > 0) {
    text.append(buffer, got);
  }
  if (std::ferror(handle.get()) != 0) {
    throw Error(fmt::format("cannot read the config: {}", std::strerror(errno)), file.string());
  }
  return text;
}

std::vector<std::string> rule_ids_of(const Config& config) {
  std::set<std::string, std::less<>> ids;
  for (const auto list : {all_rules(), portfolio_rules()}) {
    for (const Rule* rule : list) {
      ids.emplace(rule->id);
    }
  }
  for (const auto& entry : config.rules) {
    ids.insert(entry.first);
  }
  for (const Override& entry : config.overrides) {
    for (const auto& rule : entry.rules) {
      ids.insert(rule.first);
    }
  }
  return {ids.begin(), ids.end()};
}

// What every loader does once the layers are read.
void finish(Config& config) {
  config.digest = config_detail::compute_digest(config);
  config.rule_ids = rule_ids_of(config);
}

} // namespace

bool is_known_kind(std::string_view kind) {
  return std::find(std::begin(k_kinds), std::end(k_kinds), kind) != std::end(k_kinds);
}

bool ActiveRule::applies_to(std::string_view kind) const {
  return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

bool Config::excludes(std::string_view relative_path) const {
  return any_matches(exclude, relative_path);
}

bool Config::selects(std::string_view relative_path) const {
  return any_matches(include, relative_path) && !excludes(relative_path);
}

std::string Config::kind_for(std::string_view relative_path) const {
  for (const auto& [kind, globs] : kinds) {
    if (any_matches(globs, relative_path)) {
      return kind;
    }
  }
  return "answer";
}

std::vector<std::string> Config::labels() const {
  std::vector<std::string> out;
  std::set<std::string, std::less<>> seen;
  auto add = [&out, &seen](std::string_view name) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
      return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    if (!lower.empty() && seen.insert(lower).second) {
      out.push_back(std::move(lower));
    }
  };
  for (std::string_view name : k_builtin_labels) {
    add(name);
  }
  auto add_options = [&add](const std::map<std::string, OptionValue, std::less<>>& options) {
    if (auto it = options.find("sections"); it != options.end()) {
      if (const auto* sections = std::get_if<StringList>(&it->second)) {
        std::for_each(sections->begin(), sections->end(), add);
      }
    }
    if (auto it = options.find("aliases"); it != options.end()) {
      if (const auto* aliases = std::get_if<StringListMap>(&it->second)) {
        for (const auto& [name, synonyms] : *aliases) {
          add(name);
          std::for_each(synonyms.begin(), synonyms.end(), add);
        }
      }
    }
  };
  constexpr std::string_view k_sections_rule = "required-sections";
  if (const Rule* rule = find_rule(k_sections_rule)) {
    add_options(default_options(*rule).values());
  }
  if (auto it = rules.find(k_sections_rule); it != rules.end()) {
    add_options(it->second.options);
  }
  for (const Override& entry : overrides) {
    if (auto it = entry.rules.find(k_sections_rule); it != entry.rules.end()) {
      add_options(it->second.options);
    }
  }
  return out;
}

std::optional<std::string_view> builtin_preset(std::string_view name) {
  if (name.empty()) {
    return std::nullopt;
  }
  const std::string_view text = embedded_template(fmt::format("{}.toml", name));
  if (text.empty()) {
    return std::nullopt;
  }
  return text;
}

std::unique_ptr<Config> load_config_text(std::string_view text, const fs::path& file) {
  auto config = new_config();
  config->path = file;
  config->base_dir = file.parent_path();
  config_detail::load_layers(*config, text, file.string(), file, false);
  finish(*config);
  return config;
}

std::unique_ptr<Config> load_config(const fs::path& file) {
  return load_config_text(read_config_file(file), file);
}

std::unique_ptr<Config> builtin_config(const fs::path& base_dir) {
  constexpr std::string_view k_preset = "backend-interview";
  const auto text = builtin_preset(k_preset);
  if (!text) {
    throw Error(fmt::format("the builtin preset '{}' is missing from this build", k_preset));
  }
  auto config = new_config();
  config->base_dir = base_dir;
  config_detail::load_layers(*config, *text, fmt::format("builtin:{}", k_preset), {}, true);
  finish(*config);
  return config;
}

std::optional<fs::path> discover_config(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) {
    dir = start;
  }
  dir = dir.lexically_normal();
  if (!dir.has_filename()) {
    dir = dir.parent_path(); // "a/b/" names the folder b
  }
  if (fs::is_regular_file(dir, ec)) {
    dir = dir.parent_path();
  }
  while (true) {
    fs::path candidate = dir / k_config_name;
    if (fs::is_regular_file(candidate, ec)) {
      return candidate;
    }
    fs::path parent = dir.parent_path();
    if (parent.empty() || parent == dir) {
      return std::nullopt;
    }
    dir = std::move(parent);
  }
}

} // namespace answerlint
