#pragma once

#include <stdexcept>
#include <string>

namespace answerlint {

// The one error type a user can cause: a bad config, a bad argument, an
// unreadable file. `main` prints `format()` and exits with code 2.
class Error : public std::runtime_error {
public:
  explicit Error(std::string message, std::string path = {}, int line = 0, int column = 0);

  const std::string& path() const { return m_path; }
  int line() const { return m_line; }
  int column() const { return m_column; }

  // "path:line:column: message", leaving out the parts that are unknown.
  std::string format() const;

private:
  std::string m_path;
  int m_line;
  int m_column;
};

} // namespace answerlint
