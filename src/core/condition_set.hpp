#pragma once

#include <string>
#include <vector>

#include "core/check_result.hpp"
#include "core/condition.hpp"

namespace vigil {

//! A monitor's conditions, all of which must hold, in the order they were given.
class ConditionSet {
 public:
  //! Appends a condition.
  void add(Condition condition);
  //! True when there is no condition.
  bool empty() const { return conditions_.empty(); }
  //! True when any condition reads the response body.
  bool needs_body() const;
  //! Evaluates every condition on `result` into result.conditions; true when all hold.
  bool evaluate(CheckResult& result) const;
  //! "condition failed: <condition> (actual: <what was seen>)" for a failed outcome.
  static std::string failure_message(const ConditionOutcome& outcome);

 private:
  std::vector<Condition> conditions_;
};

}  // namespace vigil
