#pragma once

#include <string>
#include <string_view>

namespace answerlint::code {

// The SQL grammar (@derekstride/tree-sitter-sql) reads a common core of SQL
// but not every dialect's extras, and an answer about locking or upserts is
// full of them (SELECT ... FOR UPDATE SKIP LOCKED, ON CONFLICT (key),
// LIMIT 10, 20, START TRANSACTION). Reporting those as syntax errors would
// teach candidates to stop tagging SQL, so this returns a copy of `sql` of the
// same length where such valid constructs are replaced by spaces (line breaks
// kept, so every position still means the same place), and statements the
// grammar does not model at all (SHOW, GRANT, COPY, transaction control,
// function bodies in dollar quotes, psql meta-commands) are blanked whole.
std::string sql_for_grammar(std::string_view sql);

} // namespace answerlint::code
