#include "probes/probe_registry.hpp"

#include <gtest/gtest.h>

namespace vigil {
namespace {

class NullProbe final : public Probe {
 public:
  void run(ProbeContext&, std::function<void(CheckResult)>) override {}
};

ProbeKind kind(const std::string& type, std::string rejects = "") {
  return ProbeKind{type, [rejects](const MonitorSpec& spec) -> Result<std::unique_ptr<Probe>> {
                     if (!rejects.empty() && spec.type_data.find(rejects) != std::string::npos) {
                       return Error{ErrorCode::kBadRequest, "type_data.x: bad"};
                     }
                     return std::unique_ptr<Probe>(std::make_unique<NullProbe>());
                   }};
}

MonitorSpec spec(const std::string& type, const std::string& type_data = "{}") {
  MonitorSpec spec;
  spec.tag = "m";
  spec.monitor_type = type;
  spec.type_data = type_data;
  return spec;
}

TEST(ProbeRegistryTest, TypesAreSortedAndIncludeNone) {
  ProbeRegistry registry;
  registry.add(kind("TCP"));
  registry.add(kind("API"));
  registry.add(kind("API"));
  EXPECT_EQ(registry.types(), (std::vector<std::string>{"API", "NONE", "TCP"}));
}

TEST(ProbeRegistryTest, BuildsRegisteredType) {
  ProbeRegistry registry;
  registry.add(kind("API"));
  EXPECT_TRUE(registry.build(spec("API")).ok());
  EXPECT_EQ(registry.check(spec("API")), std::nullopt);
}

TEST(ProbeRegistryTest, AddReplacesAKindOfTheSameName) {
  ProbeRegistry registry;
  registry.add(kind("API"));
  registry.add(kind("API", "bad"));
  EXPECT_FALSE(registry.build(spec("API", R"({"bad":1})")).ok());
}

TEST(ProbeRegistryTest, NoneIsAlwaysAccepted) {
  ProbeRegistry registry;
  EXPECT_EQ(registry.check(spec("NONE", R"({"overrideWithLastKnownStatus":true})")), std::nullopt);
}

TEST(ProbeRegistryTest, UnknownTypeSaysUnknown) {
  ProbeRegistry registry;
  registry.add(kind("API"));
  EXPECT_EQ(registry.check(spec("FTP")), "unknown monitor_type FTP; supported: API, NONE");
}

TEST(ProbeRegistryTest, BadTypeDataReportsTheKindsMessage) {
  ProbeRegistry registry;
  registry.add(kind("API", "bad"));
  EXPECT_EQ(registry.check(spec("API", R"({"bad":1})")), "type_data.x: bad");
}

}  // namespace
}  // namespace vigil
