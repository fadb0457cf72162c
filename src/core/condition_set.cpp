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
    const ConditionOutcome& outcome = result.conditions.back();
    all = all && outcome.success;
    // Stored with the raw result, so a UI can show later which condition failed and why.
    result.details += (result.details.empty() ? "" : "; ") + std::string("condition[") +
                      std::to_string(result.conditions.size() - 1) +
                      "]=" + (outcome.success ? "pass" : "fail(" + outcome.actual + ")");
  }
  return all;
}

std::string ConditionSet::failure_message(const ConditionOutcome& outcome) {
  std::string message = "condition failed: " + outcome.condition;
  if (!outcome.actual.empty()) message += " (actual: " + outcome.actual + ")";
  return message;
}

}  // namespace vigil
