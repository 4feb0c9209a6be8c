// Teardown on Ctrl-C, SIGTERM and SIGHUP. Those signals are blocked in every thread and taken
// by one thread that runs each registered cleanup (newest first), then re-raises the signal
// with its default action, so the exit status still says what happened.
#pragma once
#include <functional>
#include <memory>

namespace migc {

// Call once, before any other thread starts (threads inherit the blocked signals).
void take_termination_signals();

// A cleanup that runs exactly once: on a termination signal, at run(), or when destroyed,
// whichever comes first. Runs from the signal thread concurrently with the rest of the program,
// so it must only touch what it owns.
class Cleanup {
 public:
  explicit Cleanup(std::function<void()> action);
  ~Cleanup();
  Cleanup(const Cleanup&) = delete;
  Cleanup& operator=(const Cleanup&) = delete;

  void run();
  void dismiss();  // never run it (e.g. --keep leaves the server running)

  struct State;

 private:
  std::shared_ptr<State> state_;
};

}  // namespace migc
