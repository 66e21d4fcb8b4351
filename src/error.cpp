#include "error.hpp"

#include <fmt/format.h>

namespace answerlint {

Error::Error(std::string message, std::string path, int line, int column)
    : std::runtime_error(std::move(message)), m_path(std::move(path)), m_line(line),
      m_column(column) {}

std::string Error::format() const {
  if (m_path.empty()) {
    return what();
  }
  if (m_line <= 0) {
    return fmt::format("{}: {}", m_path, what());
  }
  if (m_column <= 0) {
    return fmt::format("{}:{}: {}", m_path, m_line, what());
  }
  return fmt::format("{}:{}:{}: {}", m_path, m_line, m_column, what());
}

} // namespace answerlint
