#include <gtest/gtest.h>

#include <string>

#include "probes/grpc/grpc_frame.hpp"
#include "probes/grpc/health_check_message.hpp"

namespace vigil {
namespace {

using namespace std::string_literals;

TEST(GrpcFrameTest, PrefixesFlagAndBigEndianLength) {
  EXPECT_EQ(grpc_frame(""), "\0\0\0\0\0"s);
  EXPECT_EQ(grpc_frame("abc"), "\0\0\0\0\3abc"s);
  EXPECT_EQ(grpc_frame(std::string(300, 'x')).substr(0, 5), "\0\0\0\x01\x2c"s);
}

TEST(GrpcFrameTest, UnframesExactlyOneMessage) {
  auto message = grpc_unframe("\0\0\0\0\2\x08\x01"s);
  ASSERT_TRUE(message.ok()) << message.error().message;
  EXPECT_EQ(*message, "\x08\x01"s);
  EXPECT_EQ(*grpc_unframe("\0\0\0\0\0"s), "");
}

TEST(GrpcFrameTest, MalformedBodiesAreErrorsThatSayWhy) {
  struct Case {
    std::string body;
    std::string says;
  };
  for (const Case& c : {Case{"", "no response message"}, Case{"\0\0\0"s, "3 of 5 header bytes"},
                        Case{"\1\0\0\0\1x"s, "compressed"}, Case{"\7\0\0\0\1x"s, "flag 7"},
                        Case{"\0\0\0\0\x09\x08"s, "1 of 9 bytes"},
                        Case{"\xff\xff\xff\xff\xff"s, "bad gRPC frame flag"},
                        Case{"\0\0\0\0\2\x08\x01\0\0"s, "more than one message"}}) {
    auto message = grpc_unframe(c.body);
    ASSERT_FALSE(message.ok()) << c.says;
    EXPECT_NE(message.error().message.find(c.says), std::string::npos) << message.error().message;
  }
}

TEST(HealthCheckMessageTest, RequestCarriesTheServiceAsField1) {
  EXPECT_EQ(encode_health_check_request(""), "");
  EXPECT_EQ(encode_health_check_request("api"),
            "\x0a\x03"
            "api");
  EXPECT_EQ(encode_health_check_request(std::string(200, 's')).substr(0, 3), "\x0a\xc8\x01");
}

TEST(HealthCheckMessageTest, DecodesEveryServingStatus) {
  EXPECT_EQ(*decode_health_check_response(""), ServingStatus::kUnknown);
  EXPECT_EQ(*decode_health_check_response("\x08\x01"), ServingStatus::kServing);
  EXPECT_EQ(*decode_health_check_response("\x08\x02"), ServingStatus::kNotServing);
  EXPECT_EQ(*decode_health_check_response("\x08\x03"), ServingStatus::kServiceUnknown);
  EXPECT_EQ(to_string(*decode_health_check_response("\x08\x09")), "9");
}

TEST(HealthCheckMessageTest, SkipsUnknownFieldsAndKeepsTheLastStatus) {
  std::string bytes =
      "\x12\x02hi"
      "\x18\x96\x01"
      "\x21\1\2\3\4\5\6\7\x08"
      "\x2d\1\2\3\4"
      "\x08\x01\x08\x02"s;
  auto status = decode_health_check_response(bytes);
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(*status, ServingStatus::kNotServing);
}

TEST(HealthCheckMessageTest, MalformedBytesAreErrorsNeverAStatus) {
  for (const std::string& bytes :
       {"\x08"s, "\x08\x80"s, "\x80"s, "\x00\x01"s, "\x0a\x01\x01"s, "\x0b"s, "\x13"s, "\x0c"s,
        "\x0e"s,
        "\x12\x05"
        "ab"s,
        "\x12\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"s,
        "\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"s, "\x21\1\2\3"s}) {
    auto status = decode_health_check_response(bytes);
    EXPECT_FALSE(status.ok()) << "accepted " << ::testing::PrintToString(bytes);
  }
}

}  // namespace
}  // namespace vigil
