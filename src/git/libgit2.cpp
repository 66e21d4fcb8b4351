#include "git/libgit2.hpp"

#include "error.hpp"

#include <atomic>
#include <new>
// SHA1_Init and friends: deprecated for new code in OpenSSL 3, and the
// fastest way to hash without loading providers (see below).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
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

// The functions below replace libgit2's at link time (CMakeLists.txt links
// libgit2's archive with --wrap=<function>: the archive's calls to
// <function> reach __wrap_<function> here, and __real_<function> is the
// original).
//
// Start-up cost. Debian's libgit2 1.5 is built with mbedTLS, and
// git_libgit2_init parses the whole CA bundle
// (/etc/ssl/certs/ca-certificates.crt, ~145 certificates) unconditionally:
// 8-20 ms measured, against 0.8 ms for the rest of init, and more than a
// whole `git diff --cached` in a 5,000-file repository.
// GIT_OPT_SET_SSL_CERT_LOCATIONS cannot help: it only exists after init and
// parses eagerly too. answerlint never talks to a remote, so during init no
// certificate is loaded (any HTTPS use would then fail verification, never
// pass it). Outside init the real function runs.
extern "C" int __real_mbedtls_x509_crt_parse_file(void* chain, const char* path);
extern "C" int __wrap_mbedtls_x509_crt_parse_file(void* chain, const char* path) {
  if (answerlint::git::detail::g_skipping_ca_bundle) {
    return 0;
  }
  return __real_mbedtls_x509_crt_parse_file(chain, path);
}

// libgit2's SHA-1 is sha1dc, SHA-1 with collision detection: about 23
// instructions a byte. libgit2 checks the whole index file's checksum on
// every read, so in a 5,000-file repository (a 525 KB index) that was 17.5M
// instructions, a quarter of a pre-commit run. answerlint writes no object
// and trusts its own repository as git does (git does not verify the index
// checksum on reading at all): plain SHA-1 from OpenSSL, with the CPU's SHA
// instructions where it has them, verifies the same checksums at about 2
// cycles a byte. The context libgit2 allocates for its backend holds, in its
// first bytes, a pointer to ours: every backend's context is bigger than a
// pointer.
namespace {

SHA_CTX*& sha1_state(void* ctx) {
  return *static_cast<SHA_CTX**>(ctx);
}

} // namespace

extern "C" int __wrap_git_hash_sha1_global_init() {
  return 0;
}

extern "C" int __wrap_git_hash_sha1_ctx_init(void* ctx) {
  sha1_state(ctx) = new (std::nothrow) SHA_CTX{};
  if (sha1_state(ctx) == nullptr) {
    return -1;
  }
  return SHA1_Init(sha1_state(ctx)) == 1 ? 0 : -1;
}

extern "C" void __wrap_git_hash_sha1_ctx_cleanup(void* ctx) {
  delete sha1_state(ctx);
  sha1_state(ctx) = nullptr;
}

extern "C" int __wrap_git_hash_sha1_init(void* ctx) {
  return SHA1_Init(sha1_state(ctx)) == 1 ? 0 : -1;
}

extern "C" int __wrap_git_hash_sha1_update(void* ctx, const void* data, std::size_t size) {
  return SHA1_Update(sha1_state(ctx), data, size) == 1 ? 0 : -1;
}

extern "C" int __wrap_git_hash_sha1_final(unsigned char* out, void* ctx) {
  return SHA1_Final(out, sha1_state(ctx)) == 1 ? 0 : -1;
}
