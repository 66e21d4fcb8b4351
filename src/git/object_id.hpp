#pragma once

// Object ids as git computes them, without a repository: what lets the
// results cache key an answer on disk by the same id `git hash-object`
// prints, so that a working-tree file and its staged blob share results.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace answerlint::git {

// A SHA-1 object id, raw (20 bytes).
using ObjectId = std::array<std::uint8_t, 20>;

// The id git gives a blob of these bytes: SHA-1 over "blob SIZE\0" + bytes,
// as `git hash-object` computes it (no filters applied). Thread-safe.
ObjectId blob_id(std::string_view bytes);

// 40 lowercase hex digits.
std::string to_hex(const ObjectId& id);
// The id that 40 hex digits spell; nullopt for anything else.
std::optional<ObjectId> parse_hex(std::string_view hex);

} // namespace answerlint::git
