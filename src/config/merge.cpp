#include "config/config_internal.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <type_traits>

namespace answerlint::config_detail {

Options default_options(const Rule& rule) {
  Options options;
  for (const OptionSpec& spec : rule.options) {
    options.set(std::string(spec.name), spec.default_value);
  }
  return options;
}

void merge_patch(RulePatch& into, const RulePatch& from) {
  if (from.type) {
    into.type = from.type;
  }
  if (from.severity) {
    into.severity = from.severity;
  }
  if (from.kinds) {
    into.kinds = from.kinds;
  }
  for (const auto& [name, value] : from.options) {
    into.options.insert_or_assign(name, value);
  }
}

namespace {

// Length-prefixed, so that no value can be mistaken for two.
void put(std::string& out, std::string_view text) {
  out += fmt::format("{}:", text.size());
  out += text;
}

void put_list(std::string& out, const std::vector<std::string>& items) {
  out += fmt::format("L{}[", items.size());
  for (const auto& item : items) {
    put(out, item);
  }
  out += ']';
}

void put_globs(std::string& out, const std::vector<Glob>& globs) {
  out += fmt::format("G{}[", globs.size());
  for (const auto& glob : globs) {
    put(out, glob.pattern());
  }
  out += ']';
}

void put_patch(std::string& out, const RulePatch& patch) {
  out += 'T';
  put(out, patch.type.value_or(std::string("\x01none")));
  out += 'S';
  put(out, patch.severity ? to_string(*patch.severity) : "\x01none");
  if (patch.kinds) {
    out += 'K';
    put_list(out, *patch.kinds);
  }
  out += fmt::format("O{}{{", patch.options.size());
  for (const auto& [name, value] : patch.options) {
    put(out, name);
    serialize(out, value);
  }
  out += '}';
}

void put_patches(std::string& out, const std::map<std::string, RulePatch, std::less<>>& rules) {
  out += fmt::format("R{}{{", rules.size());
  for (const auto& [id, patch] : rules) {
    put(out, id);
    put_patch(out, patch);
  }
  out += '}';
}

} // namespace

void serialize(std::string& out, const OptionValue& value) {
  std::visit(
      [&out](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          out += v ? "b1" : "b0";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          out += fmt::format("i{};", v);
        } else if constexpr (std::is_same_v<T, double>) {
          out += fmt::format("d{};", v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          out += 's';
          put(out, v);
        } else if constexpr (std::is_same_v<T, StringList>) {
          put_list(out, v);
        } else {
          out += fmt::format("M{}{{", v.size());
          for (const auto& [key, list] : v) {
            put(out, key);
            put_list(out, list);
          }
          out += '}';
        }
      },
      value);
}

void serialize(std::string& out, const Options& options) {
  out += fmt::format("O{}{{", options.values().size());
  for (const auto& [name, value] : options.values()) {
    put(out, name);
    serialize(out, value);
  }
  out += '}';
}

std::string compute_digest(const Config& config) {
  std::string text = "answerlint-config-1;";
  put_globs(text, config.include);
  put_globs(text, config.exclude);
  text += fmt::format("max{};split{};", config.max_file_bytes, config.split_level);
  text += fmt::format("kinds{}{{", config.kinds.size());
  for (const auto& [kind, globs] : config.kinds) {
    put(text, kind);
    put_globs(text, globs);
  }
  text += '}';
  put_patches(text, config.rules);
  text += fmt::format("overrides{}{{", config.overrides.size());
  for (const auto& entry : config.overrides) {
    put_globs(text, entry.files);
    put_list(text, entry.kinds);
    put_patches(text, entry.rules);
  }
  text += '}';

  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", hash);
}

} // namespace answerlint::config_detail
