#pragma once

// `answerlint hook install | uninstall`: the pre-commit hook file.

#include <filesystem>
#include <string>
#include <string_view>

namespace answerlint::git {

class Repo;

// The line that marks a hook file as written by answerlint.
inline constexpr std::string_view k_hook_marker = "# answerlint pre-commit hook";
// Where `install --chain` keeps a hook that was there before; ours runs it.
inline constexpr std::string_view k_chained_hook_name = "pre-commit.answerlint-chained";

// The text of hooks/pre-commit, compiled in (a test keeps the two identical).
std::string_view hook_template();

// The hook to install: the template with `answerlint_binary` recorded in it.
std::string hook_script(const std::filesystem::path& answerlint_binary);

// Writes the pre-commit hook where git runs it and says what it did.
// Re-installing an identical hook changes nothing. A hook answerlint did not
// write is never overwritten: without `chain` that is an Error, with it the
// hook is renamed to pre-commit.answerlint-chained and runs first. Throws
// Error with advice for a bare repository or a husky-managed core.hooksPath.
std::string install_hook(Repo& repo, bool chain, const std::filesystem::path& answerlint_binary);

// Removes answerlint's hook and puts back the chained one exactly as it was
// (content and mode); changes nothing when answerlint's hook is not there.
std::string uninstall_hook(Repo& repo);

} // namespace answerlint::git
