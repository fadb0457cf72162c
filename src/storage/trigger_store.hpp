#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/trigger.hpp"

namespace vigil {

//! Persists notification triggers.
class TriggerStore {
 public:
  virtual ~TriggerStore() = default;
  //! Every trigger, by id.
  virtual std::vector<Trigger> list() = 0;
  //! Inserts a trigger (its name must be free); returns it with id and times set.
  virtual Trigger create(const Trigger& trigger) = 0;
  //! Replaces a trigger's fields (matched by id); nullopt when absent.
  virtual std::optional<Trigger> update(const Trigger& trigger) = 0;
  //! Deletes a trigger that no rule uses; false when absent.
  virtual bool remove(std::int64_t id) = 0;
  //! Ids of the alert rules that notify or escalate to the trigger, ascending.
  virtual std::vector<std::int64_t> rules_using(std::int64_t id) = 0;
};

}  // namespace vigil
