#include "verify/progress.h"

#include <cstdio>

#include <fmt/format.h>

namespace migc {

Progress::Progress(bool enabled) : enabled_(enabled) {}

Progress::~Progress() {
  if (shown_) std::fputs("\r\033[K", stderr);
}

void Progress::update(const std::string& label, size_t done, size_t total) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  state_[label] = {done, total};
  auto now = std::chrono::steady_clock::now();
  // Quick runs stay quiet; long ones redraw at most ten times a second.
  if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  std::string line;
  for (const auto& [name, counts] : state_)
    line += fmt::format("{}{}: migration {} of {}", line.empty() ? "" : " · ", name, counts.first, counts.second);
  std::fprintf(stderr, "\r\033[Kmigc: %s", line.c_str());
  std::fflush(stderr);
  shown_ = true;
}

}  // namespace migc
