#include "core/condition_set.hpp"

#include <algorithm>
#include <utility>

namespace vigil {

void ConditionSet::add(Condition condition) {
  conditions_.push_back(std::move(condition));
}

bool ConditionSet::needs_body() const {
  return std::any_of(conditions_.begin(), conditions_.end(),
                     [](const Condition& condition) { return condition.needs_body(); });
}

bool ConditionSet::evaluate(CheckResult& result) const {
  result.conditions.clear();
  bool all = true;
  for (const Condition& condition : conditions_) {
    result.conditions.push_back(condition.evaluate(result));
    all = all && result.conditions.back().success;
  }
  return all;
}

std::string ConditionSet::failure_message(const ConditionOutcome& outcome) {
  std::string message = "condition failed: " + outcome.condition;
  if (!outcome.actual.empty()) message += " (actual: " + outcome.actual + ")";
  return message;
}

}  // namespace vigil
