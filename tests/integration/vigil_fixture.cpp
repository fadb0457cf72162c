#include "vigil_fixture.hpp"

#include <gtest/gtest.h>
#include <signal.h>

#include <fstream>
#include <stdexcept>
#include <thread>

namespace vigil::testing {

std::int64_t now_s() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool eventually(const std::function<bool()>& done, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return done();
}

RunningVigil::RunningVigil(const std::string& config_yaml, std::map<std::string, std::string> env)
    : env_(std::move(env)) {
  if (!config_yaml.empty()) {
    config_path_ = dir_.file("vigil.yaml");
    std::ofstream(config_path_) << config_yaml;
  }
  std::string output;
  int code =
      run_vigil({"apikey", "create", "--name", "tests", "--data", dir_.file("data")}, {}, output);
  if (code != 0) throw std::runtime_error("apikey create failed: " + output);
  key_ = last_line(output);
  start();
}

RunningVigil::~RunningVigil() {
  stop();
}

void RunningVigil::start() {
  std::vector<std::string> args = {"serve", "--data", dir_.file("data"), "--port", "0"};
  if (!config_path_.empty()) {
    args.push_back("--config");
    args.push_back(config_path_);
  }
  process_ = std::make_unique<VigilProcess>(args, env_,
                                            dir_.file("log-" + std::to_string(++starts_) + ".txt"));
  port_ = process_->wait_for_port();
  if (port_ == 0) throw std::runtime_error("vigil did not start: " + process_->output());
}

int RunningVigil::stop() {
  if (!process_) return -1;
  int code = process_->stop(SIGTERM);
  return code;
}

void RunningVigil::restart() {
  stop();
  start();
}

ClientResponse RunningVigil::api(const std::string& method, const std::string& path,
                                 const std::string& body) const {
  std::map<std::string, std::string> headers = {{"Authorization", "Bearer " + key_}};
  if (!body.empty()) headers["Content-Type"] = "application/json";
  return http_request(method, base_url() + path, body, headers);
}

void RunningVigil::add_manual_monitors(std::initializer_list<const char*> tags) const {
  for (const char* tag : tags) {
    auto r = api("POST", "/api/v4/monitors",
                 R"({"tag":")" + std::string(tag) + R"(","name":"x","monitor_type":"NONE"})");
    ASSERT_EQ(r.status, 201) << r.body;
  }
}

}  // namespace vigil::testing
