// A database password in a SQL monitor never comes back through the API, and survives a round trip.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "storage/sqlite/sqlite_database.hpp"
#include "storage/sqlite/sqlite_monitor_store.hpp"
#include "vigil_fixture.hpp"

namespace vigil::testing {
namespace {

namespace json = boost::json;

constexpr const char* kConnection = "postgresql://app:hunter2@127.0.0.1:1/inventory";

TEST(SecretsTest, SqlPasswordIsMaskedInResponsesAndKeptWhenTheMaskIsSentBack) {
  RunningVigil vigil;
  auto created = vigil.api("POST", "/api/v4/monitors",
                           std::string(R"({"tag":"db","name":"DB","monitor_type":"SQL",
                               "status":"INACTIVE","type_data":{"dbType":"pg",
                               "connectionString":")") +
                               kConnection + R"("}})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.body.find("hunter2"), std::string::npos) << created.body;
  EXPECT_NE(created.body.find("app:***@"), std::string::npos) << created.body;
  for (const char* path : {"/api/v4/monitors", "/api/v4/monitors/db"}) {
    auto shown = vigil.api("GET", path);
    ASSERT_EQ(shown.status, 200);
    EXPECT_EQ(shown.body.find("hunter2"), std::string::npos) << path << ": " << shown.body;
  }

  // Send the masked type_data back unchanged, as an editing client would.
  json::value type_data = json::parse(created.body).at("monitor").at("type_data");
  auto patched =
      vigil.api("PATCH", "/api/v4/monitors/db",
                "{\"name\":\"Inventory DB\",\"type_data\":" + json::serialize(type_data) + "}");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.body.find("hunter2"), std::string::npos);
  ASSERT_EQ(vigil.stop(), 0);
  EXPECT_EQ(vigil.log().find("hunter2"), std::string::npos);

  SqliteDatabase database(vigil.dir().file("data/vigil.db"));
  SqliteMonitorStore store(database);
  auto stored = store.get("db");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->name, "Inventory DB");
  EXPECT_EQ(json::parse(stored->type_data).at("connectionString").as_string(), kConnection);
}

}  // namespace
}  // namespace vigil::testing
