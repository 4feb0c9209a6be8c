#include "verify/server_keeper.h"

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "verify/file_tree.h"

namespace fs = std::filesystem;

namespace migc {

std::vector<std::string> throwaway_server_settings() {
  return {"fsync=off",         "synchronous_commit=off", "full_page_writes=off", "wal_level=minimal",
          "max_wal_senders=0", "autovacuum=off",         "jit=off",              "max_connections=30",
          "shared_buffers=32MB", "TimeZone=UTC",         "DateStyle=ISO, MDY",   "log_min_messages=warning"};
}

std::vector<std::string> postmaster_command(const KeeperPlan& plan) {
  std::vector<std::string> cmd = {(plan.install.bin / "postgres").string(), "-D", (plan.run_dir / "data").string(),
                                  "-k", plan.run_dir.string(), "-c", "listen_addresses=", "-c",
                                  "unix_socket_permissions=0700"};
  for (const auto& setting : throwaway_server_settings()) {
    cmd.push_back("-c");
    cmd.push_back(setting);
  }
  return cmd;
}

namespace {

class Keeper {
 public:
  Keeper(const KeeperPlan& plan, int control, int status) : plan_(plan), control_(control), status_(status) {}

  [[noreturn]] void run() {
    std::string error = prepare_data();
    if (!error.empty()) finish("error " + error);
    if (stop_requested(0)) finish("");
    try {
      // The keeper itself stays root when migc is: it must be able to remove the run
      // directory wherever $TMPDIR puts it.
      postmaster_ = spawn(postmaster_command(plan_), {.user = plan_.user,
                                                      .death_signal = SIGQUIT,
                                                      .output = (plan_.run_dir / "log").string()});
    } catch (const std::exception& e) {
      finish(std::string("error ") + e.what());
    }
    report("pid " + std::to_string(postmaster_));
    publish_new_template();
    watch();
  }

 private:
  fs::path new_template() const { return plan_.run_dir / "template"; }

  // data/ from the cache; on first use, from initdb into template/ first.
  std::string prepare_data() {
    std::error_code ec;
    bool cached = fs::exists(plan_.template_dir, ec);
    if (!cached) {
      try {
        init_cluster(plan_.install, plan_.cluster, new_template(), plan_.user);
      } catch (const std::exception& e) {
        return e.what();
      }
    }
    fs::path from = cached ? plan_.template_dir : new_template();
    if (auto copy = copy_tree(from, plan_.run_dir / "data", plan_.user))
      return "cannot copy the cluster " + from.string() + ": " + copy.message();
    return "";
  }

  // The cache is filled while the server already works for migc: the slow copy to disk is
  // off the critical path of the first run.
  void publish_new_template() {
    std::error_code ec;
    if (!fs::exists(new_template(), ec)) return;
    try {
      publish_template(new_template(), plan_.template_dir);
    } catch (const std::exception&) {
      // The next run simply runs initdb again.
    }
    fs::remove_all(new_template(), ec);
  }

  void report(const std::string& line) {
    if (status_ < 0) return;
    std::string text = line + "\n";
    if (::write(status_, text.data(), text.size()) < 0) {
      ::close(status_);  // migc is gone
      status_ = -1;
    }
  }

  // The server's last words, for migc's error message (the run directory goes away).
  void report_log_tail() {
    std::string log = read_text(plan_.run_dir / "log");
    std::vector<std::string_view> lines;
    for (size_t at = 0; at < log.size();) {
      size_t end = log.find('\n', at);
      if (end == std::string::npos) end = log.size();
      lines.push_back(std::string_view(log).substr(at, end - at));
      at = end + 1;
    }
    size_t first = lines.size() > 20 ? lines.size() - 20 : 0;
    for (size_t i = first; i < lines.size(); ++i) report("log " + std::string(lines[i]));
  }

  // True when migc asked to stop (or went away); `timeout_ms` 0 only peeks.
  bool stop_requested(int timeout_ms) {
    pollfd p{control_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return false;
    char c = 0;
    return ::read(control_, &c, 1) <= 0 || c != 'k';
  }

  [[noreturn]] void watch() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&set, sig);
    int signals = ::signalfd(-1, &set, SFD_CLOEXEC);
    int exited = static_cast<int>(::syscall(SYS_pidfd_open, postmaster_, 0));
    for (;;) {
      pollfd fds[3] = {{control_, POLLIN, 0}, {signals, POLLIN, 0}, {exited, POLLIN, 0}};
      if (::poll(fds, 3, -1) < 0) {
        if (errno == EINTR) continue;
        break;
      }
      if (fds[2].revents) {
        wait_for(postmaster_);
        postmaster_ = 0;
        report_log_tail();
        finish("exited");
      }
      if (fds[1].revents) break;
      if (fds[0].revents) {
        char c = 0;
        if (::read(control_, &c, 1) <= 0 || c != 'k') break;
        ::close(control_);  // --keep: from now on only the postmaster's exit or SIGTERM end it
        control_ = -1;
      }
    }
    finish("");
  }

  // Stops the postmaster (immediate shutdown), removes the run directory and exits.
  [[noreturn]] void finish(const std::string& last_report) {
    if (!last_report.empty()) report(last_report);
    if (postmaster_ > 0) {
      ::kill(postmaster_, SIGQUIT);
      wait_for(postmaster_);
    }
    std::error_code ec;
    fs::remove_all(plan_.run_dir, ec);
    ::_exit(0);
  }

  const KeeperPlan& plan_;
  int control_, status_;
  pid_t postmaster_ = 0;
};

}  // namespace

void run_keeper(const KeeperPlan& plan, int control_fd, int status_fd) {
  ::setsid();  // out of the terminal's process group: Ctrl-C reaches migc, which then closes the pipe
  int null = ::open("/dev/null", O_RDWR);
  for (int fd = 0; fd < 3; ++fd) ::dup2(null, fd);
  close_descriptors_except({control_fd, status_fd});
  sigset_t stop;
  sigemptyset(&stop);
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&stop, sig);
  ::sigprocmask(SIG_BLOCK, &stop, nullptr);  // taken through a signalfd once the server runs
  ::signal(SIGPIPE, SIG_IGN);
  Keeper(plan, control_fd, status_fd).run();
}

}  // namespace migc
