#pragma once

#include "storage/api_key_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace vigil {

//! ApiKeyStore on SQLite (Kener's api_keys table); thread-safe.
class SqliteApiKeyStore final : public ApiKeyStore {
 public:
  //! Uses `database`, which must outlive the store.
  explicit SqliteApiKeyStore(SqliteDatabase& database);

  ApiKeyRecord create(const ApiKeyRecord& record) override;
  std::optional<ApiKeyRecord> find_by_hash(std::string_view hashed_key) override;
  std::vector<ApiKeyRecord> list() override;

 private:
  SqliteDatabase& database_;
};

}  // namespace vigil
