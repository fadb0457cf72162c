#include "probes/type_data_reader.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cmath>

namespace vigil {

namespace json = boost::json;

Result<TypeDataReader> TypeDataReader::parse(std::string_view text) {
  boost::system::error_code ec;
  auto document = std::make_shared<json::value>(json::parse(text.empty() ? "{}" : text, ec));
  if (ec) return Error{ErrorCode::kBadRequest, "type_data: not valid JSON (" + ec.message() + ")"};
  if (!document->is_object()) return Error{ErrorCode::kBadRequest, "type_data: must be an object"};
  const json::object& object = document->get_object();
  return TypeDataReader(std::move(document), object, "type_data",
                        std::make_shared<std::vector<std::string>>());
}

TypeDataReader::TypeDataReader(std::shared_ptr<const json::value> document,
                               const json::object& object, std::string path,
                               std::shared_ptr<std::vector<std::string>> problems)
    : document_(std::move(document)),
      object_(&object),
      path_(std::move(path)),
      problems_(std::move(problems)) {}

TypeDataReader TypeDataReader::nested(const json::object& object, std::string path) const {
  return TypeDataReader(document_, object, std::move(path), problems_);
}

void TypeDataReader::objects(std::string_view key, std::size_t min_items, std::string_view shape,
                             const std::function<void(TypeDataReader& item)>& read_item) {
  const json::value* list = find(key);
  if (list == nullptr || !list->is_array() || list->get_array().size() < min_items) {
    fail(key, "must be " + std::string(shape));
    return;
  }
  const json::array& items = list->get_array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string index = "[" + std::to_string(i) + "]";
    if (!items[i].is_object()) {
      fail(key, index + " must be an object");
      continue;
    }
    TypeDataReader item = nested(items[i].get_object(), path_of(key) + index);
    read_item(item);
    item.reject_unknown();
  }
}

const json::value* TypeDataReader::find(std::string_view key) {
  ignore(key);
  const json::value* value = object_->if_contains(key);
  return value == nullptr || value->is_null() ? nullptr : value;
}

std::optional<std::string> TypeDataReader::string(std::string_view key, bool required) {
  const json::value* value = find(key);
  if (value == nullptr) {
    if (required) fail(key, "is required");
    return std::nullopt;
  }
  if (!value->is_string()) {
    fail(key, "must be a string");
    return std::nullopt;
  }
  return std::string(value->get_string());
}

std::optional<std::int64_t> TypeDataReader::integer(std::string_view key, std::int64_t min,
                                                    std::int64_t max) {
  const json::value* value = find(key);
  if (value == nullptr) return std::nullopt;
  std::optional<std::int64_t> parsed;
  if (value->is_int64()) parsed = value->get_int64();
  if (value->is_uint64() && value->get_uint64() <= static_cast<std::uint64_t>(max)) {
    parsed = static_cast<std::int64_t>(value->get_uint64());
  }
  if (value->is_double() && std::trunc(value->get_double()) == value->get_double() &&
      std::abs(value->get_double()) < 9e15) {
    parsed = static_cast<std::int64_t>(value->get_double());
  }
  if (!parsed || *parsed < min || *parsed > max) {
    fail(key, "must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
    return std::nullopt;
  }
  return parsed;
}

std::optional<double> TypeDataReader::number(std::string_view key, double min) {
  const json::value* value = find(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number() || value->to_number<double>() < min) {
    fail(key, "must be a number of at least " + std::to_string(static_cast<std::int64_t>(min)));
    return std::nullopt;
  }
  return value->to_number<double>();
}

std::optional<bool> TypeDataReader::boolean(std::string_view key) {
  const json::value* value = find(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_bool()) {
    fail(key, "must be true or false");
    return std::nullopt;
  }
  return value->get_bool();
}

const json::value* TypeDataReader::raw(std::string_view key) {
  return find(key);
}

void TypeDataReader::ignore(std::string_view key) {
  known_.emplace_back(key);
}

void TypeDataReader::fail(std::string_view key, std::string_view problem) {
  problems_->push_back(path_of(key) + ": " + std::string(problem));
}

std::string TypeDataReader::path_of(std::string_view key) const {
  return path_ + "." + std::string(key);
}

void TypeDataReader::reject_unknown() {
  for (const auto& field : *object_) {
    if (std::find(known_.begin(), known_.end(), field.key()) == known_.end()) {
      fail(field.key(), "unknown field");
    }
  }
}

std::optional<Error> TypeDataReader::finish() {
  reject_unknown();
  if (problems_->empty()) return std::nullopt;
  std::string message;
  for (const auto& problem : *problems_) {
    if (!message.empty()) message += "; ";
    message += problem;
  }
  return Error{ErrorCode::kBadRequest, message};
}

}  // namespace vigil
