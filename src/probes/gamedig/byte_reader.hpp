#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace vigil {

//! Reads fields from a received packet without ever reading past its end: every read returns
//! nullopt (and leaves the position alone) when the packet is too short or the field malformed.
class ByteReader {
 public:
  //! A reader at the start of `bytes`, which must outlive it.
  explicit ByteReader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

  //! One byte.
  std::optional<std::uint8_t> u8();
  //! A little-endian 16-bit integer.
  std::optional<std::uint16_t> u16_le();
  //! A little-endian 32-bit integer.
  std::optional<std::uint32_t> u32_le();
  //! Minecraft's VarInt: 1 to 5 bytes, 7 bits each, least significant group first.
  std::optional<std::int32_t> varint();
  //! A string ended by a zero byte (the zero is consumed, not returned).
  std::optional<std::string> c_string();
  //! Exactly `count` bytes as a string.
  std::optional<std::string> bytes(std::size_t count);
  //! How many bytes are left.
  std::size_t remaining() const { return bytes_.size() - position_; }

 private:
  std::span<const std::uint8_t> bytes_;
  std::size_t position_ = 0;
};

}  // namespace vigil
