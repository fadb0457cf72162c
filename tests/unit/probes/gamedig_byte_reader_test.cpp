#include "probes/gamedig/byte_reader.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "probes/gamedig/minecraft_query.hpp"

namespace vigil {
namespace {

using Bytes = std::vector<std::uint8_t>;

TEST(GamedigByteReader, ReadsLittleEndianIntegersAndStrings) {
  Bytes bytes{0x01, 0x34, 0x12, 0x78, 0x56, 0x34, 0x12, 'h', 'i', 0x00, 'x', 'y'};
  ByteReader reader(bytes);
  EXPECT_EQ(reader.u8(), 0x01);
  EXPECT_EQ(reader.u16_le(), 0x1234);
  EXPECT_EQ(reader.u32_le(), 0x12345678u);
  EXPECT_EQ(reader.c_string(), "hi");
  EXPECT_EQ(reader.bytes(2), "xy");
  EXPECT_EQ(reader.remaining(), 0u);
  EXPECT_FALSE(reader.u8());
}

TEST(GamedigByteReader, ShortReadsFailAndConsumeNothing) {
  Bytes bytes{0x01, 0x02, 0x03};
  ByteReader reader(bytes);
  EXPECT_FALSE(reader.u32_le());
  EXPECT_FALSE(reader.c_string());  // no terminating zero
  EXPECT_FALSE(reader.bytes(4));
  EXPECT_EQ(reader.remaining(), 3u);
  EXPECT_EQ(reader.u16_le(), 0x0201);
}

TEST(GamedigByteReader, VarIntsFromTheWiki) {
  struct Case {
    Bytes bytes;
    std::int32_t value;
  };
  for (const Case& c :
       {Case{{0x00}, 0}, Case{{0x7F}, 127}, Case{{0x80, 0x01}, 128}, Case{{0xFF, 0x01}, 255},
        Case{{0xDD, 0xC7, 0x01}, 25565}, Case{{0xFF, 0xFF, 0xFF, 0xFF, 0x07}, 2147483647},
        Case{{0xFF, 0xFF, 0xFF, 0xFF, 0x0F}, -1},
        Case{{0x80, 0x80, 0x80, 0x80, 0x08}, -2147483647 - 1}}) {
    ByteReader reader(c.bytes);
    EXPECT_EQ(reader.varint(), c.value);
    EXPECT_EQ(reader.remaining(), 0u);
  }
  Bytes too_long{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01};
  EXPECT_FALSE(ByteReader(too_long).varint());
  Bytes unfinished{0x80, 0x80};
  EXPECT_FALSE(ByteReader(unfinished).varint());
}

TEST(GamedigByteReader, MinecraftFramesWaitForTheWholePacket) {
  using Frame = MinecraftQuery::Frame;
  EXPECT_EQ(MinecraftQuery::frame_state(Bytes{}), Frame::kIncomplete);
  EXPECT_EQ(MinecraftQuery::frame_state(Bytes{0x80}), Frame::kIncomplete);
  EXPECT_EQ(MinecraftQuery::frame_state(Bytes{0x03, 0x00, 0x01}), Frame::kIncomplete);
  EXPECT_EQ(MinecraftQuery::frame_state(Bytes{0x03, 0x00, 0x01, 0x02}), Frame::kComplete);
  EXPECT_EQ(MinecraftQuery::frame_state(Bytes{0x00}), Frame::kMalformed);
  EXPECT_EQ(MinecraftQuery::frame_state(Bytes{0xFF, 0xFF, 0xFF, 0xFF, 0x07}), Frame::kMalformed);
  EXPECT_EQ(MinecraftQuery::frame_state(Bytes{0xFF, 0xFF, 0xFF, 0xFF, 0xFF}), Frame::kMalformed);
}

}  // namespace
}  // namespace vigil
