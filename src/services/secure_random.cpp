#include "services/secure_random.hpp"

#include <openssl/rand.h>
#include <spdlog/spdlog.h>

#include <climits>
#include <cstdlib>

namespace vigil {

void SecureRandom::fill(unsigned char* data, std::size_t size) {
  while (size > 0) {
    const int chunk = size > INT_MAX ? INT_MAX : static_cast<int>(size);
    if (RAND_bytes(data, chunk) != 1) {
      spdlog::critical("no randomness available");
      std::abort();
    }
    data += chunk;
    size -= static_cast<std::size_t>(chunk);
  }
}

}  // namespace vigil
