#include "document/front_matter.hpp"

#include "document/simple_yaml.hpp"
#include "document/utf8.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <exception>
#include <optional>

namespace answerlint::detail {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
constexpr int k_max_split_level = 6;

constexpr std::string_view k_a_string = "a string";
constexpr std::string_view k_a_string_list = "a list of strings";
constexpr std::string_view k_a_level = "an integer from 0 to 6";
constexpr std::string_view k_a_table = "a table of settings, such as `disable: [rule-id]`";

std::string_view trim_right(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

FrontMatterFormat opening_format(std::string_view first_line) {
  if (first_line.starts_with(k_bom)) {
    first_line.remove_prefix(k_bom.size());
  }
  first_line = trim_right(first_line);
  if (first_line == "---") {
    return FrontMatterFormat::yaml;
  }
  if (first_line == "+++") {
    return FrontMatterFormat::toml;
  }
  return FrontMatterFormat::none;
}

bool is_closing_line(std::string_view line, FrontMatterFormat format) {
  line = trim_right(line);
  if (format == FrontMatterFormat::yaml) {
    return line == "---" || line == "...";
  }
  return line == "+++";
}

// 0 when the block is never closed.
int find_closing_line(const LineIndex& lines, FrontMatterFormat format) {
  for (int line = 2; line <= lines.line_count(); ++line) {
    if (is_closing_line(lines.line_text(line), format)) {
      return line;
    }
  }
  return 0;
}

std::optional<int> parse_level(std::string_view text) {
  int value = 0;
  const char* end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, value);
  if (result.ec != std::errc{} || result.ptr != end || value < 0 || value > k_max_split_level) {
    return std::nullopt;
  }
  return value;
}

// What both parsers share: where the content sits in the file, and where
// problems go.
class Reader {
public:
  Reader(std::string_view source, const LineIndex& lines, FrontMatter& out, int first_line,
         std::size_t content_end)
      : m_source(source), m_lines(lines), m_out(out), m_first_line(first_line),
        m_content_begin(lines.line_start(first_line)), m_content_end(content_end) {}

  std::string_view content() const {
    return m_source.substr(m_content_begin, m_content_end - m_content_begin);
  }
  FrontMatter& out() { return m_out; }
  std::string_view source() const { return m_source; }

  // One character at a byte offset of the content (empty at a line end).
  Span char_span(std::size_t content_offset) const {
    const std::size_t begin = std::min(m_content_begin + content_offset, m_content_end);
    std::size_t end = begin;
    if (end < m_content_end && m_source[end] != '\n' && m_source[end] != '\r') {
      end += utf8::decode(m_source, end, m_content_end).length;
    }
    return m_lines.span(begin, end);
  }

  // The file offset of a 1-based line and code-point column of the content.
  std::size_t offset_at(std::size_t line, std::size_t column) const {
    if (line == 0) {
      return m_content_begin;
    }
    const int file_line = m_first_line + static_cast<int>(line) - 1;
    const std::size_t line_begin = m_lines.line_start(file_line);
    const std::size_t line_end = line_begin + m_lines.line_text(file_line).size();
    std::size_t offset = std::min(line_begin, m_content_end);
    for (std::size_t i = 1; i < column && offset < line_end; ++i) {
      offset += utf8::decode(m_source, offset, line_end).length;
    }
    return std::min(offset, m_content_end);
  }

  Span content_span() const {
    std::size_t end = m_content_end;
    while (end > m_content_begin && (m_source[end - 1] == '\n' || m_source[end - 1] == '\r')) {
      --end;
    }
    return m_lines.span(m_content_begin, end);
  }

  Span span(std::size_t begin, std::size_t end) const { return m_lines.span(begin, end); }
  std::size_t content_begin() const { return m_content_begin; }

  void problem(std::string message, Span where) {
    m_out.problems.push_back({std::move(message), where});
  }
  void wrong_type(std::string_view key, std::string_view expected, Span where) {
    problem(fmt::format("front matter `{}` must be {}", key, expected), where);
  }

private:
  std::string_view m_source;
  const LineIndex& m_lines;
  FrontMatter& m_out;
  int m_first_line;
  std::size_t m_content_begin;
  std::size_t m_content_end;
};

std::optional<std::string>* string_field(FrontMatter& out, std::string_view key) {
  if (key == "question") {
    return &out.question;
  }
  if (key == "kind") {
    return &out.kind;
  }
  if (key == "company") {
    return &out.company;
  }
  if (key == "id") {
    return &out.id;
  }
  return nullptr;
}

// ---- YAML -----------------------------------------------------------------

// The reading below takes a yaml-cpp node or a node of read_simple_yaml
// alike, through these.
bool is_null(const YAML::Node& node) { return node.IsNull(); }
bool is_scalar(const YAML::Node& node) { return node.IsScalar(); }
bool is_sequence(const YAML::Node& node) { return node.IsSequence(); }
const std::string& scalar(const YAML::Node& node) { return node.Scalar(); }
const YAML::Node& items(const YAML::Node& node) { return node; }

bool is_null(const SimpleYamlNode& node) { return node.type == SimpleYamlNode::Type::null; }
bool is_scalar(const SimpleYamlNode& node) { return node.type == SimpleYamlNode::Type::scalar; }
bool is_sequence(const SimpleYamlNode& node) {
  return node.type == SimpleYamlNode::Type::sequence;
}
const std::string& scalar(const SimpleYamlNode& node) { return node.text; }
const std::vector<SimpleYamlNode>& items(const SimpleYamlNode& node) { return node.items; }

// A scalar's bytes (a key's, a list item's): as written, quotes included.
Span yaml_scalar_span(const Reader& reader, const YAML::Node& scalar) {
  const YAML::Mark mark = scalar.Mark();
  const std::size_t begin =
      reader.content_begin() + (mark.pos > 0 ? static_cast<std::size_t>(mark.pos) : 0);
  const std::string_view source = reader.source();
  std::size_t line_end = begin;
  while (line_end < source.size() && source[line_end] != '\n' && source[line_end] != '\r') {
    ++line_end;
  }
  std::size_t end = std::min(begin + scalar.Scalar().size(), line_end);
  if (begin < line_end && (source[begin] == '"' || source[begin] == '\'')) {
    const std::size_t close = source.find(source[begin], begin + 1);
    end = close < line_end ? close + 1 : line_end;
  }
  return reader.span(begin, end);
}

Span yaml_scalar_span(const Reader& reader, const SimpleYamlNode& scalar) {
  return reader.span(reader.content_begin() + scalar.begin, reader.content_begin() + scalar.end);
}

// A scalar is one entry; a null is none; anything else is the wrong type.
// `add` gets each entry's node.
template <typename Node, typename Add> bool yaml_string_list(const Node& node, const Add& add) {
  if (is_null(node)) {
    return true;
  }
  if (is_scalar(node)) {
    add(node);
    return true;
  }
  if (!is_sequence(node)) {
    return false;
  }
  bool all_strings = true;
  for (const auto& item : items(node)) {
    if (is_scalar(item)) {
      add(item);
    } else {
      all_strings = false;
    }
  }
  return all_strings;
}

template <typename Node> bool yaml_tag_list(FrontMatter& out, const Node& node) {
  return yaml_string_list(node, [&out](const Node& item) { out.tags.push_back(scalar(item)); });
}

// `answerlint.disable`: each id with where it is written.
bool yaml_rule_list(Reader& reader, const YAML::Node& node) {
  return yaml_string_list(node, [&reader](const YAML::Node& item) {
    reader.out().disable.push_back({item.Scalar(), yaml_scalar_span(reader, item)});
  });
}

template <typename Node>
void yaml_split_level(Reader& reader, const Node& value, std::string_view name, Span where) {
  if (is_null(value)) {
    return;
  }
  const auto level = is_scalar(value) ? parse_level(scalar(value)) : std::nullopt;
  if (!level) {
    reader.wrong_type(name, k_a_level, where);
    return;
  }
  reader.out().split_level = level;
}

void yaml_settings(Reader& reader, const YAML::Node& value, Span where) {
  if (value.IsNull()) {
    return;
  }
  if (!value.IsMap()) {
    reader.wrong_type("answerlint", k_a_table, where);
    return;
  }
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (!it->first.IsScalar()) {
      continue;
    }
    const std::string& name = it->first.Scalar();
    const Span key_span = yaml_scalar_span(reader, it->first);
    if (name == "disable" && !yaml_rule_list(reader, it->second)) {
      reader.wrong_type("answerlint.disable", k_a_string_list, key_span);
    } else if (name == "split_level") {
      yaml_split_level(reader, it->second, "answerlint.split_level", key_span);
    }
  }
}

// read_simple_yaml leaves every nested mapping to yaml-cpp.
void yaml_settings(Reader& reader, const SimpleYamlNode& value, Span where) {
  if (!is_null(value)) {
    reader.wrong_type("answerlint", k_a_table, where);
  }
}

template <typename Node>
void yaml_value(Reader& reader, const std::string& key, const Node& value, Span where) {
  FrontMatter& out = reader.out();
  if (auto* field = string_field(out, key)) {
    if (is_scalar(value)) {
      *field = scalar(value);
    } else if (!is_null(value)) {
      reader.wrong_type(key, k_a_string, where);
    }
  } else if (key == "tags") {
    if (!yaml_tag_list(out, value)) {
      reader.wrong_type(key, k_a_string_list, where);
    }
  } else if (key == "answerlint") {
    yaml_settings(reader, value, where);
  } else if (key == "split_level") {
    yaml_split_level(reader, value, key, where);
  }
}

template <typename Node> void yaml_entry(Reader& reader, const Node& key, const Node& value) {
  if (!is_scalar(key)) {
    return;
  }
  const std::string& name = scalar(key);
  const Span key_span = yaml_scalar_span(reader, key);
  reader.out().keys.emplace(name, key_span);
  yaml_value(reader, name, value, key_span);
}

void yaml_problem(Reader& reader, std::string_view what, const YAML::Mark& mark) {
  const std::size_t offset = mark.pos > 0 ? static_cast<std::size_t>(mark.pos) : 0;
  reader.problem(fmt::format("front matter is not valid YAML: {}; fix it so the answer's "
                             "settings are read",
                             what),
                 reader.char_span(offset));
}

void read_yaml_mapping(Reader& reader, const YAML::Node& root) {
  if (root.IsNull()) {
    return;
  }
  if (!root.IsMap()) {
    reader.problem(fmt::format("front matter must be a mapping of keys to values (`key: value` "
                               "lines), not a {}",
                               root.IsSequence() ? "list" : "single value"),
                   reader.content_span());
    return;
  }
  for (auto it = root.begin(); it != root.end(); ++it) {
    yaml_entry(reader, it->first, it->second);
  }
}

void read_yaml(Reader& reader, YamlReading reading) {
  if (reading == YamlReading::simple_first) {
    if (const auto simple = read_simple_yaml(reader.content())) {
      for (const auto& [key, value] : *simple) {
        yaml_entry(reader, key, value);
      }
      return;
    }
  }
  try {
    const YAML::Node root = YAML::Load(std::string(reader.content()));
    read_yaml_mapping(reader, root);
  } catch (const YAML::DeepRecursion& error) {
    yaml_problem(reader, "it is nested too deeply", error.mark);
  } catch (const YAML::ParserException& error) {
    yaml_problem(reader, error.msg, error.mark);
  } catch (const YAML::Exception& error) {
    yaml_problem(reader, error.msg, error.mark);
  } catch (const std::exception& error) {
    yaml_problem(reader, error.what(), YAML::Mark::null_mark());
  }
}

// ---- TOML -----------------------------------------------------------------

Span toml_span(const Reader& reader, const toml::source_region& region) {
  const std::size_t begin = reader.offset_at(region.begin.line, region.begin.column);
  std::size_t end = begin;
  if (region.end.line != 0) {
    end = std::max(begin, reader.offset_at(region.end.line, region.end.column));
  }
  return reader.span(begin, end);
}

// A string is one entry; anything but a list of strings is the wrong type.
// `add` gets each entry.
template <typename Add> bool toml_string_list(const toml::node& node, const Add& add) {
  if (const auto* text = node.as_string()) {
    add(*text);
    return true;
  }
  const auto* array = node.as_array();
  if (array == nullptr) {
    return false;
  }
  bool all_strings = true;
  for (const auto& item : *array) {
    if (const auto* text = item.as_string()) {
      add(*text);
    } else {
      all_strings = false;
    }
  }
  return all_strings;
}

bool toml_tag_list(FrontMatter& out, const toml::node& node) {
  return toml_string_list(
      node, [&out](const toml::value<std::string>& item) { out.tags.push_back(item.get()); });
}

// `answerlint.disable`: each id with where it is written.
bool toml_rule_list(Reader& reader, const toml::node& node) {
  return toml_string_list(node, [&reader](const toml::value<std::string>& item) {
    reader.out().disable.push_back({item.get(), toml_span(reader, item.source())});
  });
}

void toml_split_level(Reader& reader, const toml::node& value, std::string_view name, Span where) {
  const auto* integer = value.as_integer();
  if (integer == nullptr || integer->get() < 0 || integer->get() > k_max_split_level) {
    reader.wrong_type(name, k_a_level, where);
    return;
  }
  reader.out().split_level = static_cast<int>(integer->get());
}

void toml_settings(Reader& reader, const toml::node& value, Span where) {
  const auto* table = value.as_table();
  if (table == nullptr) {
    reader.wrong_type("answerlint", k_a_table, where);
    return;
  }
  for (auto&& [key, item] : *table) {
    const Span key_span = toml_span(reader, key.source());
    if (key.str() == "disable" && !toml_rule_list(reader, item)) {
      reader.wrong_type("answerlint.disable", k_a_string_list, key_span);
    } else if (key.str() == "split_level") {
      toml_split_level(reader, item, "answerlint.split_level", key_span);
    }
  }
}

void toml_value(Reader& reader, std::string_view key, const toml::node& value, Span where) {
  FrontMatter& out = reader.out();
  if (auto* field = string_field(out, key)) {
    if (const auto* text = value.as_string()) {
      *field = text->get();
    } else {
      reader.wrong_type(key, k_a_string, where);
    }
  } else if (key == "tags") {
    if (!toml_tag_list(out, value)) {
      reader.wrong_type(key, k_a_string_list, where);
    }
  } else if (key == "answerlint") {
    toml_settings(reader, value, where);
  } else if (key == "split_level") {
    toml_split_level(reader, value, key, where);
  }
}

void read_toml(Reader& reader) {
  toml::table table;
  try {
    table = toml::parse(reader.content());
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    const std::size_t offset = reader.offset_at(begin.line, begin.column) - reader.content_begin();
    reader.problem(fmt::format("front matter is not valid TOML: {}; fix it so the answer's "
                               "settings are read",
                               error.description()),
                   reader.char_span(offset));
    return;
  }
  for (auto&& [key, value] : table) {
    const Span key_span = toml_span(reader, key.source());
    reader.out().keys.emplace(std::string(key.str()), key_span);
    toml_value(reader, key.str(), value, key_span);
  }
}

void report_unterminated(FrontMatter& out, const LineIndex& lines, std::size_t begin) {
  const std::size_t end = lines.line_start(1) + lines.line_text(1).size();
  out.span = lines.span(begin, end);
  const std::string_view fence = out.format == FrontMatterFormat::yaml ? "---" : "+++";
  out.problems.push_back(
      {fmt::format("front matter opened on line 1 is never closed: add a closing `{}` line", fence),
       out.span});
}

} // namespace

FrontMatterResult parse_front_matter(std::string_view source, const LineIndex& lines,
                                     YamlReading reading) {
  FrontMatterResult result;
  const std::size_t begin = source.starts_with(k_bom) ? k_bom.size() : 0;
  result.body_begin = begin;
  FrontMatter& out = result.front_matter;
  out.span = lines.span(begin, begin);
  out.format = opening_format(lines.line_text(1));
  if (out.format == FrontMatterFormat::none) {
    return result;
  }
  const int closing = find_closing_line(lines, out.format);
  if (closing == 0) {
    // Only the opening line is lost: the rest is still linted as Markdown.
    report_unterminated(out, lines, begin);
    result.body_begin = std::min(source.size(), lines.line_start(2));
    return result;
  }
  const std::size_t closing_begin = lines.line_start(closing);
  out.span = lines.span(begin, closing_begin + lines.line_text(closing).size());
  result.body_begin = std::min(source.size(), lines.line_start(closing + 1));
  Reader reader(source, lines, out, 2, closing_begin);
  if (out.format == FrontMatterFormat::yaml) {
    read_yaml(reader, reading);
  } else {
    read_toml(reader);
  }
  return result;
}

} // namespace answerlint::detail
