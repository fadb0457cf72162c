#pragma once

#include <string>
#include <string_view>

#include "storage/api_key_store.hpp"

namespace vigil {

//! A freshly created key: the record as stored and the key itself, shown once.
struct CreatedApiKey {
  ApiKeyRecord record;
  std::string key;
};

//! Creates and verifies bearer API keys. Keys are "vigil_" + 64 hex characters; only
//! HMAC-SHA256(server secret, key) is stored.
class ApiKeyService {
 public:
  ApiKeyService(ApiKeyStore& store, std::string secret);

  //! Creates a key with a display name.
  CreatedApiKey create(const std::string& name);
  //! True when `key` belongs to an active stored key.
  bool verify(std::string_view key) const;
  //! The hex HMAC-SHA256 of a key with the server secret.
  std::string hash(std::string_view key) const;

 private:
  ApiKeyStore& store_;
  std::string secret_;
};

}  // namespace vigil
