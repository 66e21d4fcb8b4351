#pragma once

#include "config/glob.hpp"
#include "lint/rule.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace answerlint {

inline constexpr std::string_view k_kinds[] = {"behavioral", "technical", "system-design",
                                               "project",    "question",  "answer"};
bool is_known_kind(std::string_view kind);

// One rule, ready to run on an answer.
struct ActiveRule {
  const Rule* rule = nullptr; // the builtin rule, or the type of a user rule
  std::string id;
  Severity severity = Severity::warning;
  std::vector<std::string> kinds; // empty: every kind
  Options options;
  std::shared_ptr<const void> prepared;

  bool applies_to(std::string_view kind) const;
};

// A change to one rule's settings, as a config layer or override writes it.
struct RulePatch {
  std::optional<std::string> type; // user-defined rules only
  std::optional<Severity> severity;
  std::optional<std::vector<std::string>> kinds;
  std::map<std::string, OptionValue, std::less<>> options;
};

struct Override {
  std::vector<Glob> files; // empty: any file
  std::vector<std::string> kinds; // empty: any kind
  std::map<std::string, RulePatch, std::less<>> rules;
};

// The merged configuration: presets from `extends` first, then the file.
class Config {
public:
  std::filesystem::path path;     // the file loaded; empty when builtin only
  std::filesystem::path base_dir; // paths and globs are relative to it
  std::vector<Glob> include;
  std::vector<Glob> exclude;
  std::uint64_t max_file_bytes = 10'000'000;
  int split_level = 0;
  std::vector<std::pair<std::string, std::vector<Glob>>> kinds; // first match wins
  std::map<std::string, RulePatch, std::less<>> rules;          // merged base settings
  std::vector<Override> overrides;
  std::string digest; // a hash of everything above, for the cache
  // Every rule id a suppression may name, sorted: the builtin and portfolio
  // rules and those the layers define (at the top or in an override), off
  // or not.
  std::vector<std::string> rule_ids;

  // `relative_path` is relative to base_dir, '/'-separated.
  bool selects(std::string_view relative_path) const; // include and not exclude
  bool excludes(std::string_view relative_path) const;
  std::string kind_for(std::string_view relative_path) const; // "answer" when none
  // Lowercase section names and aliases that make a label a section.
  std::vector<std::string> labels() const;

  // The rules that run on an answer of `kind` in `relative_path`, with
  // overrides applied, severity off removed. Cached per matching-override set;
  // thread-safe.
  std::shared_ptr<const std::vector<ActiveRule>> rules_for(std::string_view relative_path,
                                                           std::string_view kind) const;

private:
  mutable std::mutex m_mutex;
  mutable std::map<std::string, std::shared_ptr<const std::vector<ActiveRule>>> m_cache;
};

// Loads a file (with its `extends`). Throws answerlint::Error with
// file:line:column on any mistake.
std::unique_ptr<Config> load_config(const std::filesystem::path& file);
// Loads config text as if read from `file` (tests, and `extends` of builtin
// presets).
std::unique_ptr<Config> load_config_text(std::string_view text, const std::filesystem::path& file);
// The builtin preset alone (no answerlint.toml found), based at `base_dir`.
std::unique_ptr<Config> builtin_config(const std::filesystem::path& base_dir);
// Looks for answerlint.toml in `start` and its parents.
std::optional<std::filesystem::path> discover_config(const std::filesystem::path& start);
// Text of a builtin preset ("backend-interview"), compiled in from templates/.
std::optional<std::string_view> builtin_preset(std::string_view name);

} // namespace answerlint
