#include "vigil_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace vigil::testing {
namespace {

int wait_exit(pid_t pid, int timeout_s) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

}  // namespace

VigilProcess::VigilProcess(std::vector<std::string> args, std::map<std::string, std::string> env,
                           const std::string& log_path)
    : log_path_(log_path) {
  args.insert(args.begin(), VIGIL_BINARY);
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a test that crashed
    int fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
}

VigilProcess::~VigilProcess() {
  if (pid_ > 0 && wait_exit(pid_, 0) == -1) {
    kill(pid_, SIGKILL);
    wait_exit(pid_, 10);
  }
}

std::string VigilProcess::output() const {
  std::ifstream in(log_path_);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int VigilProcess::wait_for_port() {
  static const std::regex kServing("serving on port ([0-9]+)");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch match;
    std::string text = output();
    if (std::regex_search(text, match, kServing)) return std::stoi(match[1]);
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return 0;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return 0;
}

int VigilProcess::stop(int signal, int timeout_s) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  return wait(timeout_s);
}

int VigilProcess::wait(int timeout_s) {
  if (pid_ <= 0) return -1;
  int code = wait_exit(pid_, timeout_s);
  if (code != -1) pid_ = -1;
  return code;
}

int run_vigil(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
              std::string& output) {
  char path[] = "/tmp/vigil-run-XXXXXX";
  int fd = mkstemp(path);
  close(fd);
  int code;
  {
    VigilProcess process(args, env, path);
    code = process.wait(60);
    output = process.output();
  }
  unlink(path);
  return code;
}

std::string last_line(const std::string& text) {
  std::istringstream in(text);
  std::string line, last;
  while (std::getline(in, line)) {
    if (!line.empty()) last = line;
  }
  return last;
}

}  // namespace vigil::testing
