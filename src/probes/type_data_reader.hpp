#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace boost::json {
class object;
class value;
}  // namespace boost::json

namespace vigil {

//! Reads one JSON object of a monitor's type_data field by field, collecting every problem as
//! "path.field: problem" so a user sees them all at once. A null field counts as absent.
class TypeDataReader {
 public:
  //! Parses `text`, which must be a JSON object, as the reader named "type_data".
  static Result<TypeDataReader> parse(std::string_view text);
  //! A reader for an object nested at `path` that reports into this reader's problems.
  TypeDataReader nested(const boost::json::object& object, std::string path) const;

  //! A string field; nullopt when absent (a problem when `required`) or not a string.
  std::optional<std::string> string(std::string_view key, bool required = false);
  //! An integral number field within [min, max]; nullopt when absent or invalid.
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max);
  //! A number field of at least `min`; nullopt when absent or invalid.
  std::optional<double> number(std::string_view key, double min);
  //! A boolean field; nullopt when absent or not a boolean.
  std::optional<bool> boolean(std::string_view key);
  //! Reads a list of at least `min_items` objects, calling `read_item` with a reader for each
  //! (its problems are named "key[i].field"); anything else is one problem, "must be `shape`".
  void objects(std::string_view key, std::size_t min_items, std::string_view shape,
               const std::function<void(TypeDataReader& item)>& read_item);
  //! Any field, unchecked; nullptr when absent.
  const boost::json::value* raw(std::string_view key);
  //! Accepts a field without reading it.
  void ignore(std::string_view key);
  //! Records a problem with a field.
  void fail(std::string_view key, std::string_view problem);
  //! The full name of a field, e.g. "type_data.hosts[0].port".
  std::string path_of(std::string_view key) const;
  //! Records every field that was not read or accepted as unknown.
  void reject_unknown();
  //! Rejects unknown fields; then all problems so far as one kBadRequest error, or nullopt.
  std::optional<Error> finish();

 private:
  TypeDataReader(std::shared_ptr<const boost::json::value> document,
                 const boost::json::object& object, std::string path,
                 std::shared_ptr<std::vector<std::string>> problems);
  const boost::json::value* find(std::string_view key);

  std::shared_ptr<const boost::json::value> document_;
  const boost::json::object* object_;
  std::string path_;
  std::vector<std::string> known_;
  std::shared_ptr<std::vector<std::string>> problems_;
};

}  // namespace vigil
