#include "services/json_field_reader.hpp"

#include <limits>

#include "core/trim.hpp"

namespace vigil {

JsonFieldReader::JsonFieldReader(const boost::json::object& object, std::string path,
                                 std::vector<std::string>& problems)
    : object_(object), path_(std::move(path)), problems_(problems) {}

const boost::json::value* JsonFieldReader::member(std::string_view key) const {
  const boost::json::value* value = object_.if_contains(key);
  return value != nullptr && !value->is_null() ? value : nullptr;
}

std::string JsonFieldReader::field(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void JsonFieldReader::fail(std::string_view key, std::string_view problem) {
  problems_.push_back(field(key) + ": " + std::string(problem));
}

void JsonFieldReader::text(std::string_view key, std::string& out) {
  const boost::json::value* value = member(key);
  if (value == nullptr) return;
  if (!value->is_string()) return fail(key, "must be a string");
  out = std::string(value->get_string());
}

void JsonFieldReader::non_blank_text(std::string_view key, std::string& out) {
  const boost::json::value* value = member(key);
  if (value == nullptr) return;
  if (!value->is_string() || trim(value->get_string()).empty()) {
    return fail(key, "must be a non-empty string");
  }
  out = std::string(value->get_string());
}

void JsonFieldReader::boolean(std::string_view key, bool& out) {
  const boost::json::value* value = member(key);
  if (value == nullptr) return;
  if (!value->is_bool()) return fail(key, "must be true or false");
  out = value->get_bool();
}

void JsonFieldReader::integer(std::string_view key, int& out) {
  const boost::json::value* value = member(key);
  if (value == nullptr) return;
  if (!value->is_int64() || value->get_int64() < std::numeric_limits<int>::min() ||
      value->get_int64() > std::numeric_limits<int>::max()) {
    return fail(key, "must be an integer");
  }
  out = static_cast<int>(value->get_int64());
}

const boost::json::object* JsonFieldReader::object(std::string_view key) {
  const boost::json::value* value = member(key);
  if (value == nullptr) return nullptr;
  if (!value->is_object()) {
    fail(key, "must be an object");
    return nullptr;
  }
  return &value->get_object();
}

const boost::json::array* JsonFieldReader::array(std::string_view key) {
  const boost::json::value* value = member(key);
  if (value == nullptr) return nullptr;
  if (!value->is_array()) {
    fail(key, "must be an array");
    return nullptr;
  }
  return &value->get_array();
}

void JsonFieldReader::require(std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    if (member(key) == nullptr) fail(key, "is required");
  }
}

}  // namespace vigil
