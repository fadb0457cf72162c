#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

//! Reads the members of one JSON object into typed fields and collects "path.key: problem" lines
//! for members of the wrong type. An absent or null member leaves its field as it was.
class JsonFieldReader {
 public:
  //! Reads `object`, whose own name (for messages) is `path` ("" for none); problems go to
  //! `problems`.
  JsonFieldReader(const boost::json::object& object, std::string path,
                  std::vector<std::string>& problems);

  //! A string member.
  void text(std::string_view key, std::string& out);
  //! A string member that must not be blank.
  void non_blank_text(std::string_view key, std::string& out);
  //! A boolean member.
  void boolean(std::string_view key, bool& out);
  //! An integer member (that fits an int).
  void integer(std::string_view key, int& out);
  //! A nested object; nullptr when absent or not an object (which is reported).
  const boost::json::object* object(std::string_view key);
  //! A nested array; nullptr when absent or not an array (which is reported).
  const boost::json::array* array(std::string_view key);
  //! Reports each of `keys` that is absent or null as required.
  void require(std::initializer_list<std::string_view> keys);
  //! Reports "path.key: problem".
  void fail(std::string_view key, std::string_view problem);
  //! "path.key", or "key" when the path is empty.
  std::string field(std::string_view key) const;

 private:
  const boost::json::value* member(std::string_view key) const;

  const boost::json::object& object_;
  std::string path_;
  std::vector<std::string>& problems_;
};

}  // namespace vigil
