#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// Escaping shared by the CI formats. Findings carry text straight from the
// user's files (paths, quoted answer text), so every format escapes through
// these and never by hand.
namespace answerlint {

// The text with each byte that is not part of a valid UTF-8 sequence
// (overlong forms and surrogates included) replaced by U+FFFD, so that XML
// and JSON consumers never reject the whole report for one broken file.
std::string valid_utf8(std::string_view text);

// `text` as a JSON string, quotes included, appended to `out` exactly as
// nlohmann::json's dump writes it with error_handler_t::replace (the JSON
// reports were built with it, and stay byte for byte the same): `"` and `\`,
// \b \f \n \r \t and \u00xx for the other C0 controls; other characters as
// they are, UTF-8; each maximal ill-formed subsequence (a byte that cannot
// start a sequence, or a sequence cut short by a byte that cannot continue
// it or by the end of the text) becomes one U+FFFD.
void append_json_string(std::string& out, std::string_view text);

// XML 1.0 text for element content and attribute values alike: & < > " '
// as entities; tab, LF and CR as character references, because a parser
// turns them into spaces inside attribute values; characters XML 1.0 forbids
// (C0 controls, U+FFFE, U+FFFF) dropped; invalid UTF-8 replaced.
std::string xml_escape(std::string_view text);

// A relative path as an RFC 3986 URI reference: every byte but the
// unreserved characters and '/' percent-encoded (spaces, '%', ':', '#',
// non-ASCII as its UTF-8 bytes).
std::string uri_escape_path(std::string_view path);

// At most `max_chars` code points of `text`; a cut text ends with "…"
// within that count. Never splits a UTF-8 sequence.
std::string truncate_chars(std::string_view text, std::size_t max_chars);

} // namespace answerlint
