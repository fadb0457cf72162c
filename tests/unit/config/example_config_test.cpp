#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "config_test_support.hpp"

namespace vigil::testing {
namespace {

TEST(ExampleConfig, LoadsWithoutErrorsAndDeclaresTheDocumentedMonitors) {
  const FakeMonitorTypeCatalog catalog;
  const auto result = ConfigLoader(catalog).load_file(VIGIL_SOURCE_DIR "/examples/vigil.yaml");
  for (const ConfigError& error : errors_of(result)) ADD_FAILURE() << error.to_string();
  ASSERT_TRUE(std::holds_alternative<VigilConfig>(result));

  std::vector<std::string> tags;
  for (const MonitorSpec& spec : std::get<VigilConfig>(result).monitors) tags.push_back(spec.tag);
  EXPECT_THAT(tags,
              ::testing::UnorderedElementsAre("self", "self-tcp", "missing-service", "manual"));
}

}  // namespace
}  // namespace vigil::testing
