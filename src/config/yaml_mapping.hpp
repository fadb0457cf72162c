#pragma once

#include <climits>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/node/node.h>

#include "config/error_list.hpp"

namespace vigil {

//! One YAML mapping read field by field. Keys outside the known set, duplicate keys and values of
//! the wrong type are reported as "key: problem" at the key's line; readers then return nullopt.
class YamlMapping {
 public:
  //! Reads `node` (null counts as an empty mapping). `name` ("server", "a monitor", ...) is used in
  //! messages; every key must be one of `known`.
  YamlMapping(const YAML::Node& node, std::string name, std::vector<std::string_view> known,
              ErrorList& errors);

  //! True when the node was a mapping (or null); otherwise that was reported and nothing is read.
  bool is_mapping() const { return is_mapping_; }
  //! True when `key` is present with a non-null value.
  bool has(std::string_view key) const { return !value(key).IsNull(); }
  //! The value under `key`; a null node when absent.
  YAML::Node value(std::string_view key) const;
  //! Where `key` is written, or where the mapping starts when it is absent.
  YAML::Mark mark(std::string_view key) const;

  //! Reports "key: problem" at the key's line (or the mapping's when absent).
  void fail(std::string_view key, const std::string& problem);
  //! True when a problem about `key` has been reported.
  bool failed(std::string_view key) const { return failed_.contains(std::string(key)); }

  //! Any scalar, as written.
  std::optional<std::string> text(std::string_view key);
  //! A scalar, upper-cased.
  std::optional<std::string> upper_text(std::string_view key);
  //! A scalar that, upper-cased, is one of `choices`; returned upper-cased.
  std::optional<std::string> choice(std::string_view key, std::vector<std::string_view> choices);
  //! An unquoted integer within [min, max].
  std::optional<int> integer(std::string_view key, int min = INT_MIN, int max = INT_MAX);
  //! YES/NO or true/false, in any case.
  std::optional<bool> yes_no(std::string_view key);
  //! A mapping, as JSON object text.
  std::optional<std::string> json_object(std::string_view key);
  //! A list; a null node when absent or not a list.
  YAML::Node list(std::string_view key);

 private:
  struct Entry {
    std::string key;
    YAML::Mark mark;
    YAML::Node value;
  };

  const Entry* find(std::string_view key) const;

  std::vector<Entry> entries_;
  YAML::Mark start_;
  bool is_mapping_ = true;
  std::set<std::string> failed_;
  ErrorList& errors_;
};

}  // namespace vigil
