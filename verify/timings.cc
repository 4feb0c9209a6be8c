#include "verify/timings.h"

#include <algorithm>

#include <fmt/format.h>

namespace migc {

static double ms_between(Timings::Clock::time_point a, Timings::Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

void Timings::add(std::string name, Clock::time_point since) {
  auto now = Clock::now();
  std::lock_guard lock(mutex_);
  phases_.push_back({std::move(name), ms_between(origin_, since), ms_between(since, now)});
}

std::vector<Timings::Phase> Timings::phases() const {
  std::lock_guard lock(mutex_);
  auto out = phases_;
  std::stable_sort(out.begin(), out.end(), [](const Phase& a, const Phase& b) { return a.start_ms < b.start_ms; });
  return out;
}

std::string Timings::text() const {
  std::string out = "timings (start, duration; checks run two at a time):\n";
  for (const auto& p : phases()) out += fmt::format("  {:>8.1f} ms  {:>8.1f} ms  {}\n", p.start_ms, p.ms, p.name);
  return out;
}

nlohmann::json Timings::json() const {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : phases()) out.push_back({{"phase", p.name}, {"start_ms", p.start_ms}, {"ms", p.ms}});
  return out;
}

}  // namespace migc
