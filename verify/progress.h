// "migration i of n" for each database being built, on one line of a terminal, for runs long
// enough to need it; silent when stderr is not a terminal.
#pragma once
#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace migc {

class Progress {
 public:
  explicit Progress(bool enabled);
  ~Progress();  // clears the line

  // `label` ("deploy", "order 2") has applied `done` of `total` migrations. Thread-safe.
  void update(const std::string& label, size_t done, size_t total);

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
  std::mutex mutex_;
  std::map<std::string, std::pair<size_t, size_t>> state_;
  bool shown_ = false;
};

}  // namespace migc
