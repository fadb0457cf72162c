#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config_test_support.hpp"

namespace vigil::testing {
namespace {

TEST(ExampleConfig, LoadsWithoutErrorsAndDeclaresTheDocumentedMonitors) {
  const auto result = test_loader().load_file(VIGIL_SOURCE_DIR "/examples/vigil.yaml");
  for (const ConfigError& error : errors_of(result)) ADD_FAILURE() << error.to_string();
  ASSERT_TRUE(std::holds_alternative<VigilConfig>(result));

  std::vector<std::string> tags;
  for (const MonitorSpec& spec : std::get<VigilConfig>(result).monitors) tags.push_back(spec.tag);
  EXPECT_THAT(tags,
              ::testing::UnorderedElementsAre("self", "self-tcp", "missing-service", "manual"));
}

TEST(ExampleConfig, DeclaresTheHomePageASecondPageAndTheSiteName) {
  const auto result = test_loader().load_file(VIGIL_SOURCE_DIR "/examples/vigil.yaml");
  ASSERT_TRUE(std::holds_alternative<VigilConfig>(result));
  const VigilConfig& config = std::get<VigilConfig>(result);

  std::vector<std::string> paths;
  for (const PageSpec& page : config.pages) paths.push_back(page.page_path);
  EXPECT_THAT(paths, ::testing::ElementsAre("", "internal"));
  EXPECT_THAT(config.site, ::testing::Contains(SiteDataEntry{"siteName", SiteDataType::kString,
                                                             R"("Vigil demo")"}));
}

}  // namespace
}  // namespace vigil::testing
