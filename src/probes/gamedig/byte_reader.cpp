#include "probes/gamedig/byte_reader.hpp"

#include <algorithm>

namespace vigil {
namespace {

constexpr int kMaxVarIntBytes = 5;

}  // namespace

std::optional<std::uint8_t> ByteReader::u8() {
  if (remaining() < 1) return std::nullopt;
  return bytes_[position_++];
}

std::optional<std::uint16_t> ByteReader::u16_le() {
  if (remaining() < 2) return std::nullopt;
  auto value = static_cast<std::uint16_t>(bytes_[position_] | (bytes_[position_ + 1] << 8));
  position_ += 2;
  return value;
}

std::optional<std::uint32_t> ByteReader::u32_le() {
  if (remaining() < 4) return std::nullopt;
  std::uint32_t value = 0;
  for (int i = 3; i >= 0; --i)
    value = (value << 8) | bytes_[position_ + static_cast<std::size_t>(i)];
  position_ += 4;
  return value;
}

std::optional<std::int32_t> ByteReader::varint() {
  std::uint32_t value = 0;
  for (int i = 0; i < kMaxVarIntBytes; ++i) {
    if (remaining() <= static_cast<std::size_t>(i)) return std::nullopt;
    std::uint8_t byte = bytes_[position_ + static_cast<std::size_t>(i)];
    value |= static_cast<std::uint32_t>(byte & 0x7F) << (7 * i);
    if ((byte & 0x80) == 0) {
      position_ += static_cast<std::size_t>(i) + 1;
      return static_cast<std::int32_t>(value);
    }
  }
  return std::nullopt;  // a sixth byte would be needed: not a VarInt
}

std::optional<std::string> ByteReader::c_string() {
  auto begin = bytes_.begin() + static_cast<std::ptrdiff_t>(position_);
  auto end = std::find(begin, bytes_.end(), std::uint8_t{0});
  if (end == bytes_.end()) return std::nullopt;
  std::string text(begin, end);
  position_ += text.size() + 1;
  return text;
}

std::optional<std::string> ByteReader::bytes(std::size_t count) {
  if (remaining() < count) return std::nullopt;
  auto begin = bytes_.begin() + static_cast<std::ptrdiff_t>(position_);
  position_ += count;
  return std::string(begin, begin + static_cast<std::ptrdiff_t>(count));
}

}  // namespace vigil
