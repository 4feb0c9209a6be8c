// Wall-clock phases of one verify run (--timings). Checks run on two threads, so phases may
// overlap: each is kept with its start, relative to the run's start.
#pragma once
#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace migc {

class Timings {
 public:
  using Clock = std::chrono::steady_clock;

  // Records `name` from `since` until now. Thread-safe.
  void add(std::string name, Clock::time_point since);
  // Runs `work` and records it as `name`.
  template <class F>
  auto measure(std::string name, F&& work) {
    auto since = Clock::now();
    struct Record {
      Timings& t;
      std::string name;
      Clock::time_point since;
      ~Record() { t.add(std::move(name), since); }
    } record{*this, std::move(name), since};
    return work();
  }

  std::string text() const;  // one line per phase, by start
  nlohmann::json json() const;

 private:
  struct Phase {
    std::string name;
    double start_ms = 0, ms = 0;
  };
  std::vector<Phase> phases() const;  // by start

  Clock::time_point origin_ = Clock::now();
  mutable std::mutex mutex_;
  std::vector<Phase> phases_;
};

}  // namespace migc
