#include "config/yaml_to_json.hpp"

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

namespace vigil {
namespace {

template <class Number>
std::optional<Number> parse_whole(std::string_view text) {
  Number value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool all_digits(std::string_view text) {
  return text.find_first_not_of("0123456789") == std::string_view::npos;
}

std::string_view without_sign(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  return text;
}

// YAML 1.2 core integers (decimal form): [-+]?[0-9]+
bool is_integer(std::string_view text) {
  const std::string_view digits = without_sign(text);
  return !digits.empty() && all_digits(digits);
}

// YAML 1.2 core floats: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_float(std::string_view text) {
  const std::string_view unsigned_text = without_sign(text);
  const std::size_t e = unsigned_text.find_first_of("eE");
  if (e != std::string_view::npos && !is_integer(unsigned_text.substr(e + 1))) return false;
  const std::string_view mantissa = unsigned_text.substr(0, e);
  const std::size_t dot = mantissa.find('.');
  const std::string_view whole = mantissa.substr(0, dot);
  const std::string_view fraction =
      dot == std::string_view::npos ? std::string_view{} : mantissa.substr(dot + 1);
  return all_digits(whole) && all_digits(fraction) && !(whole.empty() && fraction.empty());
}

boost::json::value plain_scalar_to_json(const std::string& text) {
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  // std::from_chars rejects the leading '+' that YAML allows.
  const std::string_view number =
      text.starts_with('+') ? std::string_view(text).substr(1) : std::string_view(text);
  if (is_integer(text)) {
    if (auto n = parse_whole<std::int64_t>(number)) return *n;
    if (auto n = parse_whole<std::uint64_t>(number)) return *n;
  }
  if (is_float(text)) {  // also integers too large for 64 bits
    if (auto x = parse_whole<double>(number)) return *x;
  }
  return boost::json::string(text);
}

}  // namespace

bool is_plain_scalar(const YAML::Node& node) {
  // yaml-cpp tags a plain scalar "?" and a quoted or block scalar "!".
  return node.IsScalar() && node.Tag() == "?";
}

boost::json::value yaml_to_json(const YAML::Node& node, ErrorList& errors) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      boost::json::object object;
      for (const auto& entry : node) {
        if (!entry.first.IsScalar()) {
          errors.add(entry.first.Mark(), "mapping keys must be strings");
          continue;
        }
        object[entry.first.Scalar()] = yaml_to_json(entry.second, errors);
      }
      return object;
    }
    case YAML::NodeType::Sequence: {
      boost::json::array array;
      for (const auto& item : node) array.push_back(yaml_to_json(item, errors));
      return array;
    }
    case YAML::NodeType::Scalar:
      if (is_plain_scalar(node)) return plain_scalar_to_json(node.Scalar());
      return boost::json::string(node.Scalar());
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      break;
  }
  return nullptr;
}

}  // namespace vigil
