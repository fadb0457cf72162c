#include "net/curl_engine.hpp"

#include <time.h>

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

#include "fixture_server.hpp"

namespace vigil {
namespace {

using testing::FixtureServer;

struct EasyDeleter {
  void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
using Easy = std::unique_ptr<CURL, EasyDeleter>;

std::size_t discard(char*, std::size_t size, std::size_t count, void*) {
  return size * count;
}

Easy make_easy(const std::string& url) {
  Easy easy(curl_easy_init());
  curl_easy_setopt(easy.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy.get(), CURLOPT_FORBID_REUSE, 1L);
  curl_easy_setopt(easy.get(), CURLOPT_TIMEOUT_MS, 5000L);
  curl_easy_setopt(easy.get(), CURLOPT_WRITEFUNCTION, &discard);
  return easy;
}

// Runs the loop until `done()` or 10 s.
template <class Done>
void run_until(boost::asio::io_context& io, Done done) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!done() && std::chrono::steady_clock::now() < deadline) {
    io.run_one_for(std::chrono::milliseconds(100));
  }
}

class CurlEngineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new FixtureServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static FixtureServer* server_;
  boost::asio::io_context io_{1};
};

FixtureServer* CurlEngineTest::server_ = nullptr;

TEST_F(CurlEngineTest, RunsManyTransfersConcurrentlyOnOneThread) {
  CurlEngine engine(io_);
  constexpr int kTransfers = 64;
  std::vector<Easy> handles;
  std::vector<CURLcode> codes;
  for (int i = 0; i < kTransfers; ++i) {
    handles.push_back(make_easy(server_->url("/slow/100")));
    engine.perform(handles.back().get(), [&](CURLcode code) { codes.push_back(code); });
  }
  EXPECT_EQ(engine.active(), static_cast<std::size_t>(kTransfers));
  auto started = std::chrono::steady_clock::now();
  run_until(io_, [&] { return codes.size() == kTransfers; });
  auto elapsed = std::chrono::steady_clock::now() - started;
  ASSERT_EQ(codes.size(), static_cast<std::size_t>(kTransfers));
  for (CURLcode code : codes) EXPECT_EQ(code, CURLE_OK) << curl_easy_strerror(code);
  EXPECT_EQ(engine.active(), 0u);
  // 64 requests of 100 ms each, in parallel: far less than 6.4 s in sequence.
  EXPECT_LT(elapsed, std::chrono::seconds(3));
  for (auto& easy : handles) {
    long code = 0;
    curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &code);
    EXPECT_EQ(code, 200);
  }
}

double thread_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

TEST_F(CurlEngineTest, WaitingForASlowAnswerDoesNotSpin) {
  CurlEngine engine(io_);
  Easy easy = make_easy(server_->url("/slow/600"));
  std::optional<CURLcode> result;
  engine.perform(easy.get(), [&](CURLcode code) { result = code; });
  double cpu_before = thread_cpu_ms();
  run_until(io_, [&] { return result.has_value(); });
  EXPECT_EQ(result, CURLE_OK);
  // Nearly all of the 600 ms is spent blocked in epoll, not polling curl.
  EXPECT_LT(thread_cpu_ms() - cpu_before, 100);
}

TEST_F(CurlEngineTest, CancelReportsAbortedAndFreesTheSlot) {
  CurlEngine engine(io_);
  Easy easy = make_easy(server_->url("/slow/5000"));
  std::optional<CURLcode> result;
  engine.perform(easy.get(), [&](CURLcode code) { result = code; });
  io_.run_for(std::chrono::milliseconds(100));
  engine.cancel(easy.get());
  EXPECT_EQ(result, CURLE_ABORTED_BY_CALLBACK);
  EXPECT_EQ(engine.active(), 0u);
}

TEST_F(CurlEngineTest, DestructorAbortsActiveTransfersWithoutCallingBack) {
  bool called = false;
  auto owned = std::make_shared<Easy>(make_easy(server_->url("/slow/5000")));
  {
    CurlEngine engine(io_);
    // The callback owns the handle, as probes do: destroying the engine must free both.
    engine.perform(owned->get(), [&called, owned](CURLcode) { called = true; });
    io_.run_for(std::chrono::milliseconds(100));
  }
  owned.reset();
  io_.restart();
  io_.run_for(std::chrono::milliseconds(50));  // stale socket and timer waits must be harmless
  EXPECT_FALSE(called);
}

TEST_F(CurlEngineTest, KeepsWorkingAfterFailures) {
  CurlEngine engine(io_);
  Easy refused = make_easy("http://127.0.0.1:1/");
  Easy fine = make_easy(server_->url("/status/200"));
  std::vector<CURLcode> codes;
  engine.perform(refused.get(), [&](CURLcode code) { codes.push_back(code); });
  run_until(io_, [&] { return codes.size() == 1; });
  engine.perform(fine.get(), [&](CURLcode code) { codes.push_back(code); });
  run_until(io_, [&] { return codes.size() == 2; });
  ASSERT_EQ(codes.size(), 2u);
  EXPECT_EQ(codes[0], CURLE_COULDNT_CONNECT);
  EXPECT_EQ(codes[1], CURLE_OK);
}

}  // namespace
}  // namespace vigil
