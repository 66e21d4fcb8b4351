#include "section_lookup.hpp"

#include "support.hpp"

namespace answerlint::rules {
namespace {

bool is_name_char(char c) {
  return is_ascii_word_char(c) || static_cast<unsigned char>(c) >= 0x80;
}

// "1. Situation" and "-- Result" are still those sections.
std::string_view skip_leading_marks(std::string_view name) {
  std::size_t i = 0;
  while (i < name.size() && !is_name_char(name[i])) {
    ++i;
  }
  while (i < name.size() && name[i] >= '0' && name[i] <= '9') {
    ++i;
    while (i < name.size() && !is_name_char(name[i])) {
      ++i;
    }
  }
  return name.substr(i);
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

bool section_matches(const Section& section, std::string_view name, const StringList* aliases) {
  if (section_name_matches(section.name, name)) {
    return true;
  }
  if (aliases != nullptr) {
    for (const std::string& alias : *aliases) {
      if (section_name_matches(section.name, alias)) {
        return true;
      }
    }
  }
  return false;
}

} // namespace

bool section_name_matches(std::string_view section_name, std::string_view key) {
  std::string_view name = skip_leading_marks(section_name);
  if (key.empty() || !starts_with_ci(name, key)) {
    return false;
  }
  std::string_view rest = name.substr(key.size());
  if (rest.empty()) {
    return true;
  }
  // A one- or two-letter alias is a whole name ("- **S**: ..."), never the
  // first word of a title: "### A note on testing" is not the Action.
  if (key.size() < 3) {
    return false;
  }
  if (!is_name_char(rest.front()) || !is_name_char(key.back())) {
    return true;
  }
  for (std::string_view plural : {std::string_view("s"), std::string_view("es")}) {
    if (starts_with_ci(rest, plural) &&
        (rest.size() == plural.size() || !is_name_char(rest[plural.size()]))) {
      return true;
    }
  }
  return false;
}

const StringList* aliases_of(const StringListMap& aliases, std::string_view name) {
  if (auto it = aliases.find(std::string(name)); it != aliases.end()) {
    return &it->second;
  }
  for (const auto& [key, list] : aliases) {
    if (iequals(key, name)) {
      return &list;
    }
  }
  return nullptr;
}

std::vector<std::optional<std::size_t>> find_sections(const RuleContext& context,
                                                      std::span<const Section> sections,
                                                      const StringList& names,
                                                      const StringListMap& aliases) {
  std::vector<bool> taken(sections.size(), false);
  for (std::size_t i = 0; i < sections.size(); ++i) {
    taken[i] = is_answer_title(context, sections[i]);
  }
  std::vector<std::optional<std::size_t>> found(names.size());
  for (std::size_t n = 0; n < names.size(); ++n) {
    const StringList* alias_list = aliases_of(aliases, names[n]);
    for (std::size_t i = 0; i < sections.size(); ++i) {
      if (!taken[i] && section_matches(sections[i], names[n], alias_list)) {
        found[n] = i;
        taken[i] = true;
        break;
      }
    }
  }
  return found;
}

const Section* find_section(const RuleContext& context, std::string_view name,
                            const StringList& aliases) {
  for (const Section& section : context.doc.sections_of(context.answer_index)) {
    if (!is_answer_title(context, section) && section_matches(section, name, &aliases)) {
      return &section;
    }
  }
  return nullptr;
}

} // namespace answerlint::rules
