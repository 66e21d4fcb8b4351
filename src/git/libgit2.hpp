#pragma once

// Internal to src/git: owning handles for libgit2 objects, the one-time
// library set-up and the translation of libgit2 failures into Error.

#include "git/repo.hpp"

#include <git2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace answerlint::git::detail {

// Initialises libgit2 once per process (thread-safe) before any other call.
void ensure_initialized();

template <typename T, void (*Free)(T*)> struct FreeWith {
  void operator()(T* handle) const { Free(handle); }
};

template <typename T, void (*Free)(T*)> using Handle = std::unique_ptr<T, FreeWith<T, Free>>;

using RepositoryHandle = Handle<git_repository, git_repository_free>;
using IndexHandle = Handle<git_index, git_index_free>;
using ObjectHandle = Handle<git_object, git_object_free>;
using TreeHandle = Handle<git_tree, git_tree_free>;
using CommitHandle = Handle<git_commit, git_commit_free>;
using BlobHandle = Handle<git_blob, git_blob_free>;
using DiffHandle = Handle<git_diff, git_diff_free>;
using ConfigHandle = Handle<git_config, git_config_free>;
using ReferenceHandle = Handle<git_reference, git_reference_free>;
using ConflictIteratorHandle =
    Handle<git_index_conflict_iterator, git_index_conflict_iterator_free>;

// A git_buf that is always disposed of.
class Buffer {
public:
  Buffer() = default;
  ~Buffer() { git_buf_dispose(&m_buf); }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  git_buf* get() { return &m_buf; }
  std::string str() const {
    return m_buf.ptr == nullptr ? std::string() : std::string(m_buf.ptr, m_buf.size);
  }

private:
  git_buf m_buf = GIT_BUF_INIT;
};

// libgit2's message for the last failure on this thread.
std::string last_error_message();

// What the user can do about a libgit2 failure message ("; ..."), or "".
std::string advice_for(const std::string& message);

// Throws Error("WHAT: <libgit2 message>; <advice>") when `code` is a failure.
void check(int code, std::string_view what);

std::string oid_hex(const git_oid& oid);

// The bytes of the blob `oid`; throws Error when it cannot be read.
std::string read_blob(git_repository* repo, const git_oid& oid, std::string_view path);

// A BlobFile for `path`, with its bytes unless `read_content` declines them.
BlobFile blob_file(git_repository* repo, std::string path, const git_oid& oid,
                   const ContentFilter& read_content);

// True for the modes of files with content (not links, submodules, trees).
bool is_file_mode(std::uint32_t mode);

// REV (anything git rev-parse understands) peeled to `type` (a commit or a
// tree); throws Error naming REV when it is unknown, with advice in a
// shallow clone, where a missing ref is usually a ref never fetched.
ObjectHandle peel_revision(git_repository* repo, const std::string& rev, git_object_t type);

} // namespace answerlint::git::detail
