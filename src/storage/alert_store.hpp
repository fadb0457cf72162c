#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/alert_history_entry.hpp"
#include "core/alert_rule.hpp"
#include "core/alert_state.hpp"

namespace vigil {

//! Persists alert rules with their monitors, dependencies and triggers, the alert state of
//! each (rule, monitor) pair and the history of its status changes.
class AlertStore {
 public:
  virtual ~AlertStore() = default;
  //! Every rule, by id, with its lists in their stored order.
  virtual std::vector<AlertRule> list_rules() = 0;
  //! Inserts a rule with its lists; returns it with id and times set.
  virtual AlertRule create_rule(const AlertRule& rule) = 0;
  //! Replaces a rule's fields and lists (matched by id) and drops the states of monitors it no
  //! longer covers; nullopt when absent.
  virtual std::optional<AlertRule> update_rule(const AlertRule& rule) = 0;
  //! Deletes a rule with its states; false when absent.
  virtual bool remove_rule(std::int64_t id) = 0;

  //! The states of one rule (every rule when nullopt), by monitor tag.
  virtual std::vector<AlertState> states(std::optional<std::int64_t> rule_id) = 0;
  //! Inserts or replaces the state of (state.rule_id, state.monitor_tag); returns it with its id.
  virtual AlertState save_state(const AlertState& state) = 0;
  //! save_state() and, in the same transaction, appends `change` (the status change that led
  //! to `state`) to the history; returns the state with its id.
  virtual AlertState save_transition(const AlertState& state, const AlertHistoryEntry& change) = 0;
  //! One rule's history, newest first: `limit` entries after skipping `offset`.
  virtual AlertHistoryPage history(std::int64_t rule_id, std::int64_t offset,
                                   std::int64_t limit) = 0;
  //! Deletes history entries created before `before`; returns how many.
  virtual std::int64_t prune_history(Seconds before) = 0;
};

}  // namespace vigil
