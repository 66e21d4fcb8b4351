#pragma once

#include <string_view>

namespace answerlint {

// A file of templates/ compiled into the binary, by its path under templates/
// ("backend-interview.toml", "answers/behavioral.md"); empty when there is none.
std::string_view embedded_template(std::string_view name);

} // namespace answerlint
