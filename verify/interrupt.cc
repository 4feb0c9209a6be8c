#include "verify/interrupt.h"

#include <algorithm>
#include <csignal>
#include <mutex>
#include <thread>
#include <vector>

#include <pthread.h>

namespace migc {

struct Cleanup::State {
  std::mutex mutex;
  std::function<void()> action;
  bool done = false;

  void run() {
    std::lock_guard lock(mutex);
    if (done) return;
    done = true;
    if (action) action();
  }
};

namespace {

std::mutex registry_mutex;
std::vector<std::shared_ptr<Cleanup::State>>& registry() {
  static std::vector<std::shared_ptr<Cleanup::State>> r;
  return r;
}

sigset_t termination_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, sig);
  return set;
}

void signal_thread() {
  sigset_t set = termination_signals();
  int sig = 0;
  while (sigwait(&set, &sig) != 0) {
  }
  std::vector<std::shared_ptr<Cleanup::State>> pending;
  {
    std::lock_guard lock(registry_mutex);
    pending = registry();
  }
  for (auto it = pending.rbegin(); it != pending.rend(); ++it) (*it)->run();
  std::signal(sig, SIG_DFL);
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  raise(sig);
}

}  // namespace

void take_termination_signals() {
  static std::once_flag once;
  std::call_once(once, [] {
    sigset_t set = termination_signals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::thread(signal_thread).detach();
  });
}

Cleanup::Cleanup(std::function<void()> action) : state_(std::make_shared<State>()) {
  state_->action = std::move(action);
  std::lock_guard lock(registry_mutex);
  registry().push_back(state_);
}

Cleanup::~Cleanup() {
  run();
  std::lock_guard lock(registry_mutex);
  auto& r = registry();
  r.erase(std::remove(r.begin(), r.end(), state_), r.end());
}

void Cleanup::run() { state_->run(); }

void Cleanup::dismiss() {
  std::lock_guard lock(state_->mutex);
  state_->done = true;
}

}  // namespace migc
