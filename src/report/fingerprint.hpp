#pragma once

#include "lint/finding.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace answerlint {

// The key under which SARIF `partialFingerprints` carries the fingerprint;
// bump the version whenever the hash input changes.
inline constexpr std::string_view k_fingerprint_key = "answerlint/v1";

// FNV-1a 64 over the rule id, path, source line (whitespace runs collapsed
// to one space, ends trimmed) and message, as 16 lowercase hex digits. No
// line or column goes in: moving a line keeps the hash.
std::string content_hash(const Finding& finding);

// One fingerprint per finding, in the same order: `<content_hash>:<n>`, where
// n counts the findings of the same path with the same hash that come before
// it in `finding_less` order, so identical lines in one file stay distinct.
std::vector<std::string> fingerprints(std::span<const Finding> findings);

} // namespace answerlint
