#include "probes/check_executor.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <vector>

#include "fake_clock.hpp"
#include "net/curl_engine.hpp"

namespace vigil {
namespace {

using testing::FakeClock;

// A probe whose checks finish only when the test says so.
class HeldProbe final : public Probe {
 public:
  explicit HeldProbe(std::vector<std::function<void(CheckResult)>>& pending) : pending_(pending) {}
  void run(ProbeContext&, std::function<void(CheckResult)> done) override {
    pending_.push_back(std::move(done));
  }

 private:
  std::vector<std::function<void(CheckResult)>>& pending_;
};

class RecordingSink final : public ResultSink {
 public:
  void submit(CheckResult result) override { results.push_back(std::move(result)); }
  std::vector<CheckResult> results;
};

class CheckExecutorTest : public ::testing::Test {
 protected:
  CheckExecutorTest() {
    registry_.add(
        ProbeKind{"HELD", [this](const MonitorSpec& spec) -> Result<std::unique_ptr<Probe>> {
                    ++builds_;
                    if (spec.type_data.find("broken") != std::string::npos) {
                      return Error{ErrorCode::kBadRequest, "type_data.url: is required"};
                    }
                    return std::unique_ptr<Probe>(std::make_unique<HeldProbe>(pending_));
                  }});
  }

  static CheckJob job(std::shared_ptr<const MonitorSpec> spec, Millis due_ms) {
    return CheckJob{std::move(spec), 1000 + static_cast<std::uint64_t>(due_ms), due_ms};
  }

  static std::shared_ptr<const MonitorSpec> spec(const std::string& tag,
                                                 const std::string& type_data = "{}") {
    auto spec = std::make_shared<MonitorSpec>();
    spec->tag = tag;
    spec->monitor_type = "HELD";
    spec->type_data = type_data;
    return spec;
  }

  // Completes every held check with `status`, then lets the loop deliver.
  void finish_all(Status status) {
    auto pending = std::move(pending_);
    pending_.clear();
    for (auto& done : pending) {
      CheckResult result;
      result.status = status;
      result.latency_ms = 12;
      done(result);
    }
    io_.poll();
  }

  boost::asio::io_context io_{1};
  CurlEngine curl_{io_};
  FakeClock clock_{1'700'000'000'500};
  ProbeRegistry registry_;
  RecordingSink sink_;
  int builds_ = 0;
  std::vector<std::function<void(CheckResult)>> pending_;
};

TEST_F(CheckExecutorTest, FillsIdsAndTimesAndCountsFinished) {
  CheckExecutor executor(io_, curl_, clock_, registry_, sink_, 10);
  ASSERT_TRUE(executor.submit(job(spec("web"), 1'700'000'000'000)));
  EXPECT_EQ(executor.in_flight(), 1u);
  clock_.advance(5000);  // started_ms is taken at submit, not at completion
  finish_all(Status::kUp);
  ASSERT_EQ(sink_.results.size(), 1u);
  const auto& result = sink_.results[0];
  EXPECT_EQ(result.monitor_tag, "web");
  EXPECT_EQ(result.check_id, 1000u + 1'700'000'000'000u);
  EXPECT_EQ(result.due_ms, 1'700'000'000'000);
  EXPECT_EQ(result.started_ms, 1'700'000'000'500);
  EXPECT_EQ(result.status, Status::kUp);
  EXPECT_EQ(result.latency_ms, 12);
  EXPECT_EQ(executor.in_flight(), 0u);
  EXPECT_EQ(executor.stats().started, 1u);
  EXPECT_EQ(executor.stats().finished, 1u);
}

TEST_F(CheckExecutorTest, BuildsOncePerSpecSnapshot) {
  CheckExecutor executor(io_, curl_, clock_, registry_, sink_, 10);
  auto first = spec("web");
  for (int i = 0; i < 3; ++i) {
    executor.submit(job(first, i));
    finish_all(Status::kUp);
  }
  EXPECT_EQ(builds_, 1);
  executor.submit(job(spec("web"), 10));  // an edit: same tag, new snapshot
  finish_all(Status::kUp);
  EXPECT_EQ(builds_, 2);
  executor.submit(job(spec("api"), 10));
  finish_all(Status::kUp);
  EXPECT_EQ(builds_, 3);
  EXPECT_EQ(sink_.results.size(), 5u);
}

TEST_F(CheckExecutorTest, RejectsBeyondMaxInFlight) {
  CheckExecutor executor(io_, curl_, clock_, registry_, sink_, 2);
  EXPECT_TRUE(executor.submit(job(spec("a"), 1)));
  EXPECT_TRUE(executor.submit(job(spec("b"), 1)));
  EXPECT_FALSE(executor.submit(job(spec("c"), 1)));
  EXPECT_EQ(executor.stats().rejected, 1u);
  EXPECT_EQ(executor.in_flight(), 2u);
  finish_all(Status::kDown);
  EXPECT_EQ(executor.in_flight(), 0u);
  EXPECT_TRUE(executor.submit(job(spec("c"), 2)));
  EXPECT_EQ(sink_.results.size(), 2u);
}

TEST_F(CheckExecutorTest, TypeDataThatNoLongerBuildsIsADownResult) {
  CheckExecutor executor(io_, curl_, clock_, registry_, sink_, 10);
  ASSERT_TRUE(executor.submit(job(spec("web", R"({"broken":true})"), 7)));
  EXPECT_TRUE(sink_.results.empty());  // delivered from the loop, not inside submit
  io_.poll();
  ASSERT_EQ(sink_.results.size(), 1u);
  const auto& result = sink_.results[0];
  EXPECT_EQ(result.monitor_tag, "web");
  EXPECT_EQ(result.due_ms, 7);
  EXPECT_EQ(result.status, Status::kDown);
  EXPECT_EQ(result.error_kind, ErrorKind::kError);
  EXPECT_EQ(result.error_message, "type_data.url: is required");
  EXPECT_EQ(executor.in_flight(), 0u);
}

TEST_F(CheckExecutorTest, UnknownTypeIsADownResultNamingTheType) {
  CheckExecutor executor(io_, curl_, clock_, registry_, sink_, 10);
  auto ftp = std::make_shared<MonitorSpec>();
  ftp->tag = "p";
  ftp->monitor_type = "FTP";
  executor.submit(job(ftp, 1));
  io_.poll();
  ASSERT_EQ(sink_.results.size(), 1u);
  EXPECT_EQ(sink_.results[0].status, Status::kDown);
  EXPECT_NE(sink_.results[0].error_message.find("unknown monitor_type FTP"), std::string::npos);
}

TEST_F(CheckExecutorTest, ChecksFinishingAfterTheExecutorIsGoneAreDropped) {
  {
    CheckExecutor executor(io_, curl_, clock_, registry_, sink_, 10);
    executor.submit(job(spec("web"), 1));
  }
  finish_all(Status::kUp);
  EXPECT_TRUE(sink_.results.empty());
}

}  // namespace
}  // namespace vigil
