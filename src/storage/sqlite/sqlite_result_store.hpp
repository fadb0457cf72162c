#pragma once

#include "storage/result_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace vigil {

//! ResultStore on SQLite: raw results in check_results, rollups in Kener's monitoring_data
//! shape (monitoring_data, monitoring_data_hourly, monitoring_data_daily); thread-safe.
class SqliteResultStore final : public ResultStore {
 public:
  //! Uses `database`, which must outlive the store.
  explicit SqliteResultStore(SqliteDatabase& database);

  void write(const WriteBatch& batch) override;
  std::vector<Bucket> read_buckets(std::string_view tag, Granularity granularity, Seconds from,
                                   Seconds to) override;
  std::map<std::string, Bucket> sum_buckets(Granularity granularity, Seconds from,
                                            Seconds to) override;
  std::vector<CheckResult> read_results(std::string_view tag, Millis from_ms, Millis to_ms,
                                        std::size_t limit) override;
  std::int64_t count_results() override;
  //! Walks each tier's distinct tags with key seeks and deletes per tag by key range, a few
  //! hundred tags per transaction so writers are never held up for long.
  std::int64_t prune(const RetentionPolicy& policy, Seconds now) override;

 private:
  std::int64_t prune_table(std::string_view table, std::string_view time_column,
                           std::int64_t cutoff);

  SqliteDatabase& database_;
};

}  // namespace vigil
