#pragma once

#include <cstddef>

namespace vigil {

//! Where unpredictable bytes come from (verification codes, tokens), injected so tests can
//! script them.
class RandomSource {
 public:
  virtual ~RandomSource() = default;
  //! Fills `size` bytes at `data`.
  virtual void fill(unsigned char* data, std::size_t size) = 0;
};

}  // namespace vigil
