#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace answerlint {

// A gitignore-like glob over '/'-separated relative paths: `*` and `?` stay
// inside one path segment, `**` crosses segments, `[abc]`, `[!a-z]` and
// `{md,markdown}` work. A glob without '/' matches the file name at any
// depth (`README.md`); with one it is anchored (`drafts/**`). Compiled once
// to RE2, so matching is linear.
class Glob {
public:
  // Throws answerlint::Error (message only) on a malformed glob.
  explicit Glob(std::string_view pattern);
  ~Glob();
  Glob(Glob&&) noexcept;
  Glob& operator=(Glob&&) noexcept;
  Glob(const Glob&);
  Glob& operator=(const Glob&);

  bool matches(std::string_view relative_path) const;
  const std::string& pattern() const { return m_pattern; }

private:
  std::string m_pattern;
  std::shared_ptr<const re2::RE2> m_regex;
  // Text every match contains (the longest literal run of the pattern), so
  // that most paths are turned down without running the regex.
  std::string m_required;
  // For `*.md` and `**/*.md`, the shapes of files.include: the glob matches
  // exactly the paths that end with m_required, with no regex to run.
  bool m_suffix_only = false;
};

} // namespace answerlint
