#include "app/metrics_page.hpp"

#include <fmt/format.h>

namespace vigil {
namespace {

void counter(std::string& out, const char* name, const char* help, const char* type, double value) {
  out += fmt::format("# HELP {0} {1}\n# TYPE {0} {2}\n{0} {3}\n", name, help, type, value);
}

}  // namespace

std::string render_metrics(const MetricsSnapshot& m) {
  std::string out;
  counter(out, "vigil_monitors_scheduled", "Monitors on the schedule.", "gauge",
          static_cast<double>(m.scheduler.monitors));
  counter(out, "vigil_checks_dispatched_total", "Checks handed to executors.", "counter",
          static_cast<double>(m.scheduler.dispatched));
  counter(out, "vigil_checks_skipped_total",
          "Checks skipped because the previous one still ran or executors were full.", "counter",
          static_cast<double>(m.scheduler.skipped));
  counter(out, "vigil_checks_completed_total", "Checks that produced a result.", "counter",
          static_cast<double>(m.checks_completed));
  counter(out, "vigil_checks_not_up_total", "Completed checks whose status was not UP.", "counter",
          static_cast<double>(m.checks_failed));
  counter(out, "vigil_checks_in_flight", "Checks running now.", "gauge",
          static_cast<double>(m.checks_in_flight));
  counter(out, "vigil_write_backlog_rows", "Rows waiting for the next commit.", "gauge",
          static_cast<double>(m.write_backlog));
  counter(out, "vigil_write_failures_total", "Commits that failed and were retried.", "counter",
          static_cast<double>(m.write_failures));
  counter(out, "vigil_write_commits_total", "Batches committed to storage.", "counter",
          static_cast<double>(m.writes_committed));
  if (m.lateness) {
    const char* name = "vigil_check_lateness_ms";
    out += fmt::format("# HELP {} Check start minus due time.\n# TYPE {} histogram\n", name, name);
    auto cumulative = m.lateness->cumulative();
    for (std::size_t i = 0; i < Histogram::kBounds.size(); ++i) {
      out += fmt::format("{}_bucket{{le=\"{}\"}} {}\n", name, Histogram::kBounds[i], cumulative[i]);
    }
    out += fmt::format("{}_bucket{{le=\"+Inf\"}} {}\n", name, cumulative.back());
    out +=
        fmt::format("{}_sum {}\n{}_count {}\n", name, m.lateness->sum(), name, cumulative.back());
  }
  return out;
}

}  // namespace vigil
