// The served OpenAPI document: one valid document merged from the fragments, naming every route
// Vigil adds, with every $ref pointing at something it defines.
#include "api/openapi_document.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>
#include <vector>

namespace vigil {
namespace {

namespace json = boost::json;

//! Collects every "$ref" value below `value`.
void collect_refs(const json::value& value, std::vector<std::string>& refs) {
  if (value.is_object()) {
    for (const auto& [key, member] : value.as_object()) {
      if (key == "$ref" && member.is_string()) refs.emplace_back(member.as_string());
      collect_refs(member, refs);
    }
  } else if (value.is_array()) {
    for (const auto& item : value.as_array()) collect_refs(item, refs);
  }
}

//! The value a local "#/a/b/c" reference points at, or nullptr.
const json::value* resolve(const json::value& document, const std::string& ref) {
  if (!ref.starts_with("#/")) return nullptr;
  const json::value* at = &document;
  std::size_t from = 2;
  while (at != nullptr && from <= ref.size()) {
    const std::size_t slash = std::min(ref.find('/', from), ref.size());
    const std::string name = ref.substr(from, slash - from);
    at = at->is_object() ? at->as_object().if_contains(name) : nullptr;
    from = slash + 1;
  }
  return at;
}

TEST(OpenApiDocument, IsOneDocumentWithEveryExtensionRoute) {
  const json::value document = json::parse(openapi_document());
  EXPECT_EQ(document.at("openapi").as_string(), "3.0.3");
  EXPECT_TRUE(document.at("components").at("securitySchemes").as_object().contains("bearerAuth"));
  const auto& paths = document.at("paths").as_object();
  for (const char* path :
       {"/api/v4/triggers", "/api/v4/triggers/{trigger_id}", "/api/v4/triggers/{trigger_id}/test",
        "/api/v4/alerts", "/api/v4/alerts/{alert_id}", "/api/v4/alerts/{alert_id}/states",
        "/api/v4/alerts/{alert_id}/acknowledge", "/api/v4/deliveries",
        "/api/v4/deliveries/{delivery_id}", "/api/v4/subscribers",
        "/api/v4/subscribers/{subscriber_id}"}) {
    EXPECT_TRUE(paths.contains(path)) << path;
  }
}

TEST(OpenApiDocument, EveryReferenceResolves) {
  const json::value document = json::parse(openapi_document());
  std::vector<std::string> refs;
  collect_refs(document, refs);
  ASSERT_FALSE(refs.empty());
  for (const std::string& ref : refs) EXPECT_NE(resolve(document, ref), nullptr) << ref;
}

}  // namespace
}  // namespace vigil
