#include "probes/group/group_probe.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <algorithm>
#include <cmath>

#include "probes/type_data_reader.hpp"

namespace vigil {
namespace {

// How often a waiting group looks at its members again, and how much earlier than the group a
// member's check may have started and still count as the same round.
constexpr auto kPollInterval = std::chrono::milliseconds(50);
constexpr Millis kRoundSlackMs = 500;

double value_of(Status status) {
  switch (status) {
    case Status::kDown:
      return 0;
    case Status::kDegraded:
      return 0.5;
    default:
      return 1;  // UP, MAINTENANCE and (as in Kener) anything else
  }
}

}  // namespace

//! One group check in progress: polls the members until the round is complete.
struct GroupProbe::Wait : std::enable_shared_from_this<Wait> {
  Wait(const GroupProbe& probe, ProbeContext& ctx, std::function<void(CheckResult)> done)
      : probe(probe),
        clock(ctx.clock),
        timer(ctx.io),
        started_ms(ctx.clock.now_ms()),
        done(std::move(done)) {}

  bool round_complete() const {
    for (const auto& member : probe.settings_.members) {
      auto status = probe.live_.get(member.tag);
      if (!status || status->observed_ms < started_ms - kRoundSlackMs) return false;
    }
    return true;
  }

  void poll() {
    if (round_complete() || clock.now_ms() - started_ms >= probe.settings_.timeout_ms) {
      done(probe.score());
      return;
    }
    timer.expires_after(kPollInterval);
    timer.async_wait([self = shared_from_this()](boost::system::error_code ec) {
      if (!ec) self->poll();
    });
  }

  const GroupProbe& probe;
  const Clock& clock;
  boost::asio::steady_timer timer;
  Millis started_ms;
  std::function<void(CheckResult)> done;
};

Result<GroupProbe::Settings> GroupProbe::parse(std::string_view type_data) {
  auto reader = TypeDataReader::parse(type_data);
  if (!reader) return reader.error();
  Settings settings;
  bool complete = true;
  reader->objects("monitors", 2, "a list of at least two members {tag, weight}",
                  [&](TypeDataReader& entry) {
                    auto tag = entry.string("tag", true);
                    auto weight = entry.number("weight", 0);
                    if (!weight) entry.fail("weight", "is required");
                    if (tag && weight) {
                      settings.members.push_back({*tag, *weight});
                    } else {
                      complete = false;
                    }
                  });
  double total = 0;
  for (const auto& member : settings.members) total += member.weight;
  if (complete && !settings.members.empty() && std::abs(total - 1.0) > 0.01) {
    reader->fail("monitors", "weights must add up to 1 (±0.01), not " + std::to_string(total));
  }
  if (auto rule = reader->string("latencyCalculation")) {
    if (*rule == "AVG") {
      settings.latency = LatencyRule::kAverage;
    } else if (*rule == "MAX") {
      settings.latency = LatencyRule::kMaximum;
    } else if (*rule == "MIN") {
      settings.latency = LatencyRule::kMinimum;
    } else {
      reader->fail("latencyCalculation", "must be AVG, MAX or MIN");
    }
  }
  reader->integer("executionDelay", 0, 3'600'000);  // Kener's fixed delay: accepted, not needed
  settings.timeout_ms = reader->integer("timeout", 1, 600'000).value_or(settings.timeout_ms);
  if (auto error = reader->finish()) return *error;
  return settings;
}

GroupProbe::GroupProbe(Settings settings, const LiveStatusSource& live)
    : settings_(std::move(settings)), live_(live) {}

void GroupProbe::run(ProbeContext& ctx, std::function<void(CheckResult)> done) {
  std::make_shared<Wait>(*this, ctx, std::move(done))->poll();
}

CheckResult GroupProbe::score() const {
  CheckResult result;
  double score = 0;
  std::vector<double> latencies;
  std::string details;
  for (const auto& member : settings_.members) {
    auto status = live_.get(member.tag);
    Status s = status ? status->status : Status::kNoData;
    score += member.weight * value_of(s);
    if (status) latencies.push_back(status->latency_ms);
    details += (details.empty() ? "" : "; ") + member.tag + "=" + std::string(to_string(s));
  }
  if (score >= 0.999) {
    result.status = Status::kUp;
  } else if (score <= 0.001) {
    result.status = Status::kDown;
    result.error_message = "every member is down";
  } else {
    result.status = Status::kDegraded;
    result.error_message = "group score " + std::to_string(score).substr(0, 4);
  }
  if (!latencies.empty()) {
    switch (settings_.latency) {
      case LatencyRule::kAverage: {
        double sum = 0;
        for (double l : latencies) sum += l;
        result.latency_ms = sum / static_cast<double>(latencies.size());
        break;
      }
      case LatencyRule::kMaximum:
        result.latency_ms = *std::max_element(latencies.begin(), latencies.end());
        break;
      case LatencyRule::kMinimum:
        result.latency_ms = *std::min_element(latencies.begin(), latencies.end());
        break;
    }
  }
  result.details = details;
  return result;
}

ProbeKind group_probe_kind(const LiveStatusSource& live) {
  ProbeKind kind = parsed_probe_kind<GroupProbe>("GROUP", [&live](auto settings,
                                                                  const MonitorSpec&) {
    return Result<std::unique_ptr<Probe>>(std::make_unique<GroupProbe>(std::move(settings), live));
  });
  kind.dependencies = [](const MonitorSpec& spec) {
    std::vector<std::string> tags;
    if (auto settings = GroupProbe::parse(spec.type_data)) {
      for (const auto& member : settings->members) tags.push_back(member.tag);
    }
    return tags;
  };
  return kind;
}

}  // namespace vigil
