#include "storage/sqlite/sqlite_site_store.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "temp_dir.hpp"

namespace vigil {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::TempDir;

class SqliteSiteStoreTest : public ::testing::Test {
 protected:
  TempDir dir_;
  SqliteDatabase db_{dir_.file("vigil.db")};
  SqliteSiteStore store_{db_};
};

TEST_F(SqliteSiteStoreTest, StartsEmpty) {
  EXPECT_THAT(store_.list(), IsEmpty());
}

TEST_F(SqliteSiteStoreTest, PutInsertsThenReplaces) {
  const SiteDataEntry name{"siteName", SiteDataType::kString, R"("Vigil demo")"};
  const SiteDataEntry colours{"colors", SiteDataType::kObject, R"({"UP":"#00ff00"})"};
  store_.put(name);
  store_.put(colours);
  EXPECT_THAT(store_.list(), ElementsAre(colours, name));

  const SiteDataEntry renamed{"siteName", SiteDataType::kString, R"("Status")"};
  store_.put(renamed);
  EXPECT_THAT(store_.list(), ElementsAre(colours, renamed));
}

TEST_F(SqliteSiteStoreTest, ValuesSurviveReopening) {
  store_.put({"announcement", SiteDataType::kObject, "null"});
  SqliteDatabase reopened(dir_.file("vigil.db"));
  EXPECT_THAT(SqliteSiteStore(reopened).list(),
              ElementsAre(SiteDataEntry{"announcement", SiteDataType::kObject, "null"}));
}

}  // namespace
}  // namespace vigil
