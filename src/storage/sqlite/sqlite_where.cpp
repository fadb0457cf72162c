#include "storage/sqlite/sqlite_where.hpp"

namespace vigil {

void SqliteWhere::add(std::string condition, std::vector<Value> values) {
  conditions_.push_back(std::move(condition));
  for (auto& value : values) values_.push_back(std::move(value));
}

void SqliteWhere::add_linked(std::string_view id, std::string_view links, std::string_view links_id,
                             const std::vector<std::string>& tags, std::string_view global_flag) {
  std::string condition = tags.empty() ? "0"
                                       : std::string(id) + " IN (SELECT " + std::string(links_id) +
                                             " FROM " + std::string(links) +
                                             " WHERE monitor_tag IN " + list(tags.size()) + ")";
  if (!global_flag.empty()) condition += " OR " + std::string(global_flag) + " = 'YES'";
  add("(" + condition + ")", std::vector<Value>(tags.begin(), tags.end()));
}

std::string SqliteWhere::sql() const {
  std::string out;
  for (const auto& condition : conditions_) {
    out += (out.empty() ? " WHERE " : " AND ") + condition;
  }
  return out;
}

int SqliteWhere::bind(SqliteStatement& stmt, int first) const {
  int index = first;
  for (const auto& value : values_) {
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
      stmt.bind_int(index++, *number);
    } else {
      stmt.bind_text(index++, std::get<std::string>(value));
    }
  }
  return index;
}

std::string SqliteWhere::list(std::size_t count) {
  std::string out = "(";
  for (std::size_t i = 0; i < count; ++i) out += i == 0 ? "?" : ", ?";
  return out + ")";
}

}  // namespace vigil
