#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "storage/sqlite/sqlite_statement.hpp"

namespace vigil {

//! A WHERE clause assembled from optional conditions, each with `?` placeholders whose values
//! are bound in the order the conditions were added.
class SqliteWhere {
 public:
  //! A value bound to one `?`.
  using Value = std::variant<std::int64_t, std::string>;

  //! Adds `condition` (ANDed with the others) with the values of its placeholders, in order.
  void add(std::string condition, std::vector<Value> values = {});
  //! Adds "`id` is linked to one of `tags` by table `links` (columns `links_id`, monitor_tag)",
  //! or, given `global_flag`, "... or that YES/NO column says YES". An empty list links nothing.
  void add_linked(std::string_view id, std::string_view links, std::string_view links_id,
                  const std::vector<std::string>& tags, std::string_view global_flag = {});
  //! " WHERE a AND b ...", or "" when no condition was added.
  std::string sql() const;
  //! Binds the values from parameter `first`; returns the next free parameter index.
  int bind(SqliteStatement& stmt, int first = 1) const;

  //! "(?, ?, ?)" for a list of `count` values (at least one).
  static std::string list(std::size_t count);

 private:
  std::vector<std::string> conditions_;
  std::vector<Value> values_;
};

}  // namespace vigil
