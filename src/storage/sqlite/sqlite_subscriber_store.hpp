#pragma once

#include <functional>

#include "storage/sqlite/sqlite_database.hpp"
#include "storage/subscriber_store.hpp"

namespace vigil {

//! SubscriberStore on SQLite (tables subscribers, subscriber_pages, subscriber_monitors,
//! subscriber_codes); thread-safe.
class SqliteSubscriberStore final : public SubscriberStore {
 public:
  //! Uses `database`, which must outlive the store.
  explicit SqliteSubscriberStore(SqliteDatabase& database);

  std::vector<Subscriber> list() override;
  std::optional<Subscriber> get(std::int64_t id) override;
  std::optional<Subscriber> find_by_address(SubscriberKind kind, std::string_view address) override;
  std::optional<Subscriber> find_by_token_hash(std::string_view token_hash) override;
  Subscriber create(const Subscriber& subscriber) override;
  std::optional<Subscriber> update(const Subscriber& subscriber) override;
  bool remove(std::int64_t id) override;

  void put_code(const SubscriberCode& code) override;
  std::optional<SubscriberCode> code(std::int64_t subscriber_id) override;
  int count_failed_attempt(std::int64_t subscriber_id) override;
  void remove_code(std::int64_t subscriber_id) override;

 private:
  using Bind = std::function<void(SqliteStatement&)>;
  std::vector<Subscriber> select(std::string_view where, const Bind& bind);

  SqliteDatabase& database_;
};

}  // namespace vigil
