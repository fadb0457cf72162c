#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.hpp"

namespace vigil {

//! What a JsonPath found in a document: its text and, for containers and strings, its length.
struct JsonMatch {
  std::string text;        //!< a string's unescaped value, or the value's JSON text otherwise
  std::size_t length = 0;  //!< elements of an array, members of an object, bytes of a string
};

//! A Gatus-style path into a JSON document, such as `data.items[0].name` or `[2]`, parsed once.
class JsonPath {
 public:
  //! Deepest nesting of a document, and most steps of a path, that are accepted.
  static constexpr std::size_t kMaxDepth = 64;

  //! Parses `path` ("" is the whole document); errors give the 1-based character of the problem,
  //! counted from `offset` characters before the path (its place in a longer text).
  static Result<JsonPath> parse(std::string_view path, std::size_t offset = 0);
  //! The value at this path in `document`; kNotFound when absent, kBadRequest when not JSON.
  Result<JsonMatch> find(std::string_view document) const;
  //! The path as written.
  const std::string& text() const { return text_; }

 private:
  using Step = std::variant<std::string, std::size_t>;  // object key or array index

  std::string text_;
  std::vector<Step> steps_;
};

}  // namespace vigil
