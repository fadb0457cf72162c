#pragma once

#include <cstdint>
#include <string_view>

namespace vigil {

//! 64-bit FNV-1a: a small, stable hash for ids and spreading (same value on every platform).
class Fnv1a {
 public:
  //! Hashes `bytes` into the running value.
  constexpr Fnv1a& update(std::string_view bytes) {
    for (char c : bytes) update_byte(static_cast<std::uint8_t>(c));
    return *this;
  }
  //! Hashes the 8 bytes of `value`, least significant first.
  constexpr Fnv1a& update(std::uint64_t value) {
    for (int i = 0; i < 8; ++i) update_byte(static_cast<std::uint8_t>(value >> (8 * i)));
    return *this;
  }
  //! The hash of everything given so far.
  constexpr std::uint64_t value() const { return hash_; }

 private:
  static constexpr std::uint64_t kOffsetBasis = 14695981039346656037ull;
  static constexpr std::uint64_t kPrime = 1099511628211ull;

  constexpr void update_byte(std::uint8_t byte) { hash_ = (hash_ ^ byte) * kPrime; }

  std::uint64_t hash_ = kOffsetBasis;
};

}  // namespace vigil
