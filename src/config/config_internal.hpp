#pragma once

// Private to src/config: shared by the loader, the merger and Config.

#include "config/config.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace answerlint::config_detail {

// Every option a rule declares, at its default value.
Options default_options(const Rule& rule);

// Later layers win: type, severity and kinds replace, options merge one by one.
void merge_patch(RulePatch& into, const RulePatch& from);

// An unambiguous text form of a value, for hashing and cache keys.
void serialize(std::string& out, const OptionValue& value);
void serialize(std::string& out, const Options& options);

// FNV-1a 64 of a canonical form of everything a Config holds, as 16 hex digits.
std::string compute_digest(const Config& config);

// Reads `text` (a file, or a builtin preset when `is_preset`) and everything
// it extends into `config`. `display` is the name used in errors.
void load_layers(Config& config, std::string_view text, const std::string& display,
                 const std::filesystem::path& file, bool is_preset);

} // namespace answerlint::config_detail
