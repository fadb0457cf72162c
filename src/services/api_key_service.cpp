#include "services/api_key_service.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace vigil {
namespace {

std::string to_hex(const unsigned char* data, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(size * 2, '0');
  for (std::size_t i = 0; i < size; ++i) {
    out[2 * i] = kDigits[data[i] >> 4];
    out[2 * i + 1] = kDigits[data[i] & 0xf];
  }
  return out;
}

}  // namespace

ApiKeyService::ApiKeyService(ApiKeyStore& store, std::string secret)
    : store_(store), secret_(std::move(secret)) {}

std::string ApiKeyService::hash(std::string_view key) const {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret_.data(), static_cast<int>(secret_.size()),
       reinterpret_cast<const unsigned char*>(key.data()), key.size(), digest, &length);
  return to_hex(digest, length);
}

CreatedApiKey ApiKeyService::create(const std::string& name) {
  unsigned char random[32];
  if (RAND_bytes(random, sizeof random) != 1) throw std::runtime_error("no randomness available");
  std::string key = "vigil_" + to_hex(random, sizeof random);
  ApiKeyRecord record;
  record.name = name;
  record.hashed_key = hash(key);
  record.masked_key = key.substr(0, 10) + "..." + key.substr(key.size() - 4);
  return CreatedApiKey{store_.create(record), key};
}

bool ApiKeyService::verify(std::string_view key) const {
  if (key.empty()) return false;
  auto record = store_.find_by_hash(hash(key));
  return record && record->active;
}

}  // namespace vigil
