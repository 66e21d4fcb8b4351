// Config::rules_for: the effective rule set of one answer, built from the
// registry defaults, the merged base settings and the overrides that match.

#include "config/config.hpp"

#include "config/config_internal.hpp"
#include "error.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace answerlint {
namespace {

struct Working {
  const Rule* rule = nullptr;
  Severity severity = Severity::warning;
  std::vector<std::string> kinds;
  Options options;
};
using WorkingSet = std::map<std::string, Working, std::less<>>;
using Patches = std::map<std::string, RulePatch, std::less<>>;
using Cache = std::map<std::string, std::shared_ptr<const std::vector<ActiveRule>>>;

// Prepared state lives in the same cache under keys no kind can start with.
constexpr char k_prepared_key = '\x01';

bool any_matches(const std::vector<Glob>& globs, std::string_view path) {
  return std::any_of(globs.begin(), globs.end(),
                     [path](const Glob& glob) { return glob.matches(path); });
}

bool override_matches(const Override& entry, std::string_view path, std::string_view kind) {
  if (!entry.files.empty() && !any_matches(entry.files, path)) {
    return false;
  }
  return entry.kinds.empty() ||
         std::find(entry.kinds.begin(), entry.kinds.end(), kind) != entry.kinds.end();
}

void apply(WorkingSet& set, const Patches& patches) {
  for (const auto& [id, patch] : patches) {
    auto it = set.find(id);
    if (it == set.end()) {
      // A rule that an override defines exists only where that override matches.
      const Rule* type = patch.type ? find_rule_type(*patch.type) : nullptr;
      if (type == nullptr) {
        continue;
      }
      Working fresh{type, type->default_severity, {}, config_detail::default_options(*type)};
      it = set.emplace(id, std::move(fresh)).first;
    }
    Working& rule = it->second;
    if (patch.severity) {
      rule.severity = *patch.severity;
    }
    if (patch.kinds) {
      rule.kinds = *patch.kinds;
    }
    for (const auto& [name, value] : patch.options) {
      rule.options.set(name, value);
    }
  }
}

// prepare() once per distinct (rule, options): every answer kind shares the
// compiled patterns of a rule whose options no override changed.
std::shared_ptr<const void> prepared_for(Cache& cache, const ActiveRule& active,
                                         const std::string& config_path) {
  std::string key(1, k_prepared_key);
  key += active.id;
  key += '\x1f';
  config_detail::serialize(key, active.options);
  if (auto it = cache.find(key); it != cache.end()) {
    return it->second->front().prepared;
  }
  std::shared_ptr<const void> prepared;
  try {
    prepared = active.rule->prepare(active.options);
  } catch (const std::exception& error) {
    throw Error(fmt::format("rules.{}: {}", active.id, error.what()), config_path);
  }
  auto holder = std::make_shared<std::vector<ActiveRule>>();
  holder->push_back(ActiveRule{active.rule, active.id, active.severity, {}, {}, prepared});
  cache.emplace(std::move(key), std::move(holder));
  return prepared;
}

} // namespace

std::shared_ptr<const std::vector<ActiveRule>> Config::rules_for(std::string_view relative_path,
                                                                 std::string_view kind) const {
  std::string key(kind);
  key += '\0';
  std::vector<const Override*> matching;
  for (const Override& entry : overrides) {
    const bool match = override_matches(entry, relative_path, kind);
    key += match ? '1' : '0';
    if (match) {
      matching.push_back(&entry);
    }
  }

  std::lock_guard lock(m_mutex);
  if (auto it = m_cache.find(key); it != m_cache.end()) {
    return it->second;
  }
  WorkingSet set;
  for (const Rule* rule : all_rules()) {
    set.emplace(rule->id,
                Working{rule, rule->default_severity, {}, config_detail::default_options(*rule)});
  }
  apply(set, rules);
  for (const Override* entry : matching) {
    apply(set, entry->rules);
  }
  auto result = std::make_shared<std::vector<ActiveRule>>();
  for (auto& [id, working] : set) {
    ActiveRule active{
        working.rule, id, working.severity, std::move(working.kinds), std::move(working.options),
        nullptr};
    if (active.severity == Severity::off || !active.applies_to(kind)) {
      continue;
    }
    if (active.rule->prepare != nullptr) {
      active.prepared = prepared_for(m_cache, active, path.string());
    }
    result->push_back(std::move(active));
  }
  m_cache.emplace(std::move(key), result);
  return result;
}

} // namespace answerlint
