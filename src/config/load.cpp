// Reads answerlint.toml layers with toml++ into a Config, checking every key,
// type and value, so a mistake is reported once, at load, with file:line:col.

#include "config/config_internal.hpp"
#include "config/toml_read.hpp"
#include "error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

namespace answerlint::config_detail {
namespace {
namespace fs = std::filesystem;

constexpr std::string_view k_top_keys[] = {"extends", "files", "kinds", "rules", "overrides"};
constexpr std::string_view k_files_keys[] = {"include", "exclude", "max_file_bytes", "split_level"};
constexpr std::string_view k_override_keys[] = {"files", "kinds", "rules"};
constexpr std::string_view k_builtin_prefix = "builtin:";

// What every layer of one load shares.
struct LoadState {
  Config& config;
  std::map<std::string, const Rule*, std::less<>> user_rules; // id -> rule type
  std::vector<std::string> chain;                             // files being read, outermost first
  std::vector<std::string> chain_display;
};

std::optional<std::string> read_whole_file(const fs::path& path, std::string& problem) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    problem = "it is a directory";
    return std::nullopt;
  }
  if (fs::exists(path, ec) && !fs::is_regular_file(path, ec)) {
    problem = "not a regular file"; // a FIFO would block, a device never end
    return std::nullopt;
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) {
    problem = std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  char buffer[16384];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
    text.append(buffer, got);
  }
  if (std::ferror(file.get()) != 0) {
    problem = std::strerror(errno);
    return std::nullopt;
  }
  return text;
}

void read_layer(LoadState& state, std::string_view text, const std::string& display,
                const std::string& identity, const std::optional<fs::path>& dir);

class LayerReader : public TomlReader {
public:
  LayerReader(LoadState& state, const std::string& display, std::optional<fs::path> dir)
      : TomlReader(display), m_state(state), m_config(state.config), m_dir(std::move(dir)) {}

  void read(const toml::table& root) {
    check_keys(root, k_top_keys, "");
    if (const toml::node* node = root.get("extends")) {
      read_extends(*node);
    }
    if (const toml::node* node = root.get("files")) {
      read_files(*node);
    }
    if (const toml::node* node = root.get("kinds")) {
      read_kinds(*node);
    }
    if (const toml::node* node = root.get("rules")) {
      read_rules(*node, "rules", m_config.rules);
    }
    if (const toml::node* node = root.get("overrides")) {
      read_overrides(*node);
    }
  }

private:
  void read_extends(const toml::node& node) {
    const toml::array& list = expect_array(node, "extends", "a list of strings");
    for (const toml::node& item : list) {
      const auto* entry = item.as_string();
      if (entry == nullptr) {
        fail_at(item, fmt::format("extends: expected a string, found {}", describe(item)));
      }
      extend(item, entry->get());
    }
  }

  void extend(const toml::node& item, const std::string& entry) {
    if (entry.starts_with(k_builtin_prefix)) {
      const std::string_view name = std::string_view(entry).substr(k_builtin_prefix.size());
      const auto preset = builtin_preset(name);
      if (!preset) {
        fail_at(item, fmt::format("extends: unknown builtin preset '{}' (expected one of: "
                                  "builtin:backend-interview)",
                                  entry));
      }
      enter(item, *preset, entry, entry, std::nullopt);
      return;
    }
    if (!m_dir) {
      fail_at(item, fmt::format("extends: a builtin preset can only extend builtin presets, "
                                "not the path '{}'",
                                entry));
    }
    const fs::path target = fs::path(entry).is_absolute() ? fs::path(entry) : *m_dir / entry;
    std::string problem;
    const auto text = read_whole_file(target, problem);
    if (!text) {
      fail_at(item, fmt::format("extends: cannot read '{}': {}", target.string(), problem));
    }
    std::error_code ec;
    fs::path identity = fs::weakly_canonical(target, ec);
    if (ec) {
      identity = target.lexically_normal();
    }
    enter(item, *text, target.string(), identity.string(), target.parent_path());
  }

  void enter(const toml::node& item, std::string_view text, const std::string& display,
             const std::string& identity, const std::optional<fs::path>& dir) {
    const auto& chain = m_state.chain;
    const auto found = std::find(chain.begin(), chain.end(), identity);
    if (found != chain.end()) {
      const auto first = static_cast<std::size_t>(found - chain.begin());
      std::string cycle;
      for (std::size_t i = first; i < chain.size(); ++i) {
        cycle += m_state.chain_display[i] + " -> ";
      }
      fail_at(item, fmt::format("extends: cycle: {}{}", cycle, display));
    }
    read_layer(m_state, text, display, identity, dir);
  }

  void read_files(const toml::node& node) {
    const toml::table& table = expect_table(node, "files");
    check_keys(table, k_files_keys, "files");
    if (const toml::node* value = table.get("include")) {
      m_config.include = read_globs(*value, "files.include");
    }
    if (const toml::node* value = table.get("exclude")) {
      m_config.exclude = read_globs(*value, "files.exclude");
    }
    if (const toml::node* value = table.get("max_file_bytes")) {
      const std::int64_t bytes = read_integer(*value, "files.max_file_bytes");
      if (bytes < 0) {
        fail_at(*value,
                fmt::format("files.max_file_bytes: expected an integer >= 0, found {}", bytes));
      }
      m_config.max_file_bytes = static_cast<std::uint64_t>(bytes);
    }
    if (const toml::node* value = table.get("split_level")) {
      const std::int64_t level = read_integer(*value, "files.split_level");
      if (level < 0 || level > 6) {
        fail_at(*value,
                fmt::format("files.split_level: expected an integer from 0 to 6 (0: one answer "
                            "per file), found {}",
                            level));
      }
      m_config.split_level = static_cast<int>(level);
    }
  }

  void read_kinds(const toml::node& node) {
    const toml::table& table = expect_table(node, "kinds");
    for (const auto& [key, value] : entries_in_order(table)) {
      const std::string kind(key->str());
      if (!is_known_kind(kind)) {
        fail_at(key->source(),
                fmt::format("kinds: unknown kind '{}' (expected one of: {})", kind, known_kinds()));
      }
      std::vector<Glob> globs = read_globs(*value, "kinds." + kind);
      auto& kinds = m_config.kinds;
      auto existing = std::find_if(kinds.begin(), kinds.end(),
                                   [&kind](const auto& entry) { return entry.first == kind; });
      if (existing != kinds.end()) {
        existing->second = std::move(globs); // a later layer replaces, keeping the order
      } else {
        kinds.emplace_back(kind, std::move(globs));
      }
    }
  }

  void read_rules(const toml::node& node, const std::string& where,
                  std::map<std::string, RulePatch, std::less<>>& into) {
    const toml::table& table = expect_table(node, where);
    for (const auto& [key, value] : entries_in_order(table)) {
      const std::string id(key->str());
      RulePatch patch = read_rule(*key, *value, fmt::format("{}.{}", where, id));
      merge_patch(into[id], patch);
    }
  }

  RulePatch read_rule(const toml::key& key, const toml::node& node, const std::string& where) {
    const toml::table& table = expect_table(node, where);
    RulePatch patch;
    const Rule& rule = resolve_rule(key, table, where, patch);
    for (const auto& [name_key, value] : entries_in_order(table)) {
      const std::string name(name_key->str());
      if (name == "type") {
        continue;
      }
      if (name == "severity") {
        patch.severity = read_severity(*value, where + ".severity");
      } else if (name == "kinds") {
        patch.kinds = read_kind_list(*value, where + ".kinds");
      } else {
        const OptionSpec* spec = find_option(rule, name);
        if (spec == nullptr) {
          fail_at(name_key->source(),
                  fmt::format("{}: unknown option '{}' (expected one of: {})", where, name,
                              option_names(rule, patch.type.has_value())));
        }
        const std::string option_where = fmt::format("{}.{}", where, name);
        patch.options.insert_or_assign(name, read_option(*spec, *value, option_where));
      }
    }
    // A builtin preset is ours, and tested to prepare for every kind
    // (tests/config/builtin_preset_test.cpp): compiling its patterns on every
    // start only to check them cost more than linting an answer.
    if (m_dir) {
      check_prepare(rule, patch, table, where);
    }
    return patch;
  }

  // The rule whose options `table` sets: a builtin, or a type for a new id.
  const Rule& resolve_rule(const toml::key& key, const toml::table& table, const std::string& where,
                           RulePatch& patch) {
    const std::string id(key.str());
    const Rule* builtin = find_rule(id);
    if (const toml::node* type_node = table.get("type")) {
      if (builtin != nullptr) {
        fail_at(*type_node, fmt::format("{}.type: '{}' is a builtin rule and has no type to set; "
                                        "to define a new rule, give it a new id",
                                        where, id));
      }
      const std::string type = read_string(*type_node, where + ".type");
      const Rule* type_rule = find_rule_type(type);
      if (type_rule == nullptr) {
        fail_at(*type_node, fmt::format("{}.type: unknown rule type '{}' (expected one of: {})",
                                        where, type, rule_type_names()));
      }
      auto [it, inserted] = m_state.user_rules.try_emplace(id, type_rule);
      if (!inserted && it->second != type_rule) {
        fail_at(*type_node, fmt::format("{}.type: rule '{}' is already defined with type '{}'",
                                        where, id, it->second->type));
      }
      patch.type = type;
      return *type_rule;
    }
    if (builtin != nullptr) {
      return *builtin;
    }
    if (auto it = m_state.user_rules.find(id); it != m_state.user_rules.end()) {
      return *it->second;
    }
    fail_at(key.source(),
            fmt::format("{}: unknown rule '{}' (known rules: {}; to define a new rule, set "
                        "`type` to one of: {})",
                        where, id, known_rule_ids(), rule_type_names()));
  }

  std::string known_rule_ids() const {
    std::vector<std::string_view> ids;
    for (const Rule* rule : all_rules()) {
      ids.push_back(rule->id);
    }
    for (const Rule* rule : portfolio_rules()) {
      ids.push_back(rule->id);
    }
    for (const auto& entry : m_state.user_rules) {
      ids.push_back(entry.first);
    }
    return fmt::format("{}", fmt::join(ids, ", "));
  }

  // An override matches files; a portfolio rule judges all of them at once,
  // so setting one there could only be silently ignored.
  void reject_portfolio_rules(const toml::node& rules) {
    if (const auto* table = rules.as_table()) {
      for (const auto& [key, value] : entries_in_order(*table)) {
        if (is_portfolio_rule(key->str())) {
          fail_at(key->source(),
                  fmt::format("rule '{}' judges the whole portfolio and cannot be overridden per "
                              "file or kind; set it in the top-level [rules.{}] table",
                              key->str(), key->str()));
        }
      }
    }
  }

  void read_overrides(const toml::node& node) {
    const auto* list = node.as_array();
    if (list == nullptr) {
      fail_at(node, fmt::format("overrides: expected a list of tables ([[overrides]]), found {}",
                                describe(node)));
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
      const toml::node& item = *list->get(i);
      const std::string where = fmt::format("overrides[{}]", i);
      const toml::table& table = expect_table(item, where);
      check_keys(table, k_override_keys, where);
      Override entry;
      if (const toml::node* value = table.get("files")) {
        entry.files = read_globs(*value, where + ".files");
      }
      if (const toml::node* value = table.get("kinds")) {
        entry.kinds = read_kind_list(*value, where + ".kinds");
      }
      if (const toml::node* value = table.get("rules")) {
        reject_portfolio_rules(*value);
        read_rules(*value, where + ".rules", entry.rules);
      }
      m_config.overrides.push_back(std::move(entry));
    }
  }

  LoadState& m_state;
  Config& m_config;
  std::optional<fs::path> m_dir; // none for a builtin preset
};

void read_layer(LoadState& state, std::string_view text, const std::string& display,
                const std::string& identity, const std::optional<fs::path>& dir) {
  toml::table root;
  try {
    root = toml::parse(text, display);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    throw Error(std::string(error.description()), display, static_cast<int>(begin.line),
                static_cast<int>(begin.column));
  }
  state.chain.push_back(identity);
  state.chain_display.push_back(display);
  LayerReader(state, display, dir).read(root);
  state.chain.pop_back();
  state.chain_display.pop_back();
}

} // namespace

void load_layers(Config& config, std::string_view text, const std::string& display,
                 const std::filesystem::path& file, bool is_preset) {
  LoadState state{config, {}, {}, {}};
  if (is_preset) {
    read_layer(state, text, display, display, std::nullopt);
    return;
  }
  std::error_code ec;
  fs::path identity = fs::weakly_canonical(file, ec);
  if (ec) {
    identity = file.lexically_normal();
  }
  read_layer(state, text, display, identity.string(), file.parent_path());
}

} // namespace answerlint::config_detail
