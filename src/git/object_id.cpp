#include "git/object_id.hpp"

#include "git/libgit2.hpp"

#include <cstring>

namespace answerlint::git {
using namespace detail;

ObjectId blob_id(std::string_view bytes) {
  ensure_initialized();
  git_oid oid{};
  // Hashing memory cannot fail but on allocation failure inside libgit2,
  // and a wrong id would only cost a cache miss: check it all the same.
  check(git_odb_hash(&oid, bytes.data(), bytes.size(), GIT_OBJECT_BLOB), "cannot hash a blob");
  ObjectId id{};
  static_assert(sizeof oid.id == std::tuple_size_v<ObjectId>);
  std::memcpy(id.data(), oid.id, id.size());
  return id;
}

std::string to_hex(const ObjectId& id) {
  constexpr char k_digits[] = "0123456789abcdef";
  std::string hex(id.size() * 2, '0');
  for (std::size_t i = 0; i < id.size(); ++i) {
    hex[2 * i] = k_digits[id[i] >> 4];
    hex[2 * i + 1] = k_digits[id[i] & 0xF];
  }
  return hex;
}

std::optional<ObjectId> parse_hex(std::string_view hex) {
  ObjectId id{};
  if (hex.size() != id.size() * 2) {
    return std::nullopt;
  }
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  };
  for (std::size_t i = 0; i < id.size(); ++i) {
    const int high = nibble(hex[2 * i]);
    const int low = nibble(hex[2 * i + 1]);
    if (high < 0 || low < 0) {
      return std::nullopt;
    }
    id[i] = static_cast<std::uint8_t>(high * 16 + low);
  }
  return id;
}

} // namespace answerlint::git
