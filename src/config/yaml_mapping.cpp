#include "config/yaml_mapping.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include <yaml-cpp/yaml.h>
#include <boost/json/serialize.hpp>

#include "config/yaml_to_json.hpp"

namespace vigil {
namespace {

std::string describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar:
      return is_plain_scalar(node) ? "'" + node.Scalar() + "'" : "\"" + node.Scalar() + "\"";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

std::string to_upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

std::string join(const std::vector<std::string_view>& words) {
  std::string joined;
  for (std::string_view word : words) {
    if (!joined.empty()) joined += ", ";
    joined += word;
  }
  return joined;
}

}  // namespace

YamlMapping::YamlMapping(const YAML::Node& node, std::string name,
                         std::vector<std::string_view> known, ErrorList& errors)
    : start_(node.Mark()), errors_(errors) {
  if (node.IsNull()) return;
  if (!node.IsMap()) {
    is_mapping_ = false;
    errors_.add(node.Mark(), name + ": expected a mapping, got " + describe(node));
    return;
  }
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) {
      errors_.add(entry.first.Mark(), "keys in " + name + " must be strings");
      continue;
    }
    const std::string& key = entry.first.Scalar();
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      errors_.add(entry.first.Mark(),
                  "unknown key '" + key + "' in " + name + " (known keys: " + join(known) + ")");
    } else if (find(key) != nullptr) {
      errors_.add(entry.first.Mark(), key + ": duplicate key");
    } else {
      entries_.push_back(Entry{key, entry.first.Mark(), entry.second});
    }
  }
}

const YamlMapping::Entry* YamlMapping::find(std::string_view key) const {
  auto it = std::find_if(entries_.begin(), entries_.end(),
                         [key](const Entry& entry) { return entry.key == key; });
  return it == entries_.end() ? nullptr : &*it;
}

YAML::Node YamlMapping::value(std::string_view key) const {
  const Entry* entry = find(key);
  return entry != nullptr ? entry->value : YAML::Node();
}

YAML::Mark YamlMapping::mark(std::string_view key) const {
  const Entry* entry = find(key);
  return entry != nullptr ? entry->mark : start_;
}

void YamlMapping::fail(std::string_view key, const std::string& problem) {
  failed_.emplace(key);
  errors_.add(mark(key), std::string(key) + ": " + problem);
}

std::optional<std::string> YamlMapping::text(std::string_view key) {
  const YAML::Node node = value(key);
  if (node.IsNull()) return std::nullopt;
  if (!node.IsScalar()) {
    fail(key, "expected a string, got " + describe(node));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<std::string> YamlMapping::upper_text(std::string_view key) {
  auto text_value = text(key);
  if (!text_value) return std::nullopt;
  return to_upper(std::move(*text_value));
}

std::optional<std::string> YamlMapping::choice(std::string_view key,
                                               std::vector<std::string_view> choices) {
  auto upper = upper_text(key);
  if (!upper) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *upper) == choices.end()) {
    fail(key, "expected one of " + join(choices) + ", got " + describe(value(key)));
    return std::nullopt;
  }
  return upper;
}

std::optional<int> YamlMapping::integer(std::string_view key, int min, int max) {
  const YAML::Node node = value(key);
  if (node.IsNull()) return std::nullopt;
  // Quoted numbers are strings, as they are in type_data.
  const boost::json::value typed = is_plain_scalar(node) ? yaml_to_json(node, errors_) : nullptr;
  const std::int64_t* number = typed.if_int64();
  if (number == nullptr) {
    fail(key, "expected an integer, got " + describe(node));
    return std::nullopt;
  }
  if (*number < min || *number > max) {
    fail(key, max == INT_MAX
                  ? "must be at least " + std::to_string(min)
                  : "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return static_cast<int>(*number);
}

std::optional<bool> YamlMapping::yes_no(std::string_view key) {
  auto upper = upper_text(key);
  if (!upper) return std::nullopt;
  if (*upper == "YES" || *upper == "TRUE") return true;
  if (*upper == "NO" || *upper == "FALSE") return false;
  fail(key, "expected YES, NO, true or false, got " + describe(value(key)));
  return std::nullopt;
}

std::optional<std::string> YamlMapping::json_object(std::string_view key) {
  const YAML::Node node = value(key);
  if (node.IsNull()) return std::nullopt;
  if (!node.IsMap()) {
    fail(key, "expected a mapping, got " + describe(node));
    return std::nullopt;
  }
  return boost::json::serialize(yaml_to_json(node, errors_));
}

YAML::Node YamlMapping::list(std::string_view key) {
  const YAML::Node node = value(key);
  if (node.IsNull() || node.IsSequence()) return node;
  fail(key, "expected a list, got " + describe(node));
  return YAML::Node();
}

}  // namespace vigil
