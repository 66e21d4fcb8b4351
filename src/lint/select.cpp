#include "lint/select.hpp"

#include "error.hpp"
#include "git/repo.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>

namespace answerlint {
namespace fs = std::filesystem;

namespace {

bool escapes(const fs::path& relative) {
  return relative.empty() || *relative.begin() == "..";
}

// `path` relative to `base`, '/'-separated; absolute when it is outside.
std::string relative_to(const fs::path& path, const fs::path& base) {
  fs::path rel = path.lexically_relative(base);
  return escapes(rel) ? path.generic_string() : rel.generic_string();
}

// Maps repository paths ("docs/a.md") to what globs and reports see.
class PathMapper {
public:
  PathMapper(const Config& config, const git::Repo& repo)
      : m_workdir(repo.workdir()), m_cwd(fs::current_path()),
        m_base(fs::weakly_canonical(config.base_dir.empty() ? m_cwd : config.base_dir)) {
    if (!m_workdir.empty()) {
      m_cwd = fs::weakly_canonical(m_cwd);
    }
  }

  fs::path absolute(std::string_view repo_path) const {
    return m_workdir.empty() ? fs::path() : m_workdir / fs::path(repo_path);
  }
  // In a bare repository the tree paths are all there is.
  std::string relative(std::string_view repo_path) const {
    return m_workdir.empty() ? std::string(repo_path) : relative_to(absolute(repo_path), m_base);
  }
  std::string display(std::string_view repo_path, bool as_in_tree) const {
    if (m_workdir.empty() || as_in_tree) {
      return std::string(repo_path);
    }
    fs::path rel = absolute(repo_path).lexically_relative(m_cwd);
    return rel.empty() ? std::string(repo_path) : rel.generic_string();
  }

private:
  fs::path m_workdir;
  fs::path m_cwd;
  fs::path m_base;
};

// The PATH arguments of a git source, as repository-relative prefixes ("" is
// the whole repository).
std::vector<std::string> repo_prefixes(const git::Repo& repo, const std::vector<fs::path>& paths) {
  std::vector<std::string> prefixes;
  for (const fs::path& path : paths) {
    if (repo.is_bare()) {
      std::string prefix = path.lexically_normal().generic_string();
      prefixes.push_back(prefix == "." ? "" : prefix);
      continue;
    }
    std::optional<std::string> rel = repo.relative_path(fs::absolute(path));
    if (!rel) {
      throw Error(fmt::format("not inside the repository at {}", repo.workdir().string()),
                  path.string());
    }
    prefixes.push_back(*rel == "." ? "" : *rel);
  }
  if (prefixes.empty()) {
    prefixes.emplace_back();
  }
  return prefixes;
}

bool under(std::string_view path, std::string_view prefix) {
  if (prefix.empty() || path == prefix) {
    return true;
  }
  return path.size() > prefix.size() && path.starts_with(prefix) && path[prefix.size()] == '/';
}

git::Repo open_repo(const char* option) {
  std::optional<git::Repo> repo = git::Repo::discover(fs::current_path());
  if (!repo) {
    throw Error(fmt::format("{} reads git, but {} is not inside a git repository", option,
                            fs::current_path().string()));
  }
  return std::move(*repo);
}

std::vector<WalkedFile> from_git(const Config& config, const Selection& selection) {
  const char* option = selection.source == Source::staged ? "--staged"
                       : selection.source == Source::since ? "--since"
                                                           : "--rev";
  git::Repo repo = open_repo(option);
  PathMapper map(config, repo);
  std::vector<std::string> prefixes = repo_prefixes(repo, selection.paths);
  auto wanted = [&](std::string_view path) {
    bool named = std::any_of(prefixes.begin(), prefixes.end(),
                             [&](const std::string& prefix) { return under(path, prefix); });
    return named && config.selects(map.relative(path));
  };

  std::vector<WalkedFile> files;
  bool in_tree = selection.source == Source::rev;
  auto add = [&](const std::string& path, std::optional<std::string> content, std::string blob_id) {
    files.push_back({map.absolute(path).native(), map.relative(path), map.display(path, in_tree),
                     std::move(content), std::move(blob_id)});
  };
  auto add_blob = [&](git::BlobFile& blob) {
    std::optional<std::string> content;
    if (blob.read) {
      content = std::move(blob.content);
    }
    add(blob.path, std::move(content), std::move(blob.oid));
  };
  git::ContentFilter read_content;
  if (selection.needs_content) {
    read_content = [&](std::string_view path, std::string_view oid) {
      return selection.needs_content(map.relative(path), oid);
    };
  }
  switch (selection.source) {
  case Source::staged:
    for (git::BlobFile& blob : repo.staged(wanted, read_content)) {
      add_blob(blob);
    }
    break;
  case Source::rev:
    for (git::BlobFile& blob : repo.tree_files(selection.ref, wanted, read_content)) {
      add_blob(blob);
    }
    break;
  case Source::since:
    for (const std::string& path : repo.changed_since(selection.ref)) {
      std::error_code ec;
      if (wanted(path) && fs::is_regular_file(map.absolute(path), ec)) {
        add(path, std::nullopt, {});
      }
    }
    break;
  case Source::paths:
    break;
  }
  std::sort(files.begin(), files.end(),
            [](const WalkedFile& a, const WalkedFile& b) { return a.display < b.display; });
  return files;
}

// A plain walk skips what git ignores when the walk starts in a repository.
std::vector<WalkedFile> from_disk(const Config& config, const Selection& selection) {
  const fs::path start = selection.paths.empty() ? fs::path(".") : selection.paths.front();
  std::error_code ec;
  const fs::path folder = fs::is_directory(start, ec) ? start : start.parent_path();
  std::optional<git::Repo> repo =
      git::Repo::discover(fs::absolute(folder.empty() ? fs::path(".") : folder));
  if (!repo || repo->is_bare()) {
    return walk_paths(config, selection.paths);
  }
  // The walk's paths are canonical: compare them with the canonical root
  // without a system call per file.
  const fs::path root = fs::weakly_canonical(repo->workdir());
  IgnoreFn ignored = [&repo, &root](const fs::path& absolute, bool is_directory) {
    fs::path rel = absolute.lexically_relative(root);
    if (escapes(rel) || rel == ".") {
      return false;
    }
    return repo->ignored(is_directory ? rel.generic_string() + "/" : rel.generic_string());
  };
  return walk_paths(config, selection.paths, ignored);
}

} // namespace

std::vector<WalkedFile> select_answers(const Config& config, const Selection& selection) {
  return selection.source == Source::paths ? from_disk(config, selection)
                                           : from_git(config, selection);
}

} // namespace answerlint
