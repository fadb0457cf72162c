#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time_units.hpp"

namespace vigil {

//! An API key as stored: never the key itself, only its HMAC.
struct ApiKeyRecord {
  std::int64_t id = 0;
  std::string name;
  std::string hashed_key;  //!< hex HMAC-SHA256(server secret, key)
  std::string masked_key;  //!< e.g. vigil_ab12…cd34, for listing
  bool active = true;
  Seconds created_at = 0;
};

//! Persists API keys.
class ApiKeyStore {
 public:
  virtual ~ApiKeyStore() = default;
  //! Inserts a key record; returns it with its id and created_at set.
  virtual ApiKeyRecord create(const ApiKeyRecord& record) = 0;
  //! Finds an active or inactive key by its hash.
  virtual std::optional<ApiKeyRecord> find_by_hash(std::string_view hashed_key) = 0;
  //! Every key, oldest first.
  virtual std::vector<ApiKeyRecord> list() = 0;
};

}  // namespace vigil
