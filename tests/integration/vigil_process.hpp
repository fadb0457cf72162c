#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace vigil::testing {

//! The vigil binary run as a child process, its output captured to a file.
class VigilProcess {
 public:
  //! Starts `vigil <args...>` with extra environment variables; does not wait.
  VigilProcess(std::vector<std::string> args, std::map<std::string, std::string> env,
               const std::string& log_path);
  ~VigilProcess();
  VigilProcess(const VigilProcess&) = delete;
  VigilProcess& operator=(const VigilProcess&) = delete;

  //! Waits (up to 20 s) for the "serving on port N" log line; returns N or 0.
  int wait_for_port();
  //! Sends a signal and waits for the exit (up to `timeout_s`); returns the exit code, or -1.
  int stop(int signal, int timeout_s = 30);
  //! Waits for the process to exit by itself; returns the exit code, or -1 on timeout.
  int wait(int timeout_s);
  //! Everything the process printed so far.
  std::string output() const;

 private:
  pid_t pid_ = -1;
  std::string log_path_;
};

//! Runs `vigil <args...>` to completion; returns its exit code and fills `output`.
int run_vigil(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
              std::string& output);

//! The last non-empty line of a text.
std::string last_line(const std::string& text);

}  // namespace vigil::testing
