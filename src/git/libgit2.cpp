#include "git/libgit2.hpp"

#include "error.hpp"

#include <atomic>
#include <dlfcn.h>
#include <fmt/format.h>

namespace answerlint::git::detail {
namespace {

// True only while git_libgit2_init runs; see mbedtls_x509_crt_parse_file below.
std::atomic<bool> g_skipping_ca_bundle{false};

class Library {
public:
  Library() {
    g_skipping_ca_bundle = true;
    git_libgit2_init();
    g_skipping_ca_bundle = false;
    // CI checks out as one user and runs as another (root in containers);
    // answerlint only reads, so git's "dubious ownership" guard adds nothing
    // but a failure. `safe.directory=*` is not honoured by libgit2 1.5.
    git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
    // libgit2 re-hashes every object it reads (SHA-1 with collision
    // detection); git does not on ordinary reads. Off, a staged run in a
    // 5,000-file repository loads its trees in 1.5 ms instead of 2.3 ms, and
    // --rev skips hashing every blob a second time.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
  }
  ~Library() { git_libgit2_shutdown(); }
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;
};

} // namespace

void ensure_initialized() {
  static Library library;
}

std::string last_error_message() {
  const git_error* error = git_error_last();
  if (error == nullptr || error->message == nullptr) {
    return "unknown libgit2 error";
  }
  return error->message;
}

std::string advice_for(const std::string& message) {
  // libgit2 1.5 says "unsupported mandatory extension" for split and sparse
  // indexes and "unsupported extension name" for repository formats it
  // lacks: both need a change the user makes with git itself.
  if (message.find("mandatory extension") != std::string::npos) {
    return "; libgit2 cannot read a split or sparse index: turn them off with `git "
           "update-index --no-split-index` and `git sparse-checkout disable` (or `git config "
           "index.sparse false`), then run again";
  }
  if (message.find("unsupported extension") != std::string::npos) {
    return "; this repository uses a git extension that libgit2 1.5 cannot read";
  }
  return {};
}

void check(int code, std::string_view what) {
  if (code < 0) {
    std::string message = last_error_message();
    throw Error(fmt::format("{}: {}{}", what, message, advice_for(message)));
  }
}

std::string oid_hex(const git_oid& oid) {
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, &oid);
  return hex;
}

std::string read_blob(git_repository* repo, const git_oid& oid, std::string_view path) {
  git_blob* raw = nullptr;
  check(git_blob_lookup(&raw, repo, &oid), fmt::format("cannot read the blob of {}", path));
  BlobHandle blob(raw);
  const auto* bytes = static_cast<const char*>(git_blob_rawcontent(blob.get()));
  return std::string(bytes, static_cast<std::size_t>(git_blob_rawsize(blob.get())));
}

BlobFile blob_file(git_repository* repo, std::string path, const git_oid& oid,
                   const ContentFilter& read_content) {
  BlobFile file{std::move(path), oid_hex(oid), {}, true};
  file.read = !read_content || read_content(file.path, file.oid);
  if (file.read) {
    file.content = read_blob(repo, oid, file.path);
  }
  return file;
}

bool is_file_mode(std::uint32_t mode) {
  return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE;
}

ObjectHandle peel_revision(git_repository* repo, const std::string& rev, git_object_t type) {
  git_object* raw = nullptr;
  if (git_revparse_single(&raw, repo, rev.c_str()) < 0) {
    std::string advice = git_repository_is_shallow(repo) == 1
                             ? "; this is a shallow clone: fetch it first (actions/checkout with "
                               "fetch-depth: 0, or git fetch)"
                             : "";
    throw Error(fmt::format("unknown revision '{}': no branch, tag or commit has that name{}", rev,
                            advice));
  }
  ObjectHandle object(raw);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, object.get(), type) < 0) {
    throw Error(fmt::format("'{}' names a {}, not a {}", rev,
                            git_object_type2string(git_object_type(object.get())),
                            git_object_type2string(type)));
  }
  return ObjectHandle(peeled);
}

} // namespace answerlint::git::detail

// Start-up cost. Debian's libgit2 1.5 is built with mbedTLS, and
// git_libgit2_init parses the whole CA bundle
// (/etc/ssl/certs/ca-certificates.crt, ~145 certificates) unconditionally:
// 8-20 ms measured, against 0.8 ms for the rest of init, and more than a
// whole `git diff --cached` in a 5,000-file repository. GIT_OPT_SET_SSL_CERT_LOCATIONS cannot help:
// it only exists after init and parses eagerly too. answerlint never talks to a remote, so during
// init this definition, which the dynamic linker prefers to libmbedx509's, loads no certificate
// (any HTTPS use would then fail verification, never pass it). Outside init it forwards to the real
// function, so another user of mbedTLS in the process is unaffected. With a libgit2 built on
// OpenSSL it is never called.
extern "C" int mbedtls_x509_crt_parse_file(void* chain, const char* path) {
  if (answerlint::git::detail::g_skipping_ca_bundle) {
    return 0;
  }
  using ParseFile = int (*)(void*, const char*);
  static const auto real =
      reinterpret_cast<ParseFile>(dlsym(RTLD_NEXT, "mbedtls_x509_crt_parse_file"));
  if (real == nullptr) {
    return -1;
  }
  return real(chain, path);
}
